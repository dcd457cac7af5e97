import type { Connection } from '../db/connection.ts';
import type { Column } from '../model/column.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Index } from '../model/index.ts';
import type { PartitionColumn, Table } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { optionalDependsOn, type Dependencies } from './dependencies.ts';
import { introspectColumns } from './columns.ts';
import { introspectConstraints } from './constraints.ts';
import { introspectIndexes, parseReloptions } from './indexes.ts';
import { commentOf, scopeParams, type Scope } from './scope.ts';
import { introspectPartitionColumns, isManagedTableOrPartition, PARTITION_COLUMNS_SQL, PARTITION_JOINS_SQL, partitionFields, type PartitionRow } from './partitions.ts';

export interface TableRow extends Partial<PartitionRow> {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  readonly comment: string | null;
  readonly row_security: boolean;
  readonly force_row_security: boolean;
  readonly owner: string;
  readonly unlogged?: boolean;
  readonly inherits?: readonly { schema: string; table: string }[] | null;
  readonly reloptions?: readonly string[] | null;
  readonly toast_reloptions?: readonly string[] | null;
}

/** Ordinary tables, partitioned tables and partitions. */
export const TABLES_SQL = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
  ${commentOf('pg_class', 'c.oid')} AS comment,
  c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
  pg_catalog.pg_get_userbyid(c.relowner) AS owner,
  c.relpersistence = 'u' AS unlogged,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'table', pc.relname) ORDER BY i.inhseqno)
     FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
     JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
     WHERE i.inhrelid = c.oid AND NOT c.relispartition) AS inherits,
  pg_catalog.to_json(c.reloptions) AS reloptions,
  pg_catalog.to_json(toast.reloptions) AS toast_reloptions,${PARTITION_COLUMNS_SQL}
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid${PARTITION_JOINS_SQL}
WHERE ${isManagedTableOrPartition('c', 'n')}
ORDER BY n.nspname, c.relname`;

/** The parts of tables, each fetched for all tables at once and keyed by table oid. */
export interface TableParts {
  readonly columns: ReadonlyMap<string, readonly Column[]>;
  readonly constraints: ReadonlyMap<string, readonly Constraint[]>;
  readonly indexes: ReadonlyMap<string, readonly Index[]>;
  readonly partitionColumns?: ReadonlyMap<string, readonly PartitionColumn[]>;
}

/**
 * A table from its row and parts. With `deps`, columns, constraints and indexes that use routines,
 * types or sequences get their `dependsOn` (left out otherwise).
 */
export function tableFromRow(row: TableRow, parts: TableParts, deps: Dependencies = new Map()): Table {
  const { schema, name } = row;
  return {
    schema,
    name,
    columns: (parts.columns.get(row.oid) ?? []).map((c) => ({
      ...c,
      ...optionalDependsOn(deps, keys.column(schema, name, c.name)),
    })),
    constraints: (parts.constraints.get(row.oid) ?? []).map((c) => ({
      ...c,
      ...optionalDependsOn(deps, keys.constraint(schema, name, c.name)),
    })),
    indexes: (parts.indexes.get(row.oid) ?? []).map((i) => ({
      ...i,
      ...optionalDependsOn(deps, keys.index(schema, name, i.name)),
    })),
    comment: row.comment,
    rowSecurity: row.row_security,
    forceRowSecurity: row.force_row_security,
    owner: row.owner,
    ...(row.unlogged ? { unlogged: true } : {}),
    ...(row.inherits && row.inherits.length > 0 ? { inherits: row.inherits } : {}),
    ...storageParameters(row),
    ...partitionFields({
      partition_key: row.partition_key ?? null,
      parent_schema: row.parent_schema ?? null,
      parent_name: row.parent_name ?? null,
      partition_bound: row.partition_bound ?? null,
    }),
    ...(parts.partitionColumns?.has(row.oid) ? { partitionColumns: parts.partitionColumns.get(row.oid)! } : {}),
  };
}

export async function introspectTables(
  conn: Connection,
  scope: Scope,
  deps: Dependencies = new Map(),
): Promise<Table[]> {
  // One connection runs one query at a time, so these run one after another.
  // Bounds on timestamptz keys print in the session's time zone: read them in UTC, the same everywhere.
  const [zone] = await conn.query<{ tz: string }>(`SELECT pg_catalog.current_setting('TimeZone') AS tz, pg_catalog.set_config('TimeZone', 'UTC', true)`);
  const rows = await conn.queryReused<TableRow>(TABLES_SQL, scopeParams(scope));
  await conn.query(`SELECT pg_catalog.set_config('TimeZone', $1, true)`, [zone!.tz]);
  const columns = await introspectColumns(conn, scope);
  const constraints = await introspectConstraints(conn, scope);
  const indexes = await introspectIndexes(conn, scope);
  const partitionColumns = await introspectPartitionColumns(conn, scope);
  return rows.map((row) => tableFromRow(row, { columns, constraints, indexes, partitionColumns }, deps));
}

/** The table's reloptions and its TOAST table's (as `toast.<name>`, the way ALTER TABLE SET takes them). */
export function storageParameters(row: Pick<TableRow, 'reloptions' | 'toast_reloptions'>): { with?: Record<string, string> } {
  const own = parseReloptions(row.reloptions ?? null);
  for (const [k, v] of Object.entries(parseReloptions(row.toast_reloptions ?? null))) own[`toast.${k}`] = v;
  return Object.keys(own).length > 0 ? { with: own } : {};
}
