import { expect } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { introspect } from '../../src/introspect/index.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { catalogSnapshot, diffSnapshots, type CatalogSnapshot } from './catalog-snapshot.ts';
import type { Case, CaseDataCheck, CaseRenames, EngineKind } from './cases.ts';
import { ident } from '../../src/sql/quote.ts';
import { freshPostgres } from './databases.ts';
import { freshDatabaseOn } from './version-servers.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { pooledPglite, releasePglite } from './pglite-pool.ts';
import { runCacheDir } from './run-cache.ts';

/** The role the test engines connect as (PGlite's only superuser; the test server's too). */
const PULLING_ROLE = 'postgres';

/** The run's cache: identical states are normalized once, across engines and files. */
const workspace: Workspace = { cacheDir: runCacheDir(), devUrl: null };

/** `server`: the `postgres` database URL of another server than the suite's PostgreSQL 15 one. */
async function freshDatabase(engine: EngineKind, c: Case, server?: string): Promise<Connection> {
  if (engine === 'pglite') return pooledPglite(c.extensions);
  return server ? openPostgres(await freshDatabaseOn(server, 'case')) : freshPostgres('case');
}

async function build(engine: EngineKind, c: Case, sql: string, server?: string): Promise<Connection> {
  const conn = await freshDatabase(engine, c, server);
  if (sql.trim()) await conn.exec(sql);
  return conn;
}

/**
 * What `pgform pull` writes, with the case's annotations written into the YAML text as a user
 * writes them (`renamed_from:`, `using:`), loaded back as `pgform plan` would: the annotations go
 * through the YAML loader end to end.
 */
function pulledYaml(model: DatabaseModel, renames: CaseRenames, using: Readonly<Record<string, string>>): DatabaseModel {
  const annotated: DatabaseModel = {
    ...model,
    tables: model.tables.map((t) => {
      const tableKey = `${t.schema}.${t.name}`;
      return {
        ...t,
        ...(renames.tables[tableKey] ? { renamedFrom: renames.tables[tableKey] } : {}),
        columns: t.columns.map((col) => {
          const k = `${tableKey}.${col.name}`;
          return {
            ...col,
            ...(renames.columns[k] ? { renamedFrom: renames.columns[k] } : {}),
            ...(using[k] ? { using: using[k] } : {}),
          };
        }),
      };
    }),
  };
  // As `pgform pull` does: owners equal to the role pulling are left unmanaged.
  const files = [...modelToYamlFiles(annotated, { omitOwner: PULLING_ROLE })].map(([path, text]) => ({ path, text }));
  const loaded = loadSchemaFiles(files).model;
  const read = (k: string) => {
    const [schema, table, column] = k.split('.');
    return loaded.tables.find((t) => t.schema === schema && t.name === table)?.columns.find((c) => c.name === column);
  };
  for (const [k, old] of Object.entries(renames.tables)) {
    const [schema, name] = k.split('.');
    expect(loaded.tables.find((t) => t.schema === schema && t.name === name)?.renamedFrom, `renamed_from of ${k} read from the YAML`).toBe(old);
  }
  for (const [k, old] of Object.entries(renames.columns)) expect(read(k)?.renamedFrom, `renamed_from of ${k} read from the YAML`).toBe(old);
  for (const [k, expr] of Object.entries(using)) expect(read(k)?.using, `using of ${k} read from the YAML`).toBe(expr);
  return loaded;
}

function userSchemas(...models: DatabaseModel[]): string[] {
  return [...new Set(['public', ...models.flatMap((m) => m.schemas.map((s) => s.name))])].sort();
}

async function planAndApply(conn: Connection, desired: DesiredInput): Promise<{ sql: string; hazards: Set<string> }> {
  const { plan } = await planDatabase(conn, desired, workspace, DEFAULT_SETTINGS);
  const sql = renderSql(plan);
  await applyPlanSafely(conn, plan, desired.managedSchemas, workspace, {
    allowHazards: 'all',
    allowStale: false,
    planSql: sql,
    lockWaitMs: 10_000,
  });
  return { sql, hazards: new Set(plan.steps.flatMap((st) => st.hazards.map((h) => h.kind))) };
}

async function expectEmptyPlan(conn: Connection, desired: DesiredInput, label: string): Promise<void> {
  const { plan } = await planDatabase(conn, desired, workspace, DEFAULT_SETTINGS);
  expect(plan.steps.map((s) => s.sql), `${label}: the second plan must be empty`).toEqual([]);
}

async function expectSameCatalog(
  a: Connection,
  b: Connection | CatalogSnapshot,
  schemas: readonly string[],
  rolePrefix: string,
  label: string,
  columnOrder: boolean,
): Promise<void> {
  const other = 'tables' in b ? b : await catalogSnapshot(b, { schemas, rolePrefix });
  const diffs = diffSnapshots(await catalogSnapshot(a, { schemas, rolePrefix }), other, { columnOrder });
  expect(diffs, `${label}: catalogs differ`).toEqual([]);
}

