import type { Connection } from '../db/connection.ts';
import { keys } from '../model/keys.ts';
import { inScope, scopeParams, type Scope } from './scope.ts';

/**
 * One `pg_depend` row, with both ends resolved to names. The dependent end is one of the objects
 * whose `dependsOn` the model records; the referenced end is a relation, a column, a sequence, a
 * routine or a type outside pg_catalog and outside every extension.
 */
export interface DependencyRow {
  /** view, materialized_view, trigger, policy, function, column, constraint or index. */
  readonly dep_kind: string;
  readonly dep_schema: string;
  /** The relation of a trigger, policy, column, constraint or index; the name of a view or routine. */
  readonly dep_parent: string;
  /** The trigger, policy, column, constraint or index name; the identity arguments of a routine. */
  readonly dep_name: string | null;
  /** table, view, materialized_view, sequence, column, function, enum or type. */
  readonly ref_kind: string;
  readonly ref_schema: string;
  readonly ref_name: string;
  /** The column of a `column` reference, the identity arguments of a `function` one. */
  readonly ref_sub: string | null;
}

/** Kind of a relation from its relkind, as a dependency key prefix. */
const RELATION_KIND = `CASE %s WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view' WHEN 'S' THEN 'sequence'
  WHEN 'c' THEN 'type' WHEN 'i' THEN NULL WHEN 'I' THEN NULL ELSE 'table' END`;

function relationKind(relkind: string): string {
  return RELATION_KIND.replace('%s', relkind);
}

/**
 * Every dependency of the managed objects, in one query:
 * - `dependents` names each object that can have a `dependsOn` list (views and materialized views
 *   through their `_RETURN` rule, triggers, policies, routines, column defaults through
 *   `pg_attrdef`, constraints, standalone indexes; an index backing a constraint counts as the
 *   constraint, so EXCLUDE expressions land on the constraint);
 * - `referenced` resolves the other end: a relation (or one of its columns when `refobjsubid`
 *   is set), a routine, or a type (arrays as their element type, a relation's row type as the
 *   relation). Objects of pg_catalog / information_schema and extension members are left out.
 */
