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
  /** A built-in default the database-wide entry withdraws. */
  readonly revoked: boolean;
}

/**
 * `pg_default_acl` exploded: one row per (role, schema, kind, grantee, privilege). Rows granting
 * the role its own privileges (kept in database-wide entries) are left out, as they are for
 * grants. Entries IN SCHEMA count only for managed schemas; database-wide ones always.
 *
 * A database-wide entry replaces the built-in defaults (`acldefault`, whose sequence kind is
 * spelled 's' where pg_default_acl says 'S'), so its rows are read relative to them: built-ins it
 * keeps are left out, built-ins it lacks come back as `revoked` rows.
 */
export const DEFAULT_PRIVILEGES_SQL = `
WITH entry AS (
  SELECT d.defaclrole, d.defaclnamespace, d.defaclobjtype, d.defaclacl,
    pg_catalog.acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's'::"char" ELSE d.defaclobjtype END, d.defaclrole) AS builtin
  FROM pg_catalog.pg_default_acl d
)
SELECT pg_catalog.pg_get_userbyid(e.defaclrole) AS role, n.nspname AS schema,
  e.defaclobjtype::text AS object_type,
  CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
  pg_catalog.upper(x.privilege_type) AS privilege,
  pg_catalog.bool_or(x.is_grantable) AS with_grant_option,
  false AS revoked
FROM entry e
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.defaclnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(e.defaclacl) AS x
WHERE x.grantee <> e.defaclrole
  AND (e.defaclnamespace = 0 OR ${inScope('n')})
  AND NOT (e.defaclnamespace = 0 AND NOT x.is_grantable AND EXISTS (
    SELECT 1 FROM pg_catalog.aclexplode(e.builtin) AS b
    WHERE b.grantee = x.grantee AND b.privilege_type = x.privilege_type))
GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT pg_catalog.pg_get_userbyid(e.defaclrole), NULL, e.defaclobjtype::text,
  CASE WHEN b.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(b.grantee) END,
  pg_catalog.upper(b.privilege_type), false, true
FROM entry e
CROSS JOIN LATERAL pg_catalog.aclexplode(e.builtin) AS b
WHERE e.defaclnamespace = 0 AND b.grantee <> e.defaclrole
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.aclexplode(e.defaclacl) AS x
    WHERE x.grantee = b.grantee AND x.privilege_type = b.privilege_type)
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
    ...(row.revoked ? { revoked: true } : {}),
  };
}

export async function introspectDefaultPrivileges(conn: Connection, scope: Scope): Promise<DefaultPrivilege[]> {
  const rows = await conn.queryReused<DefaultPrivilegeRow>(DEFAULT_PRIVILEGES_SQL, scopeParams(scope));
  return rows.map(defaultPrivilegeFromRow);
}
