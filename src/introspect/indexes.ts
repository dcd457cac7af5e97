import type { Connection } from '../db/connection.ts';
import type { Index, IndexKey } from '../model/index.ts';
import { collationName } from './collation.ts';
import { groupBy } from './group.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';
import { isManagedTableOrPartition } from './partitions.ts';

export interface IndexKeyRow {
  readonly expression: string;
  readonly is_column: boolean;
  /** Already rendered (quote_ident, qualified outside pg_catalog); null when the default. */
  readonly opclass: string | null;
  /** pg_index.indoption bits of the key. */
  readonly option: number;
  readonly collation_schema: string | null;
  readonly collation_name: string | null;
}

export interface IndexRow {
  readonly table_oid: string;
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly IndexKeyRow[] | null;
  readonly include: readonly string[] | null;
  readonly where: string | null;
  readonly reloptions: readonly string[] | null;
  readonly nulls_not_distinct: boolean;
  readonly valid: boolean;
  /** Full pg_get_indexdef text. */
  readonly indexdef: string;
  readonly comment: string | null;
}

/** indoption bits (pg_index.h). */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/**
 * Standalone indexes of managed tables: those backing a PRIMARY KEY, UNIQUE or EXCLUDE constraint
 * of the same table are described by the constraint instead.
 *
 * A key's collation is reported when it differs from the column's (column keys) or from the key
 * type's default (expression keys: the expression's own collation is not visible in the catalog,
 * so an expression over a "C" column reports "C"; that is equivalent SQL, and both states are
 * introspected the same way).
 */
/** Which relations' indexes a query reads: managed tables, or materialized views. */
export type IndexedRelation = 'table' | 'materialized_view';

function isManagedRelation(relation: IndexedRelation, rel: string, nsp: string): string {
  return relation === 'table'
    ? isManagedTableOrPartition(rel, nsp)
    : `(${rel}.relkind = 'm' AND ${inScope(nsp)} AND ${notExtensionMember('pg_class', `${rel}.oid`)})`;
}

export function indexesSql(serverVersion: number, relation: IndexedRelation = 'table'): string {
  const nullsNotDistinct = serverVersion >= 150000 ? 'i.indnullsnotdistinct' : 'false';
  return `
SELECT i.indrelid::text AS table_oid, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'expression', CASE WHEN i.indkey[k.n - 1] <> 0 THEN ta.attname::text
                         ELSE pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) END,
      'is_column', i.indkey[k.n - 1] <> 0,
      'opclass', CASE WHEN NOT opc.opcdefault THEN
                   CASE WHEN opcn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(opc.opcname)
                        ELSE pg_catalog.quote_ident(opcn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END
                 END,
      'option', i.indoption[k.n - 1],
      'collation_schema', CASE WHEN i.indcollation[k.n - 1] <> COALESCE(ta.attcollation, ity.typcollation)
                               THEN colln.nspname END,
      'collation_name', CASE WHEN i.indcollation[k.n - 1] <> COALESCE(ta.attcollation, ity.typcollation)
                             THEN coll.collname END
    ) ORDER BY k.n)
    FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k(n)
    LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k.n - 1]
      AND i.indkey[k.n - 1] <> 0
    LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.n
    LEFT JOIN pg_catalog.pg_type ity ON ity.oid = ia.atttypid
    LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
    LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
    LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[k.n - 1]
    LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
  ) AS keys,
  (SELECT pg_catalog.json_agg(ta.attname ORDER BY k.n)
    FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k(n)
    JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k.n - 1]
  ) AS include,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS "where",
  pg_catalog.to_json(ic.reloptions) AS reloptions,
  ${nullsNotDistinct} AS nulls_not_distinct,
  i.indisvalid AS valid,
  pg_catalog.pg_get_indexdef(i.indexrelid) AS indexdef,
  ${commentOf('pg_class', 'i.indexrelid')} AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${isManagedRelation(relation, 'c', 'n')}
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
  -- A partition's index attached to its parent's index is the parent's.
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ii WHERE ii.inhrelid = i.indexrelid)
ORDER BY i.indrelid, ic.relname`;
}

/**
 * The part of a `pg_get_indexdef` text from `USING` onwards. Names before it are double-quoted
 * when they contain spaces, so the first ` USING ` outside quotes is the real one.
 */
export function indexDefinitionTail(indexdef: string): string {
  let quoted = false;
  for (let i = 0; i < indexdef.length; i++) {
    const ch = indexdef[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && indexdef.startsWith(' USING ', i)) return indexdef.slice(i + 1);
  }
  throw new Error(`cannot find USING in index definition: ${indexdef}`);
}

/** Storage parameters `key=value` as an object. */
export function parseReloptions(options: readonly string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const opt of options ?? []) {
    const eq = opt.indexOf('=');
    if (eq < 0) out[opt] = '';
    else out[opt.slice(0, eq)] = opt.slice(eq + 1);
  }
  return out;
}

export function indexKeyFromRow(row: IndexKeyRow): IndexKey {
  return {
    expression: row.expression,
    isColumn: row.is_column,
    opclass: row.opclass,
    descending: (row.option & INDOPTION_DESC) !== 0,
    nullsFirst: (row.option & INDOPTION_NULLS_FIRST) !== 0,
    collation:
      row.collation_schema !== null && row.collation_name !== null
        ? collationName(row.collation_schema, row.collation_name)
        : null,
  };
}

export function indexFromRow(row: IndexRow): Index {
  return {
    name: row.name,
    unique: row.unique,
    method: row.method,
    keys: (row.keys ?? []).map(indexKeyFromRow),
    include: row.include ?? [],
    where: row.where,
    with: parseReloptions(row.reloptions),
    nullsNotDistinct: row.nulls_not_distinct,
    definition: (row.unique ? 'UNIQUE ' : '') + indexDefinitionTail(row.indexdef),
    valid: row.valid,
    comment: row.comment,
  };
}

/** Standalone indexes of every managed table (or materialized view), by relation oid. */
export async function introspectIndexes(
  conn: Connection,
  scope: Scope,
  relation: IndexedRelation = 'table',
): Promise<Map<string, Index[]>> {
  const rows = await conn.queryReused<IndexRow>(indexesSql(scope.serverVersion, relation), scopeParams(scope));
  return groupBy(rows, (r) => r.table_oid, indexFromRow);
}
