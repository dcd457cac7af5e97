import type { Connection } from '../db/connection.ts';
import { acquireApplyLock } from '../apply/lock.ts';
import { markInterruptedRuns, recordWithoutRunning, type HistoryAction } from '../apply/history.ts';
import { refusedSteps, type AllowedHazards } from '../apply/hazard-consent.ts';
import type { ProgressEvent, RetryEvent } from '../apply/executor.ts';
import { runBackfill } from '../apply/backfill.ts';
import { planHash } from '../plan/render-sql.ts';
import { applyPlanSafely } from '../workflow/apply-plan.ts';
import type { Workspace } from '../workflow/states.ts';
import { PGFORM_VERSION } from '../version.ts';
import { UserError } from '../errors.ts';
import { managedSchemasOfPlan, positionLabel, requireValidChain, stateAt, type Chain, type PlanFile } from './chain.ts';
import { equalButForUpkeep, locate, type HistoryPosition, type Location } from './position.ts';
import { describeDifferencesAt } from './differences.ts';
import { readState } from './replay.ts';

export interface ChainApplyOptions {
  readonly allowHazards: AllowedHazards;
  /** How long to wait for another apply's lock, in milliseconds. */
  readonly lockWaitMs: number;
  readonly onProgress?: (e: ProgressEvent) => void;
  readonly lockRetries?: number;
  readonly onRetry?: (e: RetryEvent) => void;
  /** Told which plan runs, and about recoveries (stderr in the CLI). */
  readonly note?: (message: string) => void;
}

export interface ChainApplyResult {
  /** Chain position before and after. */
  readonly from: number;
  readonly to: number;
  /** Files run, in order. */
  readonly ran: readonly string[];
}

function recordFile(conn: Connection, f: PlanFile, action: HistoryAction | null): Promise<number> {
  return recordWithoutRunning(
    conn,
    {
      planHash: planHash(f.plan),
      planName: f.file,
      sourceFingerprint: f.plan.sourceFingerprint,
      targetFingerprint: f.plan.targetFingerprint,
      pgformVersion: PGFORM_VERSION,
      stepsTotal: f.plan.steps.length,
      planSql: f.text,
    },
    action,
  );
}

/**
 * Runs one file of the chain with every check of a single plan; a plan without steps is recorded.
 * `upkept`: the database is at the plan's source but for dated partitions (see
 * `equalButForUpkeep`), so its fingerprint is not the plan's: the caller compares the end instead.
 */
async function runFile(conn: Connection, f: PlanFile, ws: Workspace, opts: ChainApplyOptions, upkept = false): Promise<void> {
  opts.note?.(`${f.file}: ${f.plan.steps.length} step(s)`);
  if (f.plan.steps.length === 0) {
    await recordFile(conn, f, null);
    return;
  }
  await applyPlanSafely(conn, f.plan, managedSchemasOfPlan(f.plan), ws, {
    allowHazards: opts.allowHazards,
    allowStale: upkept,
    verifyTarget: !upkept,
    planSql: f.text,
    planName: f.file,
    lockWaitMs: opts.lockWaitMs,
    onProgress: opts.onProgress,
    lockRetries: opts.lockRetries,
    onRetry: opts.onRetry,
  });
}

/** Every step of every file that needs consent not given, before anything runs (exit 3). */
function refuseHazards(files: readonly PlanFile[], allowed: AllowedHazards): void {
  const lines: string[] = [];
  const kinds = new Set<string>();
  for (const f of files) {
    for (const r of refusedSteps(f.plan, allowed)) {
      lines.push(`  ${f.file} step ${r.index}: ${r.operation} ${r.object}: ${r.hazards.join(', ')}`);
      for (const k of r.hazards) kinds.add(k);
    }
  }
  if (lines.length === 0) return;
  throw new UserError(
    [
      `refusing to apply: ${lines.length} step(s) carry hazards that were not allowed (nothing was run):`,
      ...lines,
      `re-run with --allow-hazards ${[...kinds].sort().join(',')} once you have reviewed them`,
    ].join('\n'),
    3,
  );
}

/**
 * A rollback through a step that cannot restore what its plan changed is refused as a whole,
 * before anything runs: stopping half-way would leave the database at no point of the chain.
 */
