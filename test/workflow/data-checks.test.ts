import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { freshPglite } from '../support/databases.ts';
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
