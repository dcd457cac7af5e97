import { notContinuousAggregateView } from './timescale.ts';
import type { Connection } from '../db/connection.ts';
import { keys } from '../model/keys.ts';
import type { CheckOption, View, ViewColumn } from '../model/view.ts';
import { dependsOnOf, type Dependencies } from './dependencies.ts';
import { parseReloptions } from './indexes.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface ViewRow {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ViewColumn[] | null;
  readonly definition: string;
  readonly reloptions: readonly string[] | null;
  readonly comment: string | null;
  readonly owner: string;
}

/** Output columns of a relation (alias `c`), in order, as a json array of `{ name, type, comment }`. */
export const RELATION_COLUMNS = `(SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'comment', pg_catalog.col_description(c.oid, a.attnum)) ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)`;

/**
 * The definition is `pg_get_viewdef` in its default (not "pretty") form: fully parenthesized, the
 * form PostgreSQL documents as the one to re-create a view from.
 */
export const VIEWS_SQL = `
SELECT n.nspname AS schema, c.relname AS name,
  ${RELATION_COLUMNS} AS columns,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,
  pg_catalog.to_json(c.reloptions) AS reloptions,
  ${commentOf('pg_class', 'c.oid')} AS comment,
  pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v' AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')} AND ${notContinuousAggregateView('c')}
ORDER BY n.nspname, c.relname`;

/** `pg_get_viewdef` text without its trailing semicolon and surrounding white space. */
export function viewDefinition(text: string): string {
  return text.trim().replace(/;$/, '').trim();
}

/** A boolean reloption as PostgreSQL's `parse_bool` reads it (true, on, yes, 1 and prefixes). */
export function reloptionBoolean(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === '') return true;
  if (v === 'on' || v === '1') return true;
  if (v === 'of' || v === 'off' || v === '0') return false;
  return (v.length > 0 && 'true'.startsWith(v)) || 'yes'.startsWith(v);
}

export function checkOptionOf(value: string | undefined): CheckOption | null {
  if (value === undefined) return null;
  const v = value.toLowerCase();
  if (v === 'local' || v === 'cascaded') return v;
  throw new Error(`unexpected check_option '${value}'`);
}

export function viewFromRow(row: ViewRow, deps: Dependencies = new Map()): View {
  const options = parseReloptions(row.reloptions);
  return {
    schema: row.schema,
    name: row.name,
    columns: row.columns ?? [],
    definition: viewDefinition(row.definition),
    securityBarrier: reloptionBoolean(options.security_barrier),
    securityInvoker: reloptionBoolean(options.security_invoker),
    checkOption: checkOptionOf(options.check_option),
    comment: row.comment,
    owner: row.owner,
    dependsOn: dependsOnOf(deps, keys.view(row.schema, row.name)),
  };
}

export async function introspectViews(conn: Connection, scope: Scope, deps: Dependencies = new Map()): Promise<View[]> {
  const rows = await conn.queryReused<ViewRow>(VIEWS_SQL, scopeParams(scope));
  return rows.map((r) => viewFromRow(r, deps));
}
