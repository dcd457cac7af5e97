import { describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';

const load = (text: string) => loadSchemaFiles([{ path: 's.yaml', text }]);
const problems = (text: string): string[] => {
  try {
    load(text);
  } catch (e) {
    return (e as Error).message.split('\n');
  }
  throw new Error('expected the file to be refused');
};

describe('collations and aggregates in YAML', () => {
  it('loads collations with their provider defaults and the ICU locale in canonical form', () => {
    const m = load(`
collations:
  natural: { provider: icu, locale: en_US-u-kn-true }
  app.posix_order: { locale: POSIX }
  ci: { provider: icu, locale: und-u-ks-level2, deterministic: false }
`).model;
    expect(m.collations).toEqual([
      { schema: 'app', name: 'posix_order', provider: 'libc', locale: null, lcCollate: 'POSIX', lcCtype: 'POSIX', deterministic: true, comment: null },
      { schema: 'public', name: 'ci', provider: 'icu', locale: 'und-u-ks-level2', lcCollate: null, lcCtype: null, deterministic: false, comment: null },
      { schema: 'public', name: 'natural', provider: 'icu', locale: 'en-US-u-kn', lcCollate: null, lcCtype: null, deterministic: true, comment: null },
    ]);
  });

  it('refuses a collation without its locale, and libc settings on an ICU one, at the entry', () => {
    expect(problems('collations:\n  a: { provider: icu }\n  b: { provider: icu, locale: en, lc_collate: C }\n  c: { lc_ctype: C }\n')).toEqual([
      's.yaml:2:3: collations.a: an icu collation needs `locale`',
      's.yaml:3:35: collations.b.lc_collate: applies to libc collations only: use `locale`',
      's.yaml:4:3: collations.c: a libc collation needs `locale`, or both `lc_collate` and `lc_ctype`',
    ]);
  });

  it('loads aggregate overloads with their options and default EXECUTE grant, and refuses one without sfunc', () => {
    const m = load(`
aggregates:
  total:
    - { arguments: numeric, sfunc: num_add, stype: numeric, initcond: 0, parallel: safe }
    - { arguments: integer, sfunc: int4pl, stype: integer, finalfunc_extra: false }
`).model;
    expect(m.aggregates?.map((a) => [a.identityArguments, a.options])).toEqual([
      ['integer', { sfunc: 'int4pl', stype: 'integer' }],
      ['numeric', { sfunc: 'num_add', stype: 'numeric', initcond: '0', parallel: 'safe' }],
    ]);
    expect(m.grants.filter((g) => g.name === 'total').map((g) => [g.arguments, g.grantee, g.privilege])).toEqual([
      ['integer', 'PUBLIC', 'EXECUTE'],
      ['numeric', 'PUBLIC', 'EXECUTE'],
    ]);
    expect(problems('aggregates:\n  t: { arguments: int, stype: int }\n')[0]).toMatch(/aggregates\.t: .*sfunc/);
  });
});
