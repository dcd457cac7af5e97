import type { Connection } from '../db/connection.ts';
import type { Workspace } from '../workflow/states.ts';
import type { HistoryAction } from '../apply/history.ts';
import type { Chain } from './chain.ts';
import { locate, type ChainRun, type Location } from './position.ts';

export interface PlanStatus {
  readonly id: string;
  readonly file: string;
  readonly applied: boolean;
  /** The history row that applied it (the latest), when there is one. */
  readonly historyId: number | null;
  readonly appliedAt: string | null;
  readonly action: HistoryAction | null;
}

export interface ChainStatus {
  readonly plans: readonly PlanStatus[];
  readonly location: Location;
  /** A run after the last applied one that did not succeed (interrupted or failed). */
  readonly unfinished: ChainRun | null;
}

/** Exit codes of `pgform status`. */
export const STATUS_EXIT = { upToDate: 0, drifted: 2, pending: 4 } as const;

export function statusExitCode(s: ChainStatus): number {
  if (s.location.kind === 'drifted') return STATUS_EXIT.drifted;
  return s.location.position < s.plans.length ? STATUS_EXIT.pending : STATUS_EXIT.upToDate;
}

/** Applied and pending plans of a database, and whether it is where its history says. Reads only. */
export async function chainStatus(conn: Connection, chain: Chain, ws: Workspace): Promise<ChainStatus> {
  const { location, history } = await locate(conn, chain, ws);
  const applied = location.kind === 'at' ? location.position : (location.expected ?? 0);
  const plans = chain.plans.map((p, i): PlanStatus => {
    const run = [...history.runs].reverse().find((r) => !r.down && r.plan.id === p.id);
    const isApplied = i < applied;
    return {
      id: p.id,
      file: p.up.file,
      applied: isApplied,
      historyId: isApplied && run ? run.entry.id : null,
      appliedAt: isApplied && run ? run.entry.finishedAt ?? run.entry.startedAt : null,
      action: isApplied && run ? run.entry.action : null,
    };
  });
  return { plans, location, unfinished: history.unfinished };
}
