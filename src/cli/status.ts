import { UserError } from '../errors.ts';
import { positionLabel, readChain, requireValidChain, resolvePlansDir, stateAt } from '../chain/chain.ts';
import { chainExtensions } from '../chain/replay.ts';
import { chainStatus, statusExitCode } from '../chain/status.ts';
import { describeDifferences, differencesAt } from '../chain/differences.ts';
import { markInterruptedRunsIfAllowed } from '../apply/history.ts';
import { commandContext, writeOut, type CommonOptions } from './context.ts';

export interface StatusOptions extends CommonOptions {
  readonly plans?: string;
  readonly format?: string;
}


export async function statusCommand(opts: StatusOptions): Promise<number> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`unknown --format ${format} (text or json)`);
  const ctx = commandContext(opts);
  const chain = readChain(resolvePlansDir(opts.plans, ctx.cwd, ctx.config?.root ?? null));
  requireValidChain(chain);
  if (chain.plans.length === 0) throw new UserError(`there are no plans in ${chain.dir} (write one with pgform plan --save NAME)`);
  const conn = await ctx.open(chainExtensions(chain));
  try {
    await markInterruptedRunsIfAllowed(conn);
    const status = await chainStatus(conn, chain, ctx.workspace);
    const code = statusExitCode(status);
    const loc = status.location;
    const expected = loc.kind === 'drifted' ? loc.expected : null;
    const differences = expected !== null ? await differencesAt(conn, chain, expected, ctx.workspace) : null;
    const drift = differences !== null && expected !== null ? describeDifferences(differences, chain, expected) : null;
    if (format === 'json') {
      writeOut(
        JSON.stringify(
          {
            database: conn.description,
            plansDir: chain.dir,
            state: code === 0 ? 'up_to_date' : code === 2 ? 'drifted' : 'pending',
            fingerprint: loc.fingerprint,
            position: loc.kind === 'at' ? loc.position : loc.expected,
            partitionUpkeep: loc.kind === 'at' && loc.via === 'upkeep',
            plans: status.plans,
            unfinished: status.unfinished ? { historyId: status.unfinished.entry.id, file: status.unfinished.entry.planName } : null,
            // What the text lists under `drifted:` (objects of the database against the expected plan's target).
            differences: (differences ?? []).map((e) => ({ kind: e.kind, object: e.object, status: e.status })),
          },
          null,
          2,
        ) + '\n',
      );
      return code;
    }
    const lines = [`database: ${conn.description}`, `plans: ${chain.dir} (${chain.plans.length})`, ''];
    for (const p of status.plans) {
      const how = p.historyId === null ? '' : ` (history #${p.historyId}${p.action ? `, ${p.action}` : ''}, ${p.appliedAt})`;
      lines.push(`  ${p.applied ? 'applied' : 'pending'}  ${p.file}${how}`);
    }
    lines.push('');
    if (status.unfinished) {
      lines.push(`note: history #${status.unfinished.entry.id} (${status.unfinished.entry.planName}) did not finish: ${status.unfinished.entry.outcome}`);
    }
    const pending = status.plans.filter((p) => !p.applied).length;
    if (loc.kind === 'at') {
      lines.push(
        pending === 0
          ? `up to date: at ${positionLabel(chain, loc.position)} (${loc.fingerprint})`
          : `${pending} plan(s) pending: at ${positionLabel(chain, loc.position)} (${loc.fingerprint}); run pgform apply --plans ${chain.dir}`,
      );
      if (loc.via === 'upkeep') lines.push('  (its dated partitions differ from the plan\'s: added or retired by partition upkeep, pgform apply --schema)');
    } else if (loc.expected !== null) {
      lines.push(
        `drifted: the history puts the database at ${positionLabel(chain, loc.expected)} (${stateAt(chain, loc.expected).fingerprint}), ` +
          `but it is at ${loc.fingerprint}:`,
        drift ?? '',
      );
    } else if (loc.matches.length > 0) {
      const n = loc.matches[loc.matches.length - 1]!;
      lines.push(
        `not adopted: no plan of ${chain.dir} was applied here, but the database equals ${positionLabel(chain, n)}'s target; ` +
          `adopt it with pgform apply --plans ${chain.dir} --baseline ${String(n).padStart(4, '0')}`,
      );
    } else {
      lines.push(`drifted: the database (${loc.fingerprint}) matches no point of the chain and has no record of running it`);
    }
    writeOut(lines.join('\n') + '\n');
    return code;
  } finally {
    await conn.close();
  }
}
