import type { Connection } from '../db/connection.ts';
import type { Schema } from '../model/schema.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface SchemaRow {
  readonly name: string;
  readonly comment: string | null;
  readonly owner: string;
}

export const SCHEMAS_SQL = `
SELECT n.nspname AS name, ${commentOf('pg_namespace', 'n.oid')} AS comment,
  pg_catalog.pg_get_userbyid(n.nspowner) AS owner
FROM pg_catalog.pg_namespace n
WHERE ${inScope('n')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
ORDER BY n.nspname`;

export function schemaFromRow(row: SchemaRow): Schema {
  return { name: row.name, comment: row.comment, owner: row.owner };
}

export async function introspectSchemas(conn: Connection, scope: Scope): Promise<Schema[]> {
  const rows = await conn.queryReused<SchemaRow>(SCHEMAS_SQL, scopeParams(scope));
  return rows.map(schemaFromRow);
}
