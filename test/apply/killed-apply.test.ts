/**
 * Apply killed at 20 random points on the PostgreSQL server. The plans swap two sets of indexes on
 * a large table (DROP/CREATE INDEX CONCURRENTLY, each build scanning every row twice), with a
 * column, a check constraint and a table around them; the kill is pg_terminate_backend of the
 * applying session (as a SIGKILL of the pgform process, nothing of the run is written after it)
 * at a random time after a random step began. After each kill: drift names only objects the plan
 * touches and every index left invalid, a run that stopped before its last step shows drift, a
 * new plan and apply complete the run and verify, no index is invalid, no row is lost, drift is
 * empty, and history shows the killed run as interrupted after the step it had recorded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.ts';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { loadSqlParser } from '../../src/sql/parser.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { compareStates, desiredState, type Workspace } from '../../src/workflow/states.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import { driftReport, type DriftEntry } from '../../src/drift/report.ts';
import { readHistory } from '../../src/apply/history.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-kill-')), devUrl: inject('postgresUrl') };
const ROWS = 100_000;
const KILLS = 20;

const A = `
tables:
  orders:
    columns:
      id: { type: bigint, primary_key: true }
      customer: { type: integer, not_null: true }
      amount: { type: numeric, not_null: true }
      code: { type: text, not_null: true }
      placed: { type: timestamptz, not_null: true }
    indexes:
      orders_customer_idx: [customer]
      orders_placed_idx: [placed]
`;
const B = `
tables:
  orders:
    columns:
      id: { type: bigint, primary_key: true }
      customer: { type: integer, not_null: true }
      amount: { type: numeric, not_null: true }
      code: { type: text, not_null: true }
      placed: { type: timestamptz, not_null: true }
      note: { type: text, default: "'none'" }
    checks:
      amount_positive: amount >= 0
    indexes:
      orders_code_key: { columns: [code], unique: true }
      orders_customer_placed_idx: [customer, placed]
      orders_amount_idx: { columns: [amount], where: amount > 100 }
      orders_lower_code_idx: ["lower(code)"]
  order_notes:
    columns:
      id: { type: bigint, primary_key: true }
      body: text
`;

const input = (text: string): DesiredInput => ({ loaded: loadSchemaFiles([{ path: 'schema.yaml', text }]), managedSchemas: ['public'] });
const plan = async (conn: Connection, yaml: string): Promise<Plan> => (await planDatabase(conn, input(yaml), ws, DEFAULT_SETTINGS)).plan;
const apply = (conn: Connection, p: Plan, onProgress?: Parameters<typeof applyPlanSafely>[4]['onProgress']) =>
  applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000, lockRetries: 0, onProgress });

async function drift(conn: Connection, yaml: string): Promise<DriftEntry[]> {
  const i = input(yaml);
  const states = await compareStates(conn, await desiredState(i.loaded.model, ['public'], ws, i.loaded.sources), ['public'], ws);
  return driftReport(states.live, states.desired);
}

/** A small deterministic generator: the same seed gives the same kill points. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('apply killed at random points of a plan with concurrent index builds', () => {
  const opened: Connection[] = [];
  afterAll(async () => {
    for (const c of opened) await c.close().catch(() => undefined);
  });

  it('is completed by the next plan and apply each time, with nothing lost and the run in history', async () => {
    await loadSqlParser();
    const seed = Number(process.env.PGFORM_KILL_SEED ?? Date.now() % 1_000_000);
    console.log(`kill points from seed ${seed} (PGFORM_KILL_SEED=${seed} repeats them)`);
    const rand = random(seed);
    const url = await freshPostgresDatabase('kill');
    const admin = await openPostgres(url);
    opened.push(admin);
    await apply(admin, await plan(admin, A));
    await admin.exec(
      `INSERT INTO orders SELECT g, g % 5000, (g % 997)::numeric, 'C' || g, timestamptz '2026-01-01' + g * interval '1 minute'
         FROM generate_series(1, ${ROWS}) g; ANALYZE orders`,
    );
    const rows = async () =>
      (await admin.query<{ n: number; s: string }>(`SELECT count(*)::int AS n, sum(id)::text AS s FROM orders`))[0]!;
    const before = await rows();
    const invalidIndexes = async () =>
      (await admin.query<{ name: string }>(`SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid`)).map(
        (r) => r.name,
      );

    let interrupted = 0;
    let duringBuild = 0;
    // The database is back at A or B after each round, so the plan between them is made once each way.
    const plans = new Map<string, Plan>();
    for (let k = 0; k < KILLS; k++) {
      const to = k % 2 === 0 ? B : A;
      const victim = await openPostgres(url);
      opened.push(victim);
      const [{ pid }] = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const p = plans.get(to) ?? (await plan(victim, to));
      plans.set(to, p);
      const touched = new Set(p.steps.map((s) => s.object));
      const atStep = Math.floor(rand() * p.steps.length);
      const afterMs = Math.floor(rand() * 120);
      let killed: Promise<unknown> | null = null;
      const outcome = await apply(victim, p, (e) => {
        if (e.type !== 'start' || e.index !== atStep + 1 || killed !== null) return;
        killed = new Promise((r) => setTimeout(r, afterMs)).then(() => admin.query('SELECT pg_terminate_backend($1)', [pid]));
      }).then(
        () => 'finished',
        (e: Error) => e.message,
      );
      await killed;
      // The session is gone, as after kill -9 of pgform: wait until the server has ended it.
      const gone = async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length === 0;
      for (let i = 0; i < 750 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await gone()).toBe(true);
      const [run] = await readHistory(admin);
      const stoppedEarly = outcome !== 'finished' && run!.outcome === 'running' && run!.stepsDone < run!.stepsTotal;
      if (stoppedEarly) interrupted++;
      // Each concurrent build is a transaction of its own: the first step not recorded is the one that ran.
      if (stoppedEarly && /^CREATE (UNIQUE )?INDEX CONCURRENTLY/.test(p.steps[run!.stepsDone]!.sql)) duringBuild++;

      // Drift (the comparison the next plan starts from) names what the kill left: only objects
      // the plan touches, and every index left invalid.
      const next = await planDatabase(admin, input(to), ws, DEFAULT_SETTINGS);
      const left = driftReport(next.states.live, next.states.desired);
      const invalid = await invalidIndexes();
      for (const e of left) {
        // The object a step names, a part of it (a column of a table), or what holds it (the table of a column).
        const byPlan = [...touched].some((o) => e.object === o || e.object.startsWith(`${o}.`) || o.startsWith(`${e.object}.`));
        expect(byPlan, `${e.kind} ${e.object} ${e.status} after a kill at step ${atStep + 1} + ${afterMs} ms (seed ${seed}): ${outcome.split('\n')[0]}`).toBe(true);
      }
      for (const name of invalid) expect(left.some((e) => e.status === 'invalid' && e.object.endsWith(`.${name}`)), name).toBe(true);
      // A transactional step is recorded in its own transaction, so a run stopped before it left it
      // undone. A concurrent build or drop is recorded after it returns: killed in between, it is
      // done but unrecorded, and drift rightly finds nothing left.
      const unrecorded = stoppedEarly ? p.steps[run!.stepsDone]! : null;
      if (unrecorded?.transactional) expect(left.length, `run stopped after ${run!.stepsDone}/${run!.stepsTotal}: ${outcome}`).toBeGreaterThan(0);
      expect(next.plan.steps.length > 0, `${left.map((e) => `${e.kind} ${e.object} ${e.status}`).join(', ')} / ${next.plan.steps.map((x) => x.sql).join('; ')} (seed ${seed})`).toBe(left.length > 0);

      // That plan completes the run: apply verifies the target (the live state compared with it).
      const completed = await apply(admin, next.plan).then(
        (r) => r.verified,
        (e: Error) => `kill ${k + 1} at step ${atStep + 1} + ${afterMs} ms (seed ${seed}), stopped after ${run!.stepsDone}: the next apply failed: ${e.message}`,
      );
      expect(completed).toBe(true);
      expect(await invalidIndexes(), `kill ${k + 1} (seed ${seed})`).toEqual([]);
      expect(await rows(), `kill ${k + 1} (seed ${seed})`).toEqual(before);
      if (stoppedEarly) {
        const killedRun = (await readHistory(admin)).find((h) => h.id === run!.id)!;
        expect(killedRun.outcome, `kill ${k + 1} (seed ${seed})`).toBe('interrupted');
        expect(killedRun.error).toMatch(new RegExp(`^interrupted: the process running this plan stopped (after step ${run!.stepsDone}/|before any step completed)`));
      }
      if (process.env.KILL_DEBUG) console.log(`kill ${k + 1}: step ${atStep + 1}/${p.steps.length} +${afterMs} ms, ${stoppedEarly ? `stopped after ${run!.stepsDone}` : 'not stopped'}, ${left.length} drift`);
    }
    // The verification of each re-run compared the live state with the target; drift says so too.
    expect(await drift(admin, KILLS % 2 === 0 ? A : B)).toEqual([]);
    console.log(`${interrupted} of ${KILLS} kills stopped the run before its last step, ${duringBuild} during a concurrent index build`);
    expect(interrupted).toBeGreaterThanOrEqual(KILLS / 2);
    expect(duringBuild).toBeGreaterThan(0);
  }, 240_000);
});
