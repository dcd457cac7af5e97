import type { Connection } from '../db/connection.ts';
import type { Sequence } from '../model/sequence.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface SequenceRow {
  readonly schema: string;
  readonly name: string;
  readonly data_type: string;
  readonly start: string;
  readonly increment: string;
  readonly min_value: string;
  readonly max_value: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly owner_schema: string | null;
  readonly owner_table: string | null;
  readonly owner_column: string | null;
  readonly comment: string | null;
  /** The role owning the sequence (not to be confused with OWNED BY). */
  readonly owner_role: string;
}

/**
 * Identity sequences (pg_depend 'i') belong to their column and are left out; sequences OWNED BY a
 * column (pg_depend 'a', as serial creates them) are listed with their owner.
 */
export const SEQUENCES_SQL = `
SELECT n.nspname AS schema, c.relname AS name,
  pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
  s.seqstart::text AS start, s.seqincrement::text AS increment,
  s.seqmin::text AS min_value, s.seqmax::text AS max_value,
  s.seqcache::text AS cache, s.seqcycle AS cycle,
  owner.schema AS owner_schema, owner.tbl AS owner_table, owner.col AS owner_column,
  ${commentOf('pg_class', 'c.oid')} AS comment,
  pg_catalog.pg_get_userbyid(c.relowner) AS owner_role
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN LATERAL (
  SELECT tn.nspname AS schema, t.relname AS tbl, a.attname AS col
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a'
  LIMIT 1
) owner ON true
WHERE c.relkind = 'S' AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'i')
ORDER BY n.nspname, c.relname`;

export function sequenceFromRow(row: SequenceRow): Sequence {
  const ownedBy =
    row.owner_schema !== null && row.owner_table !== null && row.owner_column !== null
      ? { schema: row.owner_schema, table: row.owner_table, column: row.owner_column }
      : null;
  return {
    schema: row.schema,
    name: row.name,
    dataType: row.data_type,
    start: row.start,
    increment: row.increment,
    minValue: row.min_value,
    maxValue: row.max_value,
    cache: row.cache,
    cycle: row.cycle,
    ownedBy,
    comment: row.comment,
    owner: row.owner_role,
  };
}

export async function introspectSequences(conn: Connection, scope: Scope): Promise<Sequence[]> {
  const rows = await conn.queryReused<SequenceRow>(SEQUENCES_SQL, scopeParams(scope));
  return rows.map(sequenceFromRow);
}
