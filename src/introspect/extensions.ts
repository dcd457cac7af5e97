import type { Connection } from '../db/connection.ts';
import type { Extension } from '../model/extension.ts';
import { commentOf } from './scope.ts';

export interface ExtensionRow {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
  readonly comment: string | null;
}

/** Extensions are database-wide: all installed ones count, except the always-present plpgsql. */
export const EXTENSIONS_SQL = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version,
  ${commentOf('pg_extension', 'e.oid')} AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname`;

export function extensionFromRow(row: ExtensionRow): Extension {
  return { name: row.name, schema: row.schema, version: row.version, comment: row.comment };
}

export async function introspectExtensions(conn: Connection): Promise<Extension[]> {
  const rows = await conn.queryReused<ExtensionRow>(EXTENSIONS_SQL);
  return rows.map(extensionFromRow);
}
