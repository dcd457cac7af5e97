import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePlan } from '../../src/plan/make-plan.ts';
import { parsePlanFile } from '../../src/plan/parse.ts';
import { renderJson } from '../../src/plan/render-json.ts';
import { renderMarkdown } from '../../src/plan/render-markdown.ts';
import { planHash, renderSql } from '../../src/plan/render-sql.ts';
import { formatLocks, locksOf, parseLocks, statementLocks } from '../../src/plan/locks.ts';
import { planTransactions } from '../../src/plan/transactions.ts';
import type { Plan } from '../../src/plan/plan.ts';
import type { Step } from '../../src/plan/step.ts';
import { bySql, check, col, fk, index, model, pk, table } from '../diff/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const from = model({
  tables: [
    table('customers', [col('id', 'integer', { notNull: true })], { constraints: [pk('customers_pkey', ['id'])] }),
    table('orders', [col('id', 'integer', { notNull: true }), col('customer_id', 'integer'), col('total', 'integer'), col('note', 'text'), col('qty', 'integer')], {
      constraints: [pk('orders_pkey', ['id'])],
      indexes: [index('orders_note_idx', ['note'])],
    }),
  ],
});
const to = model({
  tables: [
    table('customers', [col('id', 'integer', { notNull: true })], { constraints: [pk('customers_pkey', ['id'])] }),
    table('orders', [col('id', 'integer', { notNull: true }), col('customer_id', 'integer', { notNull: true }), col('total', 'bigint'), col('note', 'text'), col('qty', 'integer')], {
      constraints: [pk('orders_pkey', ['id']), fk('orders_customer_fkey', ['customer_id'], 'customers', ['id']), check('orders_qty_check', 'qty > 0')],
      indexes: [index('orders_total_idx', ['total'])],
    }),
  ],
});

