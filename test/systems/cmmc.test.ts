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

  // Before the fixture's rows are loaded below (its INSERTs say ON CONFLICT DO NOTHING and name
  // controls the YAML declares too): these are the YAML's rows alone.
  it('holds the 110 CMMC Level 2 controls, one per NIST SP 800-171 Rev. 2 requirement', async () => {
    // Family 3.<n> of NIST SP 800-171 Rev. 2: its CMMC domain and how many requirements it has.
    const families: [domain: string, family: number, count: number][] = [
      ['AC', 1, 22], ['AT', 2, 3], ['AU', 3, 9], ['CM', 4, 9], ['IA', 5, 11], ['IR', 6, 3], ['MA', 7, 6],
      ['MP', 8, 9], ['PS', 9, 2], ['PE', 10, 6], ['RA', 11, 3], ['CA', 12, 4], ['SC', 13, 16], ['SI', 14, 7],
    ];
    const expected = families.flatMap(([domain, family, count]) =>
      Array.from({ length: count }, (_, i) => ({ domain, practice_id: `3.${family}.${i + 1}` })),
    );
    expect(expected).toHaveLength(110);
    const rows = await conn.query<{ id: string; level: number; domain: string; practice_id: string; nist_control_id: string | null; title: string; objective: string }>(
      `SELECT id, level, domain, practice_id, nist_control_id, title, objective FROM cmmc_controls`,
    );
    expect(rows).toHaveLength(110);
    const perDomain = await conn.query<{ domain: string; n: number }>(`SELECT domain, count(*)::int AS n FROM cmmc_controls GROUP BY domain ORDER BY domain`);
    expect(perDomain).toEqual(families.map(([domain, , n]) => ({ domain, n })).sort((a, b) => a.domain.localeCompare(b.domain)));
    const byPractice = (a: { practice_id: string }, b: { practice_id: string }) => a.practice_id.localeCompare(b.practice_id, 'en', { numeric: true });
    expect(rows.map(({ domain, practice_id }) => ({ domain, practice_id })).sort(byPractice)).toEqual([...expected].sort(byPractice));
    for (const r of rows) {
      expect(r.id, r.id).toBe(`${r.domain}.L2-${r.practice_id}`);
      expect(r.nist_control_id, r.id).toBe(r.practice_id);
      expect(r.level, r.id).toBe(2);
      expect(r.title.trim(), r.id).not.toBe('');
      expect(r.objective.trim(), r.id).not.toBe('');
    }
    expect(new Set(rows.map((r) => r.title)).size).toBe(110);
    expect(new Set(rows.map((r) => r.objective)).size).toBe(110);
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
