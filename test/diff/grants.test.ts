import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/diff/context.ts';
import { diffGrants, grantStepsForNewObject } from '../../src/diff/grants.ts';
import { diffTables } from '../../src/diff/tables.ts';
import { diffRoles } from '../../src/diff/roles.ts';
import { diffOwners } from '../../src/diff/owners.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, grant, hazardKinds, model, positionOf, role, routine, sqls, table } from './build.ts';

const diff = (from: DatabaseModel, to: DatabaseModel) => diffGrants(makeContext(from, to, true));
const t = table('t', [col('a', 'integer'), col('b', 'text')]);

describe('grants', () => {
  it('groups the privileges of one object, grantee and grant option into one statement', () => {
    const from = model({ tables: [t] });
    const to = model({
      tables: [t],
      grants: [
        grant('t', 'reader', 'SELECT'),
        grant('t', 'writer', 'UPDATE'),
        grant('t', 'writer', 'INSERT'),
        grant('t', 'writer', 'SELECT', { withGrantOption: true }),
        grant('t', 'PUBLIC', 'REFERENCES'),
      ],
    });
    const steps = diff(from, to);
    expect(sqls(steps).sort()).toEqual(
      [
        'GRANT SELECT ON TABLE "public"."t" TO "reader"',
        'GRANT INSERT, UPDATE ON TABLE "public"."t" TO "writer"',
        'GRANT SELECT ON TABLE "public"."t" TO "writer" WITH GRANT OPTION',
        'GRANT REFERENCES ON TABLE "public"."t" TO PUBLIC',
      ].sort(),
    );
    const reader = bySql(steps, 'TO "reader"');
    expect(hazardKinds(reader)).toEqual(['authz_change']);
    expect(reader.hazards[0]!.message).toBe('grants SELECT on public.t to role reader');
    expect(reader.requires).toEqual(['table:public.t', 'role:reader', 'owner-of:table:public.t']);
    expect(bySql(steps, 'TO PUBLIC').requires).toEqual(['table:public.t', 'owner-of:table:public.t']);
  });

  it('revokes what is no longer granted, and only the grant option when only that goes', () => {
    const from = model({
      tables: [t],
      grants: [grant('t', 'r1', 'SELECT'), grant('t', 'r1', 'DELETE'), grant('t', 'r2', 'SELECT', { withGrantOption: true }), grant('t', 'r3', 'SELECT')],
    });
    const to = model({ tables: [t], grants: [grant('t', 'r1', 'SELECT'), grant('t', 'r2', 'SELECT'), grant('t', 'r3', 'SELECT', { withGrantOption: true })] });
    const steps = diff(from, to);
    expect(sqls(steps)).toEqual([
      'REVOKE DELETE ON TABLE "public"."t" FROM "r1"',
      'REVOKE GRANT OPTION FOR SELECT ON TABLE "public"."t" FROM "r2"',
      'GRANT SELECT ON TABLE "public"."t" TO "r3" WITH GRANT OPTION',
    ]);
    expect(steps[0]!.hazards[0]!.message).toBe('revokes DELETE on public.t from role r1');
    expect(steps[0]!.operation).toBe('revoke');
    expect(steps[0]!.removes).toEqual(['released:role:r1']);
    expect(diff(to, to)).toEqual([]);
  });

  it('writes column grants with their columns, and schemas, sequences, functions and procedures', () => {
    const f = routine('app.f', 'integer, text');
    const p = routine('app.p', 'integer', { kind: 'procedure', returns: null });
    const objects = { tables: [t], routines: [f, p], schemas: [{ name: 'public', comment: null }, { name: 'app', comment: null }] };
    const from = model({ ...objects, grants: [grant('app.f', 'PUBLIC', 'EXECUTE', { objectKind: 'function', arguments: 'integer, text' }), grant('app.p', 'PUBLIC', 'EXECUTE', { objectKind: 'function', arguments: 'integer' })] });
    const to = model({
      ...objects,
      grants: [
        grant('t', 'r', 'SELECT', { objectKind: 'column', column: 'a' }),
        grant('t', 'r', 'SELECT', { objectKind: 'column', column: 'b' }),
        grant('t', 'r', 'UPDATE', { objectKind: 'column', column: 'b' }),
        grant('t', 'r', 'INSERT'),
        { objectKind: 'schema', schema: 'app', name: null, arguments: null, column: null, grantee: 'r', privilege: 'USAGE', withGrantOption: false },
        grant('app.s', 'r', 'USAGE', { objectKind: 'sequence' }),
      ],
    });
    const steps = orderSteps(diff(from, to));
    expect(sqls(steps)).toEqual([
      'REVOKE EXECUTE ON FUNCTION "app"."f"(integer, text) FROM PUBLIC',
      'REVOKE EXECUTE ON PROCEDURE "app"."p"(integer) FROM PUBLIC',
      'GRANT INSERT, SELECT ("a", "b"), UPDATE ("b") ON TABLE "public"."t" TO "r"',
      'GRANT USAGE ON SCHEMA "app" TO "r"',
      'GRANT USAGE ON SEQUENCE "app"."s" TO "r"',
    ]);
    expect(bySql(steps, 'ON TABLE').requires).toEqual(['table:public.t', 'column:public.t.a', 'column:public.t.b', 'role:r', 'owner-of:table:public.t']);
    expect(bySql(steps, '"app"."f"').hazards[0]!.message).toBe('revokes EXECUTE on function app.f(integer, text) from PUBLIC');
  });

  it('starts new objects from their defaults: revokes EXECUTE from PUBLIC on a new function that lacks it', () => {
    const f = routine('f', 'integer');
    const to = model({ routines: [f], roles: [role('app')], grants: [grant('f', 'app', 'EXECUTE', { objectKind: 'function', arguments: 'integer' })] });
    const ctx = makeContext(emptyModel(), to, true);
    const steps = orderSteps([...diffGrants(ctx), ...diffRoles(ctx)]);
    expect(sqls(steps)).toEqual([
      'CREATE ROLE "app"',
      'REVOKE EXECUTE ON FUNCTION "public"."f"(integer) FROM PUBLIC',
      'GRANT EXECUTE ON FUNCTION "public"."f"(integer) TO "app"',
    ]);
    expect(steps[1]!.requires).toEqual(['function:public.f(integer)']);
    // Keeping the default: nothing to do.
    const keep = model({ routines: [f], grants: [grant('f', 'PUBLIC', 'EXECUTE', { objectKind: 'function', arguments: 'integer' })] });
    expect(diff(emptyModel(), keep)).toEqual([]);
  });

  it('grants on new tables after they are created, and leaves the grants of dropped objects alone', () => {
    const to = model({ tables: [t], grants: [grant('t', 'r', 'SELECT'), grant('t', 'r', 'UPDATE', { objectKind: 'column', column: 'a' })] });
    const ctx = makeContext(model({}), to, true);
    const steps = orderSteps([...diffGrants(ctx), ...diffTables(ctx)].reverse());
    expect(positionOf(steps, 'CREATE TABLE')).toBeLessThan(positionOf(steps, 'GRANT'));
    expect(bySql(steps, 'GRANT').sql).toBe('GRANT SELECT, UPDATE ("a") ON TABLE "public"."t" TO "r"');
    expect(diff(to, model({}))).toEqual([]);
    const fromWithColumn = model({ tables: [t], grants: [grant('t', 'r', 'UPDATE', { objectKind: 'column', column: 'b' })] });
    expect(diff(fromWithColumn, model({ tables: [table('t', [col('a', 'integer')])] }))).toEqual([]);
  });

  it('follows renamed tables and columns, acting under the new names after the rename', () => {
    const from = model({ tables: [table('old', [col('x', 'integer')])], grants: [grant('old', 'r', 'SELECT'), grant('old', 'r', 'UPDATE', { objectKind: 'column', column: 'x' })] });
    const renamed = table('new', [col('y', 'integer', { renamedFrom: 'x' })], { renamedFrom: 'old' });
    const same = model({ tables: [renamed], grants: [grant('new', 'r', 'SELECT'), grant('new', 'r', 'UPDATE', { objectKind: 'column', column: 'y' })] });
    expect(diff(from, same)).toEqual([]);
    const fewer = model({ tables: [renamed], grants: [grant('new', 'r', 'SELECT')] });
    const ctx = makeContext(from, fewer, true);
    const steps = orderSteps([...diffGrants(ctx), ...diffTables(ctx)]);
    expect(bySql(steps, 'REVOKE').sql).toBe('REVOKE UPDATE ("y") ON TABLE "public"."new" FROM "r"');
    expect(positionOf(steps, 'RENAME TO "new"')).toBeLessThan(positionOf(steps, 'REVOKE'));
  });

  it('grantStepsForNewObject picks the target and its columns, and uses ROUTINE when the kind is unknown', () => {
    const grants = [
      grant('f', 'app', 'EXECUTE', { objectKind: 'function', arguments: '' }),
      grant('g', 'app', 'EXECUTE', { objectKind: 'function', arguments: '' }),
      grant('v', 'app', 'SELECT', { objectKind: 'column', column: 'a' }),
    ];
    expect(sqls(grantStepsForNewObject({ objectKind: 'function', schema: 'public', name: 'f', arguments: '' }, grants, 'recreated: x'))).toEqual([
      'REVOKE EXECUTE ON ROUTINE "public"."f"() FROM PUBLIC',
      'GRANT EXECUTE ON ROUTINE "public"."f"() TO "app"',
    ]);
    const v = grantStepsForNewObject({ objectKind: 'table', schema: 'public', name: 'v', arguments: null }, grants, 'recreated: x');
    expect(sqls(v)).toEqual(['GRANT SELECT ("a") ON TABLE "public"."v" TO "app"']);
    expect(v[0]!.reason).toBe('recreated: x');
    expect(v[0]!.requires).toEqual(expect.arrayContaining(['table:public.v', 'view:public.v', 'materialized_view:public.v', 'column:public.v.a']));
  });

  it('grants to the old owner after the owner changes, so the owner change does not swallow them', () => {
    const from = model({ tables: [table('t', [col('a', 'integer')], { owner: 'a' })] });
    const to = model({ tables: [table('t', [col('a', 'integer')], { owner: 'b' })], grants: [grant('t', 'a', 'SELECT')] });
    const ctx = makeContext(from, to, true);
    const steps = orderSteps([...diffGrants(ctx), ...diffOwners(ctx)]);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" OWNER TO "b"', 'GRANT SELECT ON TABLE "public"."t" TO "a"']);
  });
});
