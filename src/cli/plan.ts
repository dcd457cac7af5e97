import { writeFileSync } from 'node:fs';
import { readDesired } from '../workflow/desired.ts';
import { planDatabase, rollbackPlan } from '../workflow/plan-database.ts';
import { renderSql } from '../plan/render-sql.ts';
import { renderJson } from '../plan/render-json.ts';
import { renderMarkdown } from '../plan/render-markdown.ts';
import type { Plan } from '../plan/plan.ts';
import type { DatabaseModel } from '../model/database.ts';
import { countHazards } from '../plan/render-sql.ts';
import { UserError } from '../errors.ts';
import { resolvePlansDir } from '../chain/chain.ts';
import { savePlan } from '../chain/save.ts';
import { commandContext, note, writeOut, type CommonOptions } from './context.ts';
import { colourHazards } from './terminal.ts';

export type PlanFormat = 'sql' | 'json' | 'markdown';

/** `target`: the state the plan leads to (the markdown draws the tables it changes). */
export function renderPlan(plan: Plan, format: PlanFormat, target?: DatabaseModel): string {
  switch (format) {
    case 'sql':
      return renderSql(plan);
    case 'json':
      return renderJson(plan);
    case 'markdown':
      return renderMarkdown(plan, target);
  }
}

export function parseFormat(value: string | undefined): PlanFormat {
  const f = value ?? 'sql';
  if (f !== 'sql' && f !== 'json' && f !== 'markdown') throw new UserError(`unknown --format ${f} (sql, json or markdown)`);
  return f;
}

export interface PlanOptions extends CommonOptions {
  readonly out?: string;
  readonly format?: string;
  readonly rollbackOut?: string;
  readonly exitCode?: boolean;
  readonly save?: string;
  readonly plans?: string;
  readonly skipDataChecks?: boolean;
}


export async function planCommand(opts: PlanOptions): Promise<number> {
  if (opts.save !== undefined) return saveCommand(opts);
  if (opts.plans !== undefined) throw new UserError('--plans goes with --save NAME (or use pgform apply/status/check --plans)');
  const format = parseFormat(opts.format);
  const ctx = commandContext(opts);
  const input = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
  const conn = await ctx.open(input.loaded.model.extensions.map((e) => e.name));
  try {
    const result = await planDatabase(conn, input, ctx.workspace, ctx.settings, { skipDataChecks: opts.skipDataChecks === true });
    const text = renderPlan(result.plan, format, result.states.desired);
    if (opts.out) {
      writeFileSync(opts.out, text);
      note(`wrote ${result.plan.steps.length} step(s) to ${opts.out}`);
    } else writeOut(format === 'json' ? text : colourHazards(text));
    if (opts.rollbackOut) {
      writeFileSync(opts.rollbackOut, renderPlan(rollbackPlan(result, ctx.settings), format, result.states.live));
      note(`wrote the rollback plan to ${opts.rollbackOut}`);
    }
    return opts.exitCode && result.plan.steps.length > 0 ? 2 : 0;
  } finally {
    await conn.close();
  }
}

function hazardSummary(plan: Plan): string {
  const hazards = countHazards(plan.steps);
  return hazards.length ? hazards.map(([k, n]) => `${k}: ${n}`).join(', ') : 'none';
}

/** `plan --save NAME`: the next plan of the chain, from the replayed plans to the YAML. */
async function saveCommand(opts: PlanOptions): Promise<number> {
  for (const [flag, given] of [['--out', opts.out], ['--rollback-out', opts.rollbackOut], ['--db', opts.db]] as const) {
    if (given !== undefined) throw new UserError(`${flag} does not go with --save (the plan is written to the plans folder, from the replayed plans)`);
  }
  if (opts.format !== undefined && opts.format !== 'sql') throw new UserError('--format does not go with --save (it writes .sql, .down.sql and .md)');
  const ctx = commandContext(opts);
  const dir = resolvePlansDir(opts.plans, ctx.cwd, ctx.config?.root ?? null);
  const input = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
  const saved = await savePlan({ dir, name: opts.save!, input, ws: ctx.workspace, settings: ctx.settings });
  if (!saved) {
    note(`nothing to save: replaying the plans in ${dir} already gives the schema`);
    return 0;
  }
  note(`saved ${saved.id}: ${saved.plan.steps.length} step(s), hazards: ${hazardSummary(saved.plan)}`);
  note(`  rollback: ${saved.down.steps.length} step(s), hazards: ${hazardSummary(saved.down)}`);
  saved.down.steps.forEach((s, i) => {
    for (const h of s.hazards) {
      if (h.kind === 'irreversible') note(`  rollback step ${i + 1} is irreversible (apply --down-to will refuse it): ${s.operation} ${s.kind} ${s.object}: ${h.message}`);
    }
  });
  for (const f of saved.files) note(`  wrote ${f}`);
  note(`  updated pgform.sum in ${dir}`);
  return opts.exitCode ? 2 : 0;
}
