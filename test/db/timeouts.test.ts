import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { readTimeoutMessage, timeoutOptions } from '../../src/db/timeouts.ts';
import { readTableData } from '../../src/introspect/data.ts';
import { introspect } from '../../src/introspect/index.ts';
import { readHistory } from '../../src/apply/history.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { UserError } from '../../src/errors.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

const YAML = `
tables:
  roles:
    columns: { id: { type: int, primary_key: true }, name: text }
    data: [ { id: 1, name: admin } ]
`;

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

describe('reads under lock_timeout and statement_timeout', () => {
  it('give up on a table another session locks, with a clear message, and steps keep their own values', async () => {
    const url = await freshPostgresDatabase('reads');
    const blocker = await openPostgres(url);
    const conn = await openDatabase(url, { cwd: '.', readTimeouts: { lockTimeout: '300ms', statementTimeout: '2s' } });
    try {
      await blocker.exec(`CREATE TABLE roles (id int PRIMARY KEY, name text); INSERT INTO roles VALUES (1, 'admin')`);
      await blocker.exec('BEGIN; LOCK TABLE roles IN ACCESS EXCLUSIVE MODE');
      const data = loadSchemaFiles([{ path: 'schema.yaml', text: YAML }]).model.data!;
      const t0 = Date.now();
      const e = await errorOf(readTableData(conn, data));
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(readTimeoutMessage(e)).toMatch(
        /^reading the database failed\n {2}PostgreSQL: canceling statement due to lock timeout\n {2}another session holds a lock on what pgform reads; nothing was changed\. .*read_lock_timeout in pgform\.yaml/,
      );
      // The catalog and the history are read under the same bounds.
      const slow = await errorOf(conn.query('SELECT pg_sleep(5)'));
      expect(readTimeoutMessage(slow)).toMatch(/statement timeout[\s\S]*read_statement_timeout/);
      await blocker.exec('ROLLBACK');
      expect((await introspect(conn, { schemas: ['public'] })).tables.map((t) => t.name)).toEqual(['roles']);
      expect(await readHistory(conn)).toEqual([]);
      // A step's own settings are RESET afterwards to the read bounds, not to "no limit".
      await conn.exec(`SELECT set_config('lock_timeout', '5s', false); RESET lock_timeout`);
      expect((await conn.query<{ v: string }>("SELECT current_setting('lock_timeout') AS v"))[0]!.v).toBe('300ms');
    } finally {
      await blocker.close();
      await conn.close();
    }
  });

  it('refuse a setting that is not a duration', () => {
    expect(timeoutOptions({ lockTimeout: '5s', statementTimeout: '10 min' })).toBe('-c lock_timeout=5s -c statement_timeout=10min');
    expect(() => timeoutOptions({ lockTimeout: "5s -c search_path='x'", statementTimeout: '1h' })).toThrow(UserError);
    expect(readTimeoutMessage(new Error('relation does not exist'))).toBeNull();
  });
});
