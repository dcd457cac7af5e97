import type { Connection } from '../db/connection.ts';
import { inScope, notExtensionMember, scopeParams } from './scope.ts';

/**
 * Kinds of objects pgform reads nowhere else: objects of these kinds are neither written by
 * `pull` nor created, changed or dropped by a plan. Listing them tells a user adopting a
 * database what the YAML leaves out.
 */
export const UNMODELLED_KINDS = [
  'aggregate',
  'base type',
  'cast',
  'collation',
  'composite type',
  'conversion',
  'domain',
  'event trigger',
  'extended statistics',
  'foreign data wrapper',
  'foreign server',
  'foreign table',
  'operator',
  'operator class',
  'operator family',
  'publication',
  'range type',
  'rule',
  'shell type',
  'text search configuration',
  'text search dictionary',
  'text search parser',
  'text search template',
  'window function',
] as const;

export type UnmodelledKind = (typeof UNMODELLED_KINDS)[number];

/**
 * Kinds the query below still reads but the model now covers: they are left out of the list.
 * Extend this when a kind joins the model.
 */
export const MODELLED: ReadonlySet<UnmodelledKind> = new Set<UnmodelledKind>(['domain', 'composite type', 'collation', 'aggregate']);

export interface UnmodelledObject {
  readonly kind: UnmodelledKind;
  /** The object's schema; null for database-wide objects (event triggers, publications, ...) and casts. */
  readonly schema: string | null;
  /** Bare name; for a cast its identity `(source AS target)`, for a rule `rule on schema.table`. */
  readonly name: string;
  /** PostgreSQL's identity of the object, qualified and quoted as needed, with arguments where they tell overloads apart. */
  readonly identity: string;
}

/** One branch of the union: catalog rows of one kind, with the catalog and oid to identify them by. */
function branch(kind: UnmodelledKind, catalog: string, oid: string, schema: string, name: string, from: string, where: string): string {
  return `SELECT '${kind}'::text AS kind, ${schema} AS schema, ${name} AS name,
    'pg_catalog.${catalog}'::pg_catalog.regclass AS classid, ${oid} AS objid
  FROM ${from}
  WHERE ${where} AND ${notExtensionMember(catalog, oid)} AND ${notImplicit(catalog, oid)}`;
}

/**
 * Not created implicitly along with another object (array and multirange types, a range type's
 * cast to its multirange): those come and go with it.
 */
function notImplicit(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend int_dep
    WHERE int_dep.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass
      AND int_dep.objid = ${oid} AND int_dep.deptype = 'i')`;
}

/** Types of the managed schemas. */
function typeBranch(kind: UnmodelledKind, where: string): string {
  return branch(
    kind,
    'pg_type',
    't.oid',
    'n.nspname::text',
    't.typname::text',
    `pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid`,
    `${where} AND ${inScope('n')}`,
  );
}

/** Objects of a catalog with a name column and a namespace column, in the managed schemas. */
function namespacedBranch(kind: UnmodelledKind, catalog: string, nameColumn: string, namespaceColumn: string, where = 'true'): string {
  return branch(
    kind,
    catalog,
    'o.oid',
    'n.nspname::text',
    `o.${nameColumn}::text`,
    `pg_catalog.${catalog} o JOIN pg_catalog.pg_namespace n ON n.oid = o.${namespaceColumn}`,
    `${where} AND ${inScope('n')}`,
  );
}

/** Database-wide objects, reported whatever the managed schemas. */
function globalBranch(kind: UnmodelledKind, catalog: string, nameColumn: string): string {
  return branch(kind, catalog, 'o.oid', 'NULL::text', `o.${nameColumn}::text`, `pg_catalog.${catalog} o`, 'true');
}

/** A type given by oid lives in a managed schema. */
function typeInScope(typeOid: string, alias: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_type ${alias}_t JOIN pg_catalog.pg_namespace ${alias} ON ${alias}.oid = ${alias}_t.typnamespace
    WHERE ${alias}_t.oid = ${typeOid} AND ${inScope(alias)})`;
}

/**
 * Every object pgform does not model, in the managed schemas (`$1`, null = every user schema,
 * filtered like the rest of introspection: no system, temporary, TimescaleDB or pgform schemas)
 * plus the database-wide ones; members of extensions are left out (the extension owns them).
 * Implicit objects go with what created them: array and multirange types with their type, an
 * operator family with the operator class of the same name that created it, a view's own rule
 * with the view.
 */
