import type { Connection } from '../db/connection.ts';
import type { Plan } from '../plan/plan.ts';
import { planHash } from '../plan/render-sql.ts';
import { PGFORM_VERSION } from '../version.ts';
import { EXIT, UserError } from '../errors.ts';
import { acquireApplyLock } from '../apply/lock.ts';
import { markInterruptedRuns, markInterruptedRunsIfAllowed } from '../apply/history.ts';
import { executePlan, StepFailedError, type ProgressEvent, type RetryEvent } from '../apply/executor.ts';
import { introspect } from '../introspect/index.ts';
import { refusalMessage, refusedSteps, type AllowedHazards } from '../apply/hazard-consent.ts';
import { invalidIndexNames, liveFingerprint, liveState, type Workspace } from './states.ts';
import { dataCheckProblems } from './data-checks.ts';

export interface ApplyOptions {
  readonly allowHazards: AllowedHazards;
  /** Apply even though the database changed since the plan was made. */
  readonly allowStale: boolean;
  readonly planSql: string;
  readonly planName?: string | null;
  /** How long to wait for another apply's lock, in milliseconds. */
  readonly lockWaitMs: number;
  readonly onProgress?: (e: ProgressEvent) => void;
  /** How often a transaction stopped by lock_timeout is tried again (default 3). */
  readonly lockRetries?: number;
  readonly retryDelayMs?: number;
  readonly onRetry?: (e: RetryEvent) => void;
  /** Check the result's fingerprint against the plan's target (default); the caller checks otherwise. */
  readonly verifyTarget?: boolean;
}

export type ApplyOutcome = { readonly applied: number; readonly verified: boolean };

/**
 * Applies a plan with every safety check: hazards consented, the apply lock held, the database
 * still in the state the plan was made from, the run recorded, and the result verified.
 */
export async function applyPlanSafely(
  conn: Connection,
  plan: Plan,
  managedSchemas: readonly string[],
  ws: Workspace,
  opts: ApplyOptions,
): Promise<ApplyOutcome> {
  const refused = refusedSteps(plan, opts.allowHazards);
  if (refused.length > 0) throw new UserError(refusalMessage(refused), 3);
  if (plan.steps.length === 0) {
    // Nothing to run; a run whose process is gone (its last step done, not yet recorded) is still
    // marked interrupted, as status and history do.
    await markInterruptedRunsIfAllowed(conn);
    return { applied: 0, verified: true };
  }
  const release = await acquireApplyLock(conn, opts.lockWaitMs);
  try {
    await markInterruptedRuns(conn, { holdingLock: true });
    if (!opts.allowStale) {
      const current = await liveFingerprint(conn, managedSchemas, ws);
      if (current !== plan.sourceFingerprint) {
        throw new UserError(
          `the plan is stale: it was made from state ${plan.sourceFingerprint}, but the database is now at ${current}.\n` +
            'plan again (or pass --allow-stale to run it anyway)',
          EXIT.stale,
        );
      }
      // The schema is as planned; the rows the plan was checked against may not be.
      const changed = await dataCheckProblems(conn, plan.dataChecks ?? []);
      if (changed.length > 0) {
        throw new UserError(
          [
            `the plan is stale: the rows changed since it was planned, and ${changed.length} of the facts it was checked against no longer hold:`,
            ...changed.map((p) => `  - ${p}`),
            'nothing was run; plan again (or pass --allow-stale to run it anyway)',
          ].join('\n'),
          EXIT.stale,
        );
      }
    }
    try {
      await executePlan(conn, plan, {
        planHash: planHash(plan),
        planName: opts.planName ?? null,
        planSql: opts.planSql,
        pgformVersion: PGFORM_VERSION,
        onProgress: opts.onProgress,
        lockRetries: opts.lockRetries,
        retryDelayMs: opts.retryDelayMs,
        onRetry: opts.onRetry,
      });
    } catch (e) {
      if (e instanceof StepFailedError && e.step.kind === 'index' && !e.step.transactional) await tellInvalidIndexes(conn, managedSchemas, e);
      throw e;
    }
    if (opts.verifyTarget === false) return { applied: plan.steps.length, verified: false };
    const after = await liveState(conn, managedSchemas, ws);
    if (after.fingerprint !== plan.targetFingerprint) {
      const invalid = invalidIndexNames(after.raw);
      throw new UserError(
        `the plan ran, but the database (${after.fingerprint}) does not match the plan's target (${plan.targetFingerprint}); ` +
          'run `pgform drift` to see what differs' +
          (invalid.length > 0 ? `\n  invalid index(es) remain: ${invalid.join(', ')} (plan and apply again to rebuild them)` : ''),
      );
    }
    return { applied: plan.steps.length, verified: true };
  } finally {
    await release();
  }
}

/**
 * A failed concurrent build leaves its index behind, invalid: say so, and how it is repaired.
 * (A killed one is found by the next drift or plan, which read `indisvalid`.)
 */
async function tellInvalidIndexes(conn: Connection, managedSchemas: readonly string[], e: StepFailedError): Promise<void> {
  const invalid = await introspect(conn, { schemas: managedSchemas }).then(invalidIndexNames, () => []);
  if (invalid.length === 0) return;
  e.message +=
    `\n  the failed concurrent build left invalid index(es): ${invalid.join(', ')}; ` +
    '`pgform drift` reports them and the next plan drops them and builds them again';
}
