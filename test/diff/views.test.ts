import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, model, positionOf, sqls, table, view } from './build.ts';

const users = table('users', [col('id', 'integer'), col('name', 'text')]);
const v1 = view('v', ' SELECT users.id\n   FROM users;', ['id integer'], { dependsOn: ['column:public.users.id'] });

describe('views', () => {
  it('comments the columns of a created view, raw (by name) or normalized (on its columns)', () => {
    const raw = { ...v1, columns: [], dependsOn: [], columnComments: { id: 'the id' } };
    const created = orderSteps(diffModels(emptyModel(), model({ tables: [users], views: [raw] })));
    expect(positionOf(created, `COMMENT ON COLUMN "public"."v"."id" IS 'the id'`)).toBeGreaterThan(positionOf(created, 'CREATE VIEW'));
    const normalized = { ...v1, columns: [{ name: 'id', type: 'integer', comment: 'the id' }] };
    expect(sqls(diffModels(emptyModel(), model({ tables: [users], views: [normalized] })))).toContain(`COMMENT ON COLUMN "public"."v"."id" IS 'the id'`);
  });

  it('sets, changes and removes column comments of a kept view, and comments an appended column', () => {
    const withComments = (id: string | null, name: string | null) => ({
      ...v1,
      definition: ' SELECT users.id, users.name\n   FROM users;',
      columns: [{ name: 'id', type: 'integer', comment: id }, { name: 'name', type: 'text', comment: name }],
    });
    const a = withComments('old', null);
    expect(sqls(diffModels(model({ tables: [users], views: [a] }), model({ tables: [users], views: [withComments(null, 'who')] })))).toEqual([
      'COMMENT ON COLUMN "public"."v"."id" IS NULL',
      `COMMENT ON COLUMN "public"."v"."name" IS 'who'`,
    ]);
    expect(diffModels(model({ tables: [users], views: [a] }), model({ tables: [users], views: [a] }))).toEqual([]);
    // v1 has only `id`; `name` is appended by CREATE OR REPLACE VIEW and gets its comment after.
    const steps = orderSteps(diffModels(model({ tables: [users], views: [{ ...v1, columns: [{ name: 'id', type: 'integer', comment: 'old' }] }] }), model({ tables: [users], views: [withComments('old', 'who')] })));
    expect(sqls(steps)[0]).toMatch(/^CREATE OR REPLACE VIEW/);
    expect(sqls(steps).slice(1)).toEqual([`COMMENT ON COLUMN "public"."v"."name" IS 'who'`]);
  });

  it('creates a view with its column list, options and check option, after the table it uses', () => {
    const v = { ...v1, securityBarrier: true, securityInvoker: true, checkOption: 'cascaded' as const };
    const steps = orderSteps([...diffModels(emptyModel(), model({ tables: [users], views: [v] }))].reverse());
    expect(bySql(steps, 'VIEW').sql).toBe(
      'CREATE VIEW "public"."v" ("id") WITH (security_barrier = true, security_invoker = true) AS SELECT users.id\n   FROM users WITH CASCADED CHECK OPTION',
    );
    expect(positionOf(steps, 'CREATE TABLE')).toBeLessThan(positionOf(steps, 'CREATE VIEW'));
    expect(bySql(steps, 'CREATE VIEW').provides).toEqual(['view:public.v', 'column:public.v.id']);
  });

  it('writes CREATE RECURSIVE VIEW for a recursive desired view', () => {
    const v = view('tree', 'SELECT 1 AS n UNION ALL SELECT n + 1 FROM tree WHERE n < 3', ['n integer'], { recursive: true });
    expect(sqls(diffModels(model({}), model({ views: [v] })))).toEqual([
      'CREATE RECURSIVE VIEW "public"."tree" ("n") AS SELECT 1 AS n UNION ALL SELECT n + 1 FROM tree WHERE n < 3',
    ]);
  });

  it('orders views of the raw desired state (no dependsOn yet) by the names their queries use', () => {
    const a = view('a', 'SELECT id FROM b', ['id integer']);
    const b = view('b', 'SELECT id FROM users', ['id integer']);
    const steps = orderSteps(diffModels(emptyModel(), model({ tables: [users], views: [a, b] })));
    expect(positionOf(steps, 'VIEW "public"."b"')).toBeLessThan(positionOf(steps, 'VIEW "public"."a"'));
  });

  it('uses CREATE OR REPLACE when columns are only appended', () => {
    const to = view('v', ' SELECT users.id,\n    users.name\n   FROM users;', ['id integer', 'name text'], {
      dependsOn: ['column:public.users.id', 'column:public.users.name'],
    });
    const steps = diffModels(model({ tables: [users], views: [v1] }), model({ tables: [users], views: [to] }));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.operation).toBe('replace');
    expect(steps[0]!.sql).toMatch(/^CREATE OR REPLACE VIEW "public"."v" \("id", "name"\) AS SELECT users.id,/);
  });

  it('drops and creates a view whose columns change otherwise, saying why', () => {
    const to = view('v', ' SELECT users.name\n   FROM users;', ['name text'], { dependsOn: ['column:public.users.name'] });
    const steps = orderSteps(diffModels(model({ tables: [users], views: [v1] }), model({ tables: [users], views: [to] })));
    expect(sqls(steps)).toEqual(['DROP VIEW "public"."v"', 'CREATE VIEW "public"."v" ("name") AS SELECT users.name\n   FROM users']);
    expect(steps[0]!.disrupts).toEqual(['view:public.v']);
    expect(steps[1]!.reason).toMatch(/columns of public.v change \(id\)/);
  });

  it('changes options alone with ALTER VIEW SET/RESET, and comments', () => {
    const from = { ...v1, securityBarrier: true, checkOption: 'local' as const };
    const to = { ...v1, securityInvoker: true, comment: 'ids' };
    const steps = diffModels(model({ tables: [users], views: [from] }), model({ tables: [users], views: [to] }));
    expect(sqls(steps).sort()).toEqual([
      'ALTER VIEW "public"."v" RESET ("security_barrier", "check_option")',
      'ALTER VIEW "public"."v" SET (security_invoker = true)',
      `COMMENT ON VIEW "public"."v" IS 'ids'`,
    ]);
    expect(diffModels(model({ tables: [users], views: [v1] }), model({ tables: [users], views: [v1] }))).toEqual([]);
  });

  it('drops a view that uses another one first', () => {
    const w = view('w', 'SELECT v.id FROM v', ['id integer'], { dependsOn: ['column:public.v.id'] });
    const steps = orderSteps(diffModels(model({ tables: [users], views: [v1, w] }), model({ tables: [users] })));
    expect(sqls(steps)).toEqual(['DROP VIEW "public"."w"', 'DROP VIEW "public"."v"']);
    // Not recreated: gone from the desired state.
    expect(steps.some((s) => s.operation === 'create')).toBe(false);
  });

  it('drops the views over a dropped table before the table', () => {
    const steps = orderSteps([...diffModels(model({ tables: [users], views: [v1] }), model({}))].reverse());
    expect(sqls(steps)).toEqual(['DROP VIEW "public"."v"', 'DROP TABLE "public"."users"']);
  });
});
