/**
 * `npm run bench`: start-up of the built command; wall time and peak memory of pull, an empty plan (cold and cached), a plan with 10% of the
 * tables changed, and apply, for N = 100 and 1,000 tables, on embedded PGlite and on a
 * PostgreSQL 15 server the benchmark starts itself; on the server also @pgkit/migra diffing the
 * database with an equal twin, in this process, and each plan's time as a ratio of it; and
 * `validate` on 5,000 to 20,000 tables (BENCH_VALIDATE_SIZES). Not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticSchema } from './generate.ts';
import { startTestServer } from '../test/support/postgres-server.ts';
import { openDatabase } from '../src/db/open.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { openScratch } from '../src/normalize/scratch.ts';
import { introspect } from '../src/introspect/index.ts';
import { modelToYamlFiles } from '../src/yaml/pull.ts';
import { readDesired } from '../src/workflow/desired.ts';
import { planDatabase } from '../src/workflow/plan-database.ts';
import { closeWarmScratches } from '../src/normalize/scratch.ts';
import { applyPlanSafely } from '../src/workflow/apply-plan.ts';
import { renderSql } from '../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../src/plan/plan.ts';
import type { Connection } from '../src/db/connection.ts';
import type { Workspace } from '../src/workflow/states.ts';
import { spawnSync } from 'node:child_process';
import { run as migra } from '@pgkit/migra';

interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly peakMb: number;
}

async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * @pgkit/migra diffing `url` against its twin `twinUrl` (same schema), in this process: the
 * yardstick the targets are stated against, so the ratios compare on any machine.
 */
async function migraDiff(url: string, twinUrl: string): Promise<Measured<number>> {
  return measure(async () => (await migra(url, twinUrl, { unsafe: true, schema: 'public' })).sql.length);
}

function ratio(m: Measured<unknown>, yardstick: Measured<unknown> | null): string {
  return yardstick ? `${(m.ms / yardstick.ms).toFixed(2)}x migra` : '';
}

function row(engine: string, n: number, op: string, m: Measured<unknown>, extra = ''): void {
  console.log(`${engine.padEnd(9)} ${String(n).padStart(5)}  ${op.padEnd(28)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${m.peakMb.toFixed(0).padStart(5)} MB  ${extra}`);
}

async function applyAll(conn: Connection, dir: string, ws: Workspace): Promise<number> {
  const input = await readDesired(dir, { root: dir, schemaDir: dir, databaseUrl: null, devUrl: null, managedSchemas: ['public'], lockTimeout: null, statementTimeout: null }, ws.cacheDir);
  const { plan } = await planDatabase(conn, input, ws, DEFAULT_SETTINGS);
  await applyPlanSafely(conn, plan, input.managedSchemas, ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(plan), lockWaitMs: 10_000 });
  return plan.steps.length;
}

/** Plans `dir` in `mode`, then times the apply alone (the executor and its verification). */
async function timedApply(conn: Connection, dir: string, ws: Workspace, mode: 'online' | 'atomic'): Promise<Measured<number>> {
  const input = await readDesired(dir, null);
  const { plan } = await planDatabase(conn, input, ws, { ...DEFAULT_SETTINGS, mode });
  return measure(async () => {
    await applyPlanSafely(conn, plan, input.managedSchemas, ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(plan), lockWaitMs: 10_000 });
    return plan.transactions.filter((t) => t.transactional).length;
  });
}

/** The catalog rows introspection reads for tables, columns, indexes and constraints, read plainly. */
async function rawCatalogRead(conn: Connection): Promise<number> {
  const inPublic = `relnamespace = 'public'::regnamespace`;
  const queries = [
    `SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.reloptions, c.relacl, c.relrowsecurity FROM pg_class c WHERE ${inPublic}`,
    `SELECT a.attrelid, a.attname, a.attnum, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
            pg_catalog.pg_get_expr(d.adbin, d.adrelid)
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.${inPublic} AND a.attnum > 0 AND NOT a.attisdropped`,
    `SELECT i.indexrelid, pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.${inPublic}`,
    `SELECT con.conname, con.contype, pg_catalog.pg_get_constraintdef(con.oid) FROM pg_constraint con WHERE con.connamespace = 'public'::regnamespace`,
  ];
  let rows = 0;
  for (const q of queries) rows += (await conn.query(q)).length;
  return rows;
}

