import type { Connection } from '../db/connection.ts';
import type { Column, ColumnStorage, Identity } from '../model/column.ts';
import { collationName } from './collation.ts';
import { groupBy } from './group.ts';
import { commentOf, scopeParams, type Scope } from './scope.ts';
import { isManagedTableOrPartition } from './partitions.ts';

export interface ColumnRow {
  readonly table_oid: string;
  readonly name: string;
  readonly type: string;
  readonly not_null: boolean;
  /** pg_attrdef expression: the default, or the generation expression of a generated column. */
  readonly expression: string | null;
  /** attgenerated: '' for ordinary columns, 's' stored (and 'v' virtual on newer servers). */
  readonly generated: string;
  /** attidentity: '' none, 'a' always, 'd' by default. */
  readonly identity: string;
  readonly identity_start: string | null;
  readonly identity_increment: string | null;
  readonly identity_min: string | null;
  readonly identity_max: string | null;
  readonly identity_cache: string | null;
  readonly identity_cycle: boolean | null;
  /** Set only when the column's collation differs from its type's default. */
  readonly collation_schema: string | null;
  readonly collation_name: string | null;
  readonly comment: string | null;
  /** attstorage when it differs from the type's typstorage. */
  readonly storage?: string | null;
  /** attcompression: '' default, 'p' pglz, 'l' lz4. */
  readonly compression?: string | null;
}

export const COLUMNS_SQL = `
SELECT a.attrelid::text AS table_oid, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS not_null,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expression,
  a.attgenerated::text AS generated,
  a.attidentity::text AS identity,
  idseq.seqstart::text AS identity_start, idseq.seqincrement::text AS identity_increment,
  idseq.seqmin::text AS identity_min, idseq.seqmax::text AS identity_max,
  idseq.seqcache::text AS identity_cache, idseq.seqcycle AS identity_cycle,
  CASE WHEN a.attcollation <> ty.typcollation THEN coll_n.nspname END AS collation_schema,
  CASE WHEN a.attcollation <> ty.typcollation THEN coll.collname END AS collation_name,
  ${commentOf('pg_class', 'a.attrelid', 'a.attnum')} AS comment,
  CASE WHEN a.attstorage <> ty.typstorage THEN a.attstorage::text END AS storage,
  a.attcompression::text AS compression
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
LEFT JOIN pg_catalog.pg_depend iddep ON a.attidentity <> ''
  AND iddep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND iddep.refobjid = a.attrelid AND iddep.refobjsubid = a.attnum
  AND iddep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND iddep.deptype = 'i'
LEFT JOIN pg_catalog.pg_sequence idseq ON idseq.seqrelid = iddep.objid
WHERE a.attnum > 0 AND NOT a.attisdropped AND ${isManagedTableOrPartition('c', 'n')}
  -- A partition's columns are its parent's (attislocal is false for all of them); an inheriting
  -- table's inherited columns are its parents' (those it declares too stay local).
  AND a.attislocal
ORDER BY a.attrelid, a.attnum`;

function identityFromRow(row: ColumnRow): Identity | null {
  if (row.identity === '') return null;
  return {
    generation: row.identity === 'a' ? 'always' : 'by default',
    start: row.identity_start,
    increment: row.identity_increment,
    minValue: row.identity_min,
    maxValue: row.identity_max,
    cache: row.identity_cache,
    cycle: row.identity_cycle ?? false,
  };
}

export function columnFromRow(row: ColumnRow): Column {
  const isGenerated = row.generated !== '';
  return {
    name: row.name,
    type: row.type,
    notNull: row.not_null,
    default: isGenerated ? null : row.expression,
    identity: identityFromRow(row),
    generated: isGenerated ? row.expression : null,
    collation:
      row.collation_schema !== null && row.collation_name !== null
        ? collationName(row.collation_schema, row.collation_name)
        : null,
    comment: row.comment,
    ...(row.storage ? { storage: STORAGE[row.storage] } : {}),
    ...(row.compression && COMPRESSION[row.compression] ? { compression: COMPRESSION[row.compression] } : {}),
  };
}

const STORAGE: Record<string, ColumnStorage> = { p: 'plain', e: 'external', x: 'extended', m: 'main' };
const COMPRESSION: Record<string, string> = { p: 'pglz', l: 'lz4' };

/** Columns of every managed table, in attnum order, by table oid. */
export async function introspectColumns(conn: Connection, scope: Scope): Promise<Map<string, Column[]>> {
  const rows = await conn.queryReused<ColumnRow>(COLUMNS_SQL, scopeParams(scope));
  return groupBy(rows, (r) => r.table_oid, columnFromRow);
}
