import type { Connection } from '../db/connection.ts';
import { readHistory, type HistoryEntry } from '../apply/history.ts';
import { bodyOnlyHash, planHash } from '../plan/render-sql.ts';
import type { Workspace } from '../workflow/states.ts';
import { UserError } from '../errors.ts';
import { stateAt, type Chain, type ChainPlan } from './chain.ts';
import { parsePlanFileName, planId } from './names.ts';
import { readState, withReplay } from './replay.ts';
import { fingerprint as fingerprintOf } from '../model/fingerprint.ts';
import { rangePartitionedTables, withoutDatedPartitions } from '../workflow/rolling-partitions.ts';

/** A history row that ran (or recorded) one of the chain's files, and where it leaves the database. */
export interface ChainRun {
  readonly entry: HistoryEntry;
  readonly plan: ChainPlan;
  readonly down: boolean;
  /** The chain position the database is at once this run succeeded. */
  readonly position: number;
}

export interface HistoryPosition {
  /** Where the last succeeded run of the chain left the database; null: the chain never ran here. */
  readonly position: number | null;
  /** Succeeded runs, oldest first. */
  readonly runs: readonly ChainRun[];
  /** The last run after that which did not succeed (interrupted or failed), if any. */
  readonly unfinished: ChainRun | null;
}

function chainRunOf(chain: Chain, entry: HistoryEntry): ChainRun | null {
  const name = entry.planName ? parsePlanFileName(entry.planName) : null;
  if (!name || name.role === 'markdown') return null;
  const id = planId(name.number, name.name);
  const plan = chain.plans.find((p) => p.id === id);
  const down = name.role === 'down';
  const file = down ? plan?.down : plan?.up;
  // Rows written while the hash covered the body only match that hash.
  if (!plan || !file || (planHash(file.plan) !== entry.planHash && bodyOnlyHash(file.plan) !== entry.planHash)) {
    if (entry.outcome !== 'succeeded') return null;
    throw new UserError(
      `this database's history (#${entry.id}) records ${entry.planName} (${entry.planHash}), ` +
        `which ${file ? 'differs from the committed file' : `is not in ${chain.dir}`}: the chain was rewritten after it ran here.\n` +
        'restore the plans as they were applied, or adopt the database with --baseline NNNN',
    );
  }
  return { entry, plan, down, position: down ? plan.number - 1 : plan.number };
}

/** Where the history says the database is in the chain. Pure. `entries` newest first, as `readHistory` gives them. */
export function positionFromHistory(chain: Chain, entries: readonly HistoryEntry[]): HistoryPosition {
  const runs: ChainRun[] = [];
  let unfinished: ChainRun | null = null;
  for (const entry of [...entries].reverse()) {
    const run = chainRunOf(chain, entry);
    if (!run) continue;
    if (entry.outcome === 'succeeded') {
      runs.push(run);
      unfinished = null;
    } else unfinished = run;
  }
  return { position: runs.length ? runs[runs.length - 1]!.position : null, runs, unfinished };
}

export type Location =
  /**
   * At a point of the chain: by its history (`history`), as an empty database at the start
   * (`start`), because an interrupted run turned out complete (`recovered`: record it), or by its
   * history with dated partitions that upkeep added or retired since (`upkeep`: see
   * `equalButForUpkeep`).
   */
  | { readonly kind: 'at'; readonly position: number; readonly via: 'history' | 'start' | 'recovered' | 'upkeep'; readonly fingerprint: string }
  /**
   * Not where its history says (`expected`), or (`expected` null) never run by this chain and not
   * empty; `matches`: chain positions whose state it does equal.
   */
  | { readonly kind: 'drifted'; readonly expected: number | null; readonly matches: readonly number[]; readonly fingerprint: string };

export interface Located {
  readonly location: Location;
  readonly history: HistoryPosition;
}

/** Finds the database in the chain: its history, checked against its live state's fingerprint. */
export async function locate(conn: Connection, chain: Chain, ws: Workspace): Promise<Located> {
  if (chain.plans.length === 0) throw new UserError(`there are no plans in ${chain.dir}`);
  const history = positionFromHistory(chain, await readHistory(conn));
  const byManaged = new Map<string, string>();
  const liveAt = async (position: number): Promise<string> => {
    const managed = stateAt(chain, position).managedSchemas;
    const key = JSON.stringify(managed);
    let fp = byManaged.get(key);
    if (fp === undefined) {
      fp = (await readState(conn, managed, ws)).fingerprint;
      byManaged.set(key, fp);
    }
    return fp;
  };
  const matches: number[] = [];
  for (let p = 0; p <= chain.plans.length; p++) if ((await liveAt(p)) === stateAt(chain, p).fingerprint) matches.push(p);
  const expected = history.position;
  const fingerprint = await liveAt(expected ?? 0);
  let location: Location;
  if (expected !== null && matches.includes(expected)) location = { kind: 'at', position: expected, via: 'history', fingerprint };
  else if (expected !== null && history.unfinished && matches.includes(history.unfinished.position)) {
    location = { kind: 'at', position: history.unfinished.position, via: 'recovered', fingerprint: await liveAt(history.unfinished.position) };
  } else if (expected === null && matches.includes(0)) location = { kind: 'at', position: 0, via: 'start', fingerprint };
  else if (expected !== null && !history.unfinished && (await equalButForUpkeep(conn, chain, expected, ws))) {
    location = { kind: 'at', position: expected, via: 'upkeep', fingerprint };
  } else location = { kind: 'drifted', expected, matches, fingerprint };
  return { location, history };
}

/**
 * Whether the database equals the chain's state at `position` but for the dated partitions of
 * its RANGE-partitioned tables. Rolling partition rules are kept up by `pgform apply --schema`
 * on a schedule, outside the chain (committed plans never add or retire such partitions of an
 * existing table), so a database that had its upkeep is still at its point of the chain. The
 * chain is replayed in a scratch database up to there to compare the two states.
 */
export async function equalButForUpkeep(conn: Connection, chain: Chain, position: number, ws: Workspace): Promise<boolean> {
  const managed = stateAt(chain, position).managedSchemas;
  const live = await readState(conn, managed, ws);
  return withReplay(chain, ws, { upTo: position, verify: 'none' }, async (replay) => {
    const expected = await readState(replay.conn, managed, ws);
    const parents = rangePartitionedTables(expected.model);
    if (parents.size === 0) return false;
    return fingerprintOf(withoutDatedPartitions(live.model, parents)) === fingerprintOf(withoutDatedPartitions(expected.model, parents));
  });
}
