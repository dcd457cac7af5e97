import { markInterruptedRunsIfAllowed, readHistory } from '../apply/history.ts';
import { UserError } from '../errors.ts';
import { commandContext, writeOut, type CommonOptions } from './context.ts';

export interface HistoryOptions extends CommonOptions {
  readonly format?: string;
}


export async function historyCommand(opts: HistoryOptions): Promise<number> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`unknown --format ${format} (text or json)`);
  const ctx = commandContext(opts);
  const conn = await ctx.open();
  try {
    await markInterruptedRunsIfAllowed(conn);
    const entries = await readHistory(conn);
    if (format === 'json') {
      writeOut(JSON.stringify(entries, null, 2) + '\n');
      return 0;
    }
    if (entries.length === 0) {
      writeOut(`no plans have been applied to ${conn.description}\n`);
      return 0;
    }
    for (const e of entries) {
      const name = e.planName ? ` ${e.planName}` : '';
      // A baseline recorded the database as being at a plan without running it: say so, not "0/N steps".
      const how =
        e.action === 'baseline'
          ? `baseline (recorded, nothing run; ${e.stepsTotal} steps)`
          : e.action === 'recovered'
            ? `recovered (completed by an interrupted run; ${e.stepsTotal} steps)`
            : `${e.stepsDone}/${e.stepsTotal} steps`;
      writeOut(
        `#${e.id} ${e.startedAt} ${e.outcome}${name}: ${how}, ` +
          `${e.sourceFingerprint} -> ${e.targetFingerprint} (plan ${e.planHash.slice(0, 23)})\n` +
          (e.error ? `    error: ${e.error.split('\n')[0]}\n` : ''),
      );
    }
    return 0;
  } finally {
    await conn.close();
  }
}
