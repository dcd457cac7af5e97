import type { PartitionBy, PartitionOf } from '../model/table.ts';
import { inScope, notExtensionMember } from './scope.ts';

/**
 * SQL predicate on a pg_class alias and its pg_namespace alias: a managed table, partitions
 * included (`isManagedTable` leaves them out, for the kinds PostgreSQL does not copy to them).
 */
export function isManagedTableOrPartition(rel: string, nsp: string): string {
  return `(${rel}.relkind IN ('r', 'p') AND ${inScope(nsp)} AND ${notExtensionMember('pg_class', `${rel}.oid`)})`;
}

/** Columns of the tables query that describe partitioning (pg_class alias `c`). */
export const PARTITION_COLUMNS_SQL = `
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
  parent_n.nspname AS parent_schema, parent_c.relname AS parent_name,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound`;

/** Joins for `PARTITION_COLUMNS_SQL`: a partition's parent (a partition has exactly one). */
export const PARTITION_JOINS_SQL = `
LEFT JOIN pg_catalog.pg_inherits parent_i ON c.relispartition AND parent_i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class parent_c ON parent_c.oid = parent_i.inhparent
LEFT JOIN pg_catalog.pg_namespace parent_n ON parent_n.oid = parent_c.relnamespace`;

export interface PartitionRow {
  readonly partition_key: string | null;
  readonly parent_schema: string | null;
  readonly parent_name: string | null;
  readonly partition_bound: string | null;
}

/** `RANGE (created_at)` as the model's strategy and key list. */
export function partitionByFromDef(def: string): PartitionBy {
  const m = /^(RANGE|LIST|HASH) \(([\s\S]*)\)$/.exec(def);
  if (!m) throw new Error(`unexpected partition key definition: ${def}`);
  return { strategy: m[1]!.toLowerCase() as PartitionBy['strategy'], key: m[2]! };
}

/** The optional partitioning fields of a table, left out for an ordinary table. */
export function partitionFields(row: PartitionRow): { partitionBy?: PartitionBy; partitionOf?: PartitionOf } {
  return {
    ...(row.partition_key !== null ? { partitionBy: partitionByFromDef(row.partition_key) } : {}),
    ...(row.parent_name !== null && row.parent_schema !== null && row.partition_bound !== null
      ? { partitionOf: { schema: row.parent_schema, table: row.parent_name, bound: row.partition_bound } }
      : {}),
  };
}