function plan(mode?: 'online' | 'atomic'): Plan {
  return makePlan({ from, to, sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b', settings: { lockTimeout: '5s', statementTimeout: '1h', mode } });
}

const orders = { schema: 'public', name: 'orders' };
const customers = { schema: 'public', name: 'customers' };

describe('declared locks', () => {
  const steps = plan().steps;
  const of = (fragment: string | RegExp) => locksOf(bySql(steps, fragment));

  it('follow PostgreSQL: NOT VALID adds are brief, VALIDATE scans under SHARE UPDATE EXCLUSIVE', () => {
    expect(of(/ADD CONSTRAINT "orders_customer_fkey" .* NOT VALID$/)).toEqual({
      duration: 'catalog',
      relations: [
        { relation: orders, level: 'SHARE ROW EXCLUSIVE' },
        { relation: customers, level: 'SHARE ROW EXCLUSIVE' },
      ],
    });
    expect(of('VALIDATE CONSTRAINT "orders_customer_fkey"')).toEqual({
      duration: 'scan',
      relations: [
        { relation: orders, level: 'SHARE UPDATE EXCLUSIVE' },
        { relation: customers, level: 'ROW SHARE' },
      ],
    });
    expect(of(/ADD CONSTRAINT "orders_qty_check" .* NOT VALID$/)).toEqual({ duration: 'catalog', relations: [{ relation: orders, level: 'ACCESS EXCLUSIVE' }] });
    expect(of('VALIDATE CONSTRAINT "orders_qty_check"').duration).toBe('scan');
  });

  it('a type change that rewrites says so; an index build scans; SET NOT NULL after a validated check does not scan', () => {
    expect(of('ALTER COLUMN "total" TYPE bigint')).toEqual({ duration: 'rewrite', relations: [{ relation: orders, level: 'ACCESS EXCLUSIVE' }] });
    expect(of('CREATE INDEX CONCURRENTLY "orders_total_idx"')).toEqual({ duration: 'scan', relations: [{ relation: orders, level: 'SHARE UPDATE EXCLUSIVE' }] });
    expect(of('DROP INDEX CONCURRENTLY IF EXISTS "public"."orders_note_idx"').relations).toEqual([
      { relation: orders, level: 'SHARE UPDATE EXCLUSIVE' },
      { relation: { schema: 'public', name: 'orders_note_idx' }, level: 'ACCESS EXCLUSIVE' },
    ]);
    expect(of(/ALTER COLUMN "customer_id" SET NOT NULL$/)).toEqual({ duration: 'catalog', relations: [{ relation: orders, level: 'ACCESS EXCLUSIVE' }] });
    expect(statementLocks('ALTER TABLE "public"."orders" ALTER COLUMN "qty" SET NOT NULL', [])).toEqual({
      duration: 'scan',
      relations: [{ relation: orders, level: 'ACCESS EXCLUSIVE' }],
    });
    expect(statementLocks('CREATE INDEX "i" ON "public"."orders" ("qty")', []).relations[0]!.level).toBe('SHARE');
    expect(statementLocks('INSERT INTO "public"."orders" ("id") VALUES (1)', []).relations[0]!.level).toBe('ROW EXCLUSIVE');
    expect(statementLocks('CREATE FUNCTION "public"."f"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', [])).toEqual({ duration: 'catalog', relations: [] });
  });

  it('read back from their line, names of any spelling included', () => {
    const odd = { duration: 'scan' as const, relations: [{ relation: { schema: 'we"ird', name: 'a, b\nc' }, level: 'SHARE UPDATE EXCLUSIVE' as const }] };
    expect(formatLocks(odd)).not.toContain('\n');
    expect(parseLocks(formatLocks(odd))).toEqual(odd);
    expect(parseLocks(formatLocks({ duration: 'catalog', relations: [] }))).toEqual({ duration: 'catalog', relations: [] });
  });
});

describe('planned transactions', () => {
  const inTransactionOf = (p: Plan, fragment: string | RegExp) => {
    const n = p.steps.indexOf(bySql(p.steps, fragment)) + 1;
    return p.transactions.findIndex((t) => t.firstStep <= n && n <= t.lastStep);
  };

  it('online: every scan or rewrite alone, NOT VALID adds committed before their VALIDATE, concurrent builds outside', () => {
    const p = plan();
    expect(p.mode).toBe('online');
    for (const t of p.transactions) {
      const steps = p.steps.slice(t.firstStep - 1, t.lastStep);
      if (steps.some((s) => locksOf(s).duration !== 'catalog') || !t.transactional) expect(steps).toHaveLength(1);
      for (const s of steps) expect(s.transactional).toBe(t.transactional);
    }
    expect(inTransactionOf(p, /"orders_customer_fkey" .* NOT VALID$/)).toBeLessThan(inTransactionOf(p, 'VALIDATE CONSTRAINT "orders_customer_fkey"'));
    expect(p.transactions[inTransactionOf(p, 'CREATE INDEX CONCURRENTLY')]!.transactional).toBe(false);
    expect(p.transactions.length).toBeGreaterThan(planTransactions(p.steps, 'atomic').length);
  });

  it('online: indexes, checks and foreign keys of a table the plan creates share its transaction; on an existing table they run alone', () => {
    const created = model({
      tables: [
        table('customers', [col('id', 'integer', { notNull: true })], { constraints: [pk('customers_pkey', ['id'])] }),
        table('invoices', [col('id', 'integer', { notNull: true }), col('customer_id', 'integer'), col('total', 'integer')], {
          constraints: [pk('invoices_pkey', ['id']), fk('invoices_customer_fkey', ['customer_id'], 'customers', ['id']), check('invoices_total_check', 'total > 0')],
          indexes: [index('invoices_total_idx', ['total']), index('invoices_customer_idx', ['customer_id'])],
        }),
      ],
    });
    const p = makePlan({ from: model({ tables: [from.tables[0]!] }), to: created, sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b' });
    expect(p.transactions).toEqual([{ transactional: true, firstStep: 1, lastStep: p.steps.length }]);
    const build = bySql(p.steps, 'CREATE INDEX "invoices_total_idx"');
    expect(locksOf(build)).toEqual({ duration: 'catalog', relations: [{ relation: { schema: 'public', name: 'invoices' }, level: 'SHARE' }] });
    // The same index on the table once it exists (and may hold rows) scans it, alone.
    const later = makePlan({ from: model({ tables: [created.tables[0]!, { ...created.tables[1]!, indexes: [] }] }), to: created, sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b', online: false });
    expect(locksOf(bySql(later.steps, 'CREATE INDEX "invoices_total_idx"')).duration).toBe('scan');
    expect(later.transactions.filter((t) => t.transactional)).toHaveLength(2);
  });

  it('atomic: consecutive transactional steps share one transaction, as before', () => {
    const p = plan('atomic');
    expect(p.mode).toBe('atomic');
    expect(inTransactionOf(p, /"orders_customer_fkey" .* NOT VALID$/)).toBe(inTransactionOf(p, 'VALIDATE CONSTRAINT "orders_customer_fkey"'));
    // Two transactions in a row only with a step outside any between them.
    p.transactions.forEach((t, i) => i > 0 && t.transactional && expect(p.transactions[i - 1]!.transactional).toBe(false));
  });

  it('the SQL file shows BEGIN/COMMIT around each transaction and reads back to the same plan', () => {
    for (const mode of ['online', 'atomic'] as const) {
      const p = plan(mode);
      const text = renderSql(p);
      expect(text).toContain(`-- mode: ${mode}\n`);
      const transactional = p.transactions.filter((t) => t.transactional).length;
      expect(text.match(/^BEGIN;$/gm)).toHaveLength(transactional);
      expect(text.match(/^COMMIT; -- transaction \d+\/\d+$/gm)).toHaveLength(transactional);
      const back = parsePlanFile(text);
      expect(back.edited).toBe(false);
      expect(back.plan.mode).toBe(mode);
      expect(back.plan.transactions).toEqual(p.transactions);
      expect(back.plan.steps.map((s) => s.locks)).toEqual(p.steps.map((s) => s.locks));
      expect(planHash(back.plan)).toBe(planHash(p));
      const json = parsePlanFile(renderJson(p)).plan;
      expect(json.transactions).toEqual(p.transactions);
      expect(json.mode).toBe(mode);
    }
  });

  it('refuses a file whose transactions were broken', () => {
    const text = renderSql(plan());
    const noCommit = text.replace(/\n\nCOMMIT; -- transaction 1\/\d+/, '');
    expect(() => parsePlanFile(noCommit)).toThrow(/not a pgform plan file: .*transaction/);
  });

  it('reads plan files from before planned transactions as they ran: atomic', () => {
    // A plan file saved before plans had transactions (kept as it was written).
    const text = readFileSync(join(ROOT, 'test/fixtures/plans/legacy-atomic.sql'), 'utf8');
    expect(text).not.toContain('\n-- mode: ');
    const { plan: p, edited } = parsePlanFile(text);
    expect(edited).toBe(false);
    expect(p.mode).toBe('atomic');
    expect(p.transactions).toEqual(planTransactions(p.steps, 'atomic'));
    expect(p.steps.every((s: Step) => locksOf(s).duration.length > 0)).toBe(true);
  });

  it('markdown lists the transactions with their strongest locks', () => {
    const md = renderMarkdown(plan());
    expect(md).toContain('### Transactions');
    expect(md).toMatch(/\| \d+ \| \d+ \| rewrite \| public\.orders: ACCESS EXCLUSIVE \|/);
    expect(md).toMatch(/\| outside \| \d+ \| scan \| public\.orders: SHARE UPDATE EXCLUSIVE \|/);
  });
});
