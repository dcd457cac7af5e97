import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { UserError } from '../../src/errors.ts';
import { freshPglite, freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { parsePlanFile } from '../../src/plan/parse.ts';
import { renderJson } from '../../src/plan/render-json.ts';
import { renderMarkdown } from '../../src/plan/render-markdown.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { readCalledVolatility } from '../../src/workflow/volatility.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };
const desired = (yaml: string): DesiredInput => ({ loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] });

// One change of each kind the live rows can make fail: a NOT NULL column without a default, SET
// NOT NULL, a unique constraint, a unique index, a check.
const TARGET = desired(`
tables:
  orders:
    columns:
      id: { type: integer, primary_key: true }
      code: { type: text, not_null: true }
      region: text
      qty: integer
      placed_by: { type: text, not_null: true }
    unique:
      orders_code_key: [ code ]
    indexes:
      orders_region_qty_idx: { columns: [ region, qty ], unique: true }
    checks:
      orders_qty_positive: qty > 0
`);

async function refusal(conn: Connection, input: DesiredInput): Promise<string> {
  try {
    await planDatabase(conn, input, ws, DEFAULT_SETTINGS);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('the plan was not refused');
}

describe('plan-time data checks', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshPglite();
    await conn.exec(`
      CREATE TABLE orders (id integer PRIMARY KEY, code text, region text, qty integer);
      INSERT INTO orders VALUES (1, 'a', 'eu', 1), (2, 'a', 'eu', 1), (3, NULL, 'us', -2), (4, 'b', 'us', 0), (5, 'c', NULL, 5), (6, 'c', NULL, 5);`);
  }, 300_000);
  afterAll(() => conn?.close());

  it('refuse a plan the rows would make fail, naming table, column, counts and duplicate keys, with the fix', async () => {
    const message = await refusal(conn, TARGET);
    expect(message).toMatch(/adds NOT NULL column public\.orders\.placed_by without a default, but public\.orders has 6 row\(s\).*Fix: give placed_by a default/);
    expect(message).toMatch(/makes public\.orders\.code NOT NULL, but 1 row\(s\) hold NULL there/);
    expect(message).toMatch(/unique constraint orders_code_key on public\.orders \("code"\), but values repeat \(showing up to 5\): \(a\) x2, \(c\) x2/);
    // NULLs do not collide in a unique index: only (eu, 1) repeats.
    expect(message).toMatch(/unique index orders_region_qty_idx on public\.orders \("region", "qty"\), but values repeat \(showing up to 5\): \(eu, 1\) x2:/);
    expect(message).toMatch(/adds check orders_qty_positive \(.*\) to public\.orders, but 2 row\(s\) violate it/);
    expect(message).toContain('--skip-data-checks');
  }, 300_000);

  it('--skip-data-checks plans anyway and says so in the plan header', async () => {
    const { plan } = await planDatabase(conn, TARGET, ws, DEFAULT_SETTINGS, { skipDataChecks: true });
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(renderSql(plan)).toMatch(/^-- note: data checks skipped \(--skip-data-checks\)/m);
  }, 300_000);

  it('pass once the rows fit', async () => {
    await conn.exec(`DELETE FROM orders WHERE id IN (2, 6); UPDATE orders SET code = 'd', qty = 3 WHERE id = 3; UPDATE orders SET qty = 1 WHERE id = 4; DELETE FROM orders;`);
    const noRowsNeeded = await planDatabase(conn, TARGET, ws, DEFAULT_SETTINGS);
    expect(noRowsNeeded.plan.steps.length).toBeGreaterThan(0);
    await conn.exec(`INSERT INTO orders VALUES (1, 'a', 'eu', 1), (2, 'b', 'eu', 2), (3, 'c', NULL, 5), (4, 'd', NULL, 5)`);
    // With rows, only the NOT NULL column without a default is still in the way.
    const message = await refusal(conn, TARGET);
    expect(message.split('\n').filter((l) => l.startsWith('  - '))).toEqual([expect.stringMatching(/placed_by without a default, but public\.orders has 4 row/)]);
  }, 300_000);

  it('read the volatility of the functions defaults call from pg_proc (for the volatile-default rule)', async () => {
    const model = loadSchemaFiles([{ path: 's.yaml', text: 'tables:\n  t:\n    columns:\n      a: { type: text, default: "(lastval())::text" }\n      b: { type: timestamptz, default: now() }\n' }]).model;
    const v = await readCalledVolatility(conn, model);
    expect(v.get('pg_catalog.lastval')).toBe('volatile');
    expect(v.get('pg_catalog.now')).toBe('stable');
  });
});

