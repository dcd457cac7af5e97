import type { Connection } from '../db/connection.ts';
import type { DefaultPrivilege, DefaultPrivilegeObjectKind } from '../model/grant.ts';
import { inScope, scopeParams, type Scope } from './scope.ts';

export interface DefaultPrivilegeRow {
  readonly role: string;
  readonly schema: string | null;
  /** defaclobjtype: r, S, f, T or n. */
  readonly object_type: string;
  readonly grantee: string;
  readonly privilege: string;
  readonly with_grant_option: boolean;
}

/**
 * `pg_default_acl` exploded: one row per (role, schema, kind, grantee, privilege). Rows granting
 * the role its own privileges (kept in database-wide entries) are left out, as they are for
 * grants. Entries IN SCHEMA count only for managed schemas; database-wide ones always.
 */
export const DEFAULT_PRIVILEGES_SQL = `
SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS role, n.nspname AS schema,
  d.defaclobjtype::text AS object_type,
  CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
  pg_catalog.upper(x.privilege_type) AS privilege,
  pg_catalog.bool_or(x.is_grantable) AS with_grant_option
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) AS x
WHERE x.grantee <> d.defaclrole
  AND (d.defaclnamespace = 0 OR ${inScope('n')})
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5`;

const OBJECT_KINDS: Readonly<Record<string, DefaultPrivilegeObjectKind>> = {
  r: 'tables',
  S: 'sequences',
  f: 'functions',
  T: 'types',
  n: 'schemas',
};

export function defaultPrivilegeFromRow(row: DefaultPrivilegeRow): DefaultPrivilege {
  const objectKind = OBJECT_KINDS[row.object_type];
  if (!objectKind) throw new Error(`unknown default privilege object type '${row.object_type}'`);
  return {
    role: row.role,
    schema: row.schema,
    objectKind,
    grantee: row.grantee,
    privilege: row.privilege,
    withGrantOption: row.with_grant_option,
  };
}

export async function introspectDefaultPrivileges(conn: Connection, scope: Scope): Promise<DefaultPrivilege[]> {
  const rows = await conn.query<DefaultPrivilegeRow>(DEFAULT_PRIVILEGES_SQL, scopeParams(scope));
  return rows.map(defaultPrivilegeFromRow);
}
