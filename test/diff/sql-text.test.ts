import { describe, expect, it } from 'vitest';
import { resultTypes, typeRefersTo } from '../../src/diff/sql-text.ts';

describe('types a routine result names', () => {
  it('reads the type of SETOF and plain results, and each column type of TABLE(...)', () => {
    expect(resultTypes('integer')).toEqual(['integer']);
    expect(resultTypes('SETOF public.accounts')).toEqual(['public.accounts']);
    expect(resultTypes('TABLE(r uses)')).toEqual(['uses']);
    expect(resultTypes('TABLE(id integer, "Row" "My Table", amounts numeric(10,2)[], at timestamp with time zone)')).toEqual([
      'integer',
      '"My Table"',
      'numeric(10,2)[]',
      'timestamp with time zone',
    ]);
  });

  it('a TABLE(...) column names a table row type the way an argument does', () => {
    const [row] = resultTypes('TABLE(n integer, entry app."Notes")').slice(1);
    expect(typeRefersTo(row!, { schema: 'app', name: 'Notes' })).toBe(true);
    expect(typeRefersTo('TABLE(entry app."Notes")', { schema: 'app', name: 'Notes' })).toBe(false);
  });
});
