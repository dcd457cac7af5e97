import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { compareStates, desiredState, type Workspace } from '../../src/workflow/states.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import { driftReport, renderDriftText } from '../../src/drift/report.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { freshPostgres } from '../support/databases.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };

const YAML = `
tables:
  items:
    columns:
      id: { type: bigint, primary_key: true }
      code: text
    indexes:
      items_code_idx: { columns: [code], unique: true }
`;
const WITH_NOTE = YAML.replace('code: text', 'code: text\n      note: text');

function desired(yaml: string): DesiredInput {
  return { loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] };
}

async function plan(conn: Connection, yaml: string, skipDataChecks = false): Promise<Plan> {
  return (await planDatabase(conn, desired(yaml), ws, DEFAULT_SETTINGS, { skipDataChecks })).plan;
}

async function apply(conn: Connection, p: Plan, allowStale = false): Promise<void> {
  await applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale, planSql: renderSql(p), lockWaitMs: 2000 });
}

async function drift(conn: Connection, yaml: string) {
  const input = desired(yaml);
  const states = await compareStates(conn, await desiredState(input.loaded.model, ['public'], ws), ['public'], ws);
  return driftReport(states.live, states.desired);
}

async function invalidCount(conn: Connection): Promise<number> {
  const [r] = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid`);
  return r!.n;
}

/** A unique concurrent build over duplicated values fails and leaves the index behind, invalid. */
async function breakIndex(conn: Connection): Promise<void> {
  await conn.exec(`DROP INDEX items_code_idx; INSERT INTO items SELECT g, 'dup' FROM generate_series(1, 3) g`);
  await expect(conn.exec(`CREATE UNIQUE INDEX CONCURRENTLY items_code_idx ON items (code)`)).rejects.toThrow(/could not create unique index/);
  expect(await invalidCount(conn)).toBe(1);
}

describe('invalid indexes on the PostgreSQL server', () => {
  const opened: Connection[] = [];
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  it('are drift, are rebuilt concurrently by the plan, and a failed rebuild says so', async () => {
    const conn = await freshPostgres('invalid');
    opened.push(conn);
    await apply(conn, await plan(conn, YAML));
    await breakIndex(conn);

    const entries = await drift(conn, YAML);
    expect(entries.map((e) => [e.kind, e.object, e.status])).toEqual([['index', 'public.items.items_code_idx', 'invalid']]);
    expect(entries[0]!.lines).toEqual(['- valid: false', '+ valid: true']);
    expect(renderDriftText(entries, 'db')).toMatch(/items_code_idx: invalid \(a concurrent build failed or was killed/);

    // The plan-time data check would refuse the rebuild over the duplicates; skip it to see apply fail.
    await expect(plan(conn, YAML)).rejects.toThrow(/values repeat/);
    const p = await plan(conn, YAML, true);
    expect(p.steps.map((s) => s.sql)).toEqual([
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."items_code_idx"',
      'CREATE UNIQUE INDEX CONCURRENTLY "items_code_idx" ON "public"."items" USING btree ("code")',
    ]);
    // The duplicates are still there: the rebuild fails again, and the message names the invalid index.
    await expect(apply(conn, p)).rejects.toThrow(/left invalid index\(es\): public\.items\.items_code_idx; `pgform drift` reports them/);

    await conn.exec(`DELETE FROM items WHERE id > 1`);
    await apply(conn, await plan(conn, YAML));
    expect(await invalidCount(conn)).toBe(0);
    expect(await drift(conn, YAML)).toEqual([]);
    expect((await plan(conn, YAML)).steps).toEqual([]);
  });

  it('fail the verification of a plan that leaves one behind', async () => {
    const conn = await freshPostgres('invalid');
    opened.push(conn);
    await apply(conn, await plan(conn, YAML));
    const addNote = await plan(conn, WITH_NOTE);
    await breakIndex(conn);
    // Planned before the index broke: stale, and run anyway, it cannot reach its target.
    await expect(apply(conn, addNote)).rejects.toThrow(/the plan is stale/);
    await expect(apply(conn, addNote, true)).rejects.toThrow(/does not match the plan's target[\s\S]*invalid index\(es\) remain: public\.items\.items_code_idx/);
  });
});

describe('constraints left NOT VALID on the PostgreSQL server', () => {
  it('are drift, are validated by the next plan, and then nothing differs', async () => {
    const CHECKED = YAML.replace('    indexes:', '    checks:\n      code_short: length(code) < 10\n    indexes:');
    const conn = await freshPostgres('invalid');
    try {
      await apply(conn, await plan(conn, YAML));
      await conn.exec(`INSERT INTO items VALUES (1, 'a')`);
      // As an apply killed while VALIDATE CONSTRAINT ran: the ADD ... NOT VALID committed, the validation did not.
      await conn.exec(`ALTER TABLE items ADD CONSTRAINT code_short CHECK (length(code) < 10) NOT VALID`);
      const entries = await drift(conn, CHECKED);
      expect(entries.map((e) => [e.kind, e.object, e.status])).toEqual([['constraint', 'public.items.code_short', 'invalid']]);
      expect(entries[0]!.lines).toEqual(['- valid: false', '+ valid: true']);
      expect(renderDriftText(entries, 'db')).toMatch(/code_short: not validated \(added NOT VALID/);
      const p = await plan(conn, CHECKED);
      expect(p.steps.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."items" VALIDATE CONSTRAINT "code_short"']);
      await apply(conn, p);
      expect(await drift(conn, CHECKED)).toEqual([]);
      expect((await plan(conn, CHECKED)).steps).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});

describe('invalid indexes where CONCURRENTLY cannot run', () => {
  it('are rebuilt with the plain forms', async () => {
    const server = await freshPostgres('invalid');
    // An engine without concurrent builds (as the embedded TimescaleDB build): plain forms.
    const conn: Connection = { ...server, concurrentIndexBuilds: false };
    try {
      await apply(conn, await plan(conn, YAML));
      await breakIndex(conn);
      expect((await drift(conn, YAML)).map((e) => e.status)).toEqual(['invalid']);
      await conn.exec(`DELETE FROM items WHERE id > 1`);
      const p = await plan(conn, YAML);
      expect(p.steps.map((s) => s.sql)).toEqual([
        'DROP INDEX "public"."items_code_idx"',
        'CREATE UNIQUE INDEX "items_code_idx" ON "public"."items" USING btree ("code")',
      ]);
      await apply(conn, p);
      expect(await invalidCount(conn)).toBe(0);
    } finally {
      await server.close();
    }
  });
});