function refuseIrreversible(files: readonly PlanFile[]): void {
  const lines = files.flatMap((f) =>
    f.plan.steps.flatMap((s, i) =>
      s.hazards.filter((h) => h.kind === 'irreversible').map((h) => `  ${f.file} step ${i + 1}: ${s.operation} ${s.kind} ${s.object}: ${h.message}`),
    ),
  );
  if (lines.length === 0) return;
  throw new UserError(
    [
      `refusing to roll back: ${lines.length} step(s) of the reverse plans are irreversible (nothing was run):`,
      ...lines,
      'the plans were saved without a way back for these changes; move forward instead (change the YAML and save a new plan)',
    ].join('\n'),
    3,
  );
}

/**
 * A database adopted with `--baseline N` had its objects before any plan ran here: the reverse
 * plans of 0001..N would drop tables, extensions and the rest that these plans never created.
 * Rolling back past the latest baseline is refused as a whole, naming what would go.
 */
function refuseBelowBaseline(chain: Chain, history: HistoryPosition, target: number): void {
  const adopted = [...history.runs].reverse().find((r) => r.entry.action === 'baseline');
  if (!adopted || target >= adopted.position) return;
  const files = chain.plans
    .slice(target, adopted.position)
    .reverse()
    .map((p) => p.down!);
  const lines = files.flatMap((f) =>
    f.plan.steps.flatMap((s, i) => (s.operation === 'drop' ? [`  ${f.file} step ${i + 1}: drop ${s.kind} ${s.object}`] : [])),
  );
  const shown = lines.length > 30 ? [...lines.slice(0, 30), `  ... and ${lines.length - 30} more`] : lines;
  const floor = String(adopted.position).padStart(4, '0');
  throw new UserError(
    [
      `refusing to roll back to ${positionLabel(chain, target)}: the database was adopted at ${positionLabel(chain, adopted.position)} ` +
        `with --baseline (history #${adopted.entry.id}), so what it held then existed before these plans ran here (nothing was run)` +
        (lines.length ? '; the reverse plans below it would drop:' : ''),
      ...shown,
      `roll back no further than ${floor} (pgform apply --down-to ${floor}); drop older objects by changing the YAML and saving a new plan`,
    ].join('\n'),
    3,
  );
}

/** Why a database that is not at a point of the chain is refused, and what to do. */
async function driftRefusal(conn: Connection, chain: Chain, loc: Extract<Location, { kind: 'drifted' }>, ws: Workspace): Promise<UserError> {
  const label = (p: number) => positionLabel(chain, p);
  if (loc.expected === null && loc.matches.length > 0) {
    const n = loc.matches[loc.matches.length - 1]!;
    return new UserError(
      `${conn.description} has no record of running the plans in ${chain.dir}, but its state equals ${label(n)}'s target.\n` +
        `adopt it with: pgform apply --plans ${chain.dir} --baseline ${String(n).padStart(4, '0')}`,
    );
  }
  if (loc.expected === null) {
    return new UserError(
      `${conn.description} matches no point of the chain in ${chain.dir} (state ${loc.fingerprint}) and has no record of running it: ` +
        'it drifted, or was built another way.\n' +
        'run pgform drift to compare it with the YAML; once it equals a plan\'s target, adopt it with --baseline NNNN',
    );
  }
  const differences = await describeDifferencesAt(conn, chain, loc.expected, ws);
  return new UserError(
    `${conn.description} drifted: its history puts it at ${label(loc.expected)} (state ${stateAt(chain, loc.expected).fingerprint}), ` +
      `but it is now at ${loc.fingerprint}:\n${differences}\n` +
      (loc.matches.length ? `its state equals ${loc.matches.map(label).join(', ')}. ` : '') +
      'undo the change by hand (run pgform drift to see it against the YAML), or adopt the database as it is with --baseline NNNN once it equals a plan\'s target',
  );
}

/**
 * Locates the database in the chain under the apply lock; a run that was interrupted after it
 * committed is recorded as complete. Refuses a database that is at no point of the chain.
 */
async function settledPosition(
  conn: Connection,
  chain: Chain,
  ws: Workspace,
  opts: ChainApplyOptions,
): Promise<{ position: number; history: HistoryPosition; upkept: boolean }> {
  await markInterruptedRuns(conn, { holdingLock: true });
  const { location, history } = await locate(conn, chain, ws);
  if (location.kind === 'drifted') throw await driftRefusal(conn, chain, location, ws);
  if (location.via === 'recovered' && history.unfinished) {
    const run = history.unfinished;
    const file = run.down ? run.plan.down! : run.plan.up;
    // The schema reached the target, but a backfill may have been stopped half-way: they
    // continue where they stopped (a finished one finds no row left).
    for (const s of file.plan.steps) if (s.backfill) await runBackfill(conn, s);
    await recordFile(conn, file, 'recovered');
    opts.note?.(`${file.file} was interrupted (history #${run.entry.id}) after it completed: recorded as applied`);
  }
  if (location.via === 'upkeep') {
    opts.note?.(`${conn.description} is at ${positionLabel(chain, location.position)} but for dated partitions added or retired by partition upkeep`);
  }
  return { position: location.position, history, upkept: location.via === 'upkeep' };
}

