import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely, type ApplyOptions } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import type { Plan } from '../../src/plan/plan.ts';
import type { PlanMode } from '../../src/plan/transactions.ts';
import { levelOfMode, lockCovers, locksOf, type LockLevel } from '../../src/plan/locks.ts';
import { LockTimeoutError, type RetryEvent } from '../../src/apply/executor.ts';
import { readHistory } from '../../src/apply/history.ts';
import { ident } from '../../src/sql/quote.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

/**
 * What the plan claims about locks, measured on a PostgreSQL server: a canary session writes and
 * reads every 20 ms while apply runs, and a second session samples pg_locks of the apply session.
 */

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-online-')), devUrl: null };
/** Rows are added in chunks until a scan like a foreign key's validation takes this long (the machine decides). */
const SCAN_MS = 700;
const CHUNK = 500_000;
const MAX_ROWS = 4_000_000;

const BEFORE = `
tables:
  customers:
    columns:
      id: { type: integer, primary_key: true }
      region: text
    indexes:
      customers_region_idx: { columns: [region] }
  orders:
    columns:
      id: { type: bigint, primary_key: true }
      customer_id: integer
      qty: integer
      note: text
    indexes:
      orders_note_idx: { columns: [note] }
`;
const AFTER = `
tables:
  customers:
    columns:
      id: { type: integer, primary_key: true }
      region: text
  orders:
    columns:
      id: { type: bigint, primary_key: true }
      customer_id: { type: integer, not_null: true }
      qty: integer
      note: text
    foreign_keys:
      orders_customer_fkey: { columns: [customer_id], references: { table: customers, columns: [id] } }
    checks:
      orders_qty_check: qty > 0
    indexes:
      orders_qty_idx: { columns: [qty] }
`;

function desired(yaml: string) {
  return { loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] };
}

async function planFor(conn: Connection, yaml: string, mode: PlanMode, lockTimeout = '5s'): Promise<Plan> {
  return (await planDatabase(conn, desired(yaml), ws, { lockTimeout, statementTimeout: '1h', mode })).plan;
}

function applyOptions(p: Plan, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 2000, ...extra };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Inserts and reads a row every 20 ms until stopped; the slowest of each. */
function startCanary(conn: Connection) {
  let stop = false;
  let worstWrite = 0;
  let worstRead = 0;
  let writes = 0;
  let id = 10_000_000;
  const done = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await conn.query(`INSERT INTO orders (id, customer_id, qty, note) VALUES ($1, 1, 1, 'canary')`, [++id]);
      const t1 = performance.now();
      await conn.query(`SELECT note FROM orders WHERE id = $1`, [id]);
      const t2 = performance.now();
      worstWrite = Math.max(worstWrite, t1 - t0);
      worstRead = Math.max(worstRead, t2 - t1);
      writes++;
      await sleep(20);
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
      return { worstWriteMs: worstWrite, worstReadMs: worstRead, writes };
    },
  };
}

interface Relation {
  readonly name: string;
  /** For an index: its table. */
  readonly table: string | null;
}

interface Sample {
  /** Steps running when the sample was asked for and when it came back. */
  readonly from: number;
  readonly to: number;
  readonly locks: readonly { relation: string; level: LockLevel }[];
}

/**
 * Polls pg_locks for the apply session's relation locks, noting which step was running, and for
 * the canary session waiting on a lock: its longest wait, whatever the machine's load.
 */
