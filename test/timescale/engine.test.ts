import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, pgliteBuildFor, unsupportedExtensions } from '../../src/db/pglite.ts';
import { UserError } from '../../src/errors.ts';
import { notContinuousAggregateView, notTimescaleSchema, notTimescaleTrigger } from '../../src/introspect/timescale.ts';
import { openTimescale } from './support.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pgform-ts-'));
  dirs.push(d);
  return join(d, 'db');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('embedded engine choice', () => {
  it('picks the TimescaleDB build for timescaledb or vector only', () => {
    expect(pgliteBuildFor([])).toBe('standard');
    expect(pgliteBuildFor(['citext', 'pgcrypto'])).toBe('standard');
    expect(pgliteBuildFor(['timescaledb'])).toBe('timescaledb');
    expect(pgliteBuildFor(['vector', 'citext'])).toBe('timescaledb');
    // The TimescaleDB build ships no pgcrypto: that combination needs a server.
    expect(unsupportedExtensions(['timescaledb', 'pgcrypto'])).toEqual(['pgcrypto']);
    expect(unsupportedExtensions(['timescaledb', 'vector', 'citext'])).toEqual([]);
  });

  it('records the build in the data directory, reopens it with policies working, and refuses the other build', async () => {
    const dir = tempDir();
    const first = await openPglite({ dataDir: dir, extensions: ['timescaledb', 'vector'] });
    expect(first.build).toBe('timescaledb');
    expect((await first.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`))[0]!.v).toMatch(/^17/);
    await first.exec(`CREATE EXTENSION timescaledb; CREATE EXTENSION vector; CREATE TABLE m (ts timestamptz NOT NULL, e vector(3))`);
    await first.close();
    expect(JSON.parse(readFileSync(join(dir, 'pgform_extensions.json'), 'utf8'))).toEqual({ build: 'timescaledb', extensions: ['timescaledb', 'vector'] });

    // Reopened without naming the extensions: the directory's record decides the build.
    const again = await openPglite({ dataDir: dir });
    expect(again.build).toBe('timescaledb');
    await again.exec(`SELECT create_hypertable('m', by_range('ts'))`);
    // A licensed function: works only once TimescaleDB's library is loaded at start.
    await again.exec(`SELECT add_retention_policy('m', INTERVAL '30 days')`);
    await again.close();

    const standardDir = tempDir();
    const std = await openPglite({ dataDir: standardDir, extensions: ['citext'] });
    expect(std.build).toBe('standard');
    await std.close();
    await expect(openPglite({ dataDir: standardDir, extensions: ['timescaledb'] })).rejects.toThrow(UserError);
    await expect(openPglite({ dataDir: standardDir, extensions: ['vector'] })).rejects.toThrow(/created by the standard embedded engine.*declares vector/);
  });
});

describe('scope filters for what TimescaleDB creates', () => {
  it('leave out chunks, internal schemas, the aggregates\u2019 views and TimescaleDB\u2019s triggers, and keep user objects', async () => {
    const conn = await openTimescale();
    try {
      await conn.exec(`CREATE SCHEMA f;
        CREATE TABLE f.m (ts timestamptz NOT NULL, v int);
        SELECT create_hypertable('f.m', by_range('ts'));
        INSERT INTO f.m VALUES (now(), 1);
        CREATE MATERIALIZED VIEW f.agg WITH (timescaledb.continuous) AS SELECT time_bucket('1 hour', ts) b, sum(v) FROM f.m GROUP BY 1 WITH NO DATA;
        CREATE MATERIALIZED VIEW f.live_agg WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS SELECT time_bucket('1 day', ts) b, max(v) FROM f.m GROUP BY 1 WITH NO DATA;
        CREATE VIEW f.plain AS SELECT * FROM f.m;
        CREATE FUNCTION f.tg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE TRIGGER mine BEFORE INSERT ON f.m FOR EACH ROW EXECUTE FUNCTION f.tg();`);
      const schemas = await conn.query<{ nspname: string }>(
        `SELECT n.nspname FROM pg_namespace n WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND ${notTimescaleSchema('n.nspname')} ORDER BY 1`,
      );
      expect(schemas.map((r) => r.nspname)).toEqual(['f', 'public']);
      const relations = await conn.query<{ name: string }>(
        `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'v') AND ${notTimescaleSchema('n.nspname')} AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND ${notContinuousAggregateView('c')} ORDER BY 1`,
      );
      expect(relations.map((r) => r.name)).toEqual(['f.m', 'f.plain']);
      const triggers = await conn.query<{ tgname: string }>(
        `SELECT t.tgname FROM pg_trigger t WHERE t.tgrelid = 'f.m'::regclass AND NOT t.tgisinternal AND ${notTimescaleTrigger('t')} ORDER BY 1`,
      );
      expect(triggers.map((r) => r.tgname)).toEqual(['mine']);
      // Without the filter, TimescaleDB's own triggers are there: the filter is what removes them.
      const all = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_trigger t WHERE t.tgrelid = 'f.m'::regclass AND NOT t.tgisinternal`);
      expect(all[0]!.n).toBeGreaterThan(1);
    } finally {
      await conn.close();
    }
  });
});
