import type { Connection } from '../db/connection.ts';
import type { Grant, GrantObjectKind } from '../model/grant.ts';
import { inScope, isManagedTable, notExtensionMember, notInternalPart, scopeParams, type Scope } from './scope.ts';

export interface GrantRow {
  readonly object_kind: string;
  readonly schema: string;
  readonly name: string | null;
  readonly arguments: string | null;
  readonly column_name: string | null;
  readonly grantee: string;
  readonly privilege: string;
  readonly with_grant_option: boolean;
}

/**
 * Managed relations a GRANT ... ON TABLE applies to: tables, views, materialized views. A
 * continuous aggregate's view is one of the views (its grants are the aggregate's); the copies
 * TimescaleDB makes on its internal relations are in its own schemas, out of scope.
 */
function isGrantableRelation(rel: string, nsp: string): string {
  return `(${isManagedTable(rel, nsp)} OR (${rel}.relkind IN ('v', 'm')
    AND ${inScope(nsp)} AND ${notExtensionMember('pg_class', `${rel}.oid`)}))`;
}

/**
 * The effective privileges of every managed schema, relation, sequence, routine, type and column:
 * `aclexplode` of the object's ACL, or of its kind's default when the ACL was never changed
 * (`acldefault`), minus the owner's own. Column ACLs have no defaults, so only set ones count.
 * The same privilege granted by several grantors is one row (grantable when any grant is).
 * Identity sequences belong to their column, as in the sequence list, and are left out.
 */
export const GRANTS_SQL = `
WITH objects AS (
  SELECT 'schema' AS object_kind, n.nspname AS schema, NULL::text AS name, NULL::text AS arguments,
    NULL::text AS column_name, n.nspowner AS owner,
    COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) AS acl
  FROM pg_catalog.pg_namespace n
  WHERE ${inScope('n')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
  UNION ALL
  SELECT 'table', n.nspname, c.relname::text, NULL, NULL, c.relowner,
    COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE ${isGrantableRelation('c', 'n')}
  UNION ALL
  SELECT 'sequence', n.nspname, c.relname::text, NULL, NULL, c.relowner,
    COALESCE(c.relacl, pg_catalog.acldefault('s', c.relowner))
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'S' AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'i')
  UNION ALL
  SELECT 'function', n.nspname, p.proname::text, pg_catalog.pg_get_function_identity_arguments(p.oid), NULL,
    p.proowner, COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'a') AND ${inScope('n')} AND ${notExtensionMember('pg_proc', 'p.oid')}
  AND ${notInternalPart('pg_proc', 'p.oid')}
  UNION ALL
  -- enums, domains and composite types; an array type follows its element type's privileges
  SELECT 'type', n.nspname, t.typname::text, NULL, NULL, t.typowner,
    COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
  WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND tc.relkind = 'c'))
    AND ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}
  UNION ALL
  SELECT 'column', n.nspname, c.relname::text, NULL, a.attname::text, c.relowner, a.attacl
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND ${isGrantableRelation('c', 'n')}
)
SELECT o.object_kind, o.schema, o.name, o.arguments, o.column_name,
  CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
  pg_catalog.upper(x.privilege_type) AS privilege,
  pg_catalog.bool_or(x.is_grantable) AS with_grant_option
FROM objects o
CROSS JOIN LATERAL pg_catalog.aclexplode(o.acl) AS x
WHERE x.grantee <> o.owner
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1, 2, 3, 4, 5, 6, 7`;

const KINDS: ReadonlySet<string> = new Set<GrantObjectKind>(['schema', 'table', 'sequence', 'function', 'type', 'column']);

export function grantFromRow(row: GrantRow): Grant {
  if (!KINDS.has(row.object_kind)) throw new Error(`unexpected grant object kind '${row.object_kind}'`);
  return {
    objectKind: row.object_kind as GrantObjectKind,
    schema: row.schema,
    name: row.name,
    arguments: row.arguments,
    column: row.column_name,
    grantee: row.grantee,
    privilege: row.privilege,
    withGrantOption: row.with_grant_option,
  };
}

export async function introspectGrants(conn: Connection, scope: Scope): Promise<Grant[]> {
  const rows = await conn.queryReused<GrantRow>(GRANTS_SQL, scopeParams(scope));
  return rows.map(grantFromRow);
}
