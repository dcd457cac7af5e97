/**
 * schema/phase-c: base/ applied, the team's rows loaded, then planned to target/: what the
 * runbook does by hand. On the embedded default (PGlite) and on the PostgreSQL 15 server.
 * Adoption: the team's database as it has it (base.sql, its rows, then runbook.sql) pulled, and
 * the pulled YAML planned against the same database is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, plan, pulled, serverDatabase } from './support.ts';

const base = desiredOf('phase-c/base');
const target = desiredOf('phase-c/target');

for (const engine of ['embedded default (PGlite)', 'PostgreSQL 15 server'] as const) {
  describe(`phase-c base -> target on the ${engine}`, () => {
    let conn: Connection;
    let evolution: Plan;
    beforeAll(async () => {
      conn = engine === 'PostgreSQL 15 server' ? await serverDatabase() : await embeddedFor(base);
      await apply(conn, base);
      await expectConverged(conn, base, 'phase-c base');
      await conn.exec(fixture('phase-c', 'data.sql'));
      evolution = await apply(conn, target);
    }, 120_000);
    afterAll(async () => conn?.close());

    it('plans the runbook: enum conversion with USING, new tables, checks, partial indexes, trigger, function', () => {
      const sql = evolution.steps.map((s) => s.sql).join(';\n');
      expect(sql).toMatch(/CREATE TYPE "public"\."user_role_enum"/);
      expect(sql).toMatch(/ALTER COLUMN "role" TYPE user_role_enum USING upper\(/);
      expect(sql).toMatch(/CREATE TABLE "public"\."weight_override_history"/);
      expect(sql).toMatch(/CREATE TRIGGER/);
      expect(sql).toMatch(/cleanup_old_audit_logs/);
      // the type change comes after the old check and default are out of its way
      const at = (re: RegExp) => evolution.steps.findIndex((s) => re.test(s.sql));
      expect(at(/DROP CONSTRAINT "users_role_check"/)).toBeLessThan(at(/TYPE user_role_enum USING/));
    });

    it('applied, the database equals target/: drift and the next plan are empty', async () => {
      await expectConverged(conn, target, `phase-c target on ${engine}`);
    });

    it('keeps the rows of users.role through the enum conversion', async () => {
      const users = await conn.query<{ email: string; role: string }>(`SELECT email, role::text AS role FROM users ORDER BY email`);
      expect(users).toEqual([
        { email: 'ada@acme.example', role: 'ADMIN' },
        { email: 'gus@globex.example', role: 'ADMIN' },
        { email: 'val@globex.example', role: 'VIEWER' },
        { email: 'vic@acme.example', role: 'VIEWER' },
      ]);
    });

    it('writes a history row when weights change, and only then', async () => {
      await conn.exec(`INSERT INTO companies (id, name) VALUES ('0c000000-0000-4000-8000-0000000000ff', 'Weights Co')`);
      const [row] = await conn.query<{ id: string }>(
        `INSERT INTO weight_overrides (company_id, category, weights)
         VALUES ('0c000000-0000-4000-8000-0000000000ff', 'sroi', '{"volunteer_hour_value": 35.00}') RETURNING id`,
      );
      await conn.query(`UPDATE weight_overrides SET weights = '{"volunteer_hour_value": 40.00}' WHERE id = $1`, [row!.id]);
      await conn.query(`UPDATE weight_overrides SET weights = '{"volunteer_hour_value": 40.00}' WHERE id = $1`, [row!.id]);
      await conn.query(`UPDATE weight_overrides SET updated_at = now() WHERE id = $1`, [row!.id]);
      const history = await conn.query<{ old: string; new: string }>(
        `SELECT old_weights->>'volunteer_hour_value' AS old, new_weights->>'volunteer_hour_value' AS new
           FROM weight_override_history WHERE weight_override_id = $1`,
        [row!.id],
      );
      expect(history).toEqual([{ old: '35.00', new: '40.00' }]);
    });
  });
}

describe('phase-c adoption: base.sql, its rows and runbook.sql loaded, pulled, planned against the same database', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(target);
    await conn.exec(fixture('phase-c', 'roles.sql'));
    await conn.exec(fixture('phase-c', 'base.sql'));
    await conn.exec(fixture('phase-c', 'data.sql'));
    await conn.exec(fixture('phase-c', 'runbook.sql'));
  }, 120_000);
  afterAll(async () => conn?.close());

  it('the pulled YAML holds what the runbook made and plans to nothing', async () => {
    const input = await pulled(conn);
    const loaded = input.loaded;
    const names = (xs: readonly { readonly name: string }[]) => xs.map((x) => x.name).sort();
    expect(names(loaded.model.tables)).toEqual(names(target.loaded.model.tables));
    expect(names(loaded.model.triggers)).toEqual(names(target.loaded.model.triggers));
    expect(names(loaded.model.enums)).toEqual(['user_role_enum']);
    const p = await plan(conn, input);
    expect(p.steps.map((s) => s.sql)).toEqual([]);
  });
});
