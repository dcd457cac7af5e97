import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/diff/context.ts';
import { createPolicySteps, diffPolicies, dropPolicyStep } from '../../src/diff/policies.ts';
import { diffTables } from '../../src/diff/tables.ts';
import { diffRoles } from '../../src/diff/roles.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, hazardKinds, model, policy, positionOf, role, sqls, table } from './build.ts';

const diff = (from: DatabaseModel, to: DatabaseModel) => diffPolicies(makeContext(from, to, true));
const docs = (extra = {}) => table('docs', [col('id', 'integer'), col('org_id', 'integer')], extra);
const own = policy('docs', 'own_org', {
  roles: ['app_user'],
  using: "(org_id = (current_setting('app.current_org'::text, true))::integer)",
  dependsOn: ['column:public.docs.org_id'],
});
const live = policy('docs', 'not_deleted', { permissive: false, command: 'select', roles: ['PUBLIC'], using: '(id > 0)' });

describe('policies', () => {
  it('creates permissive and restrictive policies, worded by effect, requiring table, columns and roles', () => {
    const [p] = createPolicySteps(own);
    expect(p!.sql).toBe(
      `CREATE POLICY "own_org" ON "public"."docs" AS PERMISSIVE FOR ALL TO "app_user" USING (org_id = (current_setting('app.current_org'::text, true))::integer)`,
    );
    expect(p!.requires).toEqual(['table:public.docs', 'column:public.docs.org_id', 'role:app_user']);
    expect(hazardKinds(p!)).toEqual(['authz_change']);
    expect(p!.hazards[0]!.message).toMatch(/PERMISSIVE .* may widen which rows role app_user/);
    const [r] = createPolicySteps(live);
    expect(r!.sql).toBe(`CREATE POLICY "not_deleted" ON "public"."docs" AS RESTRICTIVE FOR SELECT TO PUBLIC USING (id > 0)`);
    expect(r!.hazards[0]!.message).toMatch(/RESTRICTIVE .* may hide rows from every role/);
    const w = createPolicySteps(policy('docs', 'ins', { command: 'insert', roles: ['a', 'b'], withCheck: 'f(org_id)', comment: 'c' }));
    expect(sqls(w)).toEqual([
      `CREATE POLICY "ins" ON "public"."docs" AS PERMISSIVE FOR INSERT TO "a", "b" WITH CHECK (f(org_id))`,
      `COMMENT ON POLICY "ins" ON "public"."docs" IS 'c'`,
    ]);
  });

  it('creates the policies before enabling and forcing RLS on a new table, and the roles before the policies', () => {
    const to = model({ tables: [docs({ rowSecurity: true, forceRowSecurity: true })], policies: [own, live], roles: [role('app_user')] });
    const ctx = makeContext(emptyModel(), to, true);
    // Reversed input: edges and phases decide.
    const steps = orderSteps([...diffTables(ctx), ...diffPolicies(ctx), ...diffRoles(ctx)].reverse());
    const enable = bySql(steps, 'ENABLE ROW LEVEL SECURITY');
    expect(enable.sql).toBe('ALTER TABLE "public"."docs" ENABLE ROW LEVEL SECURITY');
    expect(enable.hazards[0]!.message).toBe('enabling row level security on public.docs: rows are hidden from roles without a matching policy');
    expect(enable.requires).toEqual(expect.arrayContaining(['policy:public.docs.own_org', 'policy:public.docs.not_deleted']));
    expect(positionOf(steps, 'CREATE ROLE')).toBeLessThan(positionOf(steps, 'CREATE POLICY "own_org"'));
    expect(positionOf(steps, 'CREATE TABLE')).toBeLessThan(positionOf(steps, 'CREATE POLICY "own_org"'));
    for (const p of ['CREATE POLICY "own_org"', 'CREATE POLICY "not_deleted"']) {
      expect(positionOf(steps, p)).toBeLessThan(positionOf(steps, 'ENABLE ROW LEVEL SECURITY'));
      expect(positionOf(steps, p)).toBeLessThan(positionOf(steps, ' FORCE ROW LEVEL SECURITY'));
    }
  });

  it('disables RLS before dropping the last policies', () => {
    const from = model({ tables: [docs({ rowSecurity: true, forceRowSecurity: true })], policies: [own, live] });
    const to = model({ tables: [docs()] });
    const steps = orderSteps([...diff(from, to)].reverse());
    expect(new Set(sqls(steps))).toEqual(
      new Set([
        'ALTER TABLE "public"."docs" DISABLE ROW LEVEL SECURITY',
        'ALTER TABLE "public"."docs" NO FORCE ROW LEVEL SECURITY',
        'DROP POLICY "own_org" ON "public"."docs"',
        'DROP POLICY "not_deleted" ON "public"."docs"',
      ]),
    );
    for (const p of ['DROP POLICY "own_org"', 'DROP POLICY "not_deleted"']) {
      expect(positionOf(steps, 'DISABLE ROW LEVEL SECURITY')).toBeLessThan(positionOf(steps, p));
    }
    expect(bySql(steps, 'DISABLE ROW').hazards[0]!.message).toBe('disabling row level security on public.docs: every role with privileges on the table sees every row');
    expect(bySql(steps, 'DROP POLICY "own_org"').requiresRemoved).toEqual(['row-security-off:table:public.docs']);
    expect(bySql(steps, 'DROP POLICY "not_deleted"').hazards[0]!.message).toMatch(/dropping RESTRICTIVE .* may widen/);
    expect(bySql(steps, 'DROP POLICY "own_org"').hazards[0]!.message).toMatch(/dropping PERMISSIVE .* may hide rows/);
  });

  it('alters roles, USING and WITH CHECK in place', () => {
    const t = docs({ rowSecurity: true });
    const from = model({ tables: [t], policies: [own] });
    const changed = { ...own, roles: ['app_user', 'auditor'], using: '(org_id = 1)', withCheck: '(org_id = 1)' };
    const steps = diff(from, model({ tables: [t], policies: [changed] }));
    expect(sqls(steps)).toEqual([`ALTER POLICY "own_org" ON "public"."docs" TO "app_user", "auditor" USING (org_id = 1) WITH CHECK (org_id = 1)`]);
    expect(steps[0]!.operation).toBe('alter');
    expect(steps[0]!.hazards[0]!.message).toMatch(/applies to roles app_user, auditor instead of role app_user; its USING/);
    const onlyUsing = diff(from, model({ tables: [t], policies: [{ ...own, using: '(org_id = 2)' }] }));
    expect(sqls(onlyUsing)).toEqual([`ALTER POLICY "own_org" ON "public"."docs" USING (org_id = 2)`]);
    expect(diff(from, from)).toEqual([]);
  });

  it('drops and recreates when the kind or command changes, or a clause goes away', () => {
    const t = docs();
    const from = model({ tables: [t], policies: [{ ...own, withCheck: '(org_id > 0)' }] });
    for (const to of [{ ...own, permissive: false }, { ...own, command: 'select' as const }, own]) {
      const steps = orderSteps([...diff(from, model({ tables: [t], policies: [to] }))].reverse());
      expect(steps.map((s) => s.operation)).toEqual(['drop', 'create']);
      expect(steps[0]!.reason).toMatch(/^recreated: /);
      expect(steps[1]!.reason).toBe(steps[0]!.reason);
    }
  });

  it('changes only the comment, and leaves the policies of dropped tables to the table drop', () => {
    const t = docs();
    const steps = diff(model({ tables: [t], policies: [own] }), model({ tables: [t], policies: [{ ...own, comment: 'x' }] }));
    expect(sqls(steps)).toEqual([`COMMENT ON POLICY "own_org" ON "public"."docs" IS 'x'`]);
    expect(diff(model({ tables: [t], policies: [own] }), model({}))).toEqual([]);
    expect(dropPolicyStep(own).removes).toEqual(['policy:public.docs.own_org', 'released:role:app_user']);
  });
});

describe('tables dropped together', () => {
  it("drops a policy that reads another dropped table before that table, whichever order the tables go in", () => {
    const members = table('members', [col('user_id', 'integer')], { rowSecurity: true });
    const users = table('users', [col('id', 'integer')], { rowSecurity: true });
    const colleague = policy('users', 'colleague', { using: '(id IN (SELECT user_id FROM members))', dependsOn: ['column:public.members.user_id'] });
    const reads = policy('members', 'self', { using: '(user_id IN (SELECT id FROM users))', dependsOn: ['column:public.users.id'] });
    const from = model({ tables: [members, users], policies: [colleague, reads] });
    const ctx = makeContext(from, model({}), true);
    const steps = orderSteps([...diffTables(ctx), ...diffPolicies(ctx)]);
    const at = (sql: string) => steps.findIndex((s) => s.sql === sql);
    expect(at('DROP POLICY "colleague" ON "public"."users"')).toBeLessThan(at('DROP TABLE "public"."members"'));
    expect(at('DROP POLICY "self" ON "public"."members"')).toBeLessThan(at('DROP TABLE "public"."users"'));
    expect(steps.filter((s) => s.kind === 'policy').every((s) => s.hazards.length === 0)).toBe(true);
  });
});
