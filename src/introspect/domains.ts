import type { Connection } from '../db/connection.ts';
import type { Domain, DomainCheck } from '../model/domain.ts';
import { collationName } from './collation.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface DomainRow {
  readonly schema: string;
  readonly name: string;
  readonly type: string;
  readonly not_null: boolean;
  readonly default: string | null;
  readonly collation_schema: string | null;
  readonly collation_name: string | null;
  /** CHECK constraints as a json array of `{ name, expression, valid }`, or null. */
  readonly checks: readonly DomainCheck[] | null;
  readonly comment: string | null;
  readonly owner: string;
}

/**
 * Domains with their CHECK constraints in one query. NOT NULL is `typnotnull` (newer servers also
 * store it as a constraint of type 'n', which is left out here). The collation is reported only
 * when it differs from the base type's.
 */
export const DOMAINS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
  pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type,
  t.typnotnull AS not_null,
  pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default,
  CASE WHEN t.typcollation <> bt.typcollation THEN coll_n.nspname END AS collation_schema,
  CASE WHEN t.typcollation <> bt.typcollation THEN coll.collname END AS collation_name,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
       'name', con.conname, 'expression', pg_catalog.pg_get_expr(con.conbin, 0, true), 'valid', con.convalidated)
     ORDER BY con.conname)
     FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c') AS checks,
  ${commentOf('pg_type', 't.oid')} AS comment,
  pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
WHERE t.typtype = 'd' AND ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

export function domainFromRow(row: DomainRow): Domain {
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    notNull: row.not_null,
    default: row.default,
    collation:
      row.collation_schema !== null && row.collation_name !== null ? collationName(row.collation_schema, row.collation_name) : null,
    checks: (row.checks ?? []).map((c) => ({ name: c.name, expression: c.expression, valid: c.valid })),
    comment: row.comment,
    owner: row.owner,
  };
}

export async function introspectDomains(conn: Connection, scope: Scope): Promise<Domain[]> {
  const rows = await conn.queryReused<DomainRow>(DOMAINS_SQL, scopeParams(scope));
  return rows.map(domainFromRow);
}
