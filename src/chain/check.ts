import { fingerprint } from '../model/fingerprint.ts';
import { driftReport } from '../drift/report.ts';
import { withReachableColumnOrder } from '../diff/column-order.ts';
import { readTableData } from '../introspect/data.ts';
import type { DesiredInput } from '../workflow/desired.ts';
import { desiredState, scopeToDesired, type Workspace } from '../workflow/states.ts';
import type { Chain } from './chain.ts';
import type { ChainProblem } from './problems.ts';
import { readState, withReplay } from './replay.ts';
import { withPinnedRollingPartitions } from '../workflow/rolling-partitions.ts';
import { withKeptUnpartitioned } from '../workflow/conversions.ts';
import { summarizeDifferences } from './differences.ts';

/**
 * Everything `pgform check` verifies, for CI on a pull request: the folder's own problems (names,
 * numbering, checksums, edits, links; see `readChain`), then a replay of the whole chain in a
 * scratch database (each plan from its source to its target), which must end at the YAML's state
 * and hold the YAML's reference rows. A rolling rule's dated partitions are upkeep, not part of
 * that state: the chain is not stale because the date moved.
 */
export async function checkChain(chain: Chain, input: DesiredInput, ws: Workspace): Promise<readonly ChainProblem[]> {
  if (chain.problems.length > 0) return chain.problems;
  const declared = await desiredState(input.loaded.model, input.managedSchemas, ws, input.loaded.sources);
  const extensions = input.loaded.model.extensions.map((e) => e.name);
  return withReplay(chain, ws, { verify: 'all', extensions }, async (replay) => {
    if (replay.problems.length > 0) return replay.problems;
    const end = await readState(replay.conn, input.managedSchemas, ws);
    // As plan --save sees it: the date moving on is no reason for a new plan (see withPinnedRollingPartitions).
    const desired = withKeptUnpartitioned(withPinnedRollingPartitions(declared, end.model), end.model);
    // Reference rows are not in fingerprints: the replayed rows are compared with the YAML's too.
    const scoped = scopeToDesired(end.model, desired);
    const live = desired.data ? { ...scoped, data: await readTableData(replay.conn, desired.data) } : scoped;
    const entries = driftReport(live, desired);
    if (end.fingerprint === fingerprint(withReachableColumnOrder(end.model, desired)) && !entries.some((e) => e.kind === 'row')) return [];
    return [
      {
        kind: 'yaml_changed',
        message:
          `the YAML changed without a new plan: replaying the ${chain.plans.length} plan(s) in ${chain.dir} does not reach its state` +
          (entries.length ? `:\n${summarizeDifferences(entries, { have: 'the plans', want: 'the YAML' })}` : ''),
        fix: 'run pgform plan --save <name> and commit the files it writes',
      },
    ];
  });
}
