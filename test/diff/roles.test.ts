import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/diff/context.ts';
import { diffRoles, unknownRoles } from '../../src/diff/roles.ts';
import { diffGrants } from '../../src/diff/grants.ts';
import { diffOwners, ownerStep } from '../../src/diff/owners.ts';
import { diffDefaultPrivileges } from '../../src/diff/default-privileges.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { emptyModel, modelOf } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, defaultPrivilege, enumType, grant, model, policy, positionOf, role, routine, sequence, sqls, table } from './build.ts';

const diff = (from: DatabaseModel, to: DatabaseModel) => diffRoles(makeContext(from, to, true));

describe('roles', () => {
  it('creates missing roles with their non-default attributes, memberships and comment', () => {
    const to = modelOf({ roles: [role('app_user', { login: true, inherit: false, connectionLimit: 5, memberOf: ['readers'], comment: 'the app' }), role('readers')] });
    const steps = orderSteps(diff(emptyModel(), to));
    expect(sqls(steps)).toEqual([
      'CREATE ROLE "app_user" WITH LOGIN NOINHERIT CONNECTION LIMIT 5',
      'CREATE ROLE "readers"',
      'GRANT "readers" TO "app_user"',
      `COMMENT ON ROLE "app_user" IS 'the app'`,
    ]);
    expect(steps[0]!.provides).toEqual(['role:app_user']);
    expect(steps[2]!.requires).toEqual(['role:app_user', 'role:readers']);
    expect(steps.slice(0, 3).every((s) => s.hazards.some((h) => h.kind === 'authz_change'))).toBe(true);
  });

  it('alters changed attributes, adds and removes memberships, never drops undeclared roles', () => {
    const from = modelOf({ roles: [role('a', { memberOf: ['x', 'y'] }), role('other'), role('x'), role('y'), role('z')] });
    const to = modelOf({ roles: [role('a', { login: true, bypassRls: true, memberOf: ['y', 'z'] })] });
    const steps = diff(from, to);
    expect(sqls(steps)).toEqual(['ALTER ROLE "a" WITH LOGIN BYPASSRLS', 'GRANT "z" TO "a"', 'REVOKE "x" FROM "a"']);
    expect(steps[0]!.hazards[0]!.message).toBe('changes what role a may do: login, bypassrls');
    expect(steps[2]!.hazards[0]!.message).toMatch(/stops being a member of x/);
    expect(diff(to, to)).toEqual([]);
  });

  it('drops only the roles listed in dropRoles that exist, last, after revokes from them', () => {
    const t = table('t', [col('a', 'integer')]);
    const from = modelOf({ tables: [t], roles: [role('old'), role('keep')], grants: [grant('t', 'old', 'SELECT')] });
    const to = modelOf({ tables: [t], roles: [], dropRoles: ['old', 'never_existed'] });
    const ctx = makeContext(from, to, true);
    const steps = orderSteps([...diffRoles(ctx), ...diffGrants(ctx)]);
    expect(sqls(steps)).toEqual(['REVOKE SELECT ON TABLE "public"."t" FROM "old"', 'DROP ROLE IF EXISTS "old"']);
    expect(bySql(steps, 'DROP ROLE').requiresRemoved).toEqual(['released:role:old']);
  });

  it('lists roles named by the desired state that are neither declared nor live', () => {
    const desired = modelOf({
      roles: [role('declared', { memberOf: ['ghost_parent'] })],
      tables: [table('t', [col('a', 'integer')], { owner: 'ghost_owner' })],
      grants: [grant('t', 'declared', 'SELECT'), grant('t', 'live', 'SELECT'), grant('t', 'PUBLIC', 'SELECT'), grant('t', 'ghost', 'SELECT'), grant('t', 'ghost', 'INSERT')],
      policies: [policy('t', 'p', { roles: ['ghost', 'current_user'] })],
      defaultPrivileges: [defaultPrivilege('live', 'ghost_dp', 'SELECT')],
      routines: [routine('f', '', { owner: 'live' })],
    });
    expect(unknownRoles(desired, ['live', 'postgres'])).toEqual([
      { role: 'ghost', usedBy: 'grant of SELECT on table public.t' },
      { role: 'ghost', usedBy: 'grant of INSERT on table public.t' },
      { role: 'ghost', usedBy: 'policy p on public.t', source: 'policy:public.t.p' },
      { role: 'ghost_dp', usedBy: 'default privileges for role live (grantee)' },
      { role: 'ghost_owner', usedBy: 'owner of table public.t', source: 'table:public.t' },
      { role: 'ghost_parent', usedBy: 'membership of role declared', source: 'role:declared' },
    ]);
    expect(unknownRoles(desired, ['live', 'ghost', 'ghost_dp', 'ghost_owner', 'ghost_parent'])).toEqual([]);
  });
});

