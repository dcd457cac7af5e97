import type { Connection } from '../db/connection.ts';
import type { Index } from '../model/index.ts';
import { keys } from '../model/keys.ts';
import type { MaterializedView, ViewColumn } from '../model/view.ts';
import { dependsOnOf, optionalDependsOn, type Dependencies } from './dependencies.ts';
import { introspectIndexes } from './indexes.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';
import { RELATION_COLUMNS, viewDefinition } from './views.ts';
import { storageParameters } from './tables.ts';

export interface MaterializedViewRow {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ViewColumn[] | null;
  readonly definition: string;
  readonly comment: string | null;
  readonly owner: string;
  readonly reloptions?: readonly string[] | null;
  readonly toast_reloptions?: readonly string[] | null;
}

export const MATERIALIZED_VIEWS_SQL = `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
  ${RELATION_COLUMNS} AS columns,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,
  ${commentOf('pg_class', 'c.oid')} AS comment,
  pg_catalog.pg_get_userbyid(c.relowner) AS owner,
  pg_catalog.to_json(c.reloptions) AS reloptions,
  pg_catalog.to_json(toast.reloptions) AS toast_reloptions
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid
WHERE c.relkind = 'm' AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

export function materializedViewFromRow(
  row: MaterializedViewRow,
  indexes: readonly Index[],
  deps: Dependencies = new Map(),
): MaterializedView {
  return {
    schema: row.schema,
    name: row.name,
    columns: row.columns ?? [],
    definition: viewDefinition(row.definition),
    indexes: indexes.map((i) => ({ ...i, ...optionalDependsOn(deps, keys.index(row.schema, row.name, i.name)) })),
    comment: row.comment,
    owner: row.owner,
    ...storageParameters(row),
    dependsOn: dependsOnOf(deps, keys.materializedView(row.schema, row.name)),
  };
}

export async function introspectMaterializedViews(
  conn: Connection,
  scope: Scope,
  deps: Dependencies = new Map(),
): Promise<MaterializedView[]> {
  const rows = await conn.queryReused<MaterializedViewRow>(MATERIALIZED_VIEWS_SQL, scopeParams(scope));
  const indexes = await introspectIndexes(conn, scope, 'materialized_view');
  return rows.map((r) => materializedViewFromRow(r, indexes.get(r.oid) ?? [], deps));
}