function hasColumn(s: CatalogSnapshot, key: string): boolean {
  const [schema, table, column] = key.split('.');
  return s.tables[`${schema}.${table}`]?.columns.some((c) => c.name === column) ?? false;
}

/**
 * The case's own consistency, checked on the states it builds: A and B differ, and every rename
 * and USING annotation names objects of the right state (else the case proves nothing).
 */
function expectConsistentCase(c: Case, before: CatalogSnapshot, after: CatalogSnapshot): void {
  expect(diffSnapshots(before, after), `${c.name}: A and B must differ`).not.toEqual([]);
  for (const [k, old] of Object.entries(c.renames.tables)) {
    expect(after.tables[k], `${c.name}: ${k} exists in B`).toBeDefined();
    expect(before.tables[`${k.split('.')[0]}.${old}`], `${c.name}: ${old} exists in A`).toBeDefined();
  }
  for (const [k, old] of Object.entries(c.renames.columns)) {
    const [s, t] = k.split('.');
    const oldTable = c.renames.tables[`${s}.${t}`] ?? t;
    expect(hasColumn(after, k), `${c.name}: ${k} exists in B`).toBe(true);
    expect(hasColumn(before, `${s}.${oldTable}.${old}`), `${c.name}: ${old} exists in A`).toBe(true);
  }
  for (const k of Object.keys(c.using)) expect(hasColumn(after, k), `${c.name}: USING target ${k} exists in B`).toBe(true);
  for (const k of Object.keys(c.reverseUsing)) expect(hasColumn(before, k), `${c.name}: reverse USING target ${k} exists in A`).toBe(true);
}

/**
 * Runs one data check. A check with a role or settings runs in a transaction of its own
 * (SET LOCAL ROLE, set_config(..., true)), committed unless it fails; an expected error must
 * match the check's pattern.
 */
async function runDataCheck(conn: Connection, check: CaseDataCheck): Promise<void> {
  const label = `data${check.role ? ` as ${check.role}` : ''}: ${check.sql}`;
  const scoped = check.role !== null || Object.keys(check.settings).length > 0;
  if (scoped) {
    await conn.exec('BEGIN');
    if (check.role !== null) await conn.exec(`SET LOCAL ROLE ${ident(check.role)}`);
    for (const [name, value] of Object.entries(check.settings)) {
      await conn.query('SELECT set_config($1, $2, true)', [name, value]);
    }
  }
  let rows: Record<string, unknown>[] | undefined;
  let error: Error | undefined;
  try {
    rows = await conn.query(check.sql);
  } catch (e) {
    error = e as Error;
  }
  if (scoped) await conn.exec(error ? 'ROLLBACK' : 'COMMIT');
  if (check.error !== null) {
    expect(error?.message, `${label} must fail`).toMatch(new RegExp(check.error));
  } else {
    if (error) throw new Error(`${label}: ${error.message}`);
    expect(rows, label).toEqual(check.rows);
  }
}

/** A table of A whose rows both plans keep: its name and kept columns in A, and the same in B. */
interface KeptTable {
  readonly schema: string;
  readonly a: { readonly table: string; readonly columns: readonly string[] };
  readonly b: { readonly table: string; readonly columns: readonly string[] };
}

/** The tables of A and their columns whose values both plans keep (neither dropped nor converted). */
function keptColumns(modelA: DatabaseModel, modelB: DatabaseModel, c: Case): KeptTable[] {
  const out: KeptTable[] = [];
  // A column of a composite type whose attributes change holds other values afterwards.
  const shape = (m: DatabaseModel) => new Map((m.compositeTypes ?? []).map((t) => [`${t.schema}.${t.name}`, JSON.stringify(t.attributes)]));
  const [shapeA, shapeB] = [shape(modelA), shape(modelB)];
  const reshaped = (type: string) => [...shapeA.keys()].some((k) => (type === k || type === k.split('.')[1] || type.startsWith(`${k.split('.')[1]}[`)) && shapeA.get(k) !== shapeB.get(k));
  for (const tA of modelA.tables) {
    if (tA.partitionBy) continue; // its rows are read through its partitions
    const renamedTo = Object.entries(c.renames.tables).find(([k, old]) => old === tA.name && k.startsWith(`${tA.schema}.`))?.[0].split('.')[1];
    const tB = modelB.tables.find((t) => t.schema === tA.schema && t.name === (renamedTo ?? tA.name));
    if (!tB) continue;
    const pairs: [string, string][] = [];
    for (const colA of tA.columns) {
      const bName = Object.entries(c.renames.columns).find(([k, old]) => old === colA.name && k.startsWith(`${tB.schema}.${tB.name}.`))?.[0].split('.')[2] ?? colA.name;
      const colB = tB.columns.find((x) => x.name === bName);
      if (colB && colB.type === colA.type && !reshaped(colA.type) && !colA.generated && !colB.generated && !c.using[`${tB.schema}.${tB.name}.${bName}`]) pairs.push([colA.name, bName]);
    }
    if (pairs.length > 0) {
      out.push({ schema: tA.schema, a: { table: tA.name, columns: pairs.map((p) => p[0]) }, b: { table: tB.name, columns: pairs.map((p) => p[1]) } });
    }
  }
  return out;
}

