/**
 * schema/enterprise-ai on the embedded default (PGlite) and on the PostgreSQL 15 server: its
 * reference rows (system roles and their permissions, models, settings...) and what drift makes
 * of them; and adoption: the team's plain SQL loaded, pulled, and the pulled YAML planned against
 * the same database is empty.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { driftReport } from '../../src/drift/report.ts';
import { compareStates, desiredState } from '../../src/workflow/states.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, plan, pulled, serverDatabase, workspace } from './support.ts';

// The log tables' rolling partition rules are evaluated for this date (the current month and three ahead).
vi.stubEnv('PGFORM_TODAY', '2026-12-04');
const desired = desiredOf('enterprise-ai');

/** The permissions a system role holds itself (not through its parents), as `resource_type:action`. */
async function ownPermissions(conn: Connection, role: string): Promise<string[]> {
  const rows = await conn.query<{ v: string }>(
    `SELECT p.name AS v
       FROM roles r JOIN role_permissions rp ON rp.role_id = r.id JOIN permissions p ON p.id = rp.permission_id
      WHERE r.name = $1 AND r.organization_id IS NULL ORDER BY 1`,
    [role],
  );
  return rows.map((r) => r.v);
}

for (const engine of ['embedded default (PGlite)', 'PostgreSQL 15 server'] as const) {
  describe(`enterprise-ai on the ${engine}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = engine === 'PostgreSQL 15 server' ? await serverDatabase() : await embeddedFor(desired);
      await apply(conn, desired);
    }, 120_000);
    afterAll(async () => conn?.close());

    it('applies to an empty database; drift and the second plan are empty', async () => {
      await expectConverged(conn, desired, `enterprise-ai on ${engine}`);
    });

    it('seeds the reference rows: each system role has its permissions through role_permissions, and inherits its parents\'', async () => {
      const counts = await conn.query<{ t: string; n: number }>(
        `SELECT 'resource_types' AS t, count(*)::int AS n FROM resource_types
         UNION ALL SELECT 'permissions', count(*)::int FROM permissions
         UNION ALL SELECT 'system roles', count(*)::int FROM roles WHERE is_system AND organization_id IS NULL
         UNION ALL SELECT 'llm_models', count(*)::int FROM llm_models
         UNION ALL SELECT 'compliance_frameworks', count(*)::int FROM compliance_frameworks
         UNION ALL SELECT 'system_settings', count(*)::int FROM system_settings`,
      );
      // 13 resource types x 5 actions; the document's 10 roles, 4 models, 5 frameworks; 10 settings.
      expect(Object.fromEntries(counts.map((c) => [c.t, c.n]))).toEqual({
        resource_types: 13,
        permissions: 65,
        'system roles': 10,
        llm_models: 4,
        compliance_frameworks: 5,
        system_settings: 10,
      });
      expect(await ownPermissions(conn, 'security_admin')).toEqual(['audit:read', 'encryption_key:manage', 'user:update']);
      expect(await ownPermissions(conn, 'viewer')).toEqual(['conversation:read', 'document:read', 'message:read']);
      // Every permission is named after its resource type and action.
      const misnamed = await conn.query(
        `SELECT p.name FROM permissions p JOIN resource_types rt ON rt.id = p.resource_type_id WHERE p.name <> rt.name || ':' || p.action`,
      );
      expect(misnamed).toEqual([]);
      // The settings' values were written at INSERT, as JSON.
      const timeout = await conn.query<{ v: number }>(`SELECT (value #>> '{}')::int AS v FROM system_settings WHERE key = 'security.session_timeout_minutes'`);
      expect(timeout).toEqual([{ v: 480 }]);

      // An analyst (parent: user, whose parent is viewer) holds analytics:manage, and what user and
      // viewer hold, but not what manager (analyst's child) holds.
      await conn.exec(`
        INSERT INTO users (id, email) VALUES ('0b000000-0000-4000-8000-000000000001', 'ana@example.com');
        INSERT INTO user_roles (user_id, role_id)
        SELECT '0b000000-0000-4000-8000-000000000001', id FROM roles WHERE name = 'analyst' AND organization_id IS NULL;`);
      const has = async (resource: string, action: string) =>
        (await conn.query<{ v: boolean }>(`SELECT user_has_permission('0b000000-0000-4000-8000-000000000001', $1, $2) AS v`, [resource, action]))[0]!.v;
      expect(await has('analytics', 'delete')).toBe(true);
      expect(await has('conversation', 'update')).toBe(true);
      expect(await has('document', 'read')).toBe(true);
      expect(await has('cost_center', 'read')).toBe(false);
      expect(await has('user', 'manage')).toBe(false);
    });

    it('makes the rolling rule\'s monthly partitions and a default partition, and routes rows into them', async () => {
      const months = ['2026_12', '2027_01', '2027_02', '2027_03'];
      for (const table of ['audit_logs', 'api_usage_logs', 'llm_usage_logs', 'cost_allocations']) {
        const parts = await conn.query<{ v: string }>(
          `SELECT c.relname AS v FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
          [table],
        );
        expect(parts.map((p) => p.v)).toEqual([...months.map((m) => `${table}_${m}`), `${table}_default`]);
      }
      // The team's own seed file runs after pgform's rows: same keys, nothing added.
      await conn.exec(fixture('enterprise-ai', 'data.sql'));
      const permissions = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM permissions`);
      expect(permissions).toEqual([{ n: 65 }]);
      const placed = await conn.query<{ v: string }>(
        `INSERT INTO audit_logs (created_at, action, resource_type) VALUES ('2027-02-15 12:00:00+00', 'login', 'user'), ('2027-06-01 00:00:00+00', 'login', 'user')
         RETURNING tableoid::regclass::text AS v`,
      );
      // Past the partitions made so far, a row lands in the default partition instead of failing.
      expect(placed).toEqual([{ v: 'audit_logs_2027_02' }, { v: 'audit_logs_default' }]);
    });

    if (engine === 'embedded default (PGlite)') {
      it('drift reports a hand-edited reference row and a hand-added permission; the plan restores them and keeps what users own', async () => {
        const gpt4o = (await conn.query<{ id: string }>(`SELECT id::text FROM llm_models WHERE model_name = 'gpt-4o'`))[0]!.id;
        await conn.exec(`
          UPDATE llm_models SET input_cost_per_1k_tokens = 0.003 WHERE model_name = 'gpt-4o';
          UPDATE system_settings SET value = '600' WHERE key = 'security.session_timeout_minutes';
          INSERT INTO organizations (id, name, slug) VALUES ('0a000000-0000-4000-8000-000000000001', 'Acme', 'acme');
          INSERT INTO roles (organization_id, name, display_name) VALUES ('0a000000-0000-4000-8000-000000000001', 'auditor', 'Auditor');`);
        const extra = (
          await conn.query<{ id: string }>(
            `INSERT INTO permissions (resource_type_id, action, name) SELECT id, 'export', 'analytics:export' FROM resource_types WHERE name = 'analytics' RETURNING id::text`,
          )
        )[0]!.id;

        // Drift: the changed price and the unlisted permission (permissions are fully managed);
        // not the administrator's setting value (written at INSERT only), not the organization's role.
        const want = await desiredState(desired.loaded.model, desired.managedSchemas, workspace, desired.loaded.sources);
        const states = await compareStates(conn, want, desired.managedSchemas, workspace);
        const entries = driftReport(states.live, states.desired);
        expect(entries.map((e) => [e.kind, e.object, e.status])).toEqual([
          ['row', `public.llm_models (id=${gpt4o})`, 'changed'],
          ['row', `public.permissions (id=${extra})`, 'unexpected'],
        ]);
        // Only the price differs: as in the database (-), as the YAML wants (+).
        expect(entries[0]!.lines.filter((l) => !l.startsWith('  '))).toEqual([
          '- input_cost_per_1k_tokens: "0.003000"',
          '+ input_cost_per_1k_tokens: "0.002500"',
        ]);

        // The plan: one UPDATE of the named column, one DELETE (data_loss) of the unlisted row.
        const p = await plan(conn, desired);
        expect(p.steps.map((s) => [s.operation, s.kind, s.object])).toEqual([
          ['delete', 'data', 'public.permissions'],
          ['update', 'data', `public.llm_models (id=${gpt4o})`],
        ]);
        expect(p.steps[0]!.hazards.map((h) => h.kind)).toEqual(['data_loss']);
        expect(p.steps[1]!.sql).toContain(`SET "input_cost_per_1k_tokens" = '0.002500'`);

        await apply(conn, desired);
        await expectConverged(conn, desired, 'enterprise-ai after restoring its reference rows');
        const after = await conn.query<{ price: string; timeout: string; auditors: number; exports: number }>(
          `SELECT (SELECT input_cost_per_1k_tokens::text FROM llm_models WHERE model_name = 'gpt-4o') AS price,
                  (SELECT value::text FROM system_settings WHERE key = 'security.session_timeout_minutes') AS timeout,
                  (SELECT count(*)::int FROM roles WHERE name = 'auditor') AS auditors,
                  (SELECT count(*)::int FROM permissions WHERE action = 'export') AS exports`,
        );
        expect(after).toEqual([{ price: '0.002500', timeout: '600', auditors: 1, exports: 0 }]);
      });
    }
  });
}

