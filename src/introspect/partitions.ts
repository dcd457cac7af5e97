import type { Connection } from '../db/connection.ts';
import type { PartitionBy, PartitionColumn, PartitionOf } from '../model/table.ts';
import { groupBy } from './group.ts';
import { inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

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

/**
 * Columns where a partition differs from its parent: a default of its own (or none where the
 * parent has one) and NOT NULL where the parent allows NULL. PostgreSQL copies the parent's
 * defaults into each partition, so an equal default is the parent's. Identity and generated
 * columns are the parent's alone.
 */
const PARTITION_COLUMN_OVERRIDES_SQL = `
SELECT a.attrelid::text AS table_oid, a.attname AS name,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) IS DISTINCT FROM pg_catalog.pg_get_expr(pad.adbin, pad.adrelid) AS own_default,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expression,
  a.attnotnull AND NOT pa.attnotnull AS own_not_null
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid AND c.relispartition
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_attrdef pad ON pad.adrelid = pa.attrelid AND pad.adnum = pa.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
  AND ${isManagedTableOrPartition('c', 'n')}
  AND (pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) IS DISTINCT FROM pg_catalog.pg_get_expr(pad.adbin, pad.adrelid)
       OR (a.attnotnull AND NOT pa.attnotnull))
ORDER BY a.attrelid, a.attname COLLATE "C"`;

interface PartitionColumnRow {
  readonly table_oid: string;
  readonly name: string;
  readonly own_default: boolean;
  readonly expression: string | null;
  readonly own_not_null: boolean;
}

function partitionColumnFromRow(row: PartitionColumnRow): PartitionColumn {
  return {
    name: row.name,
    ...(row.own_default ? { default: row.expression } : {}),
    ...(row.own_not_null ? { notNull: true } : {}),
  };
}

/** The partition columns of every managed partition that has any, by table oid. */
export async function introspectPartitionColumns(conn: Connection, scope: Scope): Promise<Map<string, PartitionColumn[]>> {
  const rows = await conn.queryReused<PartitionColumnRow>(PARTITION_COLUMN_OVERRIDES_SQL, scopeParams(scope));
  return groupBy(rows, (r) => r.table_oid, partitionColumnFromRow);
}
