/**
 * schema/cmmc on the embedded default (the TimescaleDB build, chosen for pgvector) and on the
 * PostgreSQL 15 server with pgvector; and adoption: the team's plain SQL loaded,
 * pulled, and the pulled YAML planned against the same database is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, plan, pulled, serverDatabase, forServer } from './support.ts';

const full = desiredOf('cmmc');

describe('cmmc on the embedded default (TimescaleDB build, with pgvector)', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(full);
    await apply(conn, full);
  }, 120_000);
  afterAll(async () => conn?.close());

  it('applies to an empty database; drift and the second plan are empty', async () => {
    await expectConverged(conn, full, 'cmmc');
    const defs = await conn.query<{ v: string }>(`SELECT indexdef AS v FROM pg_indexes WHERE indexname LIKE '%embedding' ORDER BY indexname`);
    expect(defs).toHaveLength(3);
    for (const d of defs) expect(d.v).toMatch(/USING ivfflat \(\(\(?embedding\)?::halfvec\(3072\)\) halfvec_cosine_ops\)/);
  });

  it('lets the application role add to and read its audit trail, never rewrite or erase it, and only read the views', async () => {
    await conn.exec(`SET ROLE cmmc_user`);
    try {
      await conn.exec(`INSERT INTO audit_logs (action, entity_type) VALUES ('login', 'user')`);
      expect(await conn.query(`SELECT action FROM audit_logs`)).toEqual([{ action: 'login' }]);
      for (const sql of [`UPDATE audit_logs SET action = 'x'`, `DELETE FROM audit_logs`]) {
        await expect(conn.exec(sql), sql).rejects.toThrow(/permission denied/);
      }
    } finally {
      await conn.exec(`RESET ROLE`);
    }
    await conn.exec(`DELETE FROM audit_logs`);
    // The views refuse writes whatever the privileges; the catalog shows none is granted either.
    const privileges = await conn.query<{ relname: string; p: string }>(
      `SELECT c.relname, x.p FROM pg_class c CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS x(p)
       WHERE c.relname IN ('assessment_summary', 'open_poam_items', 'assessment_stats') AND has_table_privilege('cmmc_user', c.oid, x.p)
       ORDER BY 1, 2`,
    );
    expect(privileges).toEqual(['assessment_stats', 'assessment_summary', 'open_poam_items'].map((relname) => ({ relname, p: 'SELECT' })));
  });

  it('keeps one finding per control and assessment, and the progress counters current', async () => {
    await conn.exec(fixture('cmmc', 'data.sql'));
    const n = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM cmmc_controls`);
    expect(n[0]!.n).toBeGreaterThan(0);
  });
});

const onServer = forServer(full);
describe(`cmmc on the PostgreSQL 15 server ${onServer.whole ? 'with pgvector' : 'without its pgvector parts (the server lacks pgvector)'}`, () => {
  const plain = onServer.desired;
  let conn: Connection;
  beforeAll(async () => {
    conn = await serverDatabase();
    await apply(conn, plain);
  }, 120_000);
  afterAll(async () => conn?.close());

  it('applies to an empty database; drift and the second plan are empty', async () => {
    await expectConverged(conn, plain, 'cmmc on PostgreSQL 15');
    if (!onServer.whole) return;
    const defs = await conn.query<{ v: string }>(`SELECT indexdef AS v FROM pg_indexes WHERE indexname LIKE '%embedding' ORDER BY indexname`);
    expect(defs).toHaveLength(3);
    for (const d of defs) expect(d.v).toMatch(/USING ivfflat \(\(\(?embedding\)?::halfvec\(3072\)\) halfvec_cosine_ops\)/);
  });
});

describe('cmmc adoption: plain SQL loaded, pulled, planned against the same database', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(full);
    await conn.exec(fixture('cmmc', 'roles.sql'));
    await conn.exec(fixture('cmmc', 'schema.sql'));
    await conn.exec(fixture('cmmc', 'vector.sql'));
    await conn.exec(fixture('cmmc', 'data.sql'));
  }, 120_000);
  afterAll(async () => conn?.close());

  it('the pulled YAML plans to nothing', async () => {
    const p = await plan(conn, await pulled(conn));
    expect(p.steps.map((s) => s.sql)).toEqual([]);
  });
});
