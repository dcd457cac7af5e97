import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { boundStart, partitionsOfTable, retainedByRule } from '../model/partition-rule.ts';

/**
 * The desired state with the live partitions its rolling rules still keep. The schema files give
 * the partitions of the plan date's window; partitions made by earlier runs stay until they are
 * older than `retain` (then the plan detaches and drops them). Pure.
 */
export function withLiveRollingPartitions(desired: DatabaseModel, live: DatabaseModel): DatabaseModel {
  const declared = new Set(desired.tables.map((t) => keys.table(t.schema, t.name)));
  const kept: Table[] = [];
  for (const parent of desired.tables) {
    const rule = parent.partitionRule;
    if (!rule) continue;
    for (const p of partitionsOfTable(live.tables, parent)) {
      if (declared.has(keys.table(p.schema, p.name)) || !retainedByRule(rule, p.partitionOf!.bound)) continue;
      // As it is: pgform owns only the partitions the rule declares now; an older one keeps its owner and comment.
      kept.push(p);
    }
  }
  return kept.length === 0 ? desired : { ...desired, tables: [...desired.tables, ...kept] };
}

/** Keys of the tables of a model that have a rolling partition rule (desired states only). */
export function rollingParents(desired: DatabaseModel): Set<string> {
  return new Set(desired.tables.filter((t) => t.partitionRule).map((t) => keys.table(t.schema, t.name)));
}

/** Keys of every RANGE-partitioned table of a model: where dated partitions can be upkeep. */
export function rangePartitionedTables(m: DatabaseModel): Set<string> {
  return new Set(m.tables.filter((t) => t.partitionBy?.strategy === 'range').map((t) => keys.table(t.schema, t.name)));
}

/** A partition over a date range (not the default one) of one of `parents`. */
function isDatedPartitionOf(t: Table, parents: ReadonlySet<string>): boolean {
  const p = t.partitionOf;
  return !!p && p.bound !== 'DEFAULT' && boundStart(p.bound) !== null && parents.has(keys.table(p.schema, p.table));
}

/**
 * A state without the dated partitions of `parents`: what a rolling rule's upkeep changes as
 * the date moves. The parents themselves, their default partitions and everything else stay.
 */
export function withoutDatedPartitions(m: DatabaseModel, parents: ReadonlySet<string>): DatabaseModel {
  if (parents.size === 0 || !m.tables.some((t) => isDatedPartitionOf(t, parents))) return m;
  return { ...m, tables: m.tables.filter((t) => !isDatedPartitionOf(t, parents)) };
}

/**
 * The desired state of a committed plan: a rolling rule's table that exists already keeps the
 * dated partitions it has, whatever the date. Adding the next periods' partitions and retiring
 * old ones is upkeep (`pgform apply --schema` on a schedule), never part of a committed plan:
 * a plan applied after upkeep ran would otherwise create partitions that exist or drop ones
 * that are gone. A rule's table created by the plan gets the partitions of the plan's date.
 */
export function withPinnedRollingPartitions(desired: DatabaseModel, live: DatabaseModel): DatabaseModel {
  const pinned = new Set(
    desired.tables
      .filter((t) => t.partitionRule && live.tables.some((l) => l.schema === t.schema && l.name === t.name && l.partitionBy?.strategy === 'range'))
      .map((t) => keys.table(t.schema, t.name)),
  );
  if (pinned.size === 0) return desired;
  const kept = live.tables.filter((t) => isDatedPartitionOf(t, pinned));
  return { ...desired, tables: [...withoutDatedPartitions(desired, pinned).tables, ...kept] };
}
