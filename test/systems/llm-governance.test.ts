/**
 * schema/llm-governance on the embedded default (the TimescaleDB build, chosen because the YAML
 * declares timescaledb) and on the PostgreSQL 15 server with TimescaleDB; and
 * adoption: the team's plain SQL loaded, pulled, and the pulled YAML planned against the same
 * database is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { pgliteBuildFor } from '../../src/db/pglite.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, forServer, plan, pulled, serverDatabase, workspace } from './support.ts';

const desired = desiredOf('llm-governance');
const AGGREGATES = ['llm_metrics_daily', 'llm_metrics_hourly'];
const ROLES = ['llm_governance_app', 'llm_governance_readonly'];

/** Whether `role` may read `relation`: a SELECT run as that role. */
async function canSelect(conn: Connection, role: string, relation: string): Promise<boolean> {
  await conn.exec(`SET ROLE ${role}`);
  try {
    await conn.query(`SELECT count(*) FROM ${relation}`);
    return true;
  } catch (e) {
    if (/permission denied/.test((e as Error).message)) return false;
    throw e;
  } finally {
    await conn.exec('RESET ROLE');
  }
}

async function count(conn: Connection, sql: string): Promise<number> {
  return Number((await conn.query<{ n: string }>(`SELECT (${sql})::int AS n`))[0]!.n);
}

describe('llm-governance on the embedded default (TimescaleDB build)', () => {
  let conn: Connection;
  beforeAll(async () => {
    expect(pgliteBuildFor(desired.loaded.model.extensions.map((e) => e.name))).toBe('timescaledb');
    // that build has no pgcrypto: the YAML must not ask for it
    expect(desired.loaded.model.extensions.map((e) => e.name)).not.toContain('pgcrypto');
    conn = await embeddedFor(desired);
    await apply(conn, desired);
  }, 120_000);
  afterAll(async () => conn?.close());

  it('applies to an empty database; drift and the second plan are empty', async () => {
    await expectConverged(conn, desired, 'llm-governance');
    const hypertables = await conn.query<{ v: string }>(`SELECT hypertable_name AS v FROM timescaledb_information.hypertables ORDER BY 1`);
    expect(hypertables.map((r) => r.v)).toEqual(['llm_metrics', 'system_metrics']);
    const jobs = await conn.query<{ proc_name: string }>(
      `SELECT proc_name FROM timescaledb_information.jobs WHERE hypertable_name IS NOT NULL ORDER BY 1`,
    );
    expect(jobs.map((j) => j.proc_name)).toEqual([
      'policy_compression', 'policy_compression', 'policy_refresh_continuous_aggregate',
      'policy_refresh_continuous_aggregate', 'policy_retention', 'policy_retention',
    ]);
  });

  it('lands metrics rows in hypertable chunks and refreshes the hourly aggregate', async () => {
    await conn.exec(`
      INSERT INTO llm_metrics (time, provider, model, prompt_tokens, completion_tokens, total_tokens, cost_usd)
      VALUES (now() - interval '2 hours', 'openai', 'gpt-4o', 100, 50, 150, 0.5),
             (now() - interval '2 hours', 'openai', 'gpt-4o', 200, 50, 250, 1.0);`);
    expect(await count(conn, `SELECT count(*) FROM show_chunks('llm_metrics')`)).toBeGreaterThan(0);
    expect(await count(conn, `SELECT count(*) FROM ONLY llm_metrics`)).toBe(0);
    await conn.query(`CALL refresh_continuous_aggregate('llm_metrics_hourly', NULL, NULL)`);
    const hourly = await conn.query<{ n: number; tokens: number }>(
      `SELECT sum(request_count)::int AS n, sum(total_tokens)::int AS tokens FROM llm_metrics_hourly WHERE model = 'gpt-4o'`,
    );
    expect(hourly[0]).toEqual({ n: 2, tokens: 400 });
  });

  it('lets the application and reporting roles read both aggregates, and no other role', async () => {
    await conn.exec(`DO $$ BEGIN CREATE ROLE llm_governance_outsider NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
      GRANT USAGE ON SCHEMA public TO llm_governance_outsider`);
    try {
      for (const a of AGGREGATES) {
        for (const r of ROLES) expect(await canSelect(conn, r, a), `${r} reads ${a}`).toBe(true);
        expect(await canSelect(conn, 'llm_governance_outsider', a)).toBe(false);
      }
    } finally {
      await conn.exec(`REVOKE USAGE ON SCHEMA public FROM llm_governance_outsider`);
    }
  });

  it('audits changes with checksums and rejects UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await conn.exec(fixture('llm-governance', 'data.sql'));
    expect(await count(conn, `SELECT count(*) FROM audit_logs WHERE action = 'insert'`)).toBe(11);
    expect(await count(conn, `SELECT count(*) FROM audit_logs WHERE checksum !~ '^[0-9a-f]{64}$'`)).toBe(0);
    await expect(conn.query(`UPDATE audit_logs SET action = 'tampered'`)).rejects.toThrow(/immutable/);
    await expect(conn.query(`DELETE FROM audit_logs`)).rejects.toThrow(/immutable/);
    await expect(conn.query(`TRUNCATE audit_logs`)).rejects.toThrow(/immutable/);
  });
});

