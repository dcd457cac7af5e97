import type { Connection } from '../db/connection.ts';
import type { Plan } from '../plan/plan.ts';
import type { Step } from '../plan/step.ts';
import { CANONICAL_SEARCH_PATH } from '../sql/session.ts';
import { ident, literal } from '../sql/quote.ts';
import { PER_CHUNK_OPTION } from '../sql/concurrently.ts';
import { LOCK_LEVELS, lockConflicts, locksOf } from '../plan/locks.ts';
import { transactionsProblem } from '../plan/transactions.ts';
import { UserError } from '../errors.ts';
import { runBackfill } from './backfill.ts';
import { ensureHistoryTable, recordEnd, recordProgress, recordStart } from './history.ts';

export interface ProgressEvent {
  /** `rows`: a backfill step committed a batch; `rows` holds the rows written so far. */
  readonly type: 'start' | 'end' | 'rows';
  readonly index: number;
  readonly total: number;
  readonly step: Step;
  /** Milliseconds the step took (on `end`). */
  readonly elapsedMs?: number;
  readonly rows?: number;
}

export interface ExecuteOptions {
  readonly planHash: string;
  readonly planName?: string | null;
  /** The plan's text as reviewed, kept in the history. */
  readonly planSql: string;
  readonly pgformVersion: string;
  readonly onProgress?: (e: ProgressEvent) => void;
  /** How many times a transaction stopped by lock_timeout is tried again (default 3). */
  readonly lockRetries?: number;
  /** Wait before the first retry; doubles each time (default 1000 ms). */
  readonly retryDelayMs?: number;
  readonly onRetry?: (e: RetryEvent) => void;
}

/** A transaction was stopped by lock_timeout and rolled back; it runs again after `waitMs`. */
export interface RetryEvent {
  readonly index: number;
  readonly step: Step;
  /** The attempt that failed (1 = the first). */
  readonly attempt: number;
  readonly waitMs: number;
}

export const DEFAULT_LOCK_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1000;

function committedText(committedSteps: number): string {
  return committedSteps === 0
    ? '  nothing was changed: the database is as it was before apply'
    : `  ${committedSteps === 1 ? 'step 1 was' : `steps 1-${committedSteps} were`} committed (each transaction commits before the next begins); ` +
        'they are recorded in pgform.history: plan and apply again to complete';
}

/** A step failed: everything in its transaction was rolled back. */
export class StepFailedError extends UserError {
  constructor(
    readonly stepIndex: number,
    readonly step: Step,
    readonly postgresMessage: string,
    readonly committedSteps: number,
  ) {
    super(
      [
        `step ${stepIndex} failed: ${step.operation} ${step.kind} ${step.object}`,
        `  SQL: ${step.sql}`,
        `  PostgreSQL: ${postgresMessage}`,
        committedText(committedSteps),
      ].join('\n'),
    );
  }
}

/** A session that held a lock the plan waited for. */
export interface BlockingSession {
  readonly pid: number;
  readonly applicationName: string;
  readonly state: string;
  readonly queryStart: string | null;
  readonly relation: string;
  readonly mode: string;
}

/** A transaction could not get its locks within lock_timeout, however often it was tried. */
export class LockTimeoutError extends UserError {
  constructor(
    readonly stepIndex: number,
    readonly step: Step,
    readonly attempts: number,
    readonly blockers: readonly BlockingSession[],
    readonly committedSteps: number,
    lockTimeout: string,
  ) {
    super(
      [
        `step ${stepIndex} (${step.operation} ${step.kind} ${step.object}) could not get its locks: ` +
          `${attempts} attempt(s), each waiting up to lock_timeout ${lockTimeout}; each attempt was rolled back`,
        blockers.length === 0
          ? '  no session held a conflicting lock on the relations the step declares when pgform looked'
          : '  held by:\n' +
            blockers
              .map(
                (b) =>
                  `    pid ${b.pid} (application ${JSON.stringify(b.applicationName)}, ${b.state}, query started ${b.queryStart ?? 'never'}) ` +
                  `holds ${b.mode} on ${b.relation}`,
              )
              .join('\n'),
        committedText(committedSteps),
        '  apply again when those sessions are done (or raise --lock-retries / --lock-timeout)',
      ].join('\n'),
    );
  }
}

