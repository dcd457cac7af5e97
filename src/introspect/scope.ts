import { notTimescaleSchema } from './timescale.ts';
/**
 * Which namespaces introspection looks at. Every kind's query takes the managed schema list as
 * parameter `$1` (a text[], or null for "all user schemas") and filters namespaces with `inScope`.
 */
export interface Scope {
  /** Managed schemas; null means every user schema. */
  readonly schemas: readonly string[] | null;
  /** server_version_num, for catalog columns that exist only in newer versions. */
  readonly serverVersion: number;
}

/** Query parameters shared by every introspection query. */
export function scopeParams(scope: Scope): unknown[] {
  return [scope.schemas === null ? null : [...scope.schemas]];
}

/**
 * SQL predicate on a pg_namespace alias: a user schema (not system, temporary, toast or pgform's
 * own) that is in the managed list.
 */
export function inScope(nsp: string): string {
  return `(${nsp}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'pgform')
    AND ${nsp}.nspname NOT LIKE 'pg\\_temp\\_%'
    AND ${nsp}.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
    AND ${notTimescaleSchema(`${nsp}.nspname`)}
    AND ($1::text[] IS NULL OR ${nsp}.nspname = ANY ($1::text[])))`;
}

/** SQL predicate: the object (catalog `classTable`, oid expression) is not a member of an extension. */
export function notExtensionMember(classTable: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep
    WHERE ext_dep.classid = 'pg_catalog.${classTable}'::pg_catalog.regclass
      AND ext_dep.objid = ${oid} AND ext_dep.deptype = 'e')`;
}

/**
 * SQL condition: the object was not created as a part of another one (deptype 'i': a range type's
 * constructor functions); it comes and goes with its owner, so it is not an object of its own.
 */
export function notInternalPart(classTable: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend int_dep
    WHERE int_dep.classid = 'pg_catalog.${classTable}'::pg_catalog.regclass
      AND int_dep.objid = ${oid} AND int_dep.deptype = 'i')`;
}

/** SQL expression: the comment of an object (catalog `classTable`, oid expression, sub-id). */
export function commentOf(classTable: string, oid: string, subId = '0'): string {
  return `(SELECT d.description FROM pg_catalog.pg_description d
    WHERE d.classoid = 'pg_catalog.${classTable}'::pg_catalog.regclass AND d.objoid = ${oid} AND d.objsubid = ${subId})`;
}

/** SQL predicate on a pg_class alias and its pg_namespace alias: a managed table. */
export function isManagedTable(rel: string, nsp: string): string {
  return `(${rel}.relkind IN ('r', 'p') AND NOT ${rel}.relispartition
    AND ${inScope(nsp)} AND ${notExtensionMember('pg_class', `${rel}.oid`)})`;
}