export const UNMODELLED_SQL = `
SELECT u.kind, u.schema, COALESCE(u.name, i.identity) AS name, i.identity
FROM (
  ${typeBranch('range type', `t.typtype = 'r'`)}
  UNION ALL ${typeBranch('base type', `t.typtype = 'b'`)}
  UNION ALL ${typeBranch('shell type', `t.typtype = 'p' AND NOT t.typisdefined`)}
  UNION ALL ${typeBranch('domain', `t.typtype = 'd'`)}
  UNION ALL ${typeBranch('composite type', `t.typtype = 'c' AND c.relkind = 'c'`)}
  UNION ALL ${namespacedBranch('aggregate', 'pg_proc', 'proname', 'pronamespace', `o.prokind = 'a'`)}
  UNION ALL ${namespacedBranch('window function', 'pg_proc', 'proname', 'pronamespace', `o.prokind = 'w'`)}
  UNION ALL ${namespacedBranch('operator', 'pg_operator', 'oprname', 'oprnamespace')}
  UNION ALL ${namespacedBranch('operator class', 'pg_opclass', 'opcname', 'opcnamespace')}
  UNION ALL ${namespacedBranch(
    'operator family',
    'pg_opfamily',
    'opfname',
    'opfnamespace',
    `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc
      WHERE oc.opcfamily = o.oid AND oc.opcname = o.opfname AND oc.opcnamespace = o.opfnamespace)`,
  )}
  UNION ALL ${namespacedBranch('collation', 'pg_collation', 'collname', 'collnamespace')}
  UNION ALL ${namespacedBranch('text search configuration', 'pg_ts_config', 'cfgname', 'cfgnamespace')}
  UNION ALL ${namespacedBranch('text search dictionary', 'pg_ts_dict', 'dictname', 'dictnamespace')}
  UNION ALL ${namespacedBranch('text search parser', 'pg_ts_parser', 'prsname', 'prsnamespace')}
  UNION ALL ${namespacedBranch('text search template', 'pg_ts_template', 'tmplname', 'tmplnamespace')}
  UNION ALL ${namespacedBranch('conversion', 'pg_conversion', 'conname', 'connamespace')}
  UNION ALL ${namespacedBranch('extended statistics', 'pg_statistic_ext', 'stxname', 'stxnamespace')}
  UNION ALL ${namespacedBranch('foreign table', 'pg_class', 'relname', 'relnamespace', `o.relkind = 'f'`)}
  UNION ALL ${branch(
    'rule',
    'pg_rewrite',
    'r.oid',
    'n.nspname::text',
    `r.rulename::text || ' on ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)`,
    `pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`,
    `r.rulename <> '_RETURN' AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
  )}
  UNION ALL ${branch(
    'cast',
    'pg_cast',
    'k.oid',
    'NULL::text',
    'NULL::text',
    'pg_catalog.pg_cast k',
    `(${typeInScope('k.castsource', 'src')} OR ${typeInScope('k.casttarget', 'dst')}
      OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc f JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
        WHERE f.oid = k.castfunc AND ${inScope('fn')}))`,
  )}
  UNION ALL ${globalBranch('event trigger', 'pg_event_trigger', 'evtname')}
  UNION ALL ${globalBranch('publication', 'pg_publication', 'pubname')}
  UNION ALL ${globalBranch('foreign server', 'pg_foreign_server', 'srvname')}
  UNION ALL ${globalBranch('foreign data wrapper', 'pg_foreign_data_wrapper', 'fdwname')}
) u
CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, 0) i`;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The unmodelled objects of the managed schemas (null: every user schema) and of the database,
 * sorted by kind and identity (in code-point order, whatever the database's collation).
 */
export async function listUnmodelled(conn: Connection, schemas: readonly string[] | null): Promise<UnmodelledObject[]> {
  // Every catalog column read exists from PostgreSQL 12 on, so the server version does not matter.
  const rows = await conn.queryReused<UnmodelledObject>(UNMODELLED_SQL, scopeParams({ schemas, serverVersion: 0 }));
  return rows
    .filter((r) => !MODELLED.has(r.kind))
    .sort((a, b) => byCodePoint(a.kind, b.kind) || byCodePoint(a.identity, b.identity));
}

/** Database-wide: not in any schema (casts have no schema either, but belong to their types'). */
const isDatabaseWide = (o: UnmodelledObject): boolean => o.schema === null && o.kind !== 'cast';

/** Them grouped by kind, e.g. `aggregate public.my_sum(integer); range type public.floatrange`. */
export function describeUnmodelled(objects: readonly UnmodelledObject[]): string {
  const byKind = new Map<string, string[]>();
  for (const o of objects) {
    const list = byKind.get(o.kind);
    if (list) list.push(o.identity);
    else byKind.set(o.kind, [o.identity]);
  }
  return [...byKind].map(([kind, identities]) => `${kind} ${identities.join(', ')}`).join('; ');
}

/**
 * The note `pull` and `drift` print on stderr, e.g. `note: 2 object(s) in the pulled schemas are
 * not modelled by pgform and were not written (...)`; null when there are none.
 */
export function unmodelledNote(objects: readonly UnmodelledObject[], where: string, consequence: string): string | null {
  if (objects.length === 0) return null;
  const place = objects.some(isDatabaseWide) ? `${where} or database-wide` : where;
  return `note: ${objects.length} object(s) in ${place} are not modelled by pgform and ${consequence} (pgform leaves them as they are): ${describeUnmodelled(objects)}`;
}