/**
 * On the server, normalization runs where pgform runs it by default: the embedded TimescaleDB build
 * (PostgreSQL 17, TimescaleDB 2.23.0-dev), while the server is PostgreSQL 15 with TimescaleDB 2.23.0.
 */
const onServer = forServer(desired);
describe(`llm-governance on the PostgreSQL 15 server ${onServer.whole ? 'with TimescaleDB (scratch: the embedded default)' : 'without its TimescaleDB parts (the server lacks it)'}`, () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await serverDatabase();
    await apply(conn, onServer.desired, workspace);
  }, 180_000);
  afterAll(async () => conn?.close());

  it('applies to an empty database; drift and the second plan are empty', async () => {
    await expectConverged(conn, onServer.desired, 'llm-governance on PostgreSQL 15', workspace);
    expect(await count(conn, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`)).toBe(15);
    await expect(conn.exec(`INSERT INTO audit_logs (action, resource_type, checksum) VALUES ('x', 'y', '');
      UPDATE audit_logs SET action = 'z'`)).rejects.toThrow(/immutable/);
    if (!onServer.whole) return;
    const hypertables = await conn.query<{ v: string }>(`SELECT hypertable_name AS v FROM timescaledb_information.hypertables ORDER BY 1`);
    expect(hypertables.map((r) => r.v)).toEqual(['llm_metrics', 'system_metrics']);
    const [ext] = await conn.query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'timescaledb'`);
    expect(ext!.v).toBe('2.23.0');
  });
});

describe('llm-governance adoption: plain SQL loaded, pulled, planned against the same database', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(desired);
    await conn.exec(fixture('llm-governance', 'roles.sql'));
    // The TimescaleDB build has no pgcrypto, which nothing in the schema uses.
    await conn.exec(fixture('llm-governance', 'schema.sql').replace(/^CREATE EXTENSION IF NOT EXISTS pgcrypto;$/m, ''));
    await conn.exec(fixture('llm-governance', 'timescale.sql'));
    await conn.exec(fixture('llm-governance', 'data.sql'));
  }, 120_000);
  afterAll(async () => conn?.close());

  it('the pulled YAML has the aggregates with their grants and plans to nothing', async () => {
    const input = await pulled(conn);
    const loaded = input.loaded;
    const onAggregates = loaded.model.grants.filter((g) => AGGREGATES.includes(g.name ?? '')).map((g) => `${g.name} ${g.grantee} ${g.privilege}`);
    expect(onAggregates.sort()).toEqual(AGGREGATES.flatMap((a) => ROLES.map((r) => `${a} ${r} SELECT`)));
    const p = await plan(conn, input);
    expect(p.steps.map((s) => s.sql)).toEqual([]);
    for (const r of ROLES) expect(await canSelect(conn, r, 'llm_metrics_hourly')).toBe(true);
  });
});
