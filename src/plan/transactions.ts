import type { Step } from './step.ts';
import { locksOf } from './locks.ts';

/**
 * `online` (the default): a step that scans or rewrites a table runs in a transaction of its own,
 * after everything before it committed; brief catalog changes share one. `atomic`: every run of
 * consecutive transactional steps is one transaction (all or nothing, but locks are held until
 * the end: for small databases).
 */
export type PlanMode = 'online' | 'atomic';

export const PLAN_MODES: readonly PlanMode[] = ['online', 'atomic'];

/**
 * Consecutive steps `firstStep`..`lastStep` (1-based, inclusive) that run together: inside one
 * `BEGIN` / `COMMIT` when `transactional`, else one step on its own outside any transaction.
 */
export interface PlannedTransaction {
  readonly transactional: boolean;
  readonly firstStep: number;
  readonly lastStep: number;
}

/**
 * Splits ordered steps into transactions. Online rules: a step that cannot run in a transaction
 * runs alone outside one; a step that scans or rewrites a table gets a transaction of its own (so
 * a NOT VALID add commits before its VALIDATE, and no transaction holds a lock on one table while
 * another table is scanned or rewritten); consecutive catalog-only steps share a transaction.
 */
export function planTransactions(steps: readonly Step[], mode: PlanMode): PlannedTransaction[] {
  const out: PlannedTransaction[] = [];
  let open: { firstStep: number; lastStep: number } | null = null;
  const close = () => {
    if (open) out.push({ transactional: true, ...open });
    open = null;
  };
  steps.forEach((s, i) => {
    const n = i + 1;
    if (!s.transactional) {
      close();
      out.push({ transactional: false, firstStep: n, lastStep: n });
    } else if (mode === 'online' && locksOf(s).duration !== 'catalog') {
      close();
      out.push({ transactional: true, firstStep: n, lastStep: n });
    } else if (open) open.lastStep = n;
    else open = { firstStep: n, lastStep: n };
  });
  close();
  return out;
}

/** Whether the transactions cover the steps in order, each once, none mixing transactional kinds. */
export function transactionsProblem(steps: readonly Step[], transactions: readonly PlannedTransaction[]): string | null {
  let next = 1;
  for (const [k, t] of transactions.entries()) {
    if (t.firstStep !== next || t.lastStep < t.firstStep || t.lastStep > steps.length) {
      return `transaction ${k + 1} covers steps ${t.firstStep}-${t.lastStep}, expected to start at step ${next}`;
    }
    if (!t.transactional && t.firstStep !== t.lastStep) return `steps ${t.firstStep}-${t.lastStep} outside a transaction must run one by one`;
    for (let n = t.firstStep; n <= t.lastStep; n++) {
      if (steps[n - 1]!.transactional !== t.transactional) {
        return `step ${n} ${steps[n - 1]!.transactional ? 'must run inside a transaction' : 'cannot run inside a transaction'}`;
      }
    }
    next = t.lastStep + 1;
  }
  return next === steps.length + 1 ? null : `steps ${next}-${steps.length} belong to no transaction`;
}
