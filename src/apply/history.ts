import type { Connection } from '../db/connection.ts';
import { parsePlanFile } from '../plan/parse.ts';

/** pgform's own record of applied plans, in a schema it never diffs. */
export const HISTORY_TABLE = 'pgform.history';

export async function ensureHistoryTable(conn: Connection): Promise<void> {
  await conn.exec(`
    CREATE SCHEMA IF NOT EXISTS pgform;
    CREATE TABLE IF NOT EXISTS pgform.history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_hash text NOT NULL,
      plan_name text,
      source_fingerprint text NOT NULL,
      target_fingerprint text NOT NULL,
      pgform_version text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      finished_at timestamptz,
      outcome text NOT NULL DEFAULT 'running',
      steps_total integer NOT NULL,
      steps_done integer NOT NULL DEFAULT 0,
      error text,
      plan_sql text NOT NULL
    );
    ALTER TABLE pgform.history ADD COLUMN IF NOT EXISTS action text;
    ALTER TABLE pgform.history ADD COLUMN IF NOT EXISTS backend_pid integer;
    ALTER TABLE pgform.history ADD COLUMN IF NOT EXISTS server_started_at timestamptz`);
  // Older tables allow fewer outcomes: widen the check once.
  const [check] = await conn.query<{ def: string | null }>(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'pgform.history'::regclass AND conname = 'history_outcome_check'`,
  );
  if (!check?.def?.includes('interrupted')) {
    await conn.exec(`
      ALTER TABLE pgform.history DROP CONSTRAINT IF EXISTS history_outcome_check;
      ALTER TABLE pgform.history ADD CONSTRAINT history_outcome_check
        CHECK (outcome IN ('running', 'succeeded', 'failed', 'interrupted'))`);
  }
}

/**
 * How a row came about when the plan's steps did not run here: `baseline` (the database was
 * adopted as being at this plan) or `recovered` (an interrupted run was found to have completed).
 * Null for rows of plans whose steps ran.
 */
export type HistoryAction = 'baseline' | 'recovered';

export interface HistoryStart {
  readonly planHash: string;
  readonly planName: string | null;
  readonly sourceFingerprint: string;
  readonly targetFingerprint: string;
  readonly pgformVersion: string;
  readonly stepsTotal: number;
  readonly planSql: string;
}

export async function recordStart(conn: Connection, h: HistoryStart): Promise<number> {
  const rows = await conn.query<{ id: string }>(
    `INSERT INTO pgform.history (plan_hash, plan_name, source_fingerprint, target_fingerprint, pgform_version, steps_total, plan_sql,
                                 backend_pid, server_started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, pg_backend_pid(), pg_postmaster_start_time()) RETURNING id::text AS id`,
    [h.planHash, h.planName, h.sourceFingerprint, h.targetFingerprint, h.pgformVersion, h.stepsTotal, h.planSql],
  );
  return Number(rows[0]!.id);
}

/** Records a plan as applied without running its steps (see `HistoryAction`); null: a plan without steps. */
export async function recordWithoutRunning(conn: Connection, h: HistoryStart, action: HistoryAction | null): Promise<number> {
  await ensureHistoryTable(conn);
  const rows = await conn.query<{ id: string }>(
    `INSERT INTO pgform.history (plan_hash, plan_name, source_fingerprint, target_fingerprint, pgform_version, steps_total, plan_sql,
                                 outcome, finished_at, action)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'succeeded', clock_timestamp(), $8) RETURNING id::text AS id`,
    [h.planHash, h.planName, h.sourceFingerprint, h.targetFingerprint, h.pgformVersion, h.stepsTotal, h.planSql, action],
  );
  return Number(rows[0]!.id);
}

/**
 * Marks `interrupted` the runs still recorded as `running` whose process is gone: on a server, the
 * session that recorded the run (its backend pid, in the same server lifetime) is no longer in
 * pg_stat_activity; an embedded database is opened by one process at a time, so any such run
 * there is over. Rows older than the pid column count as gone only when the caller holds the
 * apply lock. The error names the last step that completed. Returns how many were marked.
 */
export async function markInterruptedRuns(conn: Connection, opts: { readonly holdingLock?: boolean } = {}): Promise<number> {
  const [exists] = await conn.query<{ ok: boolean; pid: boolean }>(
    `SELECT to_regclass('pgform.history') IS NOT NULL AS ok,
            EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('pgform.history') AND attname = 'backend_pid') AS pid`,
  );
  if (!exists?.ok) return 0;
  const gone =
    conn.engine === 'pglite'
      ? 'true'
      : !exists.pid
        ? String(opts.holdingLock === true)
        : `(backend_pid IS NULL AND ${opts.holdingLock === true})
           OR server_started_at IS DISTINCT FROM pg_postmaster_start_time()
           OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = backend_pid)`;
  const running = await conn.query<{ id: string; steps_done: number; steps_total: number; plan_sql: string }>(
    `SELECT id::text AS id, steps_done, steps_total, plan_sql FROM pgform.history WHERE outcome = 'running' AND (${gone})`,
  );
  for (const r of running) {
    await conn.query(
      `UPDATE pgform.history SET outcome = 'interrupted', finished_at = clock_timestamp(), error = $2 WHERE id = $1 AND outcome = 'running'`,
      [r.id, interruptedMessage(r.steps_done, r.steps_total, r.plan_sql)],
    );
  }
  return running.length;
}

function interruptedMessage(done: number, total: number, planSql: string): string {
  let last = '';
  if (done > 0) {
    try {
      const s = parsePlanFile(planSql).plan.steps[done - 1];
      if (s) last = ` (${s.operation} ${s.kind} ${s.object})`;
    } catch {
      // The recorded text is not readable as a plan: the count alone says where it stopped.
    }
  }
  return done === 0
    ? `interrupted: the process running this plan stopped before any step completed (0/${total})`
    : `interrupted: the process running this plan stopped after step ${done}/${total}${last}`;
}

/** `markInterruptedRuns` for commands that only read: a role that may not write still reads the history. */
export async function markInterruptedRunsIfAllowed(conn: Connection): Promise<void> {
  await markInterruptedRuns(conn).catch(() => undefined);
}

export async function recordProgress(conn: Connection, id: number, stepsDone: number): Promise<void> {
  await conn.query(`UPDATE pgform.history SET steps_done = $2 WHERE id = $1`, [id, stepsDone]);
}

export async function recordEnd(
  conn: Connection,
  id: number,
  outcome: 'succeeded' | 'failed',
  stepsDone: number,
  error: string | null,
): Promise<void> {
  await conn.query(
    `UPDATE pgform.history SET finished_at = clock_timestamp(), outcome = $2, steps_done = $3, error = $4 WHERE id = $1`,
    [id, outcome, stepsDone, error],
  );
}

export interface HistoryEntry {
  readonly id: number;
  readonly planHash: string;
  readonly planName: string | null;
  readonly sourceFingerprint: string;
  readonly targetFingerprint: string;
  readonly pgformVersion: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly outcome: string;
  readonly stepsTotal: number;
  readonly stepsDone: number;
  readonly error: string | null;
  /** See `HistoryAction`; null for runs of a plan's steps (and rows older than the column). */
  readonly action: HistoryAction | null;
}

/** Newest first; empty when pgform never applied anything here. */
export async function readHistory(conn: Connection): Promise<HistoryEntry[]> {
  const [exists] = await conn.query<{ ok: boolean }>(`SELECT to_regclass('pgform.history') IS NOT NULL AS ok`);
  if (!exists?.ok) return [];
  // Read-only commands do not migrate the table: a database older than the column reads null.
  const [hasAction] = await conn.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'pgform.history'::regclass AND attname = 'action' AND NOT attisdropped) AS ok`,
  );
  // Ordered by the bigint (`h.id`), not the text output column of the same name: run 10 after 9.
  const rows = await conn.query<Record<string, string | number | null>>(
    `SELECT id::text AS id, plan_hash, plan_name, source_fingerprint, target_fingerprint, pgform_version,
            to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
            to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS finished_at,
            outcome, steps_total, steps_done, error, ${hasAction?.ok ? 'action' : 'NULL::text AS action'}
       FROM pgform.history h ORDER BY h.id DESC`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    planHash: String(r.plan_hash),
    planName: r.plan_name === null ? null : String(r.plan_name),
    sourceFingerprint: String(r.source_fingerprint),
    targetFingerprint: String(r.target_fingerprint),
    pgformVersion: String(r.pgform_version),
    startedAt: String(r.started_at),
    finishedAt: r.finished_at === null ? null : String(r.finished_at),
    outcome: String(r.outcome),
    stepsTotal: Number(r.steps_total),
    stepsDone: Number(r.steps_done),
    error: r.error === null ? null : String(r.error),
    action: r.action === 'baseline' || r.action === 'recovered' ? r.action : null,
  }));
}