describe('enterprise-ai adoption: plain SQL loaded, pulled, planned against the same database', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(desired);
    await conn.exec(fixture('enterprise-ai', 'roles.sql'));
    await conn.exec(fixture('enterprise-ai', 'schema.sql'));
    await conn.exec(fixture('enterprise-ai', 'data.sql'));
  }, 120_000);
  afterAll(async () => conn?.close());

  it('the pulled YAML plans to nothing', async () => {
    const p = await plan(conn, await pulled(conn));
    expect(p.steps.map((s) => s.sql)).toEqual([]);
  });

  it('the team\'s reference rows and its plain SQL agree: the YAML plans no row against data.sql (the same fixed keys)', async () => {
    expect((desired.loaded.model.data ?? []).map((d) => d.table).sort()).toEqual([
      'compliance_frameworks', 'compliance_requirements', 'data_classifications', 'llm_models', 'llm_providers',
      'permissions', 'resource_types', 'role_permissions', 'roles', 'system_settings',
    ]);
    // Only the rows: schema.sql spells some checks and function bodies differently from the YAML
    // (`status IN (...)` on a varchar against `status::text IN (...)`), which PostgreSQL stores as
    // different expressions.
    const p = await plan(conn, desired);
    expect(p.steps.filter((s) => s.kind === 'data').map((s) => `${s.operation} ${s.object}: ${s.sql}`)).toEqual([]);
  });
});
