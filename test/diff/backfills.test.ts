import { describe, expect, it } from 'vitest';
import { planTransactions } from '../../src/plan/transactions.ts';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { reverseModelAnnotations } from '../../src/plan/make-plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { parsePlanFile } from '../../src/plan/parse.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Backfill, Column } from '../../src/model/column.ts';
import type { Constraint } from '../../src/model/constraint.ts';
import { check, col, hazardKinds, model, pk, table } from './build.ts';

const fill = (value: string, extra: Partial<Backfill> = {}): Backfill => ({ value, where: null, batchSize: 500, reverse: null, ...extra });

function plan(from: Column[], to: Column[], toConstraints: Constraint[] = []) {
  const m = (columns: Column[], more: Constraint[]) => model({ tables: [table('t', columns, { constraints: [pk('t_pkey', ['id']), ...more] })] });
  return orderSteps(diffModels(m(from, []), m(to, toConstraints)));
}

const titles = (steps: ReturnType<typeof plan>) => steps.map((s) => `${s.operation} ${s.kind} ${s.object}`);

describe('backfills', () => {
  it('fills a new NOT NULL column in batches by primary key before NOT NULL is validated', () => {
    const steps = plan([col('id', 'integer'), col('name', 'text')], [col('id', 'integer'), col('name', 'text'), col('slug', 'text', { notNull: true, backfill: fill('lower(name)') })]);
    expect(steps[0]!.sql).toBe('ALTER TABLE "public"."t" ADD COLUMN "slug" text');
    const at = (re: RegExp) => steps.findIndex((s) => re.test(s.sql));
    const fillAt = steps.findIndex((s) => s.backfill);
    expect(steps[fillAt]!.sql).toBe(
      'UPDATE "public"."t" SET "slug" = (lower(name))\n' +
        'WHERE ("id") IN (SELECT "id" FROM "public"."t" WHERE "slug" IS DISTINCT FROM (lower(name))::text ORDER BY "id" LIMIT 500)\n' +
        'RETURNING "id"',
    );
    expect(steps[fillAt]!).toMatchObject({ operation: 'update', transactional: false, backfill: { batchSize: 500 } });
    expect(hazardKinds(steps[fillAt]!)).toEqual(['data_change']);
    expect(fillAt).toBeLessThan(at(/VALIDATE CONSTRAINT/));
    expect(at(/VALIDATE CONSTRAINT/)).toBeLessThan(at(/SET NOT NULL/));
  });

  it('runs when a check on an existing column is introduced, not when nothing about the column changes', () => {
    const before = [col('id', 'integer'), col('qty', 'integer')];
    const after = [col('id', 'integer'), col('qty', 'integer', { backfill: fill('coalesce(qty, 0)') })];
    expect(plan(before, after)).toEqual([]);
    const steps = plan(before, after, [check('t_qty_check', 'qty >= 0')]);
    expect(titles(steps)).toEqual(['update column public.t.qty', 'create constraint public.t.t_qty_check', 'validate constraint public.t.t_qty_check']);
  });

  it('fills only NULLs with a volatile value, and follows a declared where', () => {
    const v = plan([col('id', 'integer')], [col('id', 'integer'), col('u', 'uuid', { backfill: fill('gen_random_uuid()') })]);
    expect(v.find((s) => s.backfill)!.sql).toMatch(/WHERE "u" IS NULL ORDER BY/);
    const w = plan([col('id', 'integer')], [col('id', 'integer'), col('n', 'integer', { backfill: fill('1', { where: 'n IS NULL AND id > 10' }) })]);
    expect(w.find((s) => s.backfill)!.sql).toMatch(/WHERE \(n IS NULL AND id > 10\) ORDER BY/);
  });

  it('keeps the batch size through the plan file', () => {
    const steps = plan([col('id', 'integer')], [col('id', 'integer'), col('n', 'integer', { backfill: fill('id * 2') })]);
    const p = { pgformVersion: 'x', sourceFingerprint: 'a', targetFingerprint: 'b', settings: DEFAULT_SETTINGS, steps, mode: 'online' as const, transactions: planTransactions(steps, 'online'), notes: [] };
    const read = parsePlanFile(renderSql(p));
    expect(read.edited).toBe(false);
    expect(read.plan.steps.map((s) => s.backfill ?? null)).toEqual([null, { batchSize: 500 }]);
  });
});

describe('the way back of a type change and a backfill', () => {
  const before = model({ tables: [table('t', [col('id', 'integer'), col('role', 'character varying(20)')])] });
  const forward = (extra: Partial<Column>) =>
    model({ tables: [table('t', [col('id', 'integer'), col('role', 'text', { using: 'upper(role)', ...extra })])] });
  const down = (extra: Partial<Column>) => orderSteps(diffModels(forward({}), reverseModelAnnotations(before, forward(extra))));

  it('uses reverse_using, or marks the step irreversible', () => {
    expect(down({ reverseUsing: 'lower(role)' }).map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."t" ALTER COLUMN "role" TYPE character varying(20) USING lower(role)',
    ]);
    const refused = down({});
    expect(hazardKinds(refused[0]!)).toContain('irreversible');
    expect(refused[0]!.hazards.find((h) => h.kind === 'irreversible')!.message).toMatch(/no `reverse_using`/);
  });

  it('runs a declared reverse_backfill on the way back', () => {
    const steps = down({ reverseUsing: 'lower(role)', backfill: fill('upper(role)', { reverse: "coalesce(role, 'viewer')" }) });
    expect(steps.find((s) => s.backfill)!.sql).toMatch(/SET "role" = \(coalesce\(role, 'viewer'\)\)/);
  });
});
