import type { DatabaseModel } from '../model/database.ts';
import type { Column } from '../model/column.ts';
import { makeContext } from './context.ts';
import { recreatedColumns } from './columns.ts';

/**
 * The desired state with each existing table's columns in the order a plan leaves them.
 * PostgreSQL has no way to move a column: ALTER TABLE appends, so a table that already exists
 * keeps its columns where they are (renamed ones included) and gets the new ones, and the ones
 * dropped and added again, at the end in their declared order. A table created by the plan has
 * the declared order. Column order is thus not a difference between an existing table and its
 * YAML, and a plan's target is what applying it really gives.
 */
export function withReachableColumnOrder(live: DatabaseModel, desired: DatabaseModel): DatabaseModel {
  const ctx = makeContext(live, desired, true);
  let changed = false;
  const tables = desired.tables.map((t) => {
    const pair = ctx.pairOfTo(t.schema, t.name);
    if (!pair || t.partitionOf) return t;
    const recreated = recreatedColumns(pair);
    const stays = new Map(pair.columns.filter((c) => !recreated.has(c.to.name)).map((c) => [c.from.name, c.to]));
    const kept = pair.from.columns.map((c) => stays.get(c.name)).filter((c): c is Column => c !== undefined);
    const keptNames = new Set(kept.map((c) => c.name));
    const columns = [...kept, ...t.columns.filter((c) => !keptNames.has(c.name))];
    if (columns.every((c, i) => c === t.columns[i])) return t;
    changed = true;
    return { ...t, columns };
  });
  return changed ? { ...desired, tables } : desired;
}
