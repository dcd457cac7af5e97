import type { Step } from './step.ts';
import type { PlanMode, PlannedTransaction } from './transactions.ts';

export interface PlanSettings {
  /** `SET lock_timeout` at the top of the plan, e.g. `5s`. */
  readonly lockTimeout: string;
  /** `SET statement_timeout` at the top of the plan, e.g. `1h`. */
  readonly statementTimeout: string;
  /** How steps are grouped into transactions (default `online`); see `PlanMode`. */
  readonly mode?: PlanMode;
}

export const DEFAULT_SETTINGS: PlanSettings = { lockTimeout: '5s', statementTimeout: '1h' };

/**
 * A fact about the live rows the plan was made on (see workflow/data-checks.ts): a query that
 * returns no row while the plan can run. Recorded in the plan so apply can see whether the rows
 * changed since.
 */
export interface PlanDataCheck {
  readonly table: string;
  /** What the plan does, e.g. `adds NOT NULL column public.users.code without a default`. */
  readonly change: string;
  /** Returns rows describing what is in the way; none when the change can run. */
  readonly sql: string;
  readonly kind: 'rows' | 'nulls' | 'duplicates' | 'violations';
  readonly fix: string;
}

/** An ordered plan: what `plan` prints and `apply` executes. */
export interface Plan {
  readonly pgformVersion: string;
  /** Fingerprint of the database state the plan was made from. */
  readonly sourceFingerprint: string;
  /** Fingerprint of the state the plan leads to. */
  readonly targetFingerprint: string;
  readonly settings: PlanSettings;
  /** In execution order. */
  readonly steps: readonly Step[];
  readonly mode: PlanMode;
  /** The steps as they run: each transaction commits before the next begins. */
  readonly transactions: readonly PlannedTransaction[];
  /** Schemas the plan manages: apply re-reads exactly these to check the plan is not stale. */
  readonly managedSchemas?: readonly string[];
  /** Notes for the reviewer that are not hazards of one step (e.g. an unchecked dependency). */
  readonly notes: readonly string[];
  /** The data checks that passed when the plan was made; apply runs them again first. */
  readonly dataChecks?: readonly PlanDataCheck[];
}
