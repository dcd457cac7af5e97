import { readTableData } from '../introspect/data.ts';
import { withPinnedRollingPartitions } from '../workflow/rolling-partitions.ts';
import { withKeptUnpartitioned } from '../workflow/conversions.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, PlanSettings } from '../plan/plan.ts';
import { makePlan, reverseModelAnnotations } from '../plan/make-plan.ts';
import { renderSql } from '../plan/render-sql.ts';
import { fingerprint } from '../model/fingerprint.ts';
import { driftReport } from '../drift/report.ts';
import { withReachableColumnOrder } from '../diff/column-order.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { DesiredInput } from '../workflow/desired.ts';
import { desiredState, scopeToDesired, type Workspace } from '../workflow/states.ts';
import { UserError } from '../errors.ts';
import { readChain, requireValidChain, stateAt } from './chain.ts';
import { downFile, markdownFile, planId, upFile, validatePlanName } from './names.ts';
import { fileChecksum, writeChecksums } from './checksums.ts';
import { readState, runPlan, withReplay } from './replay.ts';
import { renderChainMarkdown } from './markdown.ts';
import { summarizeDifferences } from './differences.ts';

export interface SaveArgs {
  /** The plans folder (created when missing). */
  readonly dir: string;
  readonly name: string;
  readonly input: DesiredInput;
  readonly ws: Workspace;
  readonly settings: PlanSettings;
}

export interface SavedPlan {
  readonly id: string;
  /** Written, relative to the plans folder: the plan, its markdown twin, its reverse. */
  readonly files: readonly string[];
  readonly plan: Plan;
  readonly down: Plan;
}

/**
 * What the way back does with each backfill of the plan: the column goes, a declared
 * `reverse_backfill` writes the values back, or the values stay as the backfill wrote them.
 */
export function backfillReversalNotes(plan: Plan, down: Plan): string[] {
  return plan.steps
    .filter((s) => s.backfill && s.kind === 'column')
    .map((s) => {
      if (down.steps.some((d) => d.backfill && d.object === s.object)) return `the backfill of ${s.object} is reversed by its reverse_backfill`;
      if (down.steps.some((d) => d.kind === 'column' && d.operation === 'drop' && d.object === s.object)) {
        return `the backfill of ${s.object} is reversed by dropping the column`;
      }
      return `the backfill of ${s.object} is not reversed (no reverse_backfill): rolled back, the column keeps the values it wrote`;
    });
}

/**
 * Replays the chain in a scratch database, plans the way from there to the YAML, checks in the
 * same scratch database that the plan reaches the YAML's state (and its reverse comes back), and
 * writes it as the next numbered plan with its checksums. Null when there is nothing to save.
 */
export async function savePlan(args: SaveArgs): Promise<SavedPlan | null> {
  const name = validatePlanName(args.name);
  const chain = readChain(args.dir);
  requireValidChain(chain);
  const { input, ws } = args;
  const declared = await desiredState(input.loaded.model, input.managedSchemas, ws, input.loaded.sources);
  const extensions = input.loaded.model.extensions.map((e) => e.name);

  const made = await withReplay(chain, ws, { verify: 'none', extensions }, async (replay) => {
    const before = await readState(replay.conn, input.managedSchemas, ws);
    if (chain.plans.length > 0 && before.fingerprint !== stateAt(chain, chain.plans.length).fingerprint) {
      throw new UserError(
        `replaying the plans in ${args.dir} leads to state ${before.fingerprint}, not to the last plan's target ` +
          `${stateAt(chain, chain.plans.length).fingerprint}` +
          ' (did managed_schemas change?); run pgform check to see which plan',
      );
    }
    const common = { settings: args.settings, managedSchemas: input.managedSchemas };
    // A rolling rule's existing table keeps its dated partitions: their upkeep is no committed plan's.
    const desired = withKeptUnpartitioned(withPinnedRollingPartitions(declared, before.model), before.model);
    // Existing tables keep the order of their columns (see withReachableColumnOrder).
    const target = fingerprint(withReachableColumnOrder(before.model, desired));
    // Reference rows are planned like on a live database: from the rows the replayed plans left.
    const from = desired.data ? { ...before.model, data: await readTableData(replay.conn, desired.data) } : before.model;
    const plan = makePlan({ from, to: desired, sourceFingerprint: before.fingerprint, targetFingerprint: target, ...common });
    if (plan.steps.length === 0) return null;
    await runPlan(replay.conn, plan, 'new plan', renderSql(plan));
    const after = await readState(replay.conn, input.managedSchemas, ws);
    if (after.fingerprint !== target) {
      throw new UserError(
        `not saved: replayed, the new plan leads to state ${after.fingerprint} instead of the YAML's ${target}:\n` +
          summarizeDifferences(driftReport(scopeToDesired(after.model, desired), desired), { have: 'the replayed database', want: 'the YAML' }) +
          '\nthis change cannot be expressed as a plan yet; split it into smaller changes',
      );
    }
    // Both ends as read from the replayed database, so the reverse is the exact way back
    // (renames turned back into renames, through the YAML's annotations).
    let down = makePlan({
      from: after.model,
      to: reverseModelAnnotations(before.model, desired),
      sourceFingerprint: target,
      targetFingerprint: before.fingerprint,
      ...common,
    });
    try {
      await runPlan(replay.conn, down, 'new plan (reverse)', renderSql(down));
      const back = await readState(replay.conn, input.managedSchemas, ws);
      if (back.fingerprint !== before.fingerprint) {
        down = { ...down, notes: [...down.notes, `replayed, this rollback leads to ${back.fingerprint} instead of ${before.fingerprint}: review it by hand`] };
      }
    } catch (e) {
      down = { ...down, notes: [...down.notes, `replayed, this rollback fails: ${(e as Error).message.split('\n')[0]}`] };
    }
    return { plan, down, target: desired } as { plan: Plan; down: Plan; target: DatabaseModel };
  });
  if (!made) return null;
  made.down = { ...made.down, notes: [...made.down.notes, ...backfillReversalNotes(made.plan, made.down)] };

  const number = (chain.plans[chain.plans.length - 1]?.number ?? 0) + 1;
  const id = planId(number, name);
  const texts = new Map<string, string>([
    [upFile(id), renderSql(made.plan)],
    [markdownFile(id), renderChainMarkdown(id, number, made.plan, made.down, made.target)],
    [downFile(id), renderSql(made.down)],
  ]);
  mkdirSync(args.dir, { recursive: true });
  const sums = new Map(chain.checksums);
  for (const [file, text] of texts) {
    writeFileSync(join(args.dir, file), text);
    sums.set(file, fileChecksum(text));
  }
  // Last: a crash before this leaves files without checksums, which check reports.
  writeChecksums(args.dir, sums);
  return { id, files: [...texts.keys()], plan: made.plan, down: made.down };
}
