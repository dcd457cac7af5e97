import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { readDesired } from '../workflow/desired.ts';
import { planDatabase } from '../workflow/plan-database.ts';
import { applyPlanSafely } from '../workflow/apply-plan.ts';
import { parsePlanFile } from '../plan/parse.ts';
import { renderSql } from '../plan/render-sql.ts';
import { parseAllowedHazards } from '../apply/hazard-consent.ts';
import type { ProgressEvent, RetryEvent } from '../apply/executor.ts';
import type { Plan } from '../plan/plan.ts';
import { EXIT, UserError } from '../errors.ts';
import { readChain, resolvePlansDir } from '../chain/chain.ts';
import { chainExtensions } from '../chain/replay.ts';
import { applyPending, baseline, rollBackTo, type ChainApplyOptions } from '../chain/apply.ts';
import { parsePlanNumber } from '../chain/names.ts';
import { commandContext, note, textOrJson, writeJson, writeOut, type CommonOptions } from './context.ts';
import { colourHazards, isQuiet } from './terminal.ts';

export interface ApplyCliOptions extends CommonOptions {
  readonly yes?: boolean;
  readonly allowHazards?: string;
  readonly allowEdited?: boolean;
  readonly allowStale?: boolean;
  readonly lockWait?: string;
  readonly plans?: string;
  readonly baseline?: string;
  readonly downTo?: string;
  readonly lockRetries?: string;
  readonly format?: string;
  readonly skipDataChecks?: boolean;
}


export function printProgress(e: ProgressEvent): void {
  if (isQuiet()) return;
  const label = `[${e.index}/${e.total}] ${e.step.operation} ${e.step.kind} ${e.step.object}`;
  if (e.type === 'start') note(`${label} ...`);
  else if (e.type === 'rows') note(`${label}: ${e.rows} row(s) written`);
  else note(`${label} done in ${((e.elapsedMs ?? 0) / 1000).toFixed(2)}s`);
}

export function printRetry(e: RetryEvent): void {
  note(
    `[${e.index}] ${e.step.operation} ${e.step.kind} ${e.step.object}: lock_timeout (attempt ${e.attempt}); ` +
      `rolled back, trying again in ${(e.waitMs / 1000).toFixed(1)}s`,
  );
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function applyCommand(file: string | undefined, opts: ApplyCliOptions): Promise<number> {
  const json = textOrJson(opts.format) === 'json';
  const allowHazards = parseAllowedHazards(opts.allowHazards);
  const lockWaitMs = Math.max(0, Number(opts.lockWait ?? '60')) * 1000;
  if (!Number.isFinite(lockWaitMs)) throw new UserError('--lock-wait takes a number of seconds');
  const lockRetries = Number(opts.lockRetries ?? '3');
  if (!Number.isInteger(lockRetries) || lockRetries < 0) throw new UserError('--lock-retries takes a whole number, 0 or more');
  const retry = { lockRetries, onRetry: printRetry };
  if (opts.plans !== undefined || opts.baseline !== undefined || opts.downTo !== undefined) {
    if (file) throw new UserError('give either a plan file or --plans DIR, not both');
    if (opts.atomic) throw new UserError('--atomic does not go with --plans: committed plans run in the transactions they were saved with');
    return applyChainCommand(opts, { allowHazards, lockWaitMs, onProgress: printProgress, note, ...retry }, json);
  }
  const ctx = commandContext(opts);

  let plan: Plan;
  let planSql: string;
  let managed: readonly string[];
  let extensions: readonly string[];
  let conn;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UserError(`cannot read plan file ${file}`);
    }
    const parsed = parsePlanFile(text);
    if (opts.atomic && parsed.plan.mode !== 'atomic') {
      throw new UserError(`${file} was planned in ${parsed.plan.mode} mode: its transactions are part of the reviewed file; plan again with --atomic`);
    }
    if (parsed.edited && !opts.allowEdited) {
      throw new UserError(
        `${file} was edited after it was planned (its plan-hash no longer matches its header and steps); re-plan, or pass --allow-edited`,
        EXIT.edited,
      );
    }
    if (parsed.edited && allowHazards !== 'all') {
      // The hazard lines of an edited file are the editor's word, not pgform's: consent cannot rest on them.
      throw new UserError(
        `${file} was edited after it was planned: its hazard lines cannot be trusted, so --allow-edited needs --allow-hazards all ` +
          '(review every step as a hazard), or re-plan',
        EXIT.hazards,
      );
    }
    plan = parsed.plan;
    planSql = text;
    managed = plan.managedSchemas ?? ['public'];
    extensions = plan.steps.filter((s) => s.kind === 'extension' && s.operation === 'create').map((s) => s.object);
    conn = await ctx.open(extensions);
  } else {
    const input = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
    managed = input.managedSchemas;
    conn = await ctx.open(input.loaded.model.extensions.map((e) => e.name));
    try {
      plan = (await planDatabase(conn, input, ctx.workspace, ctx.settings, { skipDataChecks: opts.skipDataChecks === true })).plan;
    } catch (e) {
      await conn.close();
      throw e;
    }
    planSql = renderSql(plan);
    if (plan.steps.length === 0) {
      await conn.close();
      note('nothing to do: the database already matches the schema');
      if (json) writeJson({ database: conn.description, applied: 0, planFile: null, targetFingerprint: plan.targetFingerprint });
      return 0;
    }
    if (!json) writeOut(colourHazards(planSql));
    if (!opts.yes) {
      if (!process.stdin.isTTY) {
        await conn.close();
        throw new UserError('refusing to apply without confirmation: no terminal to ask on (pass --yes)');
      }
      if (!(await confirm(`apply these ${plan.steps.length} step(s) to ${conn.description}? [y/N] `))) {
        await conn.close();
        note('not applied');
        return 1;
      }
    }
  }
  try {
    const outcome = await applyPlanSafely(conn, plan, managed, ctx.workspace, {
      allowHazards,
      allowStale: opts.allowStale ?? false,
      planSql,
      planName: file ?? null,
      lockWaitMs,
      onProgress: printProgress,
      ...retry,
    });
    note(
      outcome.applied === 0
        ? 'nothing to do: the plan is empty'
        : `applied ${outcome.applied} step(s); the database now matches the plan's target`,
    );
    if (json) writeJson({ database: conn.description, applied: outcome.applied, planFile: file ?? null, targetFingerprint: plan.targetFingerprint });
    return 0;
  } finally {
    await conn.close();
  }
}

