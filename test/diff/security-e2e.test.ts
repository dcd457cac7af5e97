/** Applies the steps of the trigger, policy, grant, role and default-privilege diffs to both engines and checks behaviour. */
import { afterAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { describeOnEngines } from '../introspect/engines.ts';
import type { Connection } from '../../src/db/connection.ts';
import { makeContext } from '../../src/diff/context.ts';
import { diffRoles } from '../../src/diff/roles.ts';
import { diffPolicies } from '../../src/diff/policies.ts';
import { diffGrants, grantStepsForNewObject } from '../../src/diff/grants.ts';
import { diffDefaultPrivileges } from '../../src/diff/default-privileges.ts';
import { createTriggerSteps, diffTriggers } from '../../src/diff/triggers.ts';
import { diffOwners } from '../../src/diff/owners.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Grant } from '../../src/model/grant.ts';
import { orderSteps } from '../../src/plan/order.ts';
import type { Step } from '../../src/plan/step.ts';
import { ident } from '../../src/sql/quote.ts';
import { col, defaultPrivilege, grant, model, policy, role, routine, table, trigger } from './build.ts';

async function apply(conn: Connection, steps: readonly Step[]): Promise<void> {
  for (const s of orderSteps(steps)) await conn.exec(s.sql);
}

const diffAll = (from: DatabaseModel, to: DatabaseModel): Step[] => {
  const ctx = makeContext(from, to, true);
  return [...diffRoles(ctx), ...diffPolicies(ctx), ...diffGrants(ctx), ...diffDefaultPrivileges(ctx), ...diffTriggers(ctx), ...diffOwners(ctx)];
};

async function asRole<T>(conn: Connection, r: string, userId: string | null, body: () => Promise<T>): Promise<T> {
  await conn.exec(`SET ROLE ${ident(r)}`);
  try {
    await conn.query(`SELECT set_config('app.current_user_id', $1, false)`, [userId ?? '']);
    return await body();
  } finally {
    await conn.exec('RESET ROLE');
  }
}

describeOnEngines('triggers, policies, grants and roles applied', [], (e) => {
  // Roles are cluster-wide on the shared server: unique names, dropped at the end.
  const sfx = randomBytes(4).toString('hex');
  const appUser = `app_user_${sfx}`;
  const readers = `readers_${sfx}`;
  const r1 = `r1_${sfx}`;
  const r2 = `r2_${sfx}`;
  const r3 = `r3_${sfx}`;
  const all = [appUser, readers, r1, r2, r3];
  const declared = model({ roles: [role(appUser, { login: true, memberOf: [readers] }), role(readers), role(r1), role(r2), role(r3)] });

  afterAll(async () => {
    const conn = e.conn();
    await conn.exec('RESET ROLE');
    await conn.exec(`DROP OWNED BY ${all.map(ident).join(', ')}`);
    for (const r of all) await conn.exec(`DROP ROLE IF EXISTS ${ident(r)}`);
  });

  it('creates declared roles with attributes and memberships', async () => {
    const conn = e.conn();
    await apply(conn, diffAll(model({}), declared));
    const rows = await conn.query<{ rolname: string; rolcanlogin: boolean }>(
      `SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [all],
    );
    expect(rows.map((r) => [r.rolname, r.rolcanlogin])).toEqual([...all].sort().map((n) => [n, n === appUser]));
    const member = await conn.query<{ ok: boolean }>(`SELECT pg_has_role($1, $2, 'MEMBER') AS ok`, [appUser, readers]);
    expect(member[0]!.ok).toBe(true);
    // A second run has nothing to do.
    const live = model({ roles: declared.roles });
    expect(diffAll(live, declared)).toEqual([]);
  });

  const docs = table('mt.docs', [col('id', 'integer'), col('org_id', 'integer'), col('deleted', 'boolean')]);
  const memberships = table('mt.memberships', [col('user_id', 'integer'), col('org_id', 'integer')]);
  const schemas = [{ name: 'public', comment: null }, { name: 'mt', comment: null }];
  const tenant = policy('mt.docs', 'tenant_rows', {
    roles: [appUser],
    using: "(org_id IN (SELECT m.org_id FROM mt.memberships m WHERE m.user_id = (NULLIF(current_setting('app.current_user_id', true), ''))::integer))",
    dependsOn: ['column:mt.docs.org_id'],
  });
  const notDeleted = policy('mt.docs', 'not_deleted', { permissive: false, roles: ['PUBLIC'], using: '(NOT deleted)' });
  const readGrants: Grant[] = [
    { objectKind: 'schema', schema: 'mt', name: null, arguments: null, column: null, grantee: appUser, privilege: 'USAGE', withGrantOption: false },
    grant('mt.docs', appUser, 'SELECT'),
    grant('mt.memberships', appUser, 'SELECT'),
  ];
  const before = model({ schemas, tables: [docs, memberships], roles: declared.roles });
  const secured = model({
    schemas,
    tables: [{ ...docs, rowSecurity: true, forceRowSecurity: true }, memberships],
    roles: declared.roles,
    policies: [tenant, notDeleted],
    grants: readGrants,
  });
  const visible = (conn: Connection, userId: string | null) =>
    asRole(conn, appUser, userId, async () => (await conn.query<{ id: number }>('SELECT id FROM mt.docs ORDER BY id')).map((r) => r.id));

  it('secures a multi-tenant table: each member sees only the live rows of their organization', async () => {
    const conn = e.conn();
    await conn.exec(`
      CREATE SCHEMA mt;
      CREATE TABLE mt.memberships (user_id integer, org_id integer);
      CREATE TABLE mt.docs (id integer, org_id integer, deleted boolean);
      INSERT INTO mt.memberships VALUES (1, 10), (2, 20);
      INSERT INTO mt.docs VALUES (1, 10, false), (2, 10, true), (3, 20, false), (4, 30, false);
    `);
    const steps = diffAll(before, secured);
    expect(steps.filter((s) => s.kind === 'policy' || s.sql.includes('ROW LEVEL')).every((s) => s.hazards.some((h) => h.kind === 'authz_change'))).toBe(true);
    await apply(conn, steps);
    expect(await visible(conn, '1')).toEqual([1]);
    expect(await visible(conn, '2')).toEqual([3]);
    expect(await visible(conn, null)).toEqual([]);
    // Forced: the owner is subject to the policies too (it is not among the policy's roles).
    const ownerSees = await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM mt.docs');
    const superuser = (await conn.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`))[0]!.s;
    // Superusers bypass RLS whatever FORCE says.
    expect(ownerSees[0]!.n).toBe(superuser ? 4 : 0);
    const flags = await conn.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'mt.docs'::regclass`,
    );
    expect(flags[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('alters a policy in place when its USING changes', async () => {
    const conn = e.conn();
    const widened = { ...tenant, using: '(org_id = ANY (ARRAY[10, 20]))' };
    const to = { ...secured, policies: [widened, notDeleted] };
    const steps = diffAll(secured, to);
    expect(steps.map((s) => s.sql)).toEqual([`ALTER POLICY "tenant_rows" ON "mt"."docs" USING (org_id = ANY (ARRAY[10, 20]))`]);
    await apply(conn, steps);
    expect(await visible(conn, '1')).toEqual([1, 3]);
    const qual = await conn.query<{ qual: string }>(`SELECT qual FROM pg_policies WHERE schemaname = 'mt' AND policyname = 'tenant_rows'`);
    expect(qual[0]!.qual).toContain('ARRAY[10, 20]');
    // Back, then RLS off and the policies gone: disabling first, every row visible to the grantee.
    await apply(conn, diffAll(to, secured));
    expect(await visible(conn, '1')).toEqual([1]);
    const open = { ...before, grants: readGrants };
    await apply(conn, diffAll(secured, open));
    expect(await visible(conn, null)).toEqual([1, 2, 3, 4]);
    expect((await conn.query(`SELECT 1 FROM pg_policies WHERE schemaname = 'mt'`)).length).toBe(0);
  });

  it('creates a trigger disabled, then enables it; a history trigger fires only on a real change', async () => {
    const conn = e.conn();
    await conn.exec(`
      CREATE TABLE mt.events (id integer, status text);
      CREATE TABLE mt.log (what text);
      CREATE FUNCTION mt.note() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO mt.log VALUES (TG_ARGV[0] || ':' || TG_OP); RETURN NEW; END $$;
    `);
    const events = table('mt.events', [col('id', 'integer'), col('status', 'text')]);
    const off = trigger('mt.events', 'note_insert', 'mt.note', { arguments: ['ins'], enabled: 'disabled', definition: 'same' });
    const history = trigger('mt.events', 'status_history', 'mt.note', {
      events: ['update'],
      updateColumns: ['status'],
      when: '(old.status IS DISTINCT FROM new.status)',
      arguments: ['upd'],
      comment: 'status changes',
    });
    await apply(conn, [...createTriggerSteps(off), ...createTriggerSteps(history)]);
    const state = async () =>
      (await conn.query<{ tgname: string; tgenabled: string }>(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'mt.events'::regclass ORDER BY tgname`)).map(
        (r) => `${r.tgname}=${r.tgenabled}`,
      );
    expect(await state()).toEqual(['note_insert=D', 'status_history=O']);
    await conn.exec(`INSERT INTO mt.events VALUES (1, 'new')`);
    const log = async () => (await conn.query<{ what: string }>('SELECT what FROM mt.log ORDER BY what')).map((r) => r.what);
    expect(await log()).toEqual([]);
    const on = { ...off, enabled: 'origin' as const };
    const steps = diffAll(model({ schemas, tables: [events], triggers: [off] }), model({ schemas, tables: [events], triggers: [on] }));
    expect(steps.map((s) => s.sql)).toEqual(['ALTER TABLE "mt"."events" ENABLE TRIGGER "note_insert"']);
    await apply(conn, steps);
    expect(await state()).toEqual(['note_insert=O', 'status_history=O']);
    await conn.exec(`INSERT INTO mt.events VALUES (2, 'new'); UPDATE mt.events SET status = 'new' WHERE id = 1; UPDATE mt.events SET status = 'done' WHERE id = 2`);
    expect(await log()).toEqual(['ins:INSERT', 'upd:UPDATE']);
    const comment = await conn.query<{ c: string }>(`SELECT obj_description(oid, 'pg_trigger') AS c FROM pg_trigger WHERE tgname = 'status_history'`);
    expect(comment[0]!.c).toBe('status changes');
  });

  it('grants to several roles, then revokes a privilege and a grant option', async () => {
    const conn = e.conn();
    await conn.exec('CREATE TABLE mt.g (a integer, b text)');
    const g = table('mt.g', [col('a', 'integer'), col('b', 'text')]);
    const base = model({ schemas, tables: [g], roles: declared.roles });
    const granted = {
      ...base,
      grants: [
        grant('mt.g', r1, 'SELECT'),
        grant('mt.g', r1, 'INSERT'),
        grant('mt.g', r2, 'SELECT', { withGrantOption: true }),
        grant('mt.g', r3, 'UPDATE', { objectKind: 'column', column: 'b' }),
      ],
    };
    await apply(conn, diffAll(base, granted));
    const acl = async () =>
      (
        await conn.query<{ g: string }>(
          `SELECT r.rolname || ':' || a.privilege_type || ':' || a.is_grantable AS g
             FROM pg_class c, aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
            WHERE c.oid = 'mt.g'::regclass AND r.rolname = ANY($1) ORDER BY 1`,
          [all],
        )
      ).map((r) => r.g);
    expect(await acl()).toEqual([`${r1}:INSERT:false`, `${r1}:SELECT:false`, `${r2}:SELECT:true`]);
    const col3 = await conn.query<{ ok: boolean; no: boolean }>(`SELECT has_column_privilege($1, 'mt.g', 'b', 'UPDATE') AS ok, has_column_privilege($1, 'mt.g', 'a', 'UPDATE') AS no`, [r3]);
    expect(col3[0]).toEqual({ ok: true, no: false });
    const fewer = { ...granted, grants: [grant('mt.g', r1, 'SELECT'), grant('mt.g', r2, 'SELECT'), grant('mt.g', r3, 'UPDATE', { objectKind: 'column', column: 'b' })] };
    const steps = diffAll(granted, fewer);
    expect(steps.map((s) => s.sql).sort()).toEqual([`REVOKE GRANT OPTION FOR SELECT ON TABLE "mt"."g" FROM ${ident(r2)}`, `REVOKE INSERT ON TABLE "mt"."g" FROM ${ident(r1)}`]);
    await apply(conn, steps);
    expect(await acl()).toEqual([`${r1}:SELECT:false`, `${r2}:SELECT:false`]);
  });

  it('revokes EXECUTE from PUBLIC on a new function that does not grant it', async () => {
    const conn = e.conn();
    await conn.exec('CREATE FUNCTION mt.secret() RETURNS integer LANGUAGE sql AS $$ SELECT 42 $$');
    const f = routine('mt.secret', '');
    const grants = [grant('mt.secret', r1, 'EXECUTE', { objectKind: 'function', arguments: '' })];
    const ctx = makeContext(model({ schemas }), model({ schemas, routines: [f], grants }), true);
    const steps = diffGrants(ctx);
    expect(steps.map((s) => s.sql)).toEqual([
      'REVOKE EXECUTE ON FUNCTION "mt"."secret"() FROM PUBLIC',
      `GRANT EXECUTE ON FUNCTION "mt"."secret"() TO ${ident(r1)}`,
    ]);
    await apply(conn, steps);
    const can = async (r: string) => (await conn.query<{ ok: boolean }>(`SELECT has_function_privilege($1, 'mt.secret()', 'EXECUTE') AS ok`, [r]))[0]!.ok;
    expect(await can(r1)).toBe(true);
    expect(await can(r2)).toBe(false);
    // The same through the entry point for recreated objects, with an unknown routine kind.
    await conn.exec('CREATE FUNCTION mt.other() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$');
    await apply(conn, grantStepsForNewObject({ objectKind: 'function', schema: 'mt', name: 'other', arguments: '' }, []));
    const other = await conn.query<{ ok: boolean }>(`SELECT has_function_privilege($1, 'mt.other()', 'EXECUTE') AS ok`, [r1]);
    expect(other[0]!.ok).toBe(false);
  });

  it('sets default privileges that apply to tables created later, and revokes them', async () => {
    const conn = e.conn();
    const me = (await conn.query<{ u: string }>('SELECT current_user AS u'))[0]!.u;
    const dp = defaultPrivilege(me, r2, 'SELECT', { schema: 'mt' });
    const withDp = model({ schemas, roles: declared.roles, defaultPrivileges: [dp, { ...dp, privilege: 'INSERT' }] });
    const steps = diffAll(model({ schemas, roles: declared.roles }), withDp);
    expect(steps.map((s) => s.sql)).toEqual([`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(me)} IN SCHEMA "mt" GRANT SELECT, INSERT ON TABLES TO ${ident(r2)}`]);
    await apply(conn, steps);
    await conn.exec('CREATE TABLE mt.later (a integer)');
    const has = await conn.query<{ s: boolean; i: boolean }>(`SELECT has_table_privilege($1, 'mt.later', 'SELECT') AS s, has_table_privilege($1, 'mt.later', 'INSERT') AS i`, [r2]);
    expect(has[0]).toEqual({ s: true, i: true });
    await apply(conn, diffAll(withDp, model({ schemas, roles: declared.roles })));
    const rows = await conn.query(`SELECT 1 FROM pg_default_acl d, aclexplode(d.defaclacl) a JOIN pg_roles r ON r.oid = a.grantee WHERE r.rolname = $1`, [r2]);
    expect(rows.length).toBe(0);
  });

  it('changes the owner of a table to a declared role', async () => {
    const conn = e.conn();
    await conn.exec('CREATE TABLE mt.owned (a integer)');
    const t = table('mt.owned', [col('a', 'integer')]);
    await apply(conn, diffAll(model({ schemas, tables: [t] }), model({ schemas, tables: [{ ...t, owner: readers }] })));
    const owner = await conn.query<{ o: string }>(`SELECT pg_get_userbyid(relowner) AS o FROM pg_class WHERE oid = 'mt.owned'::regclass`);
    expect(owner[0]!.o).toBe(readers);
  });
});
