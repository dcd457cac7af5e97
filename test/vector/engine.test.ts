import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { pgliteBuildFor } from '../../src/db/pglite.ts';
import { openVector } from './support.ts';

describe('the vector engine', () => {
  let conn: Connection & { readonly build: string };
  beforeAll(async () => {
    conn = await openVector();
  }, 60_000);
  afterAll(async () => {
    await conn.close();
  });

  it('is the build a schema declaring vector gets, with pgvector 0.8 on PostgreSQL 17', async () => {
    expect(pgliteBuildFor(['vector'])).toBe('timescaledb');
    expect(pgliteBuildFor(['citext', 'vector'])).toBe('timescaledb');
    expect(conn.build).toBe('timescaledb');
    const [row] = await conn.query<{ version: string; server: string }>(
      `SELECT extversion AS version, current_setting('server_version_num') AS server FROM pg_catalog.pg_extension WHERE extname = 'vector'`,
    );
    expect(row!.version).toBe('0.8.0');
    expect(Number(row!.server)).toBeGreaterThanOrEqual(170000);
    expect(Number(row!.server)).toBeLessThan(180000);
  });

  // Why plans applied to this engine build and drop indexes without CONCURRENTLY (support.ts): the
  // build refuses them, and the invalid index left behind cannot even be dropped afterwards.
  it('refuses CONCURRENTLY index statements and leaves the index invalid', async () => {
    const probe = await openVector();
    try {
      await probe.exec('CREATE TABLE concurrently_probe (id int PRIMARY KEY, e vector(3))');
      await expect(probe.exec('CREATE INDEX CONCURRENTLY probe_idx ON concurrently_probe USING hnsw (e vector_l2_ops)')).rejects.toThrow(
        /tuple concurrently updated/,
      );
      const rows = await probe.query<{ valid: boolean }>(`SELECT indisvalid AS valid FROM pg_catalog.pg_index WHERE indexrelid = 'probe_idx'::regclass`);
      expect(rows).toEqual([{ valid: false }]);
      await expect(probe.exec('DROP INDEX probe_idx')).rejects.toThrow();
    } finally {
      await probe.close();
    }
  }, 60_000);
});