async function planOnly(conn: Connection, dir: string, ws: Workspace): Promise<number> {
  // As the command does: the loaded YAML is cached by file contents next to the normalized states.
  const input = await readDesired(dir, null, ws.cacheDir);
  return (await planDatabase(conn, input, ws, DEFAULT_SETTINGS)).plan.steps.length;
}

async function benchEngine(engine: 'pglite' | 'postgres', n: number, serverUrl: string | null): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), `pgform-bench-${engine}-${n}-`));
  const ws: Workspace = { cacheDir: join(work, 'cache'), devUrl: null };
  const base = join(work, 'base');
  const changed = join(work, 'changed');
  mkdirSync(base);
  mkdirSync(changed);
  writeFileSync(join(base, 'tables.yaml'), syntheticSchema(n));
  writeFileSync(join(changed, 'tables.yaml'), syntheticSchema(n, 10));
  const checked = join(work, 'checked');
  mkdirSync(checked);
  writeFileSync(join(checked, 'tables.yaml'), syntheticSchema(n, 10, true));
  let url = `pglite:${join(work, 'db')}`;
  let twinUrl: string | null = null;
  let onlineUrl: string | null = null;
  if (engine === 'postgres') {
    const admin = await openPostgres(serverUrl!);
    await admin.exec(`CREATE DATABASE bench_${n}`);
    await admin.exec(`CREATE DATABASE bench_${n}_twin`);
    await admin.exec(`CREATE DATABASE bench_${n}_online`);
    await admin.close();
    const u = new URL(serverUrl!);
    u.pathname = `/bench_${n}`;
    url = u.toString();
    u.pathname = `/bench_${n}_twin`;
    twinUrl = u.toString();
    u.pathname = `/bench_${n}_online`;
    onlineUrl = u.toString();
  }
  const conn = await openDatabase(url, { cwd: work });
  try {
    const scratch = await measure(async () => (await openScratch({ cacheDir: ws.cacheDir, extensions: [] })).dispose());
    row(engine, n, 'scratch ready (cold cache)', scratch);
    const warm = await measure(async () => (await openScratch({ cacheDir: ws.cacheDir, extensions: [] })).dispose());
    row(engine, n, 'scratch ready (warm cache)', warm);
    const initial = await measure(() => applyAll(conn, base, ws));
    row(engine, n, 'initial apply (plan+apply)', initial, `${initial.value} steps`);
    const pull = await measure(async () => modelToYamlFiles(await introspect(conn, { schemas: ['public'] })).size);
    row(engine, n, 'pull', pull);
    // The yardstick for introspection: the same catalog rows read plainly (with the definitions
    // PostgreSQL deparses), as psql would, with nothing made of them.
    const raw = await measure(() => rawCatalogRead(conn));
    row(engine, n, 'raw catalog read', raw, `${raw.value} rows`);
    const intro = await measure(async () => (await introspect(conn, { schemas: ['public'] })).tables.length);
    row(engine, n, 'introspect', intro, `${(intro.ms / raw.ms).toFixed(1)}x the raw catalog read`);
    let yardstick: Measured<number> | null = null;
    if (twinUrl !== null) {
      for (const u of [twinUrl, onlineUrl!]) {
        const twin = await openDatabase(u, { cwd: work });
        try {
          await applyAll(twin, base, ws);
        } finally {
          await twin.close();
        }
      }
      yardstick = await migraDiff(url, twinUrl);
      row('migra', n, 'diff of two equal databases', yardstick, `${yardstick.value} chars of SQL`);
    }
    const cold = await measure(() => planOnly(conn, base, { ...ws, cacheDir: join(work, 'cold-cache') }));
    row(engine, n, 'empty plan (empty cache)', cold, `${cold.value} steps  ${ratio(cold, yardstick)}`);
    const empty = await measure(() => planOnly(conn, base, ws));
    row(engine, n, 'empty plan (cached)', empty, `${empty.value} steps  ${ratio(empty, yardstick)}`);
    const changedPlan = await measure(() => planOnly(conn, changed, ws));
    row(engine, n, 'plan, 10% tables changed', changedPlan, `${changedPlan.value} steps  ${ratio(changedPlan, yardstick)}  ${(changedPlan.ms / empty.ms).toFixed(2)}x the empty plan`);
    const apply = await measure(() => applyAll(conn, changed, ws));
    row(engine, n, 'apply, 10% tables changed', apply, `${apply.value} steps`);
    if (twinUrl !== null) {
      // The same change (10% of the tables gain a column and a check: added NOT VALID, then
      // validated) applied to two equal databases, one per mode: what planned transactions (online)
      // cost against one transaction per run of steps (atomic). Target: at most 5% more.
      const atomicDb = await openDatabase(twinUrl, { cwd: work });
      const onlineDb = await openDatabase(onlineUrl!, { cwd: work });
      try {
        const atomic = await timedApply(atomicDb, checked, ws, 'atomic');
        row(engine, n, 'apply only, atomic', atomic, `${atomic.value} transactions`);
        const online = await timedApply(onlineDb, checked, ws, 'online');
        row(engine, n, 'apply only, online', online, `${online.value} transactions  ${((online.ms / atomic.ms - 1) * 100).toFixed(1)}% over atomic (target at most 5%)`);
      } finally {
        await atomicDb.close();
        await onlineDb.close();
      }
    }
  } finally {
    await conn.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Start-up of the built command (`npm run bench` builds first): `--version`, and each command's `--help`. */
function startup(): void {
  const bin = join(import.meta.dirname, '..', 'bin', 'pgform.js');
  const time = (args: string[]): number => {
    const runs = [0, 1, 2].map(() => {
      const t0 = performance.now();
      spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore' });
      return performance.now() - t0;
    });
    return runs.sort((a, b) => a - b)[1]!; // the median of 3
  };
  console.log(`start-up   pgform --version ${(time(['--version']) / 1000).toFixed(2)} s (target 0.3 s)`);
  for (const c of ['validate', 'plan', 'apply', 'drift', 'status', 'check', 'pull', 'history', 'init']) {
    console.log(`start-up   pgform ${c.padEnd(9)} ${(time([c, '--help']) / 1000).toFixed(2)} s (target 0.4 s)`);
  }
}

/**
 * `validate` (load and check the YAML, no database) on 5,000, 10,000 and 20,000 tables: the time
 * per 1,000 tables stays flat when loading is linear (target: 20,000 tables under 10 s).
 */
async function benchValidate(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `pgform-bench-validate-${n}-`));
  try {
    writeFileSync(join(dir, 'tables.yaml'), syntheticSchema(n));
    const m = await measure(async () => (await readDesired(dir, null)).loaded.model.tables.length);
    row('yaml', n, 'validate', m, `${((m.ms / n) * 1000 / 1000).toFixed(2)} s per 1,000 tables`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const validateSizes = (process.env.BENCH_VALIDATE_SIZES ?? '5000,10000,20000').split(',').filter(Boolean).map(Number);
startup();
for (const n of validateSizes) await benchValidate(n);
const server = await startTestServer();
try {
  console.log('engine        N  operation                       wall      peak RSS');
  for (const n of sizes) {
    if (engines.includes('pglite')) await benchEngine('pglite', n, null);
    if (engines.includes('postgres')) await benchEngine('postgres', n, server.url);
  }
} finally {
  await closeWarmScratches();
  await server.stop();
}
