import type { Connection } from '../db/connection.ts';
import type { EnumType } from '../model/enum.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface EnumRow {
  readonly schema: string;
  readonly name: string;
  /** Labels in enumsortorder, as a json array. */
  readonly labels: readonly string[] | null;
  readonly comment: string | null;
  readonly owner: string;
}

export const ENUMS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
  (SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder)
     FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels,
  ${commentOf('pg_type', 't.oid')} AS comment,
  pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

export function enumFromRow(row: EnumRow): EnumType {
  // An enum with no labels yet aggregates to null.
  return { schema: row.schema, name: row.name, labels: row.labels ?? [], comment: row.comment, owner: row.owner };
}

export async function introspectEnums(conn: Connection, scope: Scope): Promise<EnumType[]> {
  const rows = await conn.queryReused<EnumRow>(ENUMS_SQL, scopeParams(scope));
  return rows.map(enumFromRow);
}
