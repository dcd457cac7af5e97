import type { DatabaseModel } from '../model/database.ts';
import { canonicalize, emptyModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import type { SourcePosition } from '../model/source.ts';
import { formatPosition } from '../model/source.ts';
import { sha256, stateText } from '../model/fingerprint.ts';
import { diffModels } from '../diff/index.ts';
import { orderSteps } from '../plan/order.ts';
import type { Step } from '../plan/step.ts';
import { introspect } from '../introspect/index.ts';
import { CANONICAL_SEARCH_PATH } from '../sql/session.ts';
import { ident, literal } from '../sql/quote.ts';
import { unknownRoles } from '../diff/roles.ts';
import { UserError } from '../errors.ts';
import { loadSqlParser } from '../sql/parser.ts';
import { statementCount } from '../sql/fragments.ts';
import { inRolledBackScratch, openScratch, scratchEngineId, type ScratchDatabase } from './scratch.ts';
import { readCached, writeCached } from './cache.ts';
import { scriptAs, statementsAs, stepRoleFor } from './step-role.ts';
import { envKey, groupKey, groupsByKey, joinParts, referencedTables, referenceStub, splitModel, type TableGroup } from './parts.ts';

export interface NormalizeOptions {
  /** `.pgform/cache` of the project; null disables caching. */
  readonly cacheDir: string | null;
  /** Scratch server URL (`--dev-url`); null: embedded PGlite. */
  readonly devUrl?: string | null;
  /** Schemas in scope: introspection of the scratch database is limited to them. */
  readonly managedSchemas: readonly string[];
  /** Where each object was declared, for errors in its SQL fragments. */
  readonly sources?: ReadonlyMap<string, SourcePosition>;
  /**
   * False: cache the state's parts only, not the whole state (for a state that is not asked for
   * again as a whole: the reduced state of the fixed point's second pass).
   */
  readonly wholeCache?: boolean;
}

export interface NormalizeStats {
  /** Tables created in a scratch database this time. */
  readonly tablesNormalized: number;
  /** Tables whose normalized form came from the cache. */
  readonly tablesFromCache: number;
}

/**
 * Puts a state into PostgreSQL's canonical form by creating it in a scratch database and
 * introspecting that with the same code that reads live databases. Cached by content, whole and
 * per table: after a change, only the changed tables (with stubs of the tables they reference)
 * go through the scratch database.
 */
export async function normalizeModel(raw: DatabaseModel, opts: NormalizeOptions): Promise<DatabaseModel> {
  return (await normalizeWithStats(raw, opts)).model;
}

export interface Normalized {
  /** The normalized state with the input's annotations (renames, USING, owners, roles...). */
  readonly model: DatabaseModel;
  /** The normalized state as the scratch engine read it back, without them (what is cached). */
  readonly plain: DatabaseModel;
  readonly stats: NormalizeStats;
}

/**
 * Extension versions never reach the scratch engine: its builds ship other versions than a server
 * (2.23.0-dev embedded, 2.23.0 or 2.24.1 on a server), and a version is not deparsed text. The
 * state's own versions are put back afterwards (withAnnotations).
 */
function withoutExtensionVersions(annotated: DatabaseModel): DatabaseModel {
  return { ...annotated, extensions: annotated.extensions.map((e) => ({ ...e, version: null })) };
}

async function engineIdFor(raw: DatabaseModel, opts: NormalizeOptions): Promise<string> {
  return scratchEngineId({ ...opts, extensions: raw.extensions.map((e) => e.name) });
}

/**
 * The cache key of a whole state's normalized form. Its state text leaves extension versions out,
 * so the state as given serves (its text is then computed once, for this and its fingerprint).
 */
function wholeKeyOf(state: DatabaseModel, engineId: string, opts: NormalizeOptions): string {
  // Fingerprints leave out every `using` key (the columns' USING annotations), policies' too:
  // their USING clauses are part of what is normalized, so of the key.
  const policyClauses = state.policies.map((p) => `${p.schema}.${p.table}.${p.name}\u0000${p.using ?? ''}`).sort().join('\n');
  return sha256(['whole', engineId, [...opts.managedSchemas].sort().join(','), stateText(state), policyClauses].join('\n'));
}

/**
 * Records `plain` as the normalized form of `annotated`, found without a scratch database of its
 * own (src/normalize/fixed-point.ts): a later normalization of the same state reads it back.
 */
export async function rememberNormalized(annotated: DatabaseModel, plain: DatabaseModel, opts: NormalizeOptions): Promise<void> {
  writeCached(opts.cacheDir, wholeKeyOf(annotated, await engineIdFor(annotated, opts), opts), plain);
}

/**
 * The fixed point of a state's normalization (src/normalize/fixed-point.ts), as remembered by
 * `rememberFixedPoint`, with the state's annotations; null when not cached.
 */
export async function cachedFixedPoint(annotated: DatabaseModel, opts: NormalizeOptions): Promise<DatabaseModel | null> {
  const plain = readCached<DatabaseModel>(opts.cacheDir, await fixedPointKey(annotated, opts));
  return plain && withAnnotations(plain, annotated);
}

export async function rememberFixedPoint(annotated: DatabaseModel, plain: DatabaseModel, opts: NormalizeOptions): Promise<void> {
  writeCached(opts.cacheDir, await fixedPointKey(annotated, opts), plain);
}

async function fixedPointKey(annotated: DatabaseModel, opts: NormalizeOptions): Promise<string> {
  return sha256(`fixed point\n${wholeKeyOf(annotated, await engineIdFor(annotated, opts), opts)}`);
}

/** `plain` (a normalized state) with what `annotated` says about how to get there and what is not normalized. */
export function annotatedLike(plain: DatabaseModel, annotated: DatabaseModel): DatabaseModel {
  return withAnnotations(plain, annotated);
}

export async function normalizeWithStats(annotated: DatabaseModel, opts: NormalizeOptions): Promise<Normalized> {
  const raw = withoutExtensionVersions(annotated);
  const engineId = await engineIdFor(raw, opts);
  const wholeKey = opts.wholeCache === false ? null : wholeKeyOf(annotated, engineId, opts);
  const whole = wholeKey === null ? null : readCached<DatabaseModel>(opts.cacheDir, wholeKey);
  if (whole) return { model: withAnnotations(whole, annotated), plain: whole, stats: { tablesNormalized: 0, tablesFromCache: raw.tables.length } };

  const implicit = implicitSchemaNames(raw, opts.managedSchemas);
  if (hasProgrammableObjects(raw)) {
    // Functions, views, triggers, policies and grants tie tables together (a default calling a
    // function, a view over several tables): such a state is normalized whole, in one scratch.
    const model = await normalizeInScratch(raw, implicit, opts);
    if (wholeKey !== null) writeCached(opts.cacheDir, wholeKey, model);
    return { model: withAnnotations(model, annotated), plain: model, stats: { tablesNormalized: raw.tables.length, tablesFromCache: 0 } };
  }
  const parts = splitModel(raw);
  const eKey = envKey(engineId, opts.managedSchemas, { ...parts.env, schemas: [...parts.env.schemas, ...implicit.map((name) => ({ name, comment: null }))] });
  const byKey = groupsByKey(parts.groups);
  const gKeys = parts.groups.map((g) => groupKey(eKey, g, byKey));
  let env = readCached<DatabaseModel>(opts.cacheDir, eKey);
  const groups: (TableGroup | null)[] = gKeys.map((k) => readCached<TableGroup>(opts.cacheDir, k));
  const missing = parts.groups.filter((_, i) => groups[i] === null);

  if (env === null || missing.length > 0) {
    const loaded = new Set(missing.map((g) => `${g.table.schema}.${g.table.name}`));
    const stubs = new Map<string, TableGroup>();
    for (const g of missing) {
      for (const r of referencedTables(g.table)) {
        const k = `${r.schema}.${r.name}`;
        const target = byKey.get(k);
        if (target && !loaded.has(k)) stubs.set(k, referenceStub(target));
      }
    }
    const normalized = await normalizeInScratch(joinParts(parts.env, [...missing, ...stubs.values()]), implicit, opts);
    const out = splitModel(normalized);
    env = out.env;
    writeCached(opts.cacheDir, eKey, env);
    const outByKey = groupsByKey(out.groups);
    parts.groups.forEach((g, i) => {
      if (groups[i] !== null) return;
      const n = outByKey.get(`${g.table.schema}.${g.table.name}`);
      if (!n) throw new Error(`table ${g.table.schema}.${g.table.name} was not found in the scratch database after creating it`);
      groups[i] = n;
      writeCached(opts.cacheDir, gKeys[i]!, n);
    });
  }
  const model = joinParts(env, groups as TableGroup[]);
  if (wholeKey !== null) writeCached(opts.cacheDir, wholeKey, model);
  return {
    model: withAnnotations(model, annotated),
    plain: model,
    stats: { tablesNormalized: missing.length, tablesFromCache: raw.tables.length - missing.length },
  };
}

async function normalizeInScratch(
  given: DatabaseModel,
  implicitSchemas: readonly string[],
  opts: NormalizeOptions,
): Promise<DatabaseModel> {
  const partial = unpopulated(given);
  // Checked before any scratch database is opened: the state's statements as created from nothing.
  const checked = await checkedFromNothing(partial, opts.sources);
  if (!opts.devUrl) {
    const quick = await normalizeInWarmScratch(partial, implicitSchemas, opts, checked).catch(() => null);
    if (quick) return quick;
  }
  const scratch = await openScratch({
    cacheDir: opts.cacheDir,
    devUrl: opts.devUrl,
    extensions: partial.extensions.map((e) => e.name),
    ...(opts.sources === undefined ? {} : { sources: opts.sources }),
    stepRole: true,
  });
  try {
    await scratch.conn.exec(
      `SELECT set_config('search_path', ${literal(CANONICAL_SEARCH_PATH)}, false), set_config('check_function_bodies', 'off', false)`,
    );
    await createUsedRoles(scratch, partial);
    const baseline = await introspect(scratch.conn, { schemas: opts.managedSchemas });
    const complete = withImplicitSchemas(partial, baseline, implicitSchemas);
    const steps = orderSteps(diffModels(baseline, complete, { online: false }));
    if (!checked) await assertOneStatementEach(steps, opts.sources);
    await runSteps(scratch, steps, opts.sources, await stepRoleFor(scratch, complete));
    await forgetCatalogPlans(scratch, steps.length);
    const normalized = await introspect(scratch.conn, { schemas: opts.managedSchemas });
    // Roles are not normalized (the scratch has its own); the raw ones are re-attached.
    return { ...normalized, roles: [] };
  } finally {
    await scratch.dispose();
  }
}

/**
 * The state as the scratch database creates it: materialized views and continuous aggregates
 * WITH NO DATA. Their canonical form does not depend on their rows, and populating them would run
 * their queries, and any function those call, with the scratch session's rights (on a --dev-url
 * server, the URL's role) before anyone reviewed a plan. `withNoData` is re-attached from the
 * YAML afterwards (withAnnotations), so the normalized state says what the YAML says.
 */
function unpopulated(m: DatabaseModel): DatabaseModel {
  return {
    ...m,
    materializedViews: m.materializedViews.map((v) => (v.withNoData ? v : { ...v, withNoData: true })),
    continuousAggregates: m.continuousAggregates.map((a) => (a.withNoData ? a : { ...a, withNoData: true })),
  };
}

/**
 * The fast path: create the state inside one transaction of a warm embedded scratch database,
 * read it back, and roll it all back, leaving the instance as fresh as it was for the next state.
 * Null when the state cannot be created that way (a step PostgreSQL refuses in a transaction) or
 * fails: the caller then takes the slow path, which also finds and reports the failing step.
 */
async function normalizeInWarmScratch(
  partial: DatabaseModel,
  implicitSchemas: readonly string[],
  opts: NormalizeOptions,
  checked: boolean,
): Promise<DatabaseModel | null> {
  const extensions = partial.extensions.map((e) => e.name);
  return inRolledBackScratch({ cacheDir: opts.cacheDir, extensions }, async (scratch) => {
    await scratch.conn.exec(
      `SELECT set_config('search_path', ${literal(CANONICAL_SEARCH_PATH)}, true), set_config('check_function_bodies', 'off', true)`,
    );
    await createUsedRoles(scratch, partial);
    const baseline = await introspect(scratch.conn, { schemas: opts.managedSchemas, inTransaction: true });
    const complete = withImplicitSchemas(partial, baseline, implicitSchemas);
    const steps = orderSteps(diffModels(baseline, complete, { online: false }));
    if (steps.some((s) => !s.transactional)) return null;
    if (!checked) await assertOneStatementEach(steps, opts.sources);
    try {
      await scratch.conn.exec(steps.map((s) => `${s.sql};`).join('\n'));
    } catch {
      return null;
    }
    await forgetCatalogPlans(scratch, steps.length);
    const normalized = await introspect(scratch.conn, { schemas: opts.managedSchemas, inTransaction: true });
    return { ...normalized, roles: [] };
  });
}

const REPLAN_AFTER_STEPS = 100;

/**
 * The catalog reads are prepared statements on the embedded engine (`Connection.queryReused`), and
 * the ones without parameters keep the plan made at their first run: on the scratch, the baseline
 * read of an empty catalog. Planned for a few rows, reading back a thousand tables took three times
 * as long. DISCARD PLANS keeps the statements and makes each plan again at its next run, for the
 * catalog as it now is. Planning again costs about 30 ms; a small state reads back as fast with
 * either plan, so only a state of many steps (REPLAN_AFTER_STEPS) pays it.
 */
async function forgetCatalogPlans(scratch: ScratchDatabase, stepCount: number): Promise<void> {
  if (stepCount >= REPLAN_AFTER_STEPS) await scratch.conn.exec('DISCARD PLANS');
}

/**
 * Schemas that objects live in but the YAML does not declare are part of the desired state too;
 * `public` exists in every fresh database and stays unless the YAML manages it away explicitly.
 */
function implicitSchemaNames(raw: DatabaseModel, managed: readonly string[]): string[] {
  const declared = new Set(raw.schemas.map((s) => s.name));
  const used = new Set<string>(managed.includes('public') ? ['public'] : []);
  for (const list of [raw.collations ?? [], raw.enums, raw.domains ?? [], raw.compositeTypes ?? [], raw.sequences, raw.tables, raw.views, raw.materializedViews, raw.routines, raw.aggregates ?? []]) {
    for (const o of list) used.add(o.schema);
  }
  return [...used].filter((name) => !declared.has(name)).sort();
}

/**
 * Implicit schemas keep whatever a fresh database gives them (`public`: its standard comment and
 * its USAGE for PUBLIC).
 */
function withImplicitSchemas(m: DatabaseModel, baseline: DatabaseModel, implicit: readonly string[]): DatabaseModel {
  const extra = implicit.map((name) => baseline.schemas.find((s) => s.name === name) ?? { name, comment: null });
  const names = new Set(implicit);
  const grants = baseline.grants.filter((g) => g.objectKind === 'schema' && names.has(g.schema));
  return canonicalize({ ...m, schemas: [...m.schemas, ...extra], grants: [...m.grants, ...grants] });
}

function hasProgrammableObjects(m: DatabaseModel): boolean {
  // Grants on schemas and types travel with the environment part (schemas, extensions, types);
  // any other grant names a table or routine. A normalized state always holds public's USAGE
  // grant (and every type its USAGE for PUBLIC): without this distinction every second pass
  // would normalize all tables again.
  const objectGrants = m.grants.filter((g) => g.objectKind !== 'schema' && g.objectKind !== 'type');
  return [m.views, m.materializedViews, m.routines, m.aggregates ?? [], m.triggers, m.policies, objectGrants, m.defaultPrivileges, m.hypertables, m.continuousAggregates, m.jobs ?? []].some((l) => l.length > 0)
    || m.roles.length > 0
    || [...m.tables, ...m.schemas, ...m.enums, ...(m.domains ?? []), ...(m.compositeTypes ?? []), ...m.sequences].some((o) => (o.owner ?? null) !== null)
    // A partition is created from its parent, an inheriting table with its parents: they cannot be
    // normalized apart.
    || m.tables.some((t) => (t.partitionBy ?? null) !== null || (t.partitionOf ?? null) !== null || (t.inherits ?? []).length > 0);
}

/**
 * Roles the state uses but does not declare exist on the database it is planned for (or the plan
 * is refused before this point); the scratch database needs them too, to run the grants.
 */
async function createUsedRoles(scratch: ScratchDatabase, m: DatabaseModel): Promise<void> {
  const wanted = [...new Set(unknownRoles(m, []).map((r) => r.role))];
  if (wanted.length === 0) return;
  const existing = new Set(
    (await scratch.conn.query<{ rolname: string }>('SELECT rolname FROM pg_catalog.pg_roles')).map((r) => r.rolname),
  );
  for (const role of wanted) if (!existing.has(role)) await scratch.conn.exec(`CREATE ROLE ${ident(role)}`);
}

/** True when the state's creation steps (from an empty database) are one statement each; throws when not. */
async function checkedFromNothing(m: DatabaseModel, sources: ReadonlyMap<string, SourcePosition> | undefined): Promise<boolean> {
  let steps: Step[];
  try {
    steps = orderSteps(diffModels(emptyModel(), m, { online: false }));
  } catch {
    return false; // the steps against the scratch database's own baseline are checked instead
  }
  await assertOneStatementEach(steps, sources);
  return true;
}

/**
 * The scratch database runs the steps as one script: each must be exactly one statement, so no
 * SQL text from the schema files can add a statement of its own (the loader refuses such text
 * already; this holds for any model, whatever built it).
 */
async function assertOneStatementEach(steps: readonly Step[], sources: ReadonlyMap<string, SourcePosition> | undefined): Promise<void> {
  const parser = await loadSqlParser();
  for (const step of steps) {
    const count = statementCount(parser, step.sql);
    if (count === null || count === 1) continue;
    const pos = sourceOf(step, sources);
    throw new UserError(`${pos ? `${formatPosition(pos)}: ` : ''}${step.kind} ${step.object}: its SQL holds ${count} statements instead of one; nothing was run`);
  }
}

/** Runs the creation steps in one transaction; on failure, finds the step and names its source. */
async function runSteps(
  scratch: ScratchDatabase,
  steps: readonly Step[],
  sources: ReadonlyMap<string, SourcePosition> | undefined,
  role: string | null,
): Promise<void> {
  const groups: Step[][] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.transactional === s.transactional && s.transactional) last.push(s);
    else groups.push([s]);
  }
  for (const group of groups) {
    try {
      if (group[0]!.transactional) await scratch.conn.exec(`BEGIN;\n${scriptAs(role, group)}\nCOMMIT;`);
      // One statement per message: several in one would run as one transaction block, which a
      // step PostgreSQL refuses in a transaction does not take (a role switch included).
      else for (const sql of statementsAs(role, group)) await scratch.conn.exec(sql);
    } catch {
      await scratch.conn.exec('ROLLBACK').catch(() => undefined);
      await scratch.conn.exec('RESET ROLE').catch(() => undefined);
      await findFailingStep(scratch, group, sources, role);
    }
  }
}

