/**
 * Loader of the end-to-end corpus in test/cases/<NN-name>/: before.sql (state A), after.sql
 * (state B, the desired state) and case.yaml (annotations and expectations on the plan A -> B).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ALL_HAZARD_KINDS, type HazardKind } from '../../src/plan/hazard.ts';

export type EngineKind = 'pglite' | 'postgres';

export interface CaseRenames {
  /** `schema.new_name` -> old table name (same schema). */
  readonly tables: Readonly<Record<string, string>>;
  /** `schema.table.new_column` (table by its new name) -> old column name. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface CasePlanExpectations {
  /** Substrings that must appear in the rendered plan SQL. */
  readonly contains: readonly string[];
  /** Substrings that must not appear in it. */
  readonly notContains: readonly string[];
  /** Hazard kinds that must appear in the plan. */
  readonly hazards: readonly HazardKind[];
  /** When true, the plan's hazard kinds are exactly `hazards` (an empty list: no hazard at all). */
  readonly hazardsExact: boolean;
}

export interface CaseDataCheck {
  /** Query run on A after the plan was applied (checks run in order; their effects persist). */
  readonly sql: string;
  /** Expected rows, in order; null when `error` is expected instead. */
  readonly rows: readonly Readonly<Record<string, unknown>>[] | null;
  /** When set, the query must fail with a message matching this regular expression. */
  readonly error: string | null;
  /** Run the query after `SET LOCAL ROLE` to this role (in a transaction of its own). */
  readonly role: string | null;
  /** Settings made with `set_config(name, value, true)` for the query (in a transaction of its own). */
  readonly settings: Readonly<Record<string, string>>;
}

export interface Case {
  /** Folder name, e.g. `08-enum-add-label-end`. */
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  readonly beforeSql: string;
  readonly afterSql: string;
  /** Extensions created by either SQL file (PGlite must load them at start). */
  readonly extensions: readonly string[];
  /** Annotations merged into the pulled YAML of B for A -> B. */
  readonly renames: CaseRenames;
  /** `schema.table.column` -> USING expression for A -> B. */
  readonly using: Readonly<Record<string, string>>;
  /** The same annotations for the reverse direction B -> A (merged into the pulled YAML of A). */
  readonly reverseRenames: CaseRenames;
  readonly reverseUsing: Readonly<Record<string, string>>;
  readonly plan: CasePlanExpectations;
  readonly data: readonly CaseDataCheck[];
  /**
   * Prefix every role the case creates must carry (`c<NN>_`): roles are cluster-wide on the shared
   * server, so cases keep to their own names. The catalog comparison covers roles of this prefix.
   */
  readonly rolePrefix: string;
  /** Roles created by either SQL file (`CREATE ROLE name`). */
  readonly roles: readonly string[];
  /** Whether B -> A is also run and must converge. */
  readonly reverse: boolean;
  /**
   * The way back over A's rows (A -> B -> A on one database, on the server) is refused or fails
   * with a message matching this pattern (e.g. a NOT NULL column coming back over rows that
   * have none): then B -> A is proven from a fresh B instead. Null: the rows must come back.
   */
  readonly reverseRowsRefused: string | null;
  readonly engines: readonly EngineKind[];
}

export const CASES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'cases');

const ENGINE_KINDS: readonly EngineKind[] = ['pglite', 'postgres'];
const TOP_KEYS = new Set([
  'description', 'renames', 'using', 'reverse_renames', 'reverse_using', 'plan', 'data', 'reverse', 'engines', 'reverse_rows_refused',
]);
const PLAN_KEYS = new Set(['contains', 'not_contains', 'hazards', 'hazards_exact']);
const RENAME_KEYS = new Set(['tables', 'columns']);

export class CaseFormatError extends Error {
  override readonly name = 'CaseFormatError';
}

/** The number a case folder starts with (`07-...`, `104-...`). */
export function caseNumber(name: string): number {
  return Number(/^\d+/.exec(name)?.[0] ?? NaN);
}