export const DEPENDENCIES_SQL = `
WITH dependents AS (
  SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass AS classid, r.oid AS objid, c.oid AS self_rel,
    ${relationKind('c.relkind')} AS dep_kind, n.nspname AS dep_schema, c.relname::text AS dep_parent,
    NULL::text AS dep_name
  FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('v', 'm') AND ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid, NULL::oid,
    'trigger', n.nspname, c.relname::text, t.tgname::text
  FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE NOT t.tgisinternal AND ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid, p.polrelid,
    'policy', n.nspname, c.relname::text, p.polname::text
  FROM pg_catalog.pg_policy p
  JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, NULL::oid,
    'function', n.nspname, p.proname::text, pg_catalog.pg_get_function_identity_arguments(p.oid)
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p') AND ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid, NULL::oid,
    'column', n.nspname, c.relname::text, a.attname::text
  FROM pg_catalog.pg_attrdef ad
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
  JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, con.oid, NULL::oid,
    'constraint', n.nspname, c.relname::text, con.conname::text
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype IN ('c', 'x') AND ${inScope('n')}
  UNION ALL
  SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, ic.oid, NULL::oid,
    CASE WHEN con.oid IS NULL THEN 'index' ELSE 'constraint' END, n.nspname, c.relname::text,
    COALESCE(con.conname, ic.relname)::text
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
    AND con.contype IN ('p', 'u', 'x')
  WHERE ${inScope('n')}
),
edges AS (
  SELECT DISTINCT d.dep_kind, d.dep_schema, d.dep_parent, d.dep_name,
    dep.refclassid, dep.refobjid, dep.refobjsubid
  FROM dependents d
  JOIN pg_catalog.pg_depend dep ON dep.classid = d.classid AND dep.objid = d.objid
  WHERE dep.deptype IN ('n', 'a')
    -- a view's rule on its own view, a policy on its own table (whole): not dependencies
    AND NOT (d.self_rel IS NOT NULL AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND dep.refobjid = d.self_rel AND (d.dep_kind <> 'policy' OR dep.refobjsubid = 0))
),
referenced AS (
  -- relations and their columns
  SELECT e.*, ${relationKind('c.relkind')} AS rel_kind, n.nspname AS ref_schema, c.relname::text AS ref_name,
    CASE WHEN e.refobjsubid <> 0 THEN a.attname::text END AS ref_column, NULL::text AS ref_args,
    n.oid AS ref_nsp, 'pg_catalog.pg_class'::pg_catalog.regclass AS ref_class, c.oid AS ref_oid
  FROM edges e
  JOIN pg_catalog.pg_class c ON c.oid = e.refobjid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = e.refobjsubid
  WHERE e.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  UNION ALL
  SELECT e.*, 'function', n.nspname, p.proname::text, NULL, pg_catalog.pg_get_function_identity_arguments(p.oid),
    n.oid, 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid
  FROM edges e
  JOIN pg_catalog.pg_proc p ON p.oid = e.refobjid
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE e.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  UNION ALL
  -- types: an array stands for its element type, a table's row type for the table
  SELECT e.*,
    CASE WHEN t.typrelid <> 0 THEN ${relationKind('tr.relkind')} WHEN t.typtype = 'e' THEN 'enum' ELSE 'type' END,
    n.nspname, COALESCE(tr.relname, t.typname)::text, NULL, NULL,
    n.oid,
    CASE WHEN t.typrelid <> 0 AND tr.relkind <> 'c' THEN 'pg_catalog.pg_class'::pg_catalog.regclass
         ELSE 'pg_catalog.pg_type'::pg_catalog.regclass END,
    CASE WHEN t.typrelid <> 0 AND tr.relkind <> 'c' THEN tr.oid ELSE t.oid END
  FROM edges e
  JOIN pg_catalog.pg_type t0 ON t0.oid = e.refobjid
  JOIN pg_catalog.pg_type t ON t.oid = CASE WHEN t0.typelem <> 0 AND t0.typlen = -1 THEN t0.typelem ELSE t0.oid END
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_class tr ON tr.oid = t.typrelid
  WHERE e.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
)
SELECT DISTINCT r.dep_kind, r.dep_schema, r.dep_parent, r.dep_name,
  CASE WHEN r.ref_column IS NOT NULL THEN 'column' ELSE r.rel_kind END AS ref_kind,
  r.ref_schema, r.ref_name, COALESCE(r.ref_column, r.ref_args) AS ref_sub
FROM referenced r
WHERE r.rel_kind IS NOT NULL AND r.dep_kind IS NOT NULL
  AND r.ref_schema NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep
    WHERE ext_dep.classid = r.ref_class AND ext_dep.objid = r.ref_oid AND ext_dep.deptype = 'e')
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;

/** `dependsOn` lists by the dependent's key (see `keys`), each sorted and without duplicates. */
export type Dependencies = ReadonlyMap<string, readonly string[]>;

/** Dependent kinds whose lists hold only routines, types and sequences (not columns or relations). */
const EXPRESSION_HOLDERS = new Set(['column', 'constraint', 'index']);
const EXPRESSION_REFERENCES = new Set(['function', 'enum', 'type', 'sequence']);

/** The key of the dependent end, or null for a kind the model does not record. */
export function dependentKey(row: DependencyRow): string | null {
  const name = row.dep_name ?? '';
  switch (row.dep_kind) {
    case 'view':
      return keys.view(row.dep_schema, row.dep_parent);
    case 'materialized_view':
      return keys.materializedView(row.dep_schema, row.dep_parent);
    case 'function':
      return keys.routine(row.dep_schema, row.dep_parent, name);
    case 'trigger':
      return keys.trigger(row.dep_schema, row.dep_parent, name);
    case 'policy':
      return keys.policy(row.dep_schema, row.dep_parent, name);
    case 'column':
      return keys.column(row.dep_schema, row.dep_parent, name);
    case 'constraint':
      return keys.constraint(row.dep_schema, row.dep_parent, name);
    case 'index':
      return keys.index(row.dep_schema, row.dep_parent, name);
    default:
      return null;
  }
}

/** The key of the referenced end, or null for a kind no `dependsOn` list holds. */
export function referencedKey(row: DependencyRow): string | null {
  const sub = row.ref_sub ?? '';
  switch (row.ref_kind) {
    case 'table':
      return keys.table(row.ref_schema, row.ref_name);
    case 'view':
      return keys.view(row.ref_schema, row.ref_name);
    case 'materialized_view':
      return keys.materializedView(row.ref_schema, row.ref_name);
    case 'sequence':
      return keys.sequence(row.ref_schema, row.ref_name);
    case 'column':
      return keys.column(row.ref_schema, row.ref_name, sub);
    case 'function':
      return keys.routine(row.ref_schema, row.ref_name, sub);
    case 'enum':
      return keys.enum(row.ref_schema, row.ref_name);
    case 'type':
      return keys.type(row.ref_schema, row.ref_name);
    default:
      return null;
  }
}

/** Groups dependency rows into `dependsOn` lists, keeping per kind only what the model records. */
export function dependenciesFromRows(rows: readonly DependencyRow[]): Dependencies {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    if (EXPRESSION_HOLDERS.has(row.dep_kind) && !EXPRESSION_REFERENCES.has(row.ref_kind)) continue;
    const from = dependentKey(row);
    const to = referencedKey(row);
    if (from === null || to === null || from === to) continue;
    const set = sets.get(from);
    if (set) set.add(to);
    else sets.set(from, new Set([to]));
  }
  const out = new Map<string, readonly string[]>();
  for (const [k, set] of sets) out.set(k, [...set].sort(compareText));
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `dependsOn` list of an object (empty when it has none). */
export function dependsOnOf(deps: Dependencies, key: string): readonly string[] {
  return deps.get(key) ?? [];
}

/** `{ dependsOn }` when the object has dependencies, else `{}`: optional lists stay left out. */
export function optionalDependsOn(deps: Dependencies, key: string): { dependsOn?: readonly string[] } {
  const list = deps.get(key);
  return list && list.length > 0 ? { dependsOn: list } : {};
}

export async function introspectDependencies(conn: Connection, scope: Scope): Promise<Dependencies> {
  const rows = await conn.queryReused<DependencyRow>(DEPENDENCIES_SQL, scopeParams(scope));
  return dependenciesFromRows(rows);
}
