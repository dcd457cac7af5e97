import { describe, expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.ts';
import { withoutClusterState } from '../../src/workflow/states.ts';
import { pooledPglite, releasePglite } from '../support/pglite-pool.ts';
import { freshPglite } from '../support/databases.ts';

const BUSY = `
CREATE EXTENSION citext;
CREATE SCHEMA app;
CREATE ROLE pool_reader;
CREATE TYPE app.mood AS ENUM ('ok');
CREATE TABLE app.t (id int PRIMARY KEY, name citext, m app.mood);
CREATE TABLE public.p (id int);
CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT SELECT ON app.t TO pool_reader;
GRANT USAGE ON SCHEMA public TO pool_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE pool_reader GRANT SELECT ON TABLES TO PUBLIC;
COMMENT ON SCHEMA public IS 'changed';
CREATE TEMP TABLE scratchpad (x int);
SET search_path TO app;
SELECT pg_advisory_lock(42);
`;

describe('the corpus pool of embedded databases', () => {
  it('an instance that held schemas, roles, extensions and session state comes back empty', async () => {
    const first = await pooledPglite(['citext']);
    await first.exec(BUSY);
    await first.exec('BEGIN; CREATE TABLE public.unfinished (x int)'); // left in an open transaction
    await releasePglite(first, ['citext']);
    const again = await pooledPglite(['citext']);
    try {
      expect(again).toBe(first);
      const fresh = await freshPglite(['citext']);
      const expected = withoutClusterState(await introspect(fresh));
      await fresh.close();
      expect(withoutClusterState(await introspect(again))).toEqual(expected);
      expect(await again.query(`SELECT rolname FROM pg_roles WHERE rolname = 'pool_reader'`)).toEqual([]);
      expect(await again.query(`SELECT current_setting('search_path') AS p`)).toEqual([{ p: 'public' }]);
      expect(await again.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).toEqual([{ n: 0 }]);
    } finally {
      await releasePglite(again, ['citext']);
    }
  });

  it('an instance the reset cannot bring back is not reused', async () => {
    const conn = await pooledPglite();
    // Default privileges of the bootstrap role survive every DROP the reset runs.
    await conn.exec('ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC');
    await releasePglite(conn);
    const next = await pooledPglite();
    try {
      expect(next).not.toBe(conn);
      expect(await next.query('SELECT count(*)::int AS n FROM pg_default_acl')).toEqual([{ n: 0 }]);
    } finally {
      await releasePglite(next);
    }
  });
});