async function findFailingStep(
  scratch: ScratchDatabase,
  group: readonly Step[],
  sources: ReadonlyMap<string, SourcePosition> | undefined,
  role: string | null,
): Promise<never> {
  const transactional = group[0]!.transactional;
  if (transactional) await scratch.conn.exec('BEGIN');
  for (const step of group) {
    try {
      if (transactional) await scratch.conn.exec(scriptAs(role, [step]));
      else for (const sql of statementsAs(role, [step])) await scratch.conn.exec(sql);
    } catch (e) {
      if (transactional) await scratch.conn.exec('ROLLBACK').catch(() => undefined);
      await scratch.conn.exec('RESET ROLE').catch(() => undefined);
      const pos = columnSourceOf(step, (e as { position?: string | number }).position, sources) ?? sourceOf(step, sources);
      const where = pos ? `${formatPosition(pos)}: ` : '';
      throw new UserError(
        `${where}PostgreSQL rejected ${step.kind} ${step.object}: ${(e as Error).message}\n  while running: ${step.sql}`,
      );
    }
  }
  if (transactional) await scratch.conn.exec('ROLLBACK').catch(() => undefined);
  throw new UserError('the desired state could not be created in the scratch database (no single step failed)');
}

/**
 * For a CREATE TABLE, PostgreSQL's error position falls on one column's line (the renderer writes
 * one column per line): point at that column's YAML rather than the table's.
 */
