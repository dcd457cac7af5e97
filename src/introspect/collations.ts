import type { Connection } from '../db/connection.ts';
import { canonicalIcuLocale, type Collation, type CollationProvider } from '../model/collation.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

interface CollationRow {
  readonly schema: string;
  readonly name: string;
  readonly provider: string;
  readonly locale: string | null;
  readonly lc_collate: string | null;
  readonly lc_ctype: string | null;
  readonly deterministic: boolean;
  readonly comment: string | null;
}

/**
 * User collations. The ICU locale is in `collcollate` on PostgreSQL 14, `colliculocale` on 15 and
 * 16 and `colllocale` from 17: read through the row's JSON so one query serves them all.
 */
export const COLLATIONS_SQL = `
SELECT n.nspname AS schema, c.collname AS name, c.collprovider::text AS provider,
  COALESCE(pg_catalog.to_jsonb(c) ->> 'colllocale', pg_catalog.to_jsonb(c) ->> 'colliculocale',
    CASE WHEN c.collprovider <> 'c' THEN c.collcollate END) AS locale,
  c.collcollate AS lc_collate, c.collctype AS lc_ctype,
  c.collisdeterministic AS deterministic,
  ${commentOf('pg_collation', 'c.oid')} AS comment
FROM pg_catalog.pg_collation c
JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
WHERE ${inScope('n')} AND ${notExtensionMember('pg_collation', 'c.oid')}
ORDER BY n.nspname, c.collname`;

const PROVIDERS: Record<string, CollationProvider> = { c: 'libc', i: 'icu', b: 'builtin' };

export function collationFromRow(row: CollationRow): Collation {
  const provider = PROVIDERS[row.provider] ?? 'libc';
  return {
    schema: row.schema,
    name: row.name,
    provider,
    locale: provider === 'libc' || row.locale === null ? null : provider === 'icu' ? canonicalIcuLocale(row.locale) : row.locale,
    lcCollate: provider === 'libc' ? row.lc_collate : null,
    lcCtype: provider === 'libc' ? row.lc_ctype : null,
    deterministic: row.deterministic,
    comment: row.comment,
  };
}

export async function introspectCollations(conn: Connection, scope: Scope): Promise<Collation[]> {
  return (await conn.queryReused<CollationRow>(COLLATIONS_SQL, scopeParams(scope))).map(collationFromRow);
}