/** All cases under `dir` (default test/cases), in the order of their numbers. */
export function loadCases(dir: string = CASES_DIR): Case[] {
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort((a, b) => caseNumber(a) - caseNumber(b))
    .map((n) => loadCase(join(dir, n)));
}

export function loadCase(caseDir: string): Case {
  const name = caseDir.split(/[\\/]/).filter(Boolean).pop() ?? caseDir;
  const file = (f: string): string => {
    const p = join(caseDir, f);
    if (!existsSync(p)) throw new CaseFormatError(`case ${name}: missing ${f}`);
    return readFileSync(p, 'utf8');
  };
  const beforeSql = file('before.sql');
  const afterSql = file('after.sql');
  const yamlText = file('case.yaml');
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (e) {
    throw new CaseFormatError(`case ${name}: case.yaml is not valid YAML: ${(e as Error).message}`);
  }
  const fail = (path: string, msg: string): never => {
    throw new CaseFormatError(`case ${name}: case.yaml: ${path}: ${msg}`);
  };
  const top = asRecord(raw, 'top level', fail);
  for (const k of Object.keys(top)) if (!TOP_KEYS.has(k)) fail(k, `unknown key (expected one of ${[...TOP_KEYS].join(', ')})`);

  const description = top.description;
  if (typeof description !== 'string' || description.trim() === '') fail('description', 'a non-empty string is required');

  const plan = top.plan === undefined ? {} : asRecord(top.plan, 'plan', fail);
  for (const k of Object.keys(plan)) if (!PLAN_KEYS.has(k)) fail(`plan.${k}`, 'unknown key');
  const hazards = stringList(plan.hazards, 'plan.hazards', fail);
  for (const h of hazards) if (!(ALL_HAZARD_KINDS as readonly string[]).includes(h)) fail('plan.hazards', `unknown hazard kind ${h}`);
  const hazardsExact = plan.hazards_exact ?? false;
  if (typeof hazardsExact !== 'boolean') fail('plan.hazards_exact', 'must be true or false');

  const reverse = top.reverse ?? true;
  if (typeof reverse !== 'boolean') fail('reverse', 'must be true or false');

  const reverseRowsRefused = top.reverse_rows_refused ?? null;
  if (reverseRowsRefused !== null && (typeof reverseRowsRefused !== 'string' || reverseRowsRefused === '')) fail('reverse_rows_refused', 'must be a pattern');

  const engines = top.engines === undefined ? [...ENGINE_KINDS] : stringList(top.engines, 'engines', fail);
  for (const e of engines) if (!(ENGINE_KINDS as readonly string[]).includes(e)) fail('engines', `unknown engine ${e}`);
  if (engines.length === 0) fail('engines', 'at least one engine is required');

  const rolePrefix = `c${/^(\d+)/.exec(name)?.[1] ?? name}_`;
  const roles = [...new Set([...rolesOf(beforeSql), ...rolesOf(afterSql)])].sort();
  for (const r of roles) if (!r.startsWith(rolePrefix)) fail('before.sql/after.sql', `role ${r} must be named with the case's prefix ${rolePrefix}`);

  return {
    name,
    dir: caseDir,
    description: (description as string).trim(),
    beforeSql,
    afterSql,
    extensions: [...new Set([...extensionsOf(beforeSql), ...extensionsOf(afterSql)])].sort(),
    renames: renames(top.renames, 'renames', fail),
    using: stringMap(top.using, 'using', fail),
    reverseRenames: renames(top.reverse_renames, 'reverse_renames', fail),
    reverseUsing: stringMap(top.reverse_using, 'reverse_using', fail),
    plan: {
      contains: stringList(plan.contains, 'plan.contains', fail),
      notContains: stringList(plan.not_contains, 'plan.not_contains', fail),
      hazards: hazards as HazardKind[],
      hazardsExact: hazardsExact as boolean,
    },
    data: dataChecks(top.data, fail),
    rolePrefix,
    roles,
    reverse: reverse as boolean,
    reverseRowsRefused: reverseRowsRefused as string | null,
    engines: engines as EngineKind[],
  };
}