/** After running plans on a database that had partition upkeep: it must be at `position` but for dated partitions. */
async function verifyUpkept(conn: Connection, chain: Chain, position: number, ws: Workspace): Promise<void> {
  if (await equalButForUpkeep(conn, chain, position, ws)) return;
  throw new UserError(
    `the plans ran, but ${conn.description} is not at ${positionLabel(chain, position)}'s target (its dated partitions aside):\n` +
      (await describeDifferencesAt(conn, chain, position, ws)),
  );
}

async function withChainLock<T>(conn: Connection, chain: Chain, opts: ChainApplyOptions, fn: () => Promise<T>): Promise<T> {
  requireValidChain(chain);
  if (chain.plans.length === 0) throw new UserError(`there are no plans in ${chain.dir} (write one with pgform plan --save NAME)`);
  // Held across the whole chain: each plan's apply takes it again (advisory locks nest in a session).
  const release = await acquireApplyLock(conn, opts.lockWaitMs);
  try {
    return await fn();
  } finally {
    await release();
  }
}

/** `apply --plans DIR`: the plans this database has not run, in order, each as a safe single apply. */
export async function applyPending(conn: Connection, chain: Chain, ws: Workspace, opts: ChainApplyOptions): Promise<ChainApplyResult> {
  return withChainLock(conn, chain, opts, async () => {
    const { position: from, upkept } = await settledPosition(conn, chain, ws, opts);
    const files = chain.plans.slice(from).map((p) => p.up);
    refuseHazards(files, opts.allowHazards);
    for (const f of files) await runFile(conn, f, ws, opts, upkept);
    if (upkept && files.length > 0) await verifyUpkept(conn, chain, chain.plans.length, ws);
    return { from, to: chain.plans.length, ran: files.map((f) => f.file) };
  });
}

/** `apply --down-to N`: the reverse plans of the applied plans after N, newest first. */
export async function rollBackTo(conn: Connection, chain: Chain, ws: Workspace, target: number, opts: ChainApplyOptions): Promise<ChainApplyResult> {
  return withChainLock(conn, chain, opts, async () => {
    if (target > chain.plans.length) throw new UserError(`there is no plan ${String(target).padStart(4, '0')} in ${chain.dir}`);
    const { position: from, history, upkept } = await settledPosition(conn, chain, ws, opts);
    if (target > from) {
      throw new UserError(`${conn.description} is at ${positionLabel(chain, from)}: nothing after ${String(target).padStart(4, '0')} to roll back`);
    }
    refuseBelowBaseline(chain, history, target);
    const files = chain.plans
      .slice(target, from)
      .reverse()
      .map((p) => p.down!);
    refuseIrreversible(files);
    refuseHazards(files, opts.allowHazards);
    for (const f of files) await runFile(conn, f, ws, opts, upkept);
    if (upkept && files.length > 0) await verifyUpkept(conn, chain, target, ws);
    return { from, to: target, ran: files.map((f) => f.file) };
  });
}

/**
 * `apply --baseline N`: records the database as being at plan N without running anything, once
 * its state is checked to be that plan's target.
 */
export async function baseline(conn: Connection, chain: Chain, ws: Workspace, number: number, opts: ChainApplyOptions): Promise<void> {
  await withChainLock(conn, chain, opts, async () => {
    const p = chain.plans[number - 1];
    if (number < 1 || !p) throw new UserError(`there is no plan ${String(number).padStart(4, '0')} in ${chain.dir}`);
    const live = await readState(conn, managedSchemasOfPlan(p.up.plan), ws);
    if (live.fingerprint !== p.up.plan.targetFingerprint) {
      const differences = await describeDifferencesAt(conn, chain, number, ws);
      throw new UserError(
        `refusing to record ${conn.description} as being at plan ${p.id}: its state ${live.fingerprint} is not the plan's target ` +
          `${p.up.plan.targetFingerprint}:\n${differences}`,
      );
    }
    await recordFile(conn, p.up, 'baseline');
  });
}
