import { describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSchemaFiles, readSchemaFile } from '../../src/yaml/load.ts';
import { formatProblem, YamlError } from '../../src/yaml/problems.ts';
import { runPgform } from '../support/cli.ts';
import { freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';

/**
 * The hostile-input corpus (`cases/`, written by generate.ts): each file is loaded as `pgform
 * validate` loads it, in process and without any database, and must give a YamlError (exit 1)
 * whose first problem is at the `# expect:` line's position and key path, with its message.
 */
const DIR = fileURLToPath(new URL('./cases', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

interface Expectation {
  readonly at: string;
  readonly path: string;
  readonly message: RegExp;
}

function expectation(file: string): Expectation {
  const first = readFileSync(join(DIR, file)).subarray(0, 4096).toString('utf8').split('\n')[0]!;
  const m = /^# expect: (\d+:\d+) (\S+) \/(.*)\/$/.exec(first);
  if (!m) throw new Error(`${file}: no # expect: line`);
  return { at: m[1]!, path: m[2]!, message: new RegExp(m[3]!) };
}

function problemsOf(path: string): { texts: string[]; exitCode: number } {
  try {
    loadSchemaFiles([readSchemaFile(path)]);
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    return { texts: e.problems.map(formatProblem), exitCode: e.exitCode };
  }
  throw new Error(`${path} loaded without a problem`);
}

function firstProblem(path: string): { text: string } {
  return { text: problemsOf(path).texts[0]! };
}

describe('hostile inputs', () => {
  it('has at least 200 cases, with an injection attempt in every kind of SQL fragment', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(200);
    expect(FILES.filter((f) => /-inject-/.test(f)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(FILES)('%s: located message, exit 1', (file) => {
    const want = expectation(file);
    const t0 = performance.now();
    const got = problemsOf(join(DIR, file));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(got.exitCode).toBe(1);
    const prefix = `${join(DIR, file)}:${want.at}: ${want.path === '-' ? '' : `${want.path}: `}`;
    const hit = got.texts.find((t) => t.startsWith(prefix) && want.message.test(t.slice(prefix.length)));
    expect(hit, `no problem at ${prefix} matching ${want.message}:\n${got.texts.join('\n')}`).toBeDefined();
    // Printed as is on a terminal: no control character reaches it.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
    for (const t of got.texts) expect(t).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
  });

  it('a 5 MB file and a 2,000-key mapping are read in bounded time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-hostile-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `tables:\n  a:\n    columns: { id: int }\n    comment: "${'x'.repeat(5_000_000)}"\n    colour: red\n`);
    const t0 = performance.now();
    expect(firstProblem(big).text).toBe(`${big}:5:5: tables.a.colour: unknown key \`colour\`; expected one of: schema, comment, renamed_from, columns, primary_key, unique, foreign_keys, checks, exclusions, indexes, owner, grants, row_level_security, policies, triggers, hypertable, partition_by, convert_to_partitioned, partitions, data, inherits, unlogged, with`);
    const keys = join(dir, 'keys.yaml');
    writeFileSync(keys, `tables:\n  a:\n    columns:\n${Array.from({ length: 2_000 }, (_, i) => `      c${i}: int`).join('\n')}\n      c5: text\n`);
    expect(firstProblem(keys).text).toMatch(/keys\.yaml:2004:7: tables\.a\.columns: Map keys must be unique: `c5` is already a key at line 9, column 7/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('the CLI says the same, exits 1, and touches no database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-hostile-cli-'));
    const picks = FILES.filter((f) => /name-escape-in-table-name|encoding-latin1-name/.test(f));
    expect(picks).toHaveLength(2);
    for (const f of picks) {
      const schema = join(dir, f.replace(/\.yaml$/, ''));
      cpSync(join(DIR, f), join(schema, f), { recursive: true });
      const r = runPgform(dir, ['validate', '--schema', schema]);
      expect(r.code).toBe(1);
      const want = expectation(f);
      expect(r.stderr).toContain(`${join(schema, f)}:${want.at}: `);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    expect(existsSync(join(dir, '.pgform'))).toBe(false);
  });

  it('injection attempts given to plan with a server and --dev-url are refused before any connection: nothing runs', async () => {
    const url = await freshPostgresDatabase('hostile');
    const dir = mkdtempSync(join(tmpdir(), 'pgform-hostile-inject-'));
    const picks = FILES.filter((f) => /-inject-(policy-using|view-two-statements|data-sql-value|function-argument-default)\.yaml$/.test(f));
    expect(picks).toHaveLength(4);
    for (const f of picks) cpSync(join(DIR, f), join(dir, 'schema', f));
    const r = runPgform(dir, ['plan', '--schema', join(dir, 'schema'), '--db', url, '--dev-url', inject('postgresUrl')]);
    expect(r.code).toBe(1);
    for (const f of picks) expect(r.stderr).toContain(`${join(dir, 'schema', f)}:${expectation(f).at}: `);
    const conn = await openPostgres(url);
    try {
      expect(await conn.query(`SELECT rolname FROM pg_roles WHERE rolname = 'pwned'`)).toEqual([]);
      expect(await conn.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'pgform'`)).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});
