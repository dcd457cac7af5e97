import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { arg, bySql, check, col, enumType, grant, index, key, matview, model, policy, positionOf, routine, sqls, table, trigger, view } from './build.ts';

const users = (roleType: string) => table('users', [col('id', 'integer'), col('role', roleType)]);
const chain = () => [
  view('v1', 'SELECT users.id, users.role FROM users', ['id integer', 'role text'], { dependsOn: ['column:public.users.id', 'column:public.users.role'] }),
  view('v2', 'SELECT v1.role FROM v1', ['role text'], { dependsOn: ['column:public.v1.role'] }),
  view('v3', 'SELECT v2.role FROM v2', ['role text'], { dependsOn: ['column:public.v2.role'], comment: 'top', owner: 'app' }),
];

describe('dependents', () => {
  it('drops a view chain over a column whose type changes in reverse order and recreates it in order', () => {
    const from = model({ tables: [users('text')], views: chain() });
    const v3grant = grant('v3', 'reader', 'SELECT');
    const to = model({ tables: [users('character varying(20)')], views: chain(), grants: [v3grant] });
    // Reversed input: only edges can give the order.
    const steps = orderSteps([...diffModels({ ...from, grants: [v3grant] }, to)].reverse());
    const order = ['DROP VIEW "public"."v3"', 'DROP VIEW "public"."v2"', 'DROP VIEW "public"."v1"', 'ALTER TABLE "public"."users" ALTER COLUMN "role" TYPE', 'CREATE VIEW "public"."v1"', 'CREATE VIEW "public"."v2"', 'CREATE VIEW "public"."v3"'];
    const positions = order.map((f) => positionOf(steps, f));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(bySql(steps, 'CREATE VIEW "public"."v1"').reason).toBe('recreated: column public.users.role changes type');
    expect(bySql(steps, 'CREATE VIEW "public"."v3"').reason).toMatch(/^recreated: column public.users.role changes type \(it uses view public.v2/);
    expect(bySql(steps, 'DROP VIEW "public"."v1"').reason).toBe('dropped: column public.users.role changes type; it is created again afterwards');
    // Comment, grant and owner of the recreated view come back after it.
    for (const f of [`COMMENT ON VIEW "public"."v3" IS 'top'`, 'GRANT SELECT ON TABLE "public"."v3" TO "reader"', 'ALTER VIEW "public"."v3" OWNER TO "app"']) {
      expect(positionOf(steps, f)).toBeGreaterThan(positionOf(steps, 'CREATE VIEW "public"."v3"'));
    }
    expect(steps.filter((s) => s.sql.startsWith('GRANT SELECT ON TABLE "public"."v3"'))).toHaveLength(1);
  });

  it('re-applies the column comments of a recreated view and materialized view', () => {
    const commented = <T extends { columns: readonly { name: string; type: string; comment: string | null }[] }>(v: T, name: string, comment: string): T =>
      ({ ...v, columns: v.columns.map((c) => (c.name === name ? { ...c, comment } : c)) });
    const views = () => [commented(chain()[0]!, 'role', 'the role')];
    const mv = () => [commented(matview('m', 'SELECT users.role FROM users', ['role text'], { dependsOn: ['column:public.users.role'] }), 'role', 'grouped')];
    const from = model({ tables: [users('text')], views: views(), materializedViews: mv() });
    const to = model({ tables: [users('character varying(20)')], views: views(), materializedViews: mv() });
    const steps = orderSteps(diffModels(from, to));
    const viewComment = bySql(steps, `COMMENT ON COLUMN "public"."v1"."role" IS 'the role'`);
    expect(viewComment.reason).toBe('recreated: column public.users.role changes type');
    expect(positionOf(steps, `COMMENT ON COLUMN "public"."v1"."role"`)).toBeGreaterThan(positionOf(steps, 'CREATE VIEW "public"."v1"'));
    expect(positionOf(steps, `COMMENT ON COLUMN "public"."m"."role" IS 'grouped'`)).toBeGreaterThan(positionOf(steps, 'CREATE MATERIALIZED VIEW "public"."m"'));
    expect(steps.filter((s) => s.sql.startsWith('COMMENT ON COLUMN'))).toHaveLength(2);
  });

  it('does not duplicate a view its own diff drops and recreates; orders its drop before the change', () => {
    const [v1, v2] = chain();
    const from = model({ tables: [users('text')], views: [v1!, v2!] });
    const v2changed = view('v2', 'SELECT v1.id FROM v1', ['id integer'], { dependsOn: ['column:public.v1.id'] });
    const to = model({ tables: [users('character varying(20)')], views: [v1!, v2changed] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(steps.filter((s) => s.sql === 'DROP VIEW "public"."v2"')).toHaveLength(1);
    expect(steps.filter((s) => s.sql.startsWith('CREATE VIEW "public"."v2"'))).toHaveLength(1);
    expect(positionOf(steps, 'DROP VIEW "public"."v2"')).toBeLessThan(positionOf(steps, 'DROP VIEW "public"."v1"'));
    expect(positionOf(steps, 'CREATE VIEW "public"."v2"')).toBeGreaterThan(positionOf(steps, 'CREATE VIEW "public"."v1"'));
    expect(positionOf(steps, 'CREATE VIEW "public"."v1"')).toBeGreaterThan(positionOf(steps, 'ALTER COLUMN "role" TYPE'));
  });

  it('recreates a view from the desired state instead of replacing it when it must go anyway', () => {
    const [v1] = chain();
    const wider = view('v1', 'SELECT users.id, users.role, 1 AS one FROM users', ['id integer', 'role character varying(20)', 'one integer'], { dependsOn: v1!.dependsOn });
    const steps = orderSteps(diffModels(model({ tables: [users('text')], views: [v1!] }), model({ tables: [users('character varying(20)')], views: [wider] })));
    expect(steps.some((s) => s.operation === 'replace')).toBe(false);
    expect(sqls(steps).map((s) => s.split(' (')[0])).toEqual(['DROP VIEW "public"."v1"', 'ALTER TABLE "public"."users" ALTER COLUMN "role" TYPE character varying(20)', 'CREATE VIEW "public"."v1"']);
  });

  it('drops and recreates triggers, policies, defaults, checks and indexes around a function dropped and created again', () => {
    const f = routine('f', '', { returns: 'integer' });
    const uses = ['function:public.f()'];
    const t = table('t', [col('a', 'integer', { default: 'f()', dependsOn: uses })], {
      constraints: [check('t_a_check', 'a < f()', { dependsOn: uses })],
      indexes: [index('t_f_idx', [key('(a + f())')], { dependsOn: uses })],
    });
    const trg = routine('trg', '', { returns: 'trigger', language: 'plpgsql', body: 'BEGIN RETURN NEW; END' });
    const tr = trigger('t', 'tr', 'trg', { dependsOn: ['table:public.t', 'function:public.trg()'] });
    const pol = policy('t', 'p', { using: '(a = f())', dependsOn: ['column:public.t.a', ...uses] });
    const from = model({ tables: [t], routines: [f, trg], triggers: [tr], policies: [pol] });
    const to = model({ tables: [t], routines: [{ ...f, returns: 'bigint' }, { ...trg, returns: 'trigger', volatility: 'stable' }], triggers: [tr], policies: [pol] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    const drop = positionOf(steps, 'DROP FUNCTION "public"."f"()');
    const create = positionOf(steps, 'CREATE FUNCTION "public"."f"()');
    for (const before of ['ALTER COLUMN "a" DROP DEFAULT', 'DROP CONSTRAINT "t_a_check"', 'DROP INDEX "public"."t_f_idx"', 'DROP POLICY "p"']) {
      expect(positionOf(steps, before), before).toBeLessThan(drop);
    }
    for (const after of ['ALTER COLUMN "a" SET DEFAULT f()', 'ADD CONSTRAINT "t_a_check"', 'CREATE INDEX', 'CREATE POLICY "p"']) {
      expect(positionOf(steps, after), after).toBeGreaterThan(create);
      expect(bySql(steps, after).reason).toBe('recreated: function public.f() is dropped and created again');
    }
    // The trigger's function is only replaced in place: the trigger stays.
    expect(steps.some((s) => s.kind === 'trigger')).toBe(false);
    expect(bySql(steps, 'CREATE OR REPLACE FUNCTION "public"."trg"').operation).toBe('replace');
  });

  it('orders a trigger moved to a renamed function around the function drop and create', () => {
    const trg = routine('trg', '', { returns: 'trigger', language: 'plpgsql', body: 'BEGIN RETURN NEW; END' });
    const t = table('t', [col('a', 'integer')]);
    const tr = trigger('t', 'tr', 'trg', { definition: 'AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg()', dependsOn: ['table:public.t', 'function:public.trg()'] });
    const from = model({ tables: [t], routines: [trg], triggers: [tr] });
    const trg2 = { ...trg, name: 'trg2' };
    const tr2 = { ...tr, function: { schema: 'public', name: 'trg2' }, definition: 'AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg2()', dependsOn: ['table:public.t', 'function:public.trg2()'] };
    const steps = orderSteps([...diffModels(from, model({ tables: [t], routines: [trg2], triggers: [tr2] }))].reverse());
    expect(steps.filter((s) => s.kind === 'trigger').map((s) => s.operation)).toEqual(['drop', 'create']);
    expect(positionOf(steps, 'DROP TRIGGER')).toBeLessThan(positionOf(steps, 'DROP FUNCTION "public"."trg"()'));
    expect(positionOf(steps, 'CREATE TRIGGER')).toBeGreaterThan(positionOf(steps, 'CREATE FUNCTION "public"."trg2"()'));
  });

  it('rebuilds a materialized view over a changed column with its indexes, once', () => {
    const t = table('t', [col('a', 'integer')]);
    const m = matview('m', 'SELECT t.a FROM t', ['a integer'], { dependsOn: ['column:public.t.a'], indexes: [index('m_a', ['a'])] });
    const steps = orderSteps(diffModels(model({ tables: [t], materializedViews: [m] }), model({ tables: [table('t', [col('a', 'bigint')])], materializedViews: [m] })));
    expect(sqls(steps)).toEqual([
      'DROP MATERIALIZED VIEW "public"."m"',
      'ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE bigint',
      'CREATE MATERIALIZED VIEW "public"."m" ("a") AS SELECT t.a FROM t WITH DATA',
      'CREATE INDEX "m_a" ON "public"."m" USING btree ("a")',
    ]);
    expect(bySql(steps, 'CREATE MATERIALIZED').hazards.map((h) => h.kind)).toEqual(['matview_rebuild']);
  });

  it('leaves objects of a dropped table to go with it', () => {
    const t = table('t', [col('a', 'integer')]);
    const tr = trigger('t', 'tr', 'trg', { dependsOn: ['table:public.t', 'function:public.trg()'] });
    const steps = diffModels(model({ tables: [t], triggers: [tr], policies: [policy('t', 'p', { dependsOn: ['column:public.t.a'] })] }), model({}));
    expect(sqls(steps)).toEqual(['DROP TABLE "public"."t"']);
  });
  it('drops views and routines using an enum that is recreated, and brings them back after its columns are converted', () => {
    const t = table('t', [col('s', 'mood')]);
    const v = view('v', 'SELECT t.s FROM t', ['s mood'], { dependsOn: ['column:public.t.s', 'enum:public.mood'] });
    const f = routine('f', 'm mood', { arguments: [arg('m mood')], returns: 'boolean', dependsOn: ['enum:public.mood'] });
    const from = model({ enums: [enumType('mood', ['a', 'b', 'c'])], tables: [t], views: [v], routines: [f] });
    const to = model({ enums: [enumType('mood', ['a', 'c'])], tables: [t], views: [v], routines: [f] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    const rename = positionOf(steps, 'RENAME TO "mood__pgform_old"');
    const convert = positionOf(steps, 'ALTER COLUMN "s" TYPE');
    expect(positionOf(steps, 'DROP VIEW "public"."v"')).toBeLessThan(rename);
    expect(positionOf(steps, 'DROP FUNCTION "public"."f"(m mood)')).toBeLessThan(rename);
    expect(positionOf(steps, 'CREATE VIEW "public"."v"')).toBeGreaterThan(convert);
    expect(positionOf(steps, 'CREATE FUNCTION "public"."f"')).toBeGreaterThan(positionOf(steps, 'CREATE TYPE "public"."mood"'));
    expect(positionOf(steps, 'DROP TYPE "public"."mood__pgform_old"')).toBeGreaterThan(positionOf(steps, 'DROP FUNCTION'));
    expect(bySql(steps, 'CREATE FUNCTION').reason).toBe('recreated: type public.mood is recreated');
  });
});
