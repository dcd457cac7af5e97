import { yamlMap } from './emit/common.ts';
import { continuousAggregatesYaml, jobsYaml } from './emit/timescale.ts';
import { collationsYaml } from './emit/collations.ts';
import { aggregatesYaml } from './emit/aggregates.ts';
import { unknownRoles } from '../diff/roles.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { canonicalize } from '../model/database.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { YamlMap } from './emit/common.ts';
import { extensionsYaml, schemasYaml } from './emit/schemas.ts';
import { sequencesYaml } from './emit/sequences.ts';
import { tablesYaml } from './emit/tables.ts';
import { typesYaml } from './emit/types.ts';
import { defaultPrivilegesYaml } from './emit/grants.ts';
import { rolesYaml } from './emit/roles.ts';
import { routinesYaml } from './emit/routines.ts';
import { materializedViewsYaml, viewsYaml } from './emit/views.ts';

export interface PullOptions {
  /** Owners equal to this role (the one pulling) are left unmanaged rather than written. */
  readonly omitOwner?: string;
}

/**
 * What of a live state belongs in YAML: the roles the objects use (a live state lists every role
 * of the cluster; superusers and built-in roles are the cluster's, not the schema's), and owners
 * other than the puller and the built-in owner of `public`.
 */
export function pullScope(model: DatabaseModel, opts: PullOptions = {}): DatabaseModel {
  const used = new Set(unknownRoles({ ...model, roles: [] }, []).map((r) => r.role));
  const owner = <T extends { readonly owner?: string | null }>(o: T): T =>
    o.owner === undefined || o.owner === null || (o.owner !== opts.omitOwner && !o.owner.startsWith('pg_')) ? o : { ...o, owner: null };
  return {
    ...model,
    roles: model.roles.filter((r) => used.has(r.name) && !r.superuser),
    schemas: model.schemas.map(owner),
    enums: model.enums.map(owner),
    ...(model.domains ? { domains: model.domains.map(owner) } : {}),
    ...(model.compositeTypes ? { compositeTypes: model.compositeTypes.map(owner) } : {}),
    sequences: model.sequences.map(owner),
    tables: model.tables.map(owner),
    views: model.views.map(owner),
    materializedViews: model.materializedViews.map(owner),
    routines: model.routines.map(owner),
  };
}

const SCHEMAS_FILE = 'schemas.yaml';
const ROLES_FILE = 'roles.yaml';

/**
 * Writes a (canonical, introspected) model as schema files: `schemas.yaml` with the schemas and
 * extensions, `roles.yaml` with roles and default privileges, and one `<schema>.yaml` per schema
 * with its types, sequences, tables (with their policies, triggers and grants), views,
 * materialized views, functions and procedures. Loading the files back gives the same model.
 * Pure and deterministic: file name -> YAML text.
 */
export function modelToYamlFiles(model: DatabaseModel, opts: PullOptions = {}): Map<string, string> {
  const m = canonicalize(pullScope(model, opts));
  checkPlaceable(m);
  const files = new Map<string, string>();
  const top: YamlMap = yamlMap();
  if (m.schemas.length > 0) top.schemas = schemasYaml(m.schemas, m.grants);
  if (m.extensions.length > 0) top.extensions = extensionsYaml(m.extensions);
  if (Object.keys(top).length > 0) files.set(SCHEMAS_FILE, render(top));

  const security: YamlMap = yamlMap();
  if (m.roles.length > 0) security.roles = rolesYaml(m.roles);
  if ((m.dropRoles ?? []).length > 0) security.drop_roles = [...m.dropRoles!];
  if (m.defaultPrivileges.length > 0) security.default_privileges = defaultPrivilegesYaml(m.defaultPrivileges);
  if (Object.keys(security).length > 0) files.set(ROLES_FILE, render(security));

  const placed = [...(m.collations ?? []), ...m.enums, ...(m.domains ?? []), ...(m.compositeTypes ?? []), ...m.sequences, ...m.tables, ...m.views, ...m.materializedViews, ...m.routines, ...(m.aggregates ?? []), ...m.continuousAggregates, ...(m.jobs ?? []).map((j) => j.procedure)];
  const schemaNames = [...new Set(placed.map((o) => o.schema))].sort();
  for (const schema of schemaNames) {
    const inSchema = <T extends { readonly schema: string }>(list: readonly T[]) => list.filter((o) => o.schema === schema);
    const doc: YamlMap = yamlMap();
    const enums = inSchema(m.enums);
    const domains = inSchema(m.domains ?? []);
    const composites = inSchema(m.compositeTypes ?? []);
    const sequences = inSchema(m.sequences);
    const tables = inSchema(m.tables);
    const views = inSchema(m.views);
    const materializedViews = inSchema(m.materializedViews);
    const functions = inSchema(m.routines).filter((r) => r.kind === 'function');
    const procedures = inSchema(m.routines).filter((r) => r.kind === 'procedure');
    const collations = inSchema(m.collations ?? []);
    if (collations.length > 0) doc.collations = collationsYaml(collations);
    if (enums.length + domains.length + composites.length > 0) doc.types = typesYaml(enums, domains, composites, m.grants);
    if (sequences.length > 0) doc.sequences = sequencesYaml(sequences, m.grants);
    if (tables.length > 0) doc.tables = tablesYaml(tables, { grants: m.grants, policies: m.policies, triggers: m.triggers, hypertables: m.hypertables, partitions: m.tables });
    if (views.length > 0) doc.views = viewsYaml(views, m.grants, m.triggers);
    if (materializedViews.length > 0) doc.materialized_views = materializedViewsYaml(materializedViews, m.grants);
    if (functions.length > 0) doc.functions = routinesYaml(functions, m.grants);
    if (procedures.length > 0) doc.procedures = routinesYaml(procedures, m.grants);
    const userAggregates = inSchema(m.aggregates ?? []);
    if (userAggregates.length > 0) doc.aggregates = aggregatesYaml(userAggregates, m.grants);
    const aggregates = continuousAggregatesYaml(inSchema(m.continuousAggregates), m.grants);
    if (Object.keys(aggregates).length > 0) doc.continuous_aggregates = aggregates;
    // A job goes with the procedure it calls.
    const jobs = (m.jobs ?? []).filter((j) => j.procedure.schema === schema);
    if (jobs.length > 0) doc.jobs = jobsYaml(jobs);
    files.set(fileNameFor(schema, files), render(doc));
  }
  return files;
}

