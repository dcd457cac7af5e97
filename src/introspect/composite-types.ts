import type { Connection } from '../db/connection.ts';
import type { CompositeAttribute, CompositeType } from '../model/composite-type.ts';
import { collationName } from './collation.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

interface AttributeRow {
  readonly name: string;
  readonly type: string;
  readonly collation_schema: string | null;
  readonly collation_name: string | null;
}

export interface CompositeTypeRow {
  readonly schema: string;
  readonly name: string;
  /** Attributes in attnum order, as a json array. */
  readonly attributes: readonly AttributeRow[] | null;
  readonly comment: string | null;
  readonly owner: string;
}

/**
 * Standalone composite types: typtype 'c' whose relation is a pg_class of relkind 'c' (a table's,
 * view's... row type has another relkind and belongs to its relation). Dropped attributes are
 * left out; a collation only when it differs from the attribute type's.
 */
export const COMPOSITE_TYPES_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
       'name', a.attname,
       'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
       'collation_schema', CASE WHEN a.attcollation <> at.typcollation THEN coll_n.nspname END,
       'collation_name', CASE WHEN a.attcollation <> at.typcollation THEN coll.collname END)
     ORDER BY a.attnum)
     FROM pg_catalog.pg_attribute a
     JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
     LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
     LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
  ${commentOf('pg_type', 't.oid')} AS comment,
  pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
WHERE t.typtype = 'c' AND ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

function attributeFromRow(a: AttributeRow): CompositeAttribute {
  return {
    name: a.name,
    type: a.type,
    collation: a.collation_schema !== null && a.collation_name !== null ? collationName(a.collation_schema, a.collation_name) : null,
  };
}

export function compositeTypeFromRow(row: CompositeTypeRow): CompositeType {
  return { schema: row.schema, name: row.name, attributes: (row.attributes ?? []).map(attributeFromRow), comment: row.comment, owner: row.owner };
}

export async function introspectCompositeTypes(conn: Connection, scope: Scope): Promise<CompositeType[]> {
  const rows = await conn.queryReused<CompositeTypeRow>(COMPOSITE_TYPES_SQL, scopeParams(scope));
  return rows.map(compositeTypeFromRow);
}
