import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/diff/context.ts';
import { createTriggerSteps, diffTriggers, dropTriggerStep } from '../../src/diff/triggers.ts';
import { diffTables } from '../../src/diff/tables.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, model, positionOf, sqls, table, trigger } from './build.ts';

const diff = (from: DatabaseModel, to: DatabaseModel) => diffTriggers(makeContext(from, to, true));

describe('triggers', () => {
  it('creates a history trigger with UPDATE OF, WHEN and arguments, requiring relation, function and columns', () => {
    const t = trigger('app.accounts', 'accounts_history', 'app.log_change', {
      events: ['update'],
      updateColumns: ['status', 'Owner'],
      when: '(old.status IS DISTINCT FROM new.status)',
      arguments: ['status', "it's"],
    });
    const [create] = createTriggerSteps(t);
    expect(create!.sql).toBe(
      `CREATE TRIGGER "accounts_history" AFTER UPDATE OF "status", "Owner" ON "app"."accounts" FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status) EXECUTE FUNCTION "app"."log_change"('status', 'it''s')`,
    );
    expect(create!.requires).toEqual(
      expect.arrayContaining(['table:app.accounts', 'function:app.log_change()', 'column:app.accounts.status', 'column:app.accounts.Owner']),
    );
    expect(create!.provides).toEqual(['trigger:app.accounts.accounts_history']);
  });

  it('writes statement triggers with transition tables, several events and constraint triggers', () => {
    const stmt = trigger('t', 'audit', 'f', { events: ['insert', 'delete'], forEachRow: false, oldTable: 'old_rows', newTable: null });
    expect(createTriggerSteps(stmt)[0]!.sql).toBe(
      'CREATE TRIGGER "audit" AFTER INSERT OR DELETE ON "public"."t" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "public"."f"()',
    );
    const c = trigger('t', 'chk', 'f', { constraint: { deferrable: true, initiallyDeferred: true } });
    expect(createTriggerSteps(c)[0]!.sql).toBe(
      'CREATE CONSTRAINT TRIGGER "chk" AFTER INSERT ON "public"."t" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "public"."f"()',
    );
    const v = trigger('v', 'ins', 'f', { timing: 'instead of', dependsOn: ['view:public.v', 'function:public.f()'] });
    const vs = createTriggerSteps(v)[0]!;
    expect(vs.sql).toContain('INSTEAD OF INSERT ON "public"."v"');
    // The relation is a view: no table key is guessed.
    expect(vs.requires).toContain('view:public.v');
    expect(vs.requires).not.toContain('table:public.v');
  });

  it('creates a disabled trigger then disables it, and comments it', () => {
    const steps = createTriggerSteps(trigger('t', 'tr', 'f', { enabled: 'disabled', comment: 'off for now' }));
    expect(sqls(steps)).toEqual([
      'CREATE TRIGGER "tr" AFTER INSERT ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."f"()',
      'ALTER TABLE "public"."t" DISABLE TRIGGER "tr"',
      `COMMENT ON TRIGGER "tr" ON "public"."t" IS 'off for now'`,
    ]);
    expect(steps[1]!.requires).toEqual(['trigger:public.t.tr']);
  });

  it('alters the enabled state only, for each mode', () => {
    const base = trigger('t', 'tr', 'f', { definition: 'AFTER INSERT ...' });
    const t = table('t', [col('id', 'integer')]);
    const from = model({ tables: [t], triggers: [base] });
    expect(sqls(diff(from, model({ tables: [t], triggers: [{ ...base, enabled: 'replica' }] })))).toEqual([
      'ALTER TABLE "public"."t" ENABLE REPLICA TRIGGER "tr"',
    ]);
    expect(sqls(diff(from, model({ tables: [t], triggers: [{ ...base, enabled: 'always' }] })))).toEqual(['ALTER TABLE "public"."t" ENABLE ALWAYS TRIGGER "tr"']);
    const back = diff(model({ tables: [t], triggers: [{ ...base, enabled: 'disabled' }] }), from);
    expect(sqls(back)).toEqual(['ALTER TABLE "public"."t" ENABLE TRIGGER "tr"']);
    expect(back[0]!.operation).toBe('enable');
    expect(diff(from, from)).toEqual([]);
  });

  it('recreates a trigger whose definition changed: drop before create, with the reason', () => {
    const t = table('t', [col('id', 'integer')]);
    const before = trigger('t', 'tr', 'f', { definition: 'AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()' });
    const after = trigger('t', 'tr', 'f', { events: ['update'], definition: 'AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()', comment: 'c' });
    const steps = orderSteps([...diff(model({ tables: [t], triggers: [before] }), model({ tables: [t], triggers: [after] }))].reverse());
    expect(sqls(steps)).toEqual([
      'DROP TRIGGER "tr" ON "public"."t"',
      'CREATE TRIGGER "tr" AFTER UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."f"()',
      `COMMENT ON TRIGGER "tr" ON "public"."t" IS 'c'`,
    ]);
    expect(steps[0]!.reason).toMatch(/definition changed/);
    expect(steps.every((s) => s.transactional)).toBe(true);
  });

  it('drops a removed trigger, but not the triggers of a dropped table', () => {
    const t = table('t', [col('id', 'integer')]);
    const u = table('u', [col('id', 'integer')]);
    const from = model({ tables: [t, u], triggers: [trigger('t', 'a', 'f'), trigger('u', 'b', 'f')] });
    const steps = diff(from, model({ tables: [t] }));
    expect(sqls(steps)).toEqual(['DROP TRIGGER "a" ON "public"."t"']);
    expect(steps[0]!.removes).toEqual(['trigger:public.t.a']);
    expect(dropTriggerStep(trigger('t', 'a', 'f'), 'why').reason).toBe('why');
  });

  it('follows a renamed table: no change, and later steps name the new table after the rename', () => {
    const old = table('old', [col('id', 'integer')]);
    const renamed = table('new', [col('id', 'integer')], { renamedFrom: 'old' });
    const tr = trigger('old', 'tr', 'f', { definition: 'X' });
    expect(diff(model({ tables: [old], triggers: [tr] }), model({ tables: [renamed], triggers: [{ ...tr, table: 'new' }] }))).toEqual([]);
    const from = model({ tables: [old], triggers: [tr] });
    const to = model({ tables: [renamed], triggers: [{ ...tr, table: 'new', enabled: 'disabled' }] });
    const ctx = makeContext(from, to, true);
    const steps = orderSteps([...diffTriggers(ctx), ...diffTables(ctx)]);
    expect(positionOf(steps, 'RENAME TO "new"')).toBeLessThan(positionOf(steps, 'DISABLE TRIGGER'));
    expect(bySql(steps, 'DISABLE TRIGGER').sql).toBe('ALTER TABLE "public"."new" DISABLE TRIGGER "tr"');
  });
});