/** Names of the extensions a script creates (`CREATE EXTENSION [IF NOT EXISTS] name`). */
export function extensionsOf(sql: string): string[] {
  const out = new Set<string>();
  const re = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$-]*)/gi;
  for (const m of withoutComments(sql).matchAll(re)) {
    const n = m[1]!;
    out.add(n.startsWith('"') ? n.slice(1, -1).replace(/""/g, '"') : n.toLowerCase());
  }
  return [...out].sort();
}

/** Names of the roles a script creates (`CREATE ROLE|USER|GROUP name`). */
export function rolesOf(sql: string): string[] {
  const out = new Set<string>();
  const re = /\bCREATE\s+(?:ROLE|USER|GROUP)\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi;
  for (const m of withoutComments(sql).matchAll(re)) {
    const n = m[1]!;
    out.add(n.startsWith('"') ? n.slice(1, -1).replace(/""/g, '"') : n.toLowerCase());
  }
  return [...out].sort();
}

function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

type Fail = (path: string, msg: string) => never;

function asRecord(v: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'must be a mapping');
  return v as Record<string, unknown>;
}

function stringList(v: unknown, path: string, fail: Fail): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(path, 'must be a list of strings');
  return v.map((x, i) => (typeof x === 'string' ? x : fail(`${path}[${i}]`, 'must be a string')));
}

function stringMap(v: unknown, path: string, fail: Fail): Record<string, string> {
  if (v === undefined || v === null) return {};
  const r = asRecord(v, path, fail);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(r)) {
    if (typeof x !== 'string' || x === '') fail(`${path}.${k}`, 'must be a non-empty string');
    if (k.split('.').length < 2) fail(`${path}.${k}`, 'key must be schema-qualified');
    out[k] = x as string;
  }
  return out;
}

function renames(v: unknown, path: string, fail: Fail): CaseRenames {
  if (v === undefined || v === null) return { tables: {}, columns: {} };
  const r = asRecord(v, path, fail);
  for (const k of Object.keys(r)) if (!RENAME_KEYS.has(k)) fail(`${path}.${k}`, 'unknown key (expected tables, columns)');
  const tables = stringMap(r.tables, `${path}.tables`, fail);
  const columns = stringMap(r.columns, `${path}.columns`, fail);
  for (const k of Object.keys(tables)) if (k.split('.').length !== 2) fail(`${path}.tables.${k}`, 'key must be schema.table');
  for (const k of Object.keys(columns)) if (k.split('.').length !== 3) fail(`${path}.columns.${k}`, 'key must be schema.table.column');
  return { tables, columns };
}

function dataChecks(v: unknown, fail: Fail): CaseDataCheck[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail('data', 'must be a list');
  const keys = new Set(['sql', 'rows', 'error', 'role', 'settings']);
  return v.map((item, i) => {
    const r = asRecord(item, `data[${i}]`, fail);
    for (const k of Object.keys(r)) if (!keys.has(k)) fail(`data[${i}].${k}`, `unknown key (expected ${[...keys].join(', ')})`);
    if (typeof r.sql !== 'string' || r.sql.trim() === '') fail(`data[${i}].sql`, 'a non-empty string is required');
    const error = r.error ?? null;
    if (error !== null && (typeof error !== 'string' || error === '')) fail(`data[${i}].error`, 'must be a non-empty pattern');
    if (error !== null && r.rows !== undefined) fail(`data[${i}]`, 'rows and error exclude each other');
    if (error === null && !Array.isArray(r.rows)) fail(`data[${i}].rows`, 'a list of rows is required');
    const rows = error !== null ? null : (r.rows as unknown[]).map((row, j) => asRecord(row, `data[${i}].rows[${j}]`, fail));
    const role = r.role ?? null;
    if (role !== null && (typeof role !== 'string' || role === '')) fail(`data[${i}].role`, 'must be a role name');
    const settings = stringMap(r.settings, `data[${i}].settings`, fail);
    return { sql: r.sql as string, rows, error: error as string | null, role: role as string | null, settings };
  });
}