function columnSourceOf(
  step: Step,
  position: string | number | undefined,
  sources: ReadonlyMap<string, SourcePosition> | undefined,
): SourcePosition | undefined {
  const offset = Number(position);
  if (!sources || step.kind !== 'table' || !Number.isInteger(offset) || offset < 1) return undefined;
  const lines = step.sql.slice(0, offset - 1).split('\n');
  // An error at the closing parenthesis (an expression cut short) belongs to the line before it.
  const rest = step.sql.slice(offset - 1);
  const candidates = rest.startsWith(')') && lines[lines.length - 1]!.trim() === '' ? [lines[lines.length - 2]] : [lines[lines.length - 1]];
  const match = /^\s*"((?:[^"]|"")+)"/.exec(candidates[0] ?? '');
  if (!match) return undefined;
  return sources.get(`column:${step.object}.${match[1]!.replace(/""/g, '"')}`);
}

function sourceOf(step: Step, sources: ReadonlyMap<string, SourcePosition> | undefined): SourcePosition | undefined {
  if (!sources) return undefined;
  const direct = sources.get(`${step.kind}:${step.object}`);
  if (direct) return direct;
  // Fall back to the nearest enclosing object: public.t.col -> public.t (the table).
  const parts = step.object.split('.');
  for (let n = parts.length - 1; n >= 2; n--) {
    const pos = sources.get(`table:${parts.slice(0, n).join('.')}`);
    if (pos) return pos;
  }
  return undefined;
}

