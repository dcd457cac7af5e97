import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, hazardKinds, index, matview, model, positionOf, sqls, table, view } from './build.ts';

const t = table('t', [col('a', 'integer')]);
const m = matview('m', 'SELECT t.a FROM t', ['a integer'], { dependsOn: ['column:public.t.a'] });

describe('materialized views', () => {
  it('creates one WITH DATA, or WITH NO DATA when desired, with its indexes after it', () => {
    const withIndex = { ...m, indexes: [index('m_a', ['a'])], comment: 'c' };
    const steps = orderSteps([...diffModels(emptyModel(), model({ tables: [t], materializedViews: [withIndex] }))].reverse());
    expect(bySql(steps, 'MATERIALIZED').sql).toBe('CREATE MATERIALIZED VIEW "public"."m" ("a") AS SELECT t.a FROM t WITH DATA');
    expect(positionOf(steps, 'CREATE TABLE')).toBeLessThan(positionOf(steps, 'CREATE MATERIALIZED'));
    expect(positionOf(steps, 'CREATE MATERIALIZED')).toBeLessThan(positionOf(steps, 'CREATE INDEX "m_a"'));
    expect(bySql(steps, 'CREATE INDEX').transactional).toBe(true);
    expect(sqls(steps)).toContain(`COMMENT ON MATERIALIZED VIEW "public"."m" IS 'c'`);
    expect(bySql(diffModels(emptyModel(), model({ materializedViews: [{ ...m, withNoData: true }] })), 'MATERIALIZED').sql).toMatch(/ WITH NO DATA$/);
  });

  it('rebuilds a changed query (drop first) with the matview_rebuild hazard worded by WITH NO DATA', () => {
    const to = { ...m, definition: 'SELECT t.a FROM t WHERE t.a > 0', indexes: [index('m_a', ['a'])] };
    const steps = orderSteps([...diffModels(model({ tables: [t], materializedViews: [m] }), model({ tables: [t], materializedViews: [to] }))].reverse());
    expect(sqls(steps)).toEqual([
      'DROP MATERIALIZED VIEW "public"."m"',
      'CREATE MATERIALIZED VIEW "public"."m" ("a") AS SELECT t.a FROM t WHERE t.a > 0 WITH DATA',
      'CREATE INDEX "m_a" ON "public"."m" USING btree ("a")',
    ]);
    expect(hazardKinds(steps[1]!)).toEqual(['matview_rebuild']);
    expect(steps[1]!.hazards[0]!.message).toMatch(/query run in full while it is locked/);
    const empty = diffModels(model({ tables: [t], materializedViews: [m] }), model({ tables: [t], materializedViews: [{ ...to, withNoData: true }] }));
    expect(bySql(empty, 'CREATE MATERIALIZED').hazards[0]!.message).toMatch(/empty, and queries on it fail, until REFRESH MATERIALIZED VIEW/);
    expect(steps[0]!.disrupts).toEqual(['materialized_view:public.m']);
  });

  it('diffs its indexes like a table\'s', () => {
    const a = index('m_a', ['a'], { definition: 'USING btree (a)' });
    const from = model({ tables: [t], materializedViews: [{ ...m, indexes: [a] }] });
    expect(sqls(diffModels(from, model({ tables: [t], materializedViews: [{ ...m, indexes: [] }] })))).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS "public"."m_a"']);
    const added = diffModels(model({ tables: [t], materializedViews: [m] }), model({ tables: [t], materializedViews: [{ ...m, indexes: [a] }] }));
    expect(sqls(added)).toEqual(['CREATE INDEX CONCURRENTLY "m_a" ON "public"."m" USING btree ("a")']);
    expect(added[0]!.requires).toContain('materialized_view:public.m');
    expect(sqls(diffModels(from, model({ tables: [t], materializedViews: [{ ...m, indexes: [{ ...a, name: 'm_a2' }] }] })))).toEqual(['ALTER INDEX "public"."m_a" RENAME TO "m_a2"']);
  });

  it('drops a view over a dropped materialized view first', () => {
    const v = view('v', 'SELECT m.a FROM m', ['a integer'], { dependsOn: ['column:public.m.a'] });
    const steps = orderSteps([...diffModels(model({ tables: [t], materializedViews: [m], views: [v] }), model({ tables: [t] }))].reverse());
    expect(sqls(steps)).toEqual(['DROP VIEW "public"."v"', 'DROP MATERIALIZED VIEW "public"."m"']);
  });
});
