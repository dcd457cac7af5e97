import type { Connection } from '../db/connection.ts';
import { type Role, SCRATCH_ROLE_PREFIX } from '../model/role.ts';

export interface RoleRow {
  readonly name: string;
  readonly login: boolean;
  readonly superuser: boolean;
  readonly createdb: boolean;
  readonly createrole: boolean;
  readonly inherit: boolean;
  readonly replication: boolean;
  readonly bypass_rls: boolean;
  readonly connection_limit: number;
  readonly member_of: readonly string[] | null;
  readonly comment: string | null;
}

/**
 * Every role of the cluster except the predefined `pg_*` ones and pgform's own scratch roles (another
 * pgform's normalization may hold one on this server for a moment). Reads `pg_roles`, whose password
 * column is masked; it is not selected anyway.
 */
export const ROLES_SQL = `
SELECT r.rolname AS name, r.rolcanlogin AS login, r.rolsuper AS superuser, r.rolcreatedb AS createdb,
  r.rolcreaterole AS createrole, r.rolinherit AS inherit, r.rolreplication AS replication,
  r.rolbypassrls AS bypass_rls, r.rolconnlimit AS connection_limit,
  (SELECT pg_catalog.json_agg(DISTINCT g.rolname ORDER BY g.rolname)
     FROM pg_catalog.pg_auth_members m
     JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
     WHERE m.member = r.oid) AS member_of,
  (SELECT d.description FROM pg_catalog.pg_shdescription d
     WHERE d.classoid = 'pg_catalog.pg_authid'::pg_catalog.regclass AND d.objoid = r.oid) AS comment
FROM pg_catalog.pg_roles r
WHERE r.rolname NOT LIKE 'pg\\_%' AND NOT pg_catalog.starts_with(r.rolname, '${SCRATCH_ROLE_PREFIX}')
ORDER BY r.rolname`;

export function roleFromRow(row: RoleRow): Role {
  return {
    name: row.name,
    login: row.login,
    superuser: row.superuser,
    createdb: row.createdb,
    createrole: row.createrole,
    inherit: row.inherit,
    replication: row.replication,
    bypassRls: row.bypass_rls,
    connectionLimit: Number(row.connection_limit),
    memberOf: row.member_of ?? [],
    comment: row.comment,
  };
}

export async function introspectRoles(conn: Connection): Promise<Role[]> {
  const rows = await conn.queryReused<RoleRow>(ROLES_SQL);
  return rows.map(roleFromRow);
}