function startSampler(conn: Connection, pid: number, canaryPid: number, relations: ReadonlyMap<string, Relation>, current: () => number) {
  let stop = false;
  const samples: Sample[] = [];
  let waitingSince: number | null = null;
  let longestWait = 0;
  const done = (async () => {
    while (!stop) {
      const from = current();
      const asked = performance.now();
      const rows = await conn.query<{ pid: number; oid: string; mode: string; granted: boolean }>(
        `SELECT pid, relation::text AS oid, mode, granted FROM pg_locks
          WHERE (pid = $1 AND locktype = 'relation' AND granted) OR (pid = $2 AND NOT granted)`,
        [pid, canaryPid],
      );
      const to = current();
      const locks = rows
        .filter((r) => r.pid === pid && relations.has(r.oid))
        .map((r) => ({ relation: relations.get(r.oid)!.name, level: levelOfMode(r.mode)! }));
      if (from > 0) samples.push({ from, to, locks });
      if (rows.some((r) => r.pid === canaryPid)) {
        waitingSince ??= asked;
        longestWait = Math.max(longestWait, performance.now() - waitingSince);
      } else waitingSince = null;
      await sleep(5);
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
      return { samples, longestCanaryLockWaitMs: longestWait };
    },
  };
}

/** The managed tables and indexes that exist before apply, by oid (new ones lock nothing anyone waits for). */
async function existingRelations(conn: Connection): Promise<Map<string, Relation>> {
  const rows = await conn.query<{ oid: string; name: string; tbl: string | null }>(
    `SELECT c.oid::text AS oid, 'public.' || c.relname AS name, 'public.' || t.relname AS tbl
       FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'i')`,
  );
  return new Map(rows.map((r) => [r.oid, { name: r.name, table: r.tbl }]));
}

interface Run {
  readonly plan: Plan;
  readonly canary: { worstWriteMs: number; worstReadMs: number; writes: number };
  readonly samples: readonly Sample[];
  /** The longest the canary was seen waiting for a lock. */
  readonly canaryLockWaitMs: number;
  readonly relations: ReadonlyMap<string, Relation>;
  readonly stepMs: ReadonlyMap<number, number>;
}

/** Plans BEFORE -> AFTER in `mode` and applies it with the canary writing and pg_locks sampled. */
async function measuredApply(url: string, mode: PlanMode): Promise<Run> {
  const conn = await openPostgres(url);
  const canaryConn = await openPostgres(url);
  const samplerConn = await openPostgres(url);
  try {
    const plan = await planFor(conn, AFTER, mode);
    const [{ pid }] = (await conn.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
    const relations = await existingRelations(conn);
    let current = 0;
    const stepMs = new Map<number, number>();
    const [{ pid: canaryPid }] = (await canaryConn.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
    const sampler = startSampler(samplerConn, pid, canaryPid, relations, () => current);
    const canary = startCanary(canaryConn);
    await sleep(100);
    await applyPlanSafely(
      conn,
      plan,
      ['public'],
      ws,
      applyOptions(plan, {
        onProgress: (e) => {
          if (e.type === 'start') current = e.index;
          else stepMs.set(e.index, e.elapsedMs ?? 0);
          // After the last step only the commit and apply's own checks run.
          if (e.type === 'end' && e.index === e.total) current = 0;
        },
      }),
    );
    current = 0;
    const [canaryResult, sampled] = [await canary.stop(), await sampler.stop()];
    return { plan, canary: canaryResult, samples: sampled.samples, canaryLockWaitMs: sampled.longestCanaryLockWaitMs, relations, stepMs };
  } finally {
    await Promise.all([conn.close(), canaryConn.close(), samplerConn.close()]);
  }
}

/** Locks seen that no step of the running transaction declared (an index counts under its table). */
function undeclaredLocks(run: Run): string[] {
  const { plan } = run;
  const txOf = (n: number) => plan.transactions.find((t) => t.firstStep <= n && n <= t.lastStep)!;
  const tables = new Map([...run.relations.values()].map((r) => [r.name, r.table]));
  const out: string[] = [];
  for (const s of run.samples) {
    // `to` is 0 when the sample came back after the last step.
    const steps = plan.steps.slice(txOf(s.from).firstStep - 1, Math.max(s.from, s.to));
    const declared = steps.flatMap((st) => locksOf(st).relations.map((l) => ({ name: `${l.relation.schema}.${l.relation.name}`, level: l.level })));
    for (const l of s.locks) {
      const table = tables.get(l.relation) ?? null;
      const ok = declared.some((d) => (d.name === l.relation || d.name === table) && lockCovers(d.level, l.level));
      if (!ok) out.push(`steps ${s.from}-${s.to}: ${l.relation} ${l.level}`);
    }
  }
  return [...new Set(out)];
}

/** Declared locks of scan and rewrite steps that no sample taken during the step showed. */
function unseenLocks(run: Run): string[] {
  const out: string[] = [];
  run.plan.steps.forEach((st, i) => {
    const n = i + 1;
    const locks = locksOf(st);
    if (locks.duration === 'catalog') return;
    const during = run.samples.filter((s) => s.from === n && s.to === n);
    for (const l of locks.relations) {
      const name = `${l.relation.schema}.${l.relation.name}`;
      if (!during.some((s) => s.locks.some((x) => x.relation === name && x.level === l.level))) out.push(`step ${n}: ${name} ${l.level}`);
    }
  });
  return out;
}

let template: string;
let serverUrl: string;

/** A database at BEFORE with rows, kept as the template of the measured runs. */
async function populateTemplate(): Promise<void> {
  const url = await freshPostgresDatabase('online_tpl');
  serverUrl = url;
  template = new URL(url).pathname.slice(1);
  const conn = await openPostgres(url);
  try {
    const before = await planFor(conn, BEFORE, 'online');
    await applyPlanSafely(conn, before, ['public'], ws, applyOptions(before));
    await conn.exec(`INSERT INTO customers SELECT g, 'r' || (g % 10) FROM generate_series(1, 1000) g`);
    // As few rows as make each scan take about a second here: the table grows until one does.
    for (let rows = 0; rows < MAX_ROWS; rows += CHUNK) {
      await conn.exec(`INSERT INTO orders SELECT g, 1 + g % 1000, 1 + g % 7, NULL FROM generate_series(${rows + 1}, ${rows + CHUNK}) g; ANALYZE orders`);
      const t0 = performance.now();
      await conn.query(`SELECT 1 FROM ONLY orders o LEFT JOIN ONLY customers c ON c.id = o.customer_id WHERE c.id IS NULL AND o.customer_id IS NOT NULL`);
      if (performance.now() - t0 >= SCAN_MS) break;
    }
  } finally {
    await conn.close();
  }
}

/** A copy of the populated template database (a file copy: much faster than inserting again). */
async function copyOfTemplate(name: string): Promise<string> {
  const admin = await openPostgres(serverUrl);
  const db = `${template}_${name}`;
  try {
    // The template's last session, or an autovacuum worker on its fresh rows, can outlive the server's
    // five-second wait on a busy machine ("being accessed by other users", 55006): wait and try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.exec(`CREATE DATABASE ${ident(db)} TEMPLATE ${ident(template)}`);
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt === 12) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    await admin.close();
  }
  return withDatabase(serverUrl, db);
}

describe('online plans on a table with rows, with a canary writing every 20 ms', () => {
  let online: Run;
  let atomic: Run;
  beforeAll(async () => {
    await populateTemplate();
    const [a, b] = [await copyOfTemplate('online'), await copyOfTemplate('atomic')];
    online = await measuredApply(a, 'online');
    atomic = await measuredApply(b, 'atomic');
  }, 600_000);

  it('online: writes never wait long, though each scan takes a while', () => {
    const scans = online.plan.steps.map((s, i) => [locksOf(s).duration, online.stepMs.get(i + 1) ?? 0] as const).filter(([d]) => d !== 'catalog');
    expect(scans.length).toBeGreaterThanOrEqual(4);
    // The table is big enough for the measure to mean something: the longest scan outlasts the bound.
    expect(Math.max(...scans.map(([, ms]) => ms))).toBeGreaterThan(500);
    expect(online.canary.writes).toBeGreaterThan(20);
    expect(online.canaryLockWaitMs).toBeLessThan(500);
    expect(online.canary.worstWriteMs).toBeLessThan(500);
    expect(online.canary.worstReadMs).toBeLessThan(500);
  });

  it('online: the locks seen are the locks each step declared', () => {
    expect(online.samples.length).toBeGreaterThan(50);
    expect(undeclaredLocks(online)).toEqual([]);
    expect(unseenLocks(online)).toEqual([]);
  });

  it('atomic: the same plan in one transaction blocks the writes (the harness can fail)', () => {
    expect(atomic.plan.transactions.length).toBeLessThan(online.plan.transactions.length);
    expect(atomic.canaryLockWaitMs).toBeGreaterThan(500);
    expect(atomic.canary.worstWriteMs).toBeGreaterThan(500);
    expect(undeclaredLocks(atomic)).toEqual([]);
  });
});

describe('lock retries', () => {
  const SMALL_BEFORE = `
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
    indexes:
      items_id_idx: { columns: [id] }
  orders:
    columns:
      id: { type: integer, primary_key: true }
`;
  const SMALL_AFTER = `
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
  orders:
    columns:
      id: { type: integer, primary_key: true }
      extra: text
`;

  /** A database at SMALL_BEFORE and a session holding ACCESS EXCLUSIVE on orders. */
  async function blocked(): Promise<{ conn: Connection; holder: Connection; holderPid: number }> {
    const url = await freshPostgresDatabase('retry');
    const conn = await openPostgres(url);
    const before = await planFor(conn, SMALL_BEFORE, 'online');
    await applyPlanSafely(conn, before, ['public'], ws, applyOptions(before));
    const holder = await openPostgres(url);
    await holder.exec(`SET application_name = 'nightly-report'; BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE`);
    const [{ pid }] = (await holder.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
    return { conn, holder, holderPid: pid };
  }

  it('gives up after the retries, naming the blocking session and what was committed; the re-run completes', async () => {
    const { conn, holder, holderPid } = await blocked();
    try {
      const p = await planFor(conn, SMALL_AFTER, 'online', '200ms');
      // Step 1 (drop the index of items, outside a transaction) commits; step 2 waits on orders.
      expect(p.steps.map((s) => s.sql)).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS "public"."items_id_idx"', 'ALTER TABLE "public"."orders" ADD COLUMN "extra" text']);
      const retries: RetryEvent[] = [];
      const err = await applyPlanSafely(conn, p, ['public'], ws, applyOptions(p, { lockRetries: 2, retryDelayMs: 100, onRetry: (e) => retries.push(e) })).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LockTimeoutError);
      const message = (err as Error).message;
      expect(message).toMatch(/step 2 \(create column public\.orders\.extra\) could not get its locks: 3 attempt\(s\)/);
      expect(message).toContain(`pid ${holderPid} (application "nightly-report", idle in transaction`);
      expect(message).toContain('holds AccessExclusiveLock on public.orders');
      expect(message).toContain('step 1 was committed');
      expect(retries.map((r) => [r.index, r.attempt])).toEqual([
        [2, 1],
        [2, 2],
      ]);
      const [run] = await readHistory(conn);
      expect([run!.outcome, run!.stepsDone]).toEqual(['failed', 1]);
      await holder.exec('ROLLBACK');
      // Planned again: what committed is not run again.
      const rest = await planFor(conn, SMALL_AFTER, 'online');
      expect(rest.steps.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."orders" ADD COLUMN "extra" text']);
      await applyPlanSafely(conn, rest, ['public'], ws, applyOptions(rest));
      expect((await planFor(conn, SMALL_AFTER, 'online')).steps).toEqual([]);
    } finally {
      await holder.close();
      await conn.close();
    }
  });

  it('finishes when the blocking session lets go while it retries', async () => {
    const { conn, holder } = await blocked();
    try {
      const p = await planFor(conn, SMALL_AFTER, 'online', '200ms');
      const retries: RetryEvent[] = [];
      let release: Promise<void> | null = null;
      // The holder lets go once apply has been stopped by lock_timeout once: the retry gets through.
      const onRetry = (e: RetryEvent) => {
        retries.push(e);
        release ??= holder.exec('ROLLBACK');
      };
      await applyPlanSafely(conn, p, ['public'], ws, applyOptions(p, { lockRetries: 3, retryDelayMs: 200, onRetry }));
      await release;
      expect(retries.length).toBe(1);
      expect(retries.every((r) => r.index === 2)).toBe(true);
      const [run] = await readHistory(conn);
      expect([run!.outcome, run!.stepsDone]).toEqual(['succeeded', 2]);
      expect((await planFor(conn, SMALL_AFTER, 'online')).steps).toEqual([]);
    } finally {
      await holder.close();
      await conn.close();
    }
  });
});
