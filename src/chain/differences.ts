import type { Connection } from '../db/connection.ts';
import { driftReport, type DriftEntry } from '../drift/report.ts';
import { withoutClusterState, type Workspace } from '../workflow/states.ts';
import { stateAt, type Chain } from './chain.ts';
import { readState, withReplay } from './replay.ts';

/** What the two sides of a `driftReport` are, for the words of the summary. */
export interface Sides {
  /** The first model, e.g. `the database`. */
  readonly have: string;
  /** The second, e.g. `plan 0003_add_sku's target`. */
  readonly want: string;
}

/** One line per object that differs: for refusals, status and check. */
export function summarizeDifferences(entries: readonly DriftEntry[], sides: Sides, limit = 20): string {
  const words = {
    missing: `in ${sides.want}, not in ${sides.have}`,
    unexpected: `in ${sides.have}, not in ${sides.want}`,
    changed: 'differs',
    invalid: `invalid in ${sides.have} (a concurrent build failed or was killed)`,
    partitions_running_out: `fewer future partitions in ${sides.have} than the rolling rule makes ahead`,
  } as const;
  const lines = entries.slice(0, limit).map((e) => `  ${e.kind} ${e.object}: ${words[e.status]}`);
  if (entries.length > limit) lines.push(`  ... and ${entries.length - limit} more`);
  return lines.join('\n');
}

/**
 * What differs between the database and the chain's state at `position`, object by object: the
 * chain is replayed up to there in a scratch database and both are compared.
 */
export async function differencesAt(conn: Connection, chain: Chain, position: number, ws: Workspace): Promise<DriftEntry[]> {
  const managed = stateAt(chain, position).managedSchemas;
  const live = await readState(conn, managed, ws);
  return withReplay(chain, ws, { upTo: position, verify: 'none' }, async (replay) => {
    const expected = await readState(replay.conn, managed, ws);
    return driftReport(withoutClusterState(live.model), withoutClusterState(expected.model));
  });
}

/** `differencesAt` as text, one line per object. */
export function describeDifferences(entries: readonly DriftEntry[], chain: Chain, position: number): string {
  if (entries.length === 0) return '  (no object differs; only the fingerprints do)';
  return summarizeDifferences(entries, { have: 'the database', want: position === 0 ? 'an empty database' : `plan ${chain.plans[position - 1]!.id}'s target` });
}

/** `differencesAt` as text (see `describeDifferences`). */
export async function describeDifferencesAt(conn: Connection, chain: Chain, position: number, ws: Workspace): Promise<string> {
  return describeDifferences(await differencesAt(conn, chain, position, ws), chain, position);
}
