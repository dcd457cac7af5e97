import type { Connection } from '../db/connection.ts';
import type { Plan } from '../plan/plan.ts';
import type { Step } from '../plan/step.ts';
import { CANONICAL_SEARCH_PATH } from '../sql/session.ts';
import { literal } from '../sql/quote.ts';
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
}

/** A step failed: everything in its transaction was rolled back. */
export class StepFailedError extends UserError {
  constructor(
    readonly stepIndex: number,
    readonly step: Step,
    readonly postgresMessage: string,
    committedSteps: number,
  ) {
    super(
      [
        `step ${stepIndex} failed: ${step.operation} ${step.kind} ${step.object}`,
        `  SQL: ${step.sql}`,
        `  PostgreSQL: ${postgresMessage}`,
        committedSteps === 0
          ? '  nothing was changed: the database is as it was before apply'
          : `  the ${committedSteps} step(s) before the failing transaction were committed ` +
            '(they had to run outside one transaction); plan and apply again to complete',
      ].join('\n'),
    );
  }
}

/** Consecutive transactional steps share one transaction; others run alone. Pure. */
export function transactionGroups(steps: readonly Step[]): { transactional: boolean; steps: { step: Step; index: number }[] }[] {
  const groups: { transactional: boolean; steps: { step: Step; index: number }[] }[] = [];
  steps.forEach((step, i) => {
    const last = groups[groups.length - 1];
    if (last && last.transactional && step.transactional) last.steps.push({ step, index: i + 1 });
    else groups.push({ transactional: step.transactional, steps: [{ step, index: i + 1 }] });
  });
  return groups;
}

/**
 * Runs the plan's steps exactly as written, recording the run in pgform.history. The caller holds
 * the apply lock and has checked the fingerprint and hazards.
 */
export async function executePlan(conn: Connection, plan: Plan, opts: ExecuteOptions): Promise<void> {
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
  try {
    for (const group of transactionGroups(plan.steps)) {
      if (group.transactional) await conn.exec('BEGIN');
      for (const { step, index } of group.steps) {
        opts.onProgress?.({ type: 'start', index, total, step });
        const t0 = performance.now();
        try {
          if (step.backfill) await runBackfill(conn, step, (rows) => opts.onProgress?.({ type: 'rows', index, total, step, rows }));
          else await conn.exec(step.sql);
        } catch (e) {
          if (group.transactional) await conn.exec('ROLLBACK').catch(() => undefined);
          throw new StepFailedError(index, step, (e as Error).message, committed);
        }
        opts.onProgress?.({ type: 'end', index, total, step, elapsedMs: performance.now() - t0 });
      }
      if (group.transactional) await conn.exec('COMMIT');
      committed += group.steps.length;
      await recordProgress(conn, historyId, committed);
    }
  } catch (e) {
    await recordEnd(conn, historyId, 'failed', committed, (e as Error).message).catch(() => undefined);
    throw e;
  } finally {
    await conn.exec(`RESET lock_timeout; RESET statement_timeout; RESET check_function_bodies`).catch(() => undefined);
  }
  await recordEnd(conn, historyId, 'succeeded', committed, null);
}