function isLockTimeout(e: unknown): boolean {
  return (e as { code?: unknown }).code === '55P03' || /lock timeout/i.test((e as Error).message);
}

/**
 * Sessions other than ours holding, on the relations a transaction declares, a lock that conflicts
 * with the declared level: who made it wait (as pg_blocking_pids would have said during the wait).
 */
async function blockingSessions(conn: Connection, steps: readonly Step[]): Promise<BlockingSession[]> {
  const wanted = new Map<string, { schema: string; name: string; levels: Set<string> }>();
  for (const s of steps) {
    for (const l of locksOf(s).relations) {
      const k = JSON.stringify([l.relation.schema, l.relation.name]);
      const w = wanted.get(k) ?? { schema: l.relation.schema, name: l.relation.name, levels: new Set<string>() };
      for (const other of LOCK_LEVELS) if (lockConflicts(l.level, other)) w.levels.add(other);
      wanted.set(k, w);
    }
  }
  if (wanted.size === 0) return [];
  const targets = [...wanted.values()].map((w) => ({ schema: w.schema, name: w.name, modes: [...w.levels].map(modeOfLevel) }));
  const rows = await conn.query<{ pid: number; application_name: string; state: string; query_start: string | null; relation: string; mode: string }>(
    `SELECT l.pid, coalesce(a.application_name, '') AS application_name, coalesce(a.state, '') AS state,
            to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS query_start,
            n.nspname || '.' || c.relname AS relation, l.mode
       FROM jsonb_to_recordset($1::jsonb) AS t(schema text, name text, modes text[])
       JOIN pg_namespace n ON n.nspname = t.schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.name
       JOIN pg_locks l ON l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND l.relation = c.oid AND l.granted AND l.mode = ANY (t.modes)
       LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.pid <> pg_backend_pid()
      ORDER BY l.pid, relation`,
    [JSON.stringify(targets)],
  );
  return rows.map((r) => ({
    pid: Number(r.pid),
    applicationName: r.application_name,
    state: r.state,
    queryStart: r.query_start,
    relation: r.relation,
    mode: r.mode,
  }));
}

/** `SHARE ROW EXCLUSIVE` -> `ShareRowExclusiveLock`, as pg_locks.mode spells it. */
function modeOfLevel(level: string): string {
  return `${level
    .toLowerCase()
    .split(' ')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}Lock`;
}

/**
 * A concurrent index build, or a hypertable's index built one chunk per transaction, stopped by
 * lock_timeout can leave an invalid index behind: drop it so the retry can build it again (a
 * hypertable's plainly: TimescaleDB has no concurrent drop). Other non-transactional steps (DROP
 * INDEX CONCURRENTLY IF EXISTS) retry as they are.
 */
