import type { Connection } from '../db/connection.ts';
import type { Column } from '../model/column.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Index } from '../model/index.ts';
import type { Table } from '../model/table.ts';
import { introspectColumns } from './columns.ts';
import { introspectConstraints } from './constraints.ts';
import { introspectIndexes } from './indexes.ts';
import { commentOf, isManagedTable, scopeParams, type Scope } from './scope.ts';

export interface TableRow {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  readonly comment: string | null;
}

/** Ordinary and partitioned tables; partitions are not modelled yet. */
export const TABLES_SQL = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
  ${commentOf('pg_class', 'c.oid')} AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${isManagedTable('c', 'n')}
ORDER BY n.nspname, c.relname`;

/** The parts of tables, each fetched for all tables at once and keyed by table oid. */
export interface TableParts {
  readonly columns: ReadonlyMap<string, readonly Column[]>;
  readonly constraints: ReadonlyMap<string, readonly Constraint[]>;
  readonly indexes: ReadonlyMap<string, readonly Index[]>;
}

export function tableFromRow(row: TableRow, parts: TableParts): Table {
  return {
    schema: row.schema,
    name: row.name,
    columns: parts.columns.get(row.oid) ?? [],
    constraints: parts.constraints.get(row.oid) ?? [],
    indexes: parts.indexes.get(row.oid) ?? [],
    comment: row.comment,
  };
}

export async function introspectTables(conn: Connection, scope: Scope): Promise<Table[]> {
  // One connection runs one query at a time, so these run one after another.
  const rows = await conn.query<TableRow>(TABLES_SQL, scopeParams(scope));
  const columns = await introspectColumns(conn, scope);
  const constraints = await introspectConstraints(conn, scope);
  const indexes = await introspectIndexes(conn, scope);
  return rows.map((row) => tableFromRow(row, { columns, constraints, indexes }));
}
