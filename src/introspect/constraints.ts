import type { Connection } from '../db/connection.ts';
import type { Constraint, ReferentialAction } from '../model/constraint.ts';
import { groupBy } from './group.ts';
import { commentOf, scopeParams, type Scope } from './scope.ts';
import { isManagedTableOrPartition } from './partitions.ts';

export interface ConstraintRow {
  readonly table_oid: string;
  readonly name: string;
  /** contype: p, u, f, c or x. */
  readonly type: string;
  readonly definition: string;
  readonly deferrable: boolean;
  readonly initially_deferred: boolean;
  readonly valid: boolean;
  readonly columns: readonly string[] | null;
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: readonly string[] | null;
  readonly on_delete: string;
  readonly on_update: string;
  readonly match: string;
  readonly expression: string | null;
  readonly no_inherit: boolean;
  readonly nulls_not_distinct: boolean;
  readonly comment: string | null;
}

/** Column names of a key (attnum array) of a relation, in key order, as a json array. */
function keyColumnNames(keys: string, rel: string): string {
  return `(SELECT pg_catalog.json_agg(ka.attname ORDER BY k.ord)
    FROM pg_catalog.unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute ka ON ka.attrelid = ${rel} AND ka.attnum = k.attnum)`;
}

/**
 * NOT NULL ('n', stored as constraints on newer servers) belongs to Column.notNull and trigger
 * constraints ('t') are not modelled. Rows with a parent constraint are the per-partition copies a
 * foreign key to a partitioned table gets; the parent row stands for them. A partition's
 * constraints copied from its parent (conislocal false, or a parent constraint) are the parent's.
 */
export function constraintsSql(serverVersion: number): string {
  const nullsNotDistinct =
    serverVersion >= 150000
      ? `COALESCE((SELECT i.indnullsnotdistinct FROM pg_catalog.pg_index i WHERE i.indexrelid = con.conindid), false)`
      : 'false';
  return `
SELECT con.conrelid::text AS table_oid, con.conname AS name, con.contype::text AS type,
  pg_catalog.pg_get_constraintdef(con.oid, true) AS definition,
  con.condeferrable AS deferrable, con.condeferred AS initially_deferred, con.convalidated AS valid,
  ${keyColumnNames('con.conkey', 'con.conrelid')} AS columns,
  rn.nspname AS ref_schema, rc.relname AS ref_table,
  ${keyColumnNames('con.confkey', 'con.confrelid')} AS ref_columns,
  con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update, con.confmatchtype::text AS match,
  CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END AS expression,
  con.connoinherit AS no_inherit,
  ${nullsNotDistinct} AS nulls_not_distinct,
  ${commentOf('pg_constraint', 'con.oid')} AS comment
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0 AND ${isManagedTableOrPartition('c', 'n')}
  -- A partition's or an inheriting table's copies of its parents' constraints are the parents'.
  AND con.conislocal
ORDER BY con.conrelid, con.conname`;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

const MATCH_TYPES: Readonly<Record<string, 'simple' | 'full' | 'partial'>> = { s: 'simple', f: 'full', p: 'partial' };

export function referentialAction(letter: string): ReferentialAction {
  const action = ACTIONS[letter];
  if (!action) throw new Error(`unknown referential action code '${letter}'`);
  return action;
}

export function matchType(letter: string): 'simple' | 'full' | 'partial' {
  const match = MATCH_TYPES[letter];
  if (!match) throw new Error(`unknown foreign key match code '${letter}'`);
  return match;
}

export function constraintFromRow(row: ConstraintRow): Constraint {
  const base = {
    name: row.name,
    definition: row.definition,
    deferrable: row.deferrable,
    initiallyDeferred: row.initially_deferred,
    valid: row.valid,
    comment: row.comment,
  };
  const columns = row.columns ?? [];
  switch (row.type) {
    case 'p':
      return { kind: 'primary_key', ...base, columns };
    case 'u':
      return { kind: 'unique', ...base, columns, nullsNotDistinct: row.nulls_not_distinct };
    case 'f':
      return {
        kind: 'foreign_key',
        ...base,
        columns,
        references: { schema: row.ref_schema ?? '', table: row.ref_table ?? '', columns: row.ref_columns ?? [] },
        onDelete: referentialAction(row.on_delete),
        onUpdate: referentialAction(row.on_update),
        match: matchType(row.match),
      };
    case 'c':
      return { kind: 'check', ...base, expression: row.expression ?? '', noInherit: row.no_inherit };
    case 'x':
      return { kind: 'exclusion', ...base };
    default:
      throw new Error(`unexpected constraint type '${row.type}' for ${row.name}`);
  }
}

/** Constraints of every managed table, by table oid. */
export async function introspectConstraints(conn: Connection, scope: Scope): Promise<Map<string, Constraint[]>> {
  const rows = await conn.queryReused<ConstraintRow>(constraintsSql(scope.serverVersion), scopeParams(scope));
  return groupBy(rows, (r) => r.table_oid, constraintFromRow);
}