/**
 * Re-attaches what the YAML says about how to get there (renames, USING, WITH NO DATA) and what is
 * not normalized (owners, roles) to the normalized state.
 */
function withAnnotations(normalized: DatabaseModel, raw: DatabaseModel): DatabaseModel {
  const rawTables = new Map(raw.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const ownerOf = <T extends { readonly owner?: string | null }>(list: readonly T[], key: (o: T) => string) => {
    const owners = new Map(list.map((o) => [key(o), o.owner ?? null]));
    return (o: T): T => ({ ...o, owner: owners.get(key(o)) ?? null });
  };
  const qualified = (o: { schema: string; name: string }) => `${o.schema}.${o.name}`;
  const rawMatviews = new Map(raw.materializedViews.map((v) => [qualified(v), v]));
  return {
    ...normalized,
    roles: raw.roles,
    // The state's own version (the live one, or the YAML's pin); a version the YAML does not pin is
    // not the scratch engine's either: "any version".
    extensions: normalized.extensions.map((e) => ({ ...e, version: raw.extensions.find((r) => r.name === e.name)?.version ?? null })),
    ...(raw.dropRoles && raw.dropRoles.length > 0 ? { dropRoles: raw.dropRoles } : {}),
    ...(raw.data && raw.data.length > 0 ? { data: raw.data } : {}),
    schemas: normalized.schemas.map(ownerOf(raw.schemas, (s) => s.name)),
    enums: normalized.enums.map(ownerOf(raw.enums, qualified)),
    ...(normalized.domains ? { domains: normalized.domains.map(ownerOf(raw.domains ?? [], qualified)) } : {}),
    ...(normalized.compositeTypes ? { compositeTypes: normalized.compositeTypes.map(ownerOf(raw.compositeTypes ?? [], qualified)) } : {}),
    sequences: normalized.sequences.map(ownerOf(raw.sequences, qualified)),
    views: normalized.views.map(ownerOf(raw.views, qualified)),
    materializedViews: normalized.materializedViews.map((v) => {
      const withOwner = ownerOf(raw.materializedViews, qualified)(v);
      return rawMatviews.get(qualified(v))?.withNoData ? { ...withOwner, withNoData: true } : withOwner;
    }),
    continuousAggregates: normalized.continuousAggregates.map((a) => {
      const r = raw.continuousAggregates.find((x) => qualified(x) === qualified(a));
      return { ...a, ...(r?.withNoData ? { withNoData: true } : {}), ...(r?.refresh ? { refresh: r.refresh } : {}) };
    }),
    // Argument types are respelled by normalization; overloads are told apart by their count.
    routines: normalized.routines.map(ownerOf(raw.routines, (r) => `${qualified(r)}/${r.arguments.length}`)),
    tables: normalized.tables.map((t): Table => {
      const r = rawTables.get(`${t.schema}.${t.name}`);
      if (!r) return { ...t, owner: null };
      const rawCols = new Map(r.columns.map((c) => [c.name, c]));
      const perChunk = new Set(r.indexes.filter((i) => i.transactionPerChunk).map((i) => i.name));
      return {
        ...t,
        owner: r.owner,
        ...(perChunk.size > 0 ? { indexes: t.indexes.map((i) => (perChunk.has(i.name) ? { ...i, transactionPerChunk: true as const } : i)) } : {}),
        ...(r.renamedFrom ? { renamedFrom: r.renamedFrom } : {}),
        ...(r.partitionRule ? { partitionRule: r.partitionRule } : {}),
        ...(r.convertToPartitioned ? { convertToPartitioned: r.convertToPartitioned } : {}),
        columns: t.columns.map((c) => {
          const rc = rawCols.get(c.name);
          if (!rc) return c;
          return {
            ...c,
            ...(rc.renamedFrom ? { renamedFrom: rc.renamedFrom } : {}),
            ...(rc.using ? { using: rc.using } : {}),
            ...(rc.reverseUsing ? { reverseUsing: rc.reverseUsing } : {}),
            ...(rc.backfill ? { backfill: rc.backfill } : {}),
          };
        }),
      };
    }),
  };
}
