import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { compareStates, desiredState, type Workspace } from '../../src/workflow/states.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import { managedSchemasOf } from '../../src/workflow/desired.ts';
import { driftReport } from '../../src/drift/report.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';

const workspace: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-data-')), devUrl: null };

function schema(opts: { adminLevel: number; fullPermissions: boolean }): string {
  return `tables:
  app.roles:
    columns:
      id: { type: integer, primary_key: true }
      name: { type: text, not_null: true, unique: true }
      level: { type: "numeric(5,1)", not_null: true }
      settings: jsonb
      created_at: { type: timestamptz, not_null: true, default: now() }
    data:
      rows:
        - { id: 1, name: admin, level: ${opts.adminLevel}, settings: { mfa: true, scopes: [all] } }
        - { id: 2, name: viewer, level: 10, settings: null, created_at: { sql: "now() - interval '1 day'" } }
  app.permissions:
    columns:
      code: { type: text, primary_key: true }
      role_id: { type: integer, not_null: true, references: { table: roles, on_delete: restrict } }
      note: text
    data:
      delete_others: ${opts.fullPermissions}
      rows:
        - { code: "users:write", role_id: 1 }
        - { code: "users:read", role_id: 2, note: "it's read-only" }
  app.audit:
    columns:
      id: { type: bigint, identity: always, primary_key: true }
      what: text
`;
}

function input(text: string): DesiredInput {
  const loaded = loadSchemaFiles([{ path: 'schema.yaml', text }]);
  return { loaded, managedSchemas: managedSchemasOf(loaded.model, null) };
}

async function plan(conn: Connection, text: string): Promise<Plan> {
  return (await planDatabase(conn, input(text), workspace, DEFAULT_SETTINGS)).plan;
}

async function apply(conn: Connection, text: string): Promise<Plan> {
  const p = await plan(conn, text);
  const desired = input(text);
  await applyPlanSafely(conn, p, desired.managedSchemas, workspace, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000 });
  return p;
}

async function drift(conn: Connection, text: string) {
  const i = input(text);
  const desired = await desiredState(i.loaded.model, i.managedSchemas, workspace, i.loaded.sources);
  const states = await compareStates(conn, desired, i.managedSchemas, workspace);
  return driftReport(states.live, states.desired);
}

const rows = (conn: Connection, sql: string) => conn.query<Record<string, unknown>>(sql);

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`reference data on ${engine}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = engine === 'pglite' ? await freshPglite() : await freshPostgres('data');
    }, 60_000);
    afterAll(async () => {
      await conn?.close();
    });

    it('plans, applies, updates, reports drift and deletes only in fully managed tables', async () => {
      const v1 = schema({ adminLevel: 100, fullPermissions: false });

      // 1. From empty: the tables, then the roles' rows, then the permissions' rows (FK).
      const first = await apply(conn, v1);
      const inserts = first.steps.filter((s) => s.kind === 'data');
      // One INSERT per set of named columns: the viewer row also names created_at, one permission a note.
      expect(inserts.map((s) => `${s.operation} ${s.object}`)).toEqual(['insert app.roles', 'insert app.roles', 'insert app.permissions', 'insert app.permissions']);
      const lastSchemaStep = Math.max(...first.steps.map((s, i) => (s.kind === 'data' ? -1 : i)));
      expect(first.steps.findIndex((s) => s.kind === 'data')).toBeGreaterThan(lastSchemaStep);
      expect(await rows(conn, `SELECT id, name, level::text AS level, settings::text AS settings, created_at < now() - interval '1 hour' AS past FROM app.roles ORDER BY id`)).toEqual([
        { id: 1, name: 'admin', level: '100.0', settings: '{"mfa": true, "scopes": ["all"]}', past: false },
        { id: 2, name: 'viewer', level: '10.0', settings: null, past: true },
      ]);
      expect(await rows(conn, `SELECT code, role_id, note FROM app.permissions ORDER BY code`)).toEqual([
        { code: 'users:read', role_id: 2, note: "it's read-only" },
        { code: 'users:write', role_id: 1, note: null },
      ]);

      // 2. Nothing to do: 100 vs 100.0, JSON spacing and the `{ sql }` value are not differences.
      expect((await plan(conn, v1)).steps).toEqual([]);
      expect(await drift(conn, v1)).toEqual([]);

      // 3. A row changed in the YAML: one UPDATE of that column only.
      const v2 = schema({ adminLevel: 90, fullPermissions: false });
      const update = await plan(conn, v2);
      expect(update.steps.map((s) => [s.operation, s.object, s.sql])).toEqual([
        ['update', 'app.roles (id=1)', `UPDATE "app"."roles" SET "level" = '90'\nWHERE "id" = '1'`],
      ]);
      expect(update.sourceFingerprint).toBe(update.targetFingerprint);
      await apply(conn, v2);
      expect(await rows(conn, `SELECT level::text AS level FROM app.roles WHERE id = 1`)).toEqual([{ level: '90.0' }]);
      expect((await plan(conn, v2)).steps).toEqual([]);

      // 4. A row edited by hand and one deleted: drift names them; undeclared rows are not reported.
      await conn.exec(`UPDATE app.roles SET name = 'root' WHERE id = 1; DELETE FROM app.permissions WHERE code = 'users:write';
        INSERT INTO app.permissions (code, role_id) VALUES ('extra', 2); INSERT INTO app.audit (what) VALUES ('kept')`);
      const entries = await drift(conn, v2);
      expect(entries.map((e) => [e.kind, e.object, e.status])).toEqual([
        ['row', 'app.permissions (code=users:write)', 'missing'],
        ['row', 'app.roles (id=1)', 'changed'],
      ]);
      expect(entries[1]!.lines).toContain('- name: root');
      expect(entries[1]!.lines).toContain('+ name: admin');

      // 5. Fully managed: the extra row is deleted (data_loss), before the rows are written.
      const v3 = schema({ adminLevel: 90, fullPermissions: true });
      const full = await plan(conn, v3);
      expect(full.steps.map((s) => [s.operation, s.object, s.hazards.map((h) => h.kind)])).toEqual([
        ['delete', 'app.permissions', ['data_loss']],
        ['update', 'app.roles (id=1)', []],
        ['insert', 'app.permissions', []],
      ]);
      expect(full.steps[0]!.sql).toBe(`DELETE FROM "app"."permissions"\nWHERE "code" IN ('extra')`);
      expect((await drift(conn, v3)).map((e) => [e.object, e.status])).toContainEqual(['app.permissions (code=extra)', 'unexpected']);
      await apply(conn, v3);
      expect(await rows(conn, `SELECT code FROM app.permissions ORDER BY code`)).toEqual([{ code: 'users:read' }, { code: 'users:write' }]);
      expect(await rows(conn, `SELECT name FROM app.roles WHERE id = 1`)).toEqual([{ name: 'admin' }]);
      // The table without data was never touched.
      expect(await rows(conn, `SELECT what FROM app.audit`)).toEqual([{ what: 'kept' }]);
      expect((await plan(conn, v3)).steps).toEqual([]);
      expect(await drift(conn, v3)).toEqual([]);
    }, 120_000);
  });
}