/** The rows of the kept columns, named as in state `side`, each table's sorted, as text. */
async function rowsOf(conn: Connection, kept: readonly KeptTable[], side: 'a' | 'b'): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of kept) {
    const { table, columns } = t[side];
    const rows = await conn.query<{ r: string }>(`SELECT json_build_array(${columns.map(ident).join(', ')})::text AS r FROM ${ident(t.schema)}.${ident(table)}`);
    if (rows.length > 0) out[`${t.schema}.${t.a.table}`] = rows.map((x) => x.r).sort();
  }
  return out;
}

/**
 * The proof of a case: A (before) planned toward the pulled YAML of B (after), applied, equals B
 * in an independent catalog query (column order aside: a table that exists keeps the order of its
 * columns, new ones come last); the next plan is empty. With `full` (the default), also: the
 * same YAML on an empty database equals B, and B planned toward A's YAML converges back to A.
 */
export async function runCase(
  c: Case,
  engine: EngineKind,
  opts: { readonly full?: boolean; /** Another server than the suite's PostgreSQL 15 one. */ readonly server?: string } = {},
): Promise<void> {
  const open: Connection[] = [];
  const track = (conn: Connection): Connection => (open.push(conn), conn);
  try {
    const a = track(await build(engine, c, c.beforeSql, opts.server));
    const b = track(await build(engine, c, c.afterSql, opts.server));
    const modelA = await introspect(a);
    const modelB = await introspect(b);
    const schemas = userSchemas(modelA, modelB);
    const snapshotB = await catalogSnapshot(b, { schemas, rolePrefix: c.rolePrefix });
    expectConsistentCase(c, await catalogSnapshot(a, { schemas, rolePrefix: c.rolePrefix }), snapshotB);
    const desiredB: DesiredInput = {
      loaded: { model: pulledYaml(modelB, c.renames, c.using), sources: new Map(), files: [] },
      managedSchemas: schemas,
    };

    // Rows of the columns both plans keep survive each plan (with the full proof).
    const kept = opts.full !== false && c.reverse ? keptColumns(modelA, modelB, c) : [];
    const rowsA = await rowsOf(a, kept, 'a');
    const { sql, hazards } = await planAndApply(a, desiredB);
    expect(await rowsOf(a, kept, 'b'), "A's rows after the plan").toEqual(rowsA);
    for (const s of c.plan.contains) expect(sql, `plan must contain ${s}; the plan:\n${sql}\n`).toContain(s);
    for (const s of c.plan.notContains) expect(sql, `plan must not contain ${s}; the plan:\n${sql}\n`).not.toContain(s);
    for (const h of c.plan.hazards) expect([...hazards], `plan must name hazard ${h}; the plan:\n${sql}\n`).toContain(h);
    if (c.plan.hazardsExact) expect([...hazards].sort(), `plan hazards, exactly; the plan:\n${sql}\n`).toEqual([...c.plan.hazards].sort());
    await expectSameCatalog(a, snapshotB, schemas, c.rolePrefix, 'A after apply vs B', false);
    for (const check of c.data) await runDataCheck(a, check);
    await expectEmptyPlan(a, desiredB, 'A -> B');
    if (opts.full === false) return;

    const empty = track(await freshDatabase(engine, c, opts.server));
    await planAndApply(empty, desiredB);
    await expectSameCatalog(empty, snapshotB, schemas, c.rolePrefix, 'empty database after apply vs B', true);
    await expectEmptyPlan(empty, desiredB, 'empty -> B');

    if (c.reverse) {
      const original = track(await build(engine, c, c.beforeSql, opts.server));
      const desiredA: DesiredInput = {
        loaded: { model: pulledYaml(modelA, c.reverseRenames, c.reverseUsing), sources: new Map(), files: [] },
        managedSchemas: schemas,
      };
      // The way back on the database that went forward, over its rows (the data checks may have
      // written some): the rows of the kept columns come back as they were.
      const rowsBefore = await rowsOf(a, kept, 'b');
      const back = await planAndApply(a, desiredA).then(
        () => null,
        (e: Error) => e,
      );
      if (c.reverseRowsRefused !== null) {
        expect(back?.message, `the way back over A's rows must be refused (${c.reverseRowsRefused})`).toMatch(new RegExp(c.reverseRowsRefused));
        await planAndApply(b, desiredA);
        await expectSameCatalog(b, original, schemas, c.rolePrefix, 'B after the reverse plan vs A', false);
        await expectEmptyPlan(b, desiredA, 'B -> A');
      } else {
        if (back) throw new Error(`A -> B -> A over A's rows failed: ${back.message}`);
        await expectSameCatalog(a, original, schemas, c.rolePrefix, 'A after the plan and the reverse plan vs A', false);
        expect(await rowsOf(a, kept, 'a'), 'the rows after the way back').toEqual(rowsBefore);
        await expectEmptyPlan(a, desiredA, 'A -> B -> A');
      }
    }
  } finally {
    for (const conn of open) await (engine === 'pglite' ? releasePglite(conn, c.extensions) : conn.close());
  }
}