describe('owners', () => {
  it('changes owners only when the desired owner is named and differs', () => {
    const from = model({
      schemas: [{ name: 'public', comment: null, owner: 'a' }],
      tables: [table('t', [col('a', 'integer')], { owner: 'a' }), table('u', [col('a', 'integer')], { owner: 'a' })],
      sequences: [sequence('s', { owner: 'a' }), sequence('t_a_seq', { owner: 'a', ownedBy: { schema: 'public', table: 't', column: 'a' } })],
      enums: [enumType('e', ['x'], { owner: 'a' })],
      routines: [routine('f', 'integer', { owner: 'a' }), routine('p', '', { owner: 'a', kind: 'procedure', returns: null })],
    });
    const to = model({
      schemas: [{ name: 'public', comment: null, owner: 'b' }],
      tables: [table('t', [col('a', 'integer')], { owner: 'b' }), table('u', [col('a', 'integer')], { owner: null })],
      sequences: [sequence('s', { owner: 'a' }), sequence('t_a_seq', { owner: 'b', ownedBy: { schema: 'public', table: 't', column: 'a' } })],
      enums: [enumType('e', ['x'], { owner: 'b' })],
      routines: [routine('f', 'integer', { owner: 'b' }), routine('p', '', { owner: 'b', kind: 'procedure', returns: null })],
    });
    const steps = diffOwners(makeContext(from, to, true));
    expect(sqls(steps)).toEqual([
      'ALTER SCHEMA "public" OWNER TO "b"',
      'ALTER TABLE "public"."t" OWNER TO "b"',
      'ALTER TYPE "public"."e" OWNER TO "b"',
      'ALTER FUNCTION "public"."f"(integer) OWNER TO "b"',
      'ALTER PROCEDURE "public"."p"() OWNER TO "b"',
    ]);
    expect(steps[1]!.requires).toEqual(['table:public.t', 'role:b']);
    expect(steps[1]!.provides).toEqual(['owner-of:table:public.t']);
    expect(steps[1]!.hazards[0]!.kind).toBe('authz_change');
    expect(diffOwners(makeContext(to, to, true))).toEqual([]);
  });

  it('sets the owner of new objects after creating them and the role', () => {
    const to = model({ roles: [role('b')], tables: [table('t', [col('a', 'integer')], { owner: 'b' })] });
    const ctx = makeContext(emptyModel(), to, true);
    const steps = orderSteps([...diffOwners(ctx), ...diffRoles(ctx)]);
    expect(sqls(steps)).toEqual(['CREATE ROLE "b"', 'ALTER TABLE "public"."t" OWNER TO "b"']);
    const view = ownerStep('materialized_view', { schema: 's', name: 'mv' }, 'b', 'recreated: x');
    expect(view.sql).toBe('ALTER MATERIALIZED VIEW "s"."mv" OWNER TO "b"');
    expect(view.kind).toBe('materialized_view');
    expect(view.reason).toBe('recreated: x');
    expect(ownerStep('function', { schema: 's', name: 'f', arguments: 'text' }, 'b').sql).toBe('ALTER ROUTINE "s"."f"(text) OWNER TO "b"');
  });
});

describe('default privileges', () => {
  it('grants and revokes per role, schema, kind and grantee, fully managed', () => {
    const from = modelOf({
      defaultPrivileges: [
        defaultPrivilege('owner', 'old_reader', 'SELECT', { schema: 'app' }),
        defaultPrivilege('owner', 'r', 'EXECUTE', { objectKind: 'functions', withGrantOption: true }),
      ],
    });
    const to = modelOf({
      defaultPrivileges: [
        defaultPrivilege('owner', 'reader', 'SELECT', { schema: 'app' }),
        defaultPrivilege('owner', 'reader', 'INSERT', { schema: 'app' }),
        defaultPrivilege('owner', 'r', 'EXECUTE', { objectKind: 'functions' }),
        defaultPrivilege('owner', 'PUBLIC', 'USAGE', { objectKind: 'types', schema: 'app' }),
      ],
    });
    const steps = diffDefaultPrivileges(makeContext(from, to, true));
    expect(sqls(steps)).toEqual([
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" IN SCHEMA "app" REVOKE SELECT ON TABLES FROM "old_reader"',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" REVOKE GRANT OPTION FOR EXECUTE ON FUNCTIONS FROM "r"',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" IN SCHEMA "app" GRANT SELECT, INSERT ON TABLES TO "reader"',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" IN SCHEMA "app" GRANT USAGE ON TYPES TO PUBLIC',
    ]);
    expect(steps[2]!.hazards[0]!.message).toBe('tables role owner creates from now on in schema app grant SELECT, INSERT to role reader');
    expect(steps[2]!.requires).toEqual(['role:owner', 'role:reader', 'schema:app']);
    expect(diffDefaultPrivileges(makeContext(to, to, true))).toEqual([]);
  });

  it('revokes a built-in default when a revoked row appears and grants it back when the row goes', () => {
    const withdrawn = defaultPrivilege('owner', 'PUBLIC', 'EXECUTE', { objectKind: 'functions', revoked: true });
    const ops = defaultPrivilege('owner', 'ops', 'EXECUTE', { objectKind: 'functions' });
    const plain = modelOf({ defaultPrivileges: [] });
    const closed = modelOf({ defaultPrivileges: [withdrawn, ops] });
    const revoking = diffDefaultPrivileges(makeContext(plain, closed, true));
    expect(sqls(revoking)).toEqual([
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" GRANT EXECUTE ON FUNCTIONS TO "ops"',
    ]);
    expect(revoking[0]!.hazards[0]!.message).toBe('functions role owner creates from now on no longer grant EXECUTE to PUBLIC');
    expect(sqls(diffDefaultPrivileges(makeContext(closed, plain, true)))).toEqual([
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" REVOKE EXECUTE ON FUNCTIONS FROM "ops"',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "owner" GRANT EXECUTE ON FUNCTIONS TO PUBLIC',
    ]);
    expect(diffDefaultPrivileges(makeContext(closed, closed, true))).toEqual([]);
  });

  it('runs after the roles it names are created', () => {
    const to = modelOf({ roles: [role('reader')], defaultPrivileges: [defaultPrivilege('postgres', 'reader', 'SELECT')] });
    const ctx = makeContext(emptyModel(), to, true);
    const steps = orderSteps([...diffDefaultPrivileges(ctx), ...diffRoles(ctx)]);
    expect(positionOf(steps, 'CREATE ROLE')).toBeLessThan(positionOf(steps, 'ALTER DEFAULT PRIVILEGES'));
  });
});
