import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from '../../src/db/connection.ts';
import { loadDesired } from '../../src/workflow/desired.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { ident } from '../../src/sql/quote.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';

// Behaviour, not only shape: a schema directory with RLS, an append-only audit log and a history
// trigger is planned and applied the way `pgform apply` does it, then used as the application would.

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'behaviour-security');
const workspace: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };

async function applySchemaDir(conn: Connection, dir: string): Promise<string> {
  const desired = loadDesired(dir, null);
  const { plan } = await planDatabase(conn, desired, workspace, DEFAULT_SETTINGS);
  const sql = renderSql(plan);
  await applyPlanSafely(conn, plan, desired.managedSchemas, workspace, {
    allowHazards: 'all',
    allowStale: false,
    planSql: sql,
    lockWaitMs: 10_000,
  });
  return sql;
}

/** Runs `sql` as `role` with app.current_user_id set (or not) for one transaction, rolled back after. */
async function asUser<T extends object>(conn: Connection, role: string, userId: string | null, sql: string): Promise<T[]> {
  await conn.exec('BEGIN');
  try {
    await conn.exec(`SET LOCAL ROLE ${ident(role)}`);
    if (userId !== null) await conn.query(`SELECT set_config('app.current_user_id', $1, true)`, [userId]);
    return await conn.query<T>(sql);
  } finally {
    await conn.exec('ROLLBACK');
  }
}

const SEED = `
INSERT INTO organizations VALUES (10, 'Acme'), (20, 'Globex');
INSERT INTO members VALUES (1, 10), (2, 20), (3, 10), (3, 20);
INSERT INTO documents VALUES
  (1, 10, 'acme roadmap', false),
  (2, 10, 'acme old roadmap', true),
  (3, 20, 'globex budget', false),
  (4, 20, 'globex hiring', false);
INSERT INTO audit_log (actor, action) VALUES ('ann', 'login'), ('bob', 'export');
INSERT INTO parcels VALUES (1, 'books', 2.50), (2, 'lamp', 1.00);
`;

const engines: readonly { name: string; open: () => Promise<Connection> }[] = [
  { name: 'pglite', open: () => freshPglite() },
  { name: 'postgres', open: () => freshPostgres('bsec') },
];

describe.each(engines)('security and behaviour on $name', ({ open }) => {
  let db: Connection;
  let planSql: string;

  beforeAll(async () => {
    db = await open();
    planSql = await applySchemaDir(db, SCHEMA_DIR);
    // Seeded by the connecting superuser, which RLS does not restrict.
    await db.exec(SEED);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('plans policies, RLS, grants and triggers, and nothing more on the next plan', async () => {
    expect(planSql).toContain('CREATE POLICY');
    expect(planSql).toContain('ENABLE ROW LEVEL SECURITY');
    expect(planSql).toContain('FORCE ROW LEVEL SECURITY');
    expect(planSql).toContain('CREATE TRIGGER');
    const { plan } = await planDatabase(db, loadDesired(SCHEMA_DIR, null), workspace, DEFAULT_SETTINGS);
    expect(plan.steps.map((s) => s.sql)).toEqual([]);
  });

  describe('multi-tenant documents', () => {
    const visible = async (userId: string | null) =>
      (await asUser<{ id: number }>(db, 'bsec_app', userId, 'SELECT id FROM documents ORDER BY id')).map((r) => r.id);

    it('shows each member only the rows of their organizations, without deleted ones', async () => {
      expect(await visible('1')).toEqual([1]);
      expect(await visible('2')).toEqual([3, 4]);
      expect(await visible('3')).toEqual([1, 3, 4]);
    });

    it('shows nothing when no user is set or the user is unknown', async () => {
      expect(await visible(null)).toEqual([]);
      expect(await visible('99')).toEqual([]);
    });

    it('rejects writing a row into another organization, accepts it into the own one', async () => {
      await expect(
        asUser(db, 'bsec_app', '1', `INSERT INTO documents VALUES (5, 20, 'planted', false)`),
      ).rejects.toThrow(/row-level security/);
      expect(await asUser(db, 'bsec_app', '1', `INSERT INTO documents VALUES (5, 10, 'mine', false) RETURNING id`)).toEqual([{ id: 5 }]);
    });

    it('cannot update rows of another organization (they are invisible)', async () => {
      expect(await asUser(db, 'bsec_app', '1', `UPDATE documents SET title = 'x' WHERE id = 3 RETURNING id`)).toEqual([]);
    });

    it('applies the policies to the table owner too (FORCE), who has none', async () => {
      expect(await asUser(db, 'bsec_owner', '1', 'SELECT id FROM documents')).toEqual([]);
      const all = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
      expect(all).toEqual([{ n: 4 }]);
    });
  });

  describe('append-only audit log', () => {
    it('rejects UPDATE and DELETE with the trigger message, even for a role holding the privileges', async () => {
      await expect(asUser(db, 'bsec_app', null, `UPDATE audit_log SET actor = 'mallory'`)).rejects.toThrow(
        'audit_log is append-only: UPDATE refused',
      );
      await expect(asUser(db, 'bsec_app', null, 'DELETE FROM audit_log')).rejects.toThrow('audit_log is append-only: DELETE refused');
      await expect(db.query(`UPDATE audit_log SET action = 'logout' WHERE actor = 'ann'`)).rejects.toThrow(/append-only/);
      expect(await db.query('SELECT actor, action FROM audit_log ORDER BY id')).toEqual([
        { actor: 'ann', action: 'login' },
        { actor: 'bob', action: 'export' },
      ]);
    });
  });

  describe('weight history', () => {
    it('writes old and new values for a real weight change only', async () => {
      await db.exec(`UPDATE parcels SET weight = 3.25 WHERE id = 1`);
      await db.exec(`UPDATE parcels SET weight = 1.00, label = 'desk lamp' WHERE id = 2`);
      await db.exec(`UPDATE parcels SET label = 'old books' WHERE id = 1`);
      expect(
        await db.query('SELECT parcel_id, old_weight::text AS old_weight, new_weight::text AS new_weight FROM parcel_weight_history ORDER BY id'),
      ).toEqual([{ parcel_id: 1, old_weight: '2.50', new_weight: '3.25' }]);
    });
  });
});
