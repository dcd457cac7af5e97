import { expect, it } from 'vitest';
import { currentUser, describeOnEngines, introspectSchemas } from './engines.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { MaterializedView, View } from '../../src/model/view.ts';

function viewOf(m: DatabaseModel, name: string): View {
  const v = m.views.find((x) => x.name === name);
  if (!v) throw new Error(`view ${name} not in model`);
  return v;
}

function matviewOf(m: DatabaseModel, name: string): MaterializedView {
  const v = m.materializedViews.find((x) => x.name === name);
  if (!v) throw new Error(`materialized view ${name} not in model`);
  return v;
}

describeOnEngines('introspect views and materialized views', ['citext'], ({ conn }) => {
  it('reads a view chain with columns, options and the columns each view uses', async () => {
    await conn().exec(`
      CREATE SCHEMA vc;
      CREATE TYPE vc.status AS ENUM ('active', 'gone');
      CREATE TABLE vc.users (id int PRIMARY KEY, email text, status vc.status, secret text);
      CREATE FUNCTION vc.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(t)';
      CREATE VIEW vc.active AS SELECT id, vc.norm(email) AS email FROM vc.users WHERE status = 'active';
      CREATE VIEW vc.active_ids WITH (security_barrier = on, check_option = cascaded) AS
        SELECT id FROM vc.active WHERE id > 0;
      CREATE VIEW vc.invoker WITH (security_invoker) AS SELECT a FROM vc.active a;
      COMMENT ON VIEW vc.active IS 'active users';
      COMMENT ON COLUMN vc.active.email IS 'normalized';
    `);
    const m = await introspectSchemas(conn(), 'vc');
    expect(m.views.map((v) => v.name)).toEqual(['active', 'active_ids', 'invoker']);
    const active = viewOf(m, 'active');
    expect(active.columns).toEqual([
      { name: 'id', type: 'integer', comment: null },
      { name: 'email', type: 'text', comment: 'normalized' },
    ]);
    expect(active.comment).toBe('active users');
    expect(active.owner).toBe(await currentUser(conn()));
    expect(active.securityBarrier).toBe(false);
    expect(active.checkOption).toBeNull();
    // Used columns, the routine and the enum of the literal; not the unused `secret` column.
    expect(active.dependsOn).toEqual([
      'column:vc.users.email',
      'column:vc.users.id',
      'column:vc.users.status',
      'enum:vc.status',
      'function:vc.norm(t text)',
    ]);
    expect(active.definition).toMatch(/^SELECT /);
    expect(active.definition).toContain('vc.norm(');
    expect(active.definition.endsWith(';')).toBe(false);
    expect(active.definition).toBe(active.definition.trim());

    const ids = viewOf(m, 'active_ids');
    expect(ids.securityBarrier).toBe(true);
    expect(ids.checkOption).toBe('cascaded');
    // A view over a view depends on the upper view's columns, keyed like table columns.
    expect(ids.dependsOn).toEqual(['column:vc.active.id']);

    const invoker = viewOf(m, 'invoker');
    expect(invoker.securityInvoker).toBe(true);
    expect(invoker.columns).toEqual([{ name: 'a', type: 'vc.active', comment: null }]);
    // A whole-row reference depends on the relation itself.
    expect(invoker.dependsOn).toEqual(['view:vc.active']);
  });

  it('reads back a definition that recreates the same view', async () => {
    await conn().exec(`
      CREATE SCHEMA vr;
      CREATE TABLE vr.t (a int, b text);
      CREATE VIEW vr.v AS SELECT a + 1 AS a1, upper(b) AS b FROM vr.t WHERE b LIKE 'x%' ORDER BY a;
    `);
    const first = viewOf(await introspectSchemas(conn(), 'vr'), 'v');
    await conn().exec(`DROP VIEW vr.v; CREATE VIEW vr.v AS ${first.definition}`);
    const second = viewOf(await introspectSchemas(conn(), 'vr'), 'v');
    expect(second).toEqual(first);
  });

  it('reads a recursive view as a plain view over WITH RECURSIVE', async () => {
    await conn().exec(`
      CREATE SCHEMA vrec;
      CREATE TABLE vrec.nodes (id int PRIMARY KEY, parent_id int);
      CREATE RECURSIVE VIEW vrec.tree (id, depth) AS
        SELECT id, 0 FROM vrec.nodes WHERE parent_id IS NULL
        UNION ALL
        SELECT n.id, t.depth + 1 FROM vrec.nodes n JOIN tree t ON n.parent_id = t.id;
    `);
    const tree = viewOf(await introspectSchemas(conn(), 'vrec'), 'tree');
    expect(tree.columns).toEqual([
      { name: 'id', type: 'integer', comment: null },
      { name: 'depth', type: 'integer', comment: null },
    ]);
    expect(tree.definition).toMatch(/^WITH RECURSIVE tree\(id, depth\) AS/);
    expect(tree.dependsOn).toEqual(['column:vrec.nodes.id', 'column:vrec.nodes.parent_id']);
    expect(tree.recursive).toBeUndefined();
  });

  it('reads a materialized view with its index and dependencies', async () => {
    await conn().exec(`
      CREATE SCHEMA mv;
      CREATE TABLE mv.orders (id int, customer int, total numeric);
      CREATE MATERIALIZED VIEW mv.totals AS
        SELECT customer, sum(total) AS total FROM mv.orders GROUP BY customer WITH NO DATA;
      CREATE UNIQUE INDEX totals_customer ON mv.totals (customer);
      CREATE INDEX totals_big ON mv.totals (total) WHERE total > 100;
      COMMENT ON MATERIALIZED VIEW mv.totals IS 'per customer';
      COMMENT ON COLUMN mv.totals.total IS 'sum of totals';
    `);
    const m = await introspectSchemas(conn(), 'mv');
    expect(m.views).toEqual([]);
    expect(m.tables.map((t) => t.name)).toEqual(['orders']);
    const totals = matviewOf(m, 'totals');
    expect(totals.columns).toEqual([
      { name: 'customer', type: 'integer', comment: null },
      { name: 'total', type: 'numeric', comment: 'sum of totals' },
    ]);
    expect(totals.comment).toBe('per customer');
    expect(totals.owner).toBe(await currentUser(conn()));
    // PostgreSQL 16+ leaves out the qualification of a single relation's columns.
    expect(totals.definition).toMatch(/^SELECT (orders\.)?customer,/);
    expect(totals.definition).toContain('GROUP BY');
    expect(totals.dependsOn).toEqual(['column:mv.orders.customer', 'column:mv.orders.total']);
    expect(totals.indexes.map((i) => [i.name, i.unique, i.definition])).toEqual([
      ['totals_big', false, 'USING btree (total) WHERE (total > (100)::numeric)'],
      ['totals_customer', true, 'UNIQUE USING btree (customer)'],
    ]);
    expect(totals.indexes[0]!.where).toMatch(/^\(?total > \(?100\)?::numeric\)?$/);
    expect(totals.indexes[1]!.where).toBeNull();
    expect(totals.indexes[0]!.dependsOn).toBeUndefined();
  });

  it('leaves out views that belong to an extension and views outside the scope', async () => {
    await conn().exec(`
      CREATE EXTENSION IF NOT EXISTS citext;
      CREATE SCHEMA vx;
      CREATE SCHEMA vx_other;
      CREATE VIEW vx.mine AS SELECT 1 AS one;
      CREATE VIEW vx.owned AS SELECT 2 AS two;
      CREATE VIEW vx_other.elsewhere AS SELECT 3 AS three;
      ALTER EXTENSION citext ADD VIEW vx.owned;
    `);
    const m = await introspectSchemas(conn(), 'vx');
    expect(m.views.map((v) => `${v.schema}.${v.name}`)).toEqual(['vx.mine']);
    expect(viewOf(m, 'mine').dependsOn).toEqual([]);
  });
});