/** `apply --plans DIR` (and `--baseline N`, `--down-to N`): the committed chain, no YAML involved. */
async function applyChainCommand(opts: ApplyCliOptions, chainOpts: ChainApplyOptions, json: boolean): Promise<number> {
  if (opts.baseline !== undefined && opts.downTo !== undefined) throw new UserError('give either --baseline or --down-to, not both');
  for (const [flag, given] of [['--yes', opts.yes], ['--allow-edited', opts.allowEdited], ['--allow-stale', opts.allowStale]] as const) {
    if (given) throw new UserError(`${flag} does not go with --plans: committed plans run only as reviewed, on the state they were made from`);
  }
  const ctx = commandContext(opts);
  const chain = readChain(resolvePlansDir(opts.plans, ctx.cwd, ctx.config?.root ?? null));
  const conn = await ctx.open(chainExtensions(chain));
  try {
    if (opts.baseline !== undefined) {
      const n = parsePlanNumber(opts.baseline, '--baseline');
      await baseline(conn, chain, ctx.workspace, n, chainOpts);
      note(`recorded ${conn.description} as being at plan ${chain.plans[n - 1]!.id} (nothing was run)`);
      if (json) writeJson({ database: conn.description, baseline: chain.plans[n - 1]!.id, ran: [] });
      return 0;
    }
    const result =
      opts.downTo !== undefined
        ? await rollBackTo(conn, chain, ctx.workspace, parsePlanNumber(opts.downTo, '--down-to'), chainOpts)
        : await applyPending(conn, chain, ctx.workspace, chainOpts);
    const at = (p: number) => (p === 0 ? 'the start of the chain' : `plan ${chain.plans[p - 1]!.id}`);
    note(
      result.ran.length === 0
        ? `nothing to do: ${conn.description} is at ${at(result.to)}`
        : `ran ${result.ran.length} plan(s): ${conn.description} is now at ${at(result.to)}`,
    );
    if (json) writeJson({ database: conn.description, ran: result.ran, position: result.to, at: result.to === 0 ? null : chain.plans[result.to - 1]!.id });
    return 0;
  } finally {
    await conn.close();
  }
}