async function cleanUpBeforeRetry(conn: Connection, step: Step): Promise<void> {
  const m = /^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?("(?:[^"]|"")+") ON ("(?:[^"]|"")+")\./.exec(step.sql);
  const concurrently = m?.[1] !== undefined;
  if (!m || (!concurrently && !step.sql.includes(PER_CHUNK_OPTION))) return;
  const name = m[2]!.slice(1, -1).replace(/""/g, '"');
  const schema = m[3]!.slice(1, -1).replace(/""/g, '"');
  const [row] = await conn.query<{ invalid: boolean }>(
    `SELECT NOT i.indisvalid AS invalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
  );
  if (row?.invalid) await conn.exec(`DROP INDEX${concurrently ? ' CONCURRENTLY' : ''} IF EXISTS ${ident(schema)}.${ident(name)}`);
}

/**
 * Runs the plan's transactions exactly as written, recording the run in pgform.history. A
 * transaction stopped by lock_timeout is rolled back and tried again (up to `lockRetries` more
 * times, waiting longer each time); nothing committed runs again. The caller holds the apply lock
 * and has checked the fingerprint and hazards.
 */
export async function executePlan(conn: Connection, plan: Plan, opts: ExecuteOptions): Promise<void> {
  const problem = transactionsProblem(plan.steps, plan.transactions);
  if (problem) throw new UserError(`the plan's transactions do not match its steps: ${problem}`);
  await ensureHistoryTable(conn);
  const historyId = await recordStart(conn, {
    planHash: opts.planHash,
    planName: opts.planName ?? null,
    sourceFingerprint: plan.sourceFingerprint,
    targetFingerprint: plan.targetFingerprint,
    pgformVersion: opts.pgformVersion,
    stepsTotal: plan.steps.length,
    planSql: opts.planSql,
  });
  await conn.exec(
    [
      `SELECT set_config('search_path', ${literal(CANONICAL_SEARCH_PATH)}, false)`,
      `SELECT set_config('lock_timeout', ${literal(plan.settings.lockTimeout)}, false)`,
      `SELECT set_config('statement_timeout', ${literal(plan.settings.statementTimeout)}, false)`,
      // As pg_dump does: function bodies may use objects created later in the plan.
      `SELECT set_config('check_function_bodies', 'off', false)`,
    ].join(';\n'),
  );
  let committed = 0;
  const total = plan.steps.length;
  const retries = Math.max(0, opts.lockRetries ?? DEFAULT_LOCK_RETRIES);
  const delayMs = opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  try {
    for (const t of plan.transactions) {
      const steps = plan.steps.slice(t.firstStep - 1, t.lastStep).map((step, i) => ({ step, index: t.firstStep + i }));
      for (let attempt = 1; ; attempt++) {
        // A transaction records its progress before it commits: the work and the record of it
        // commit together (one commit per transaction, and no window between them).
        const failed = await runTransaction(conn, t.transactional, steps, total, opts, () => recordProgress(conn, historyId, t.lastStep));
        if (!failed) break;
        if (!isLockTimeout(failed.error)) throw new StepFailedError(failed.index, failed.step, failed.error.message, committed);
        if (attempt > retries) {
          const blockers = await blockingSessions(conn, steps.map((s) => s.step)).catch(() => []);
          throw new LockTimeoutError(failed.index, failed.step, attempt, blockers, committed, plan.settings.lockTimeout);
        }
        const wait = delayMs * 2 ** (attempt - 1);
        opts.onRetry?.({ index: failed.index, step: failed.step, attempt, waitMs: wait });
        if (!t.transactional) await cleanUpBeforeRetry(conn, failed.step);
        await new Promise((r) => setTimeout(r, wait));
      }
      committed = t.lastStep;
      if (!t.transactional) await recordProgress(conn, historyId, committed);
    }
  } catch (e) {
    await recordEnd(conn, historyId, 'failed', committed, (e as Error).message).catch(() => undefined);
    throw e;
  } finally {
    await conn.exec(`RESET lock_timeout; RESET statement_timeout; RESET check_function_bodies`).catch(() => undefined);
  }
  await recordEnd(conn, historyId, 'succeeded', committed, null);
}

/** Runs one transaction (or one step outside any); on failure rolls it back and says which step failed. */
async function runTransaction(
  conn: Connection,
  transactional: boolean,
  steps: readonly { step: Step; index: number }[],
  total: number,
  opts: ExecuteOptions,
  beforeCommit: () => Promise<void>,
): Promise<{ index: number; step: Step; error: Error } | null> {
  if (transactional) await conn.exec('BEGIN');
  for (const { step, index } of steps) {
    opts.onProgress?.({ type: 'start', index, total, step });
    const t0 = performance.now();
    try {
      if (step.backfill) await runBackfill(conn, step, (rows) => opts.onProgress?.({ type: 'rows', index, total, step, rows }));
      else await conn.exec(step.sql);
    } catch (e) {
      if (transactional) await conn.exec('ROLLBACK').catch(() => undefined);
      return { index, step, error: e as Error };
    }
    opts.onProgress?.({ type: 'end', index, total, step, elapsedMs: performance.now() - t0 });
  }
  if (transactional) {
    try {
      await beforeCommit();
      await conn.exec('COMMIT');
    } catch (e) {
      await conn.exec('ROLLBACK').catch(() => undefined);
      const last = steps[steps.length - 1]!;
      return { index: last.index, step: last.step, error: e as Error };
    }
  }
  return null;
}
