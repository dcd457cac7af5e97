import { beforeAll, describe, expect, it } from 'vitest';
import { runPgform } from '../support/cli.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';

const pgform = (cwd: string, args: string[]) => runPgform(cwd, args);

const NOTE =
  'note: 2 object(s) in the pulled schemas are not modelled by pgform and were not written (pgform leaves them as they are): ' +
  'range type public.floatrange; text search dictionary public.my_dict';

describe('pull and drift name the objects pgform does not model', () => {
  let dir: string;
  let url: string;
  let pulled: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pgform-pull-notes-'));
    pulled = join(dir, 'schema');
    url = await freshPostgresDatabase('pullnotes');
    const conn = await openPostgres(url);
    try {
      await conn.exec(`
        CREATE TABLE items (id bigint PRIMARY KEY, weight float8);
        CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
        CREATE AGGREGATE my_sum(integer) (sfunc = int4pl, stype = integer);
        CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = pg_catalog.simple);
      `);
    } finally {
      await conn.close();
    }
  });

  it('pull writes the modelled objects, notes the others on stderr, and the YAML plans empty', () => {
    const pull = pgform(dir, ['pull', '--db', url, '--out', pulled]);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toBe('');
    const lines = pull.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^wrote \d+ file\(s\) to .*: 1 table\(s\)/);
    expect(lines.slice(1)).toEqual([NOTE]);
    expect(readFileSync(join(pulled, 'public.yaml'), 'utf8')).toContain('aggregates:\n  my_sum: { arguments: integer, sfunc: int4pl, stype: integer }\n');

    const plan = pgform(dir, ['plan', '--db', url, '--schema', pulled, '--exit-code']);
    expect(plan.stdout).toMatch(/no changes/);
    expect(plan.code).toBe(0);
  });

  it('drift reports no drift, says on stderr what it does not cover, and lists it in JSON', () => {
    const text = pgform(dir, ['drift', '--db', url, '--schema', pulled]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain(
      'note: 2 object(s) in the managed schemas are not modelled by pgform and are not covered by this report (pgform leaves them as they are): ' +
        'range type public.floatrange; text search dictionary public.my_dict',
    );
    expect(text.stdout).not.toContain('my_dict');
    // The aggregate is modelled: pulled, and no drift.
    expect(text.stdout).not.toContain('my_sum');

    const json = pgform(dir, ['drift', '--db', url, '--schema', pulled, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { drifted: boolean; unmodelled: unknown };
    expect(report.drifted).toBe(false);
    expect(report.unmodelled).toEqual([
      { kind: 'range type', schema: 'public', name: 'floatrange', identity: 'public.floatrange' },
      { kind: 'text search dictionary', schema: 'public', name: 'my_dict', identity: 'public.my_dict' },
    ]);
  });
});