/**
 * The YAML writes triggers, policies and grants inside the object they belong to; one whose
 * object is not in the model would be lost, so it is refused.
 */
function checkPlaceable(m: DatabaseModel): void {
  const relations = new Set([...m.tables, ...m.views, ...m.materializedViews, ...m.continuousAggregates].map((r) => `${r.schema}\u0000${r.name}`));
  const tables = new Set(m.tables.map((r) => `${r.schema}\u0000${r.name}`));
  const triggerHosts = new Set([...m.tables, ...m.views].map((r) => `${r.schema}\u0000${r.name}`));
  const routines = new Set([...m.routines, ...(m.aggregates ?? [])].map((r) => `${r.schema}\u0000${r.name}\u0000${r.identityArguments}`));
  const sequences = new Set(m.sequences.map((r) => `${r.schema}\u0000${r.name}`));
  const schemas = new Set(m.schemas.map((s) => s.name));
  const types = new Set([...m.enums, ...(m.domains ?? []), ...(m.compositeTypes ?? [])].map((t) => `${t.schema}\u0000${t.name}`));
  const lost: string[] = [];
  for (const t of m.triggers) if (!triggerHosts.has(`${t.schema}\u0000${t.table}`)) lost.push(`trigger ${t.name} on ${t.schema}.${t.table}`);
  for (const p of m.policies) if (!tables.has(`${p.schema}\u0000${p.table}`)) lost.push(`policy ${p.name} on ${p.schema}.${p.table}`);
  for (const g of m.grants) {
    const on =
      g.objectKind === 'schema' ? schemas.has(g.schema)
      : g.objectKind === 'function' ? routines.has(`${g.schema}\u0000${g.name}\u0000${g.arguments}`)
      : g.objectKind === 'sequence' ? sequences.has(`${g.schema}\u0000${g.name}`)
      : g.objectKind === 'type' ? types.has(`${g.schema}\u0000${g.name}`)
      : relations.has(`${g.schema}\u0000${g.name}`);
    if (!on) lost.push(`grant of ${g.privilege} on ${g.objectKind} ${g.schema}.${g.name ?? ''} to ${g.grantee}`);
  }
  if (lost.length > 0) throw new Error(`internal: cannot write as YAML (their object is not in the model): ${lost.join('; ')}`);
}

/** `<schema>.yaml`, made safe as a file name and distinct from the names already taken. */
function fileNameFor(schema: string, taken: ReadonlyMap<string, string>): string {
  const base = schema.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || '_';
  let name = `${base}.yaml`;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}.yaml`;
  return name;
}

/** Maps of named parts of a table: always in block style, one part a line or more. */
const BLOCK_KEYS = new Set(['columns', 'unique', 'foreign_keys', 'checks', 'exclusions', 'indexes', 'policies', 'triggers', 'grants']);
/** Kinds whose objects are always written in block style. */
const BLOCK_OBJECTS = new Set(['tables', 'views', 'materialized_views', 'functions', 'procedures']);
const FLOW_WIDTH = 100;

/** Short collections in flow style (`[a, b]`, `{ type: text, not_null: true }`), the rest in block style. */
function render(data: YamlMap): string {
  const doc = new Document(data);
  styleNode(doc.contents, []);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** `path` is the keys leading to `node` (`[]` stands for a list item). */
function styleNode(node: unknown, path: readonly string[]): void {
  if (isSeq(node)) {
    if (node.items.every(isScalar)) node.flow = true;
    else node.items.forEach((item) => styleNode(item, [...path, '[]']));
    return;
  }
  if (!isMap(node)) return;
  if (mayFlow(path) && depth(node) <= 2 && oneLineLength(node.toJSON()) <= FLOW_WIDTH) {
    node.flow = true;
    return;
  }
  for (const pair of node.items) styleNode(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
}

/** Objects (depth 2) and their parts may be written on one line; kinds' maps and tables may not. */
function mayFlow(path: readonly string[]): boolean {
  if (path.length < 2) return false;
  if (BLOCK_OBJECTS.has(path[0]!) && (path.length === 2 || (path.length === 3 && path[2] === '[]'))) return false;
  return !BLOCK_KEYS.has(path[path.length - 1]!);
}

/** Nesting depth of collections: a flat mapping is 1. */
function depth(node: unknown): number {
  if (isMap(node)) return 1 + Math.max(0, ...node.items.map((p) => depth(p.value)));
  if (isSeq(node)) return 1 + Math.max(0, ...node.items.map(depth));
  return 0;
}

function oneLineLength(value: unknown): number {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)).length;
}

/** Writes the files into `outDir` (created if missing), overwriting files of the same name. */
export function writeYamlFiles(files: Map<string, string>, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

