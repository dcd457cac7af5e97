import type { Connection } from '../db/connection.ts';
import { keys } from '../model/keys.ts';
import type { Policy, PolicyCommand } from '../model/policy.ts';
import { dependsOnOf, type Dependencies } from './dependencies.ts';
import { commentOf, isManagedTable, scopeParams, type Scope } from './scope.ts';

export interface PolicyRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly permissive: boolean;
  /** polcmd: *, r, a, w or d. */
  readonly command: string;
  readonly roles: readonly string[] | null;
  readonly using: string | null;
  readonly with_check: string | null;
  readonly comment: string | null;
}

/** Policies of managed tables; role oid 0 stands for PUBLIC. */
export const POLICIES_SQL = `
SELECT n.nspname AS schema, c.relname AS "table", p.polname AS name, p.polpermissive AS permissive,
  p.polcmd::text AS command,
  (SELECT pg_catalog.json_agg(CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r.oid) END)
     FROM pg_catalog.unnest(p.polroles) AS r(oid)) AS roles,
  pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using,
  pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
  ${commentOf('pg_policy', 'p.oid')} AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${isManagedTable('c', 'n')}
ORDER BY n.nspname, c.relname, p.polname`;

const COMMANDS: Readonly<Record<string, PolicyCommand>> = {
  '*': 'all',
  r: 'select',
  a: 'insert',
  w: 'update',
  d: 'delete',
};

export function policyCommand(letter: string): PolicyCommand {
  const c = COMMANDS[letter];
  if (!c) throw new Error(`unknown policy command code '${letter}'`);
  return c;
}

export function policyFromRow(row: PolicyRow, deps: Dependencies = new Map()): Policy {
  return {
    schema: row.schema,
    table: row.table,
    name: row.name,
    permissive: row.permissive,
    command: policyCommand(row.command),
    roles: [...(row.roles ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    using: row.using,
    withCheck: row.with_check,
    comment: row.comment,
    dependsOn: dependsOnOf(deps, keys.policy(row.schema, row.table, row.name)),
  };
}

export async function introspectPolicies(
  conn: Connection,
  scope: Scope,
  deps: Dependencies = new Map(),
): Promise<Policy[]> {
  const rows = await conn.queryReused<PolicyRow>(POLICIES_SQL, scopeParams(scope));
  return rows.map((r) => policyFromRow(r, deps));
}