describe('rows changed between plan and apply', () => {
  const serverWs: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: inject('postgresUrl') };
  const CHECKED = desired(`
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
      code: { type: text, not_null: true }
      qty: integer
    unique:
      items_code_key: [ code ]
    checks:
      items_qty_positive: qty > 0
`);

  it('the plan records its data checks; apply runs them again and refuses a plan whose rows changed, as stale (exit 6), running nothing', async () => {
    const url = await freshPostgresDatabase('rows_changed');
    const [conn, other] = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      await conn.exec(`CREATE TABLE items (id integer PRIMARY KEY, code text, qty integer); INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 2)`);
      const { plan } = await planDatabase(conn, CHECKED, serverWs, DEFAULT_SETTINGS);
      expect(plan.dataChecks?.map((c) => c.change)).toEqual([
        'makes public.items.code NOT NULL',
        'adds unique constraint items_code_key on public.items ("code")',
        'adds check items_qty_positive (qty > 0) to public.items',
      ]);
      // Written into the plan file, signed with it, read back from SQL and JSON.
      const sql = renderSql(plan);
      expect(sql.split('\n').filter((l) => l.startsWith('-- data-check: '))).toHaveLength(3);
      for (const text of [sql, renderJson(plan)]) {
        const parsed = parsePlanFile(text);
        expect(parsed.edited).toBe(false);
        expect(parsed.plan.dataChecks).toEqual(plan.dataChecks);
      }
      expect(parsePlanFile(sql.replace('WHERE NOT (qty > 0)', 'WHERE false')).edited).toBe(true);
      // The reviewer's markdown lists them too.
      const md = renderMarkdown(plan);
      expect(md).toContain('### Data checks');
      expect(md).toContain('- makes public.items.code NOT NULL (`public.items`): no row holds NULL there');
      expect(md).toContain('- adds check items_qty_positive (qty > 0) to public.items (`public.items`): no row violates it');

      // Another session writes rows the plan's steps would fail on.
      await other.exec(`INSERT INTO items VALUES (3, NULL, 3), (4, 'a', -1)`);
      const fromFile = parsePlanFile(sql).plan;
      const err = await applyPlanSafely(conn, fromFile, ['public'], serverWs, { allowHazards: 'all', allowStale: false, planSql: sql, lockWaitMs: 2000 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(6);
      const message = (err as Error).message;
      expect(message).toMatch(/^the plan is stale: the rows changed since it was planned, and 3 of the facts it was checked against no longer hold:/);
      expect(message).toMatch(/makes public\.items\.code NOT NULL, but 1 row\(s\) hold NULL there/);
      expect(message).toMatch(/items_code_key .*values repeat .*\(a\) x2/);
      expect(message).toMatch(/items_qty_positive .*1 row\(s\) violate it/);
      expect(message).toMatch(/nothing was run; plan again/);
      // Nothing ran: no step, no run recorded.
      const [col] = await conn.query<{ nullable: string }>(`SELECT is_nullable AS nullable FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'code'`);
      expect(col!.nullable).toBe('YES');
      expect(await conn.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype <> 'p'`)).toEqual([]);
      expect(await conn.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgform'`)).toEqual([]);

      // Once the rows fit again, the same plan runs.
      await other.exec(`DELETE FROM items WHERE id IN (3, 4)`);
      expect((await applyPlanSafely(conn, fromFile, ['public'], serverWs, { allowHazards: 'all', allowStale: false, planSql: sql, lockWaitMs: 2000 })).verified).toBe(true);
    } finally {
      await Promise.all([conn.close(), other.close()]);
    }
  }, 300_000);
  it('an ordinary table that becomes partitioned without convert_to_partitioned is replaced only when empty: refused at plan time, and CHECK (false) stops the DROP at apply', async () => {
    const url = await freshPostgresDatabase('replaced_empty');
    const conn = await openPostgres(url);
    try {
      await conn.exec(`CREATE TABLE queue (id integer NOT NULL, due date NOT NULL); INSERT INTO queue VALUES (1, '2026-05-01')`);
      const target = desired(`
tables:
  queue:
    columns: { id: { type: integer, not_null: true }, due: { type: date, not_null: true } }
    partition_by: { range: due }
    partitions:
      queue_all: "DEFAULT"
`);
      const message = await refusal(conn, target);
      expect(message).toMatch(/replaces public\.queue by a partitioned table \(PostgreSQL cannot partition an existing table in place\), but public\.queue has 1 row\(s\).*Fix: add `convert_to_partitioned: true`/);
      // Planned without looking at the rows: the guard step fails and nothing is lost.
      const { plan } = await planDatabase(conn, target, serverWs, DEFAULT_SETTINGS, { skipDataChecks: true });
      const sql = renderSql(plan);
      const err = await applyPlanSafely(conn, parsePlanFile(sql).plan, ['public'], serverWs, { allowHazards: 'all', allowStale: false, planSql: sql, lockWaitMs: 2000 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as Error).message).toMatch(/pgform_replaced_must_be_empty.*violated by some row/s);
      expect(await conn.query(`SELECT relkind::text AS k, (SELECT count(*)::int FROM queue) AS n, (SELECT count(*)::int FROM pg_constraint WHERE conrelid = 'queue'::regclass) AS c FROM pg_class WHERE relname = 'queue'`)).toEqual([{ k: 'r', n: 1, c: 0 }]);
      // Emptied, the table is replaced.
      await conn.exec('DELETE FROM queue');
      const again = (await planDatabase(conn, target, serverWs, DEFAULT_SETTINGS)).plan;
      const text = renderSql(again);
      expect((await applyPlanSafely(conn, parsePlanFile(text).plan, ['public'], serverWs, { allowHazards: 'all', allowStale: false, planSql: text, lockWaitMs: 2000 })).verified).toBe(true);
      expect(await conn.query(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'queue'`)).toEqual([{ k: 'p' }]);
    } finally {
      await conn.close();
    }
  }, 300_000);
});
