import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import { partitionsOfTable, retainedByRule } from '../model/partition-rule.ts';

/**
 * The desired state with the live partitions its rolling rules still keep. The schema files give
 * the partitions of the plan date's window; partitions made by earlier runs stay until they are
 * older than `retain` (then the plan detaches and drops them). Pure.
 */
export function withLiveRollingPartitions(desired: DatabaseModel, live: DatabaseModel): DatabaseModel {
  const declared = new Set(desired.tables.map((t) => `${t.schema}.${t.name}`));
  const kept: Table[] = [];
  for (const parent of desired.tables) {
    const rule = parent.partitionRule;
    if (!rule) continue;
    for (const p of partitionsOfTable(live.tables, parent)) {
      if (declared.has(`${p.schema}.${p.name}`) || !retainedByRule(rule, p.partitionOf!.bound)) continue;
      // As it is: pgform owns only the partitions the rule declares now; an older one keeps its owner and comment.
      kept.push(p);
    }
  }
  return kept.length === 0 ? desired : { ...desired, tables: [...desired.tables, ...kept] };
}
