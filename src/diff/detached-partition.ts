import type { Table } from '../model/table.ts';
import { UserError } from '../errors.ts';

const name = (schema: string, table: string) => `${schema}.${table}`;

/**
 * A partition of the `from` state that the `to` state declares as an ordinary table of the same
 * name: it is detached (its rows stay in it and leave the parent), and the table it then is, the
 * one the rest of the diff starts from, is this: the parent's columns, defaults and CHECK
 * constraints become its own (PostgreSQL copies them to a partition and keeps them on DETACH),
 * with the partition's own constraints and indexes. Refused when that table cannot be told from
 * the models: copies of the parent's indexes, keys and foreign keys that PostgreSQL named on the
 * partition itself, or identity columns (which PostgreSQL 17 shares with partitions).
 */
export function detachedForm(partition: Table, parent: Table | undefined): Table {
  const of = partition.partitionOf!;
  const t = name(partition.schema, partition.name);
  const p = name(of.schema, of.table);
  const refuse = (why: string): never => {
    throw new UserError(
      `table ${t} is a partition of ${p} and is declared as an ordinary table: pgform would detach it, but ${why}. ` +
        `Detach it first (ALTER TABLE ${p} DETACH PARTITION ${t}), then plan again`,
    );
  };
  if (!parent) return refuse(`${p} is not in the live state`);
  if (parent.indexes.length > 0) refuse(`${p} has indexes, whose copies on ${t} PostgreSQL named itself`);
  const keyed = parent.constraints.find((c) => c.kind !== 'check');
  if (keyed) refuse(`${p} has ${keyed.kind.replace('_', ' ')} ${keyed.name}, whose copy on ${t} PostgreSQL named itself`);
  const identity = parent.columns.find((c) => c.identity !== null);
  if (identity) refuse(`its column ${identity.name} is an identity column of ${p}`);
  const own = new Set(partition.constraints.map((c) => c.name));
  const parentColumns = new Set(parent.columns.map((c) => c.name));
  const inherited = parent.constraints.filter((c) => c.kind === 'check' && !c.noInherit && !own.has(c.name));
  return {
    ...partition,
    partitionOf: null,
    // Comments are the parent's own: PostgreSQL copies none to a partition's columns or constraints.
    columns: [...parent.columns.map((c) => ({ ...c, comment: null })), ...partition.columns.filter((c) => !parentColumns.has(c.name))],
    constraints: [...partition.constraints, ...inherited.map((c) => ({ ...c, comment: null }))],
  };
}
