/**
 * Applying the five systems' schema folders (schema/<system>/) through the same workflow
 * functions the CLI uses: load the YAML, plan against a database, apply safely, plan again.
 */
import { expect, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Connection } from '../../src/db/connection.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
export type DesiredInputOf = DesiredInput;
import { loadDesired, managedSchemasOf, type DesiredInput } from '../../src/workflow/desired.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { freshPglite, freshPostgres, serverHas } from '../support/databases.ts';
import { introspect } from '../../src/introspect/index.ts';
import { runCacheDir } from '../support/run-cache.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';

export const SCHEMA_ROOT = new URL('../../schema/', import.meta.url);
const FIXTURES = new URL('../fixtures/systems/', import.meta.url);

/** The run's normalization cache: a state is normalized once. */
export const workspace: Workspace = { cacheDir: runCacheDir(), devUrl: null };

/**
 * For the PostgreSQL 15 server: normalization on that server (`--dev-url`), as a user of a server
 * would run it. Without it the scratch engine is PGlite (PostgreSQL 18), whose extension versions
 * (btree_gist 1.8) a plan would pin and the server cannot install.
 */
function serverWorkspace(): Workspace {
  return { cacheDir: runCacheDir(), devUrl: inject('postgresUrl') };
}

let serverWs: Workspace | undefined;
function workspaceFor(conn: Connection): Workspace {
  return conn.engine === 'pglite' ? workspace : (serverWs ??= serverWorkspace());
}

export function schemaDir(system: string): string {
  return new URL(`${system}/`, SCHEMA_ROOT).pathname;
}

export function fixture(system: string, file: string): string {
  return readFileSync(new URL(`${system}/${file}`, FIXTURES), 'utf8');
}

export function desiredOf(system: string): DesiredInput {
  return loadDesired(schemaDir(system), null);
}

/** The embedded engine pgform itself would choose for this YAML (the TimescaleDB build when it declares timescaledb or vector). */
export async function embeddedFor(desired: DesiredInput): Promise<Connection> {
  return freshPglite(desired.loaded.model.extensions.map((e) => e.name));
}

/**
 * What `pgform pull` writes for this database, loaded back as `pgform plan` reads it (owners
 * equal to the role the test engines connect as are left unmanaged, as pull does).
 */
export async function pulled(conn: Connection): Promise<DesiredInput> {
  const files = [...modelToYamlFiles(await introspect(conn), { omitOwner: 'postgres' })].map(([path, text]) => ({ path, text }));
  const loaded = loadSchemaFiles(files);
  return { loaded, managedSchemas: managedSchemasOf(loaded.model, null) };
}

export async function serverDatabase(): Promise<Connection> {
  return freshPostgres('sys');
}

/** `ws`: where normalization runs (default: the embedded engine for PGlite, the server itself for a server). */
export async function plan(conn: Connection, desired: DesiredInput, ws: Workspace = workspaceFor(conn)): Promise<Plan> {
  return (await planDatabase(conn, desired, ws, DEFAULT_SETTINGS)).plan;
}

/** Plans and applies with every hazard allowed (the verification after apply must pass). */
export async function apply(conn: Connection, desired: DesiredInput, ws: Workspace = workspaceFor(conn)): Promise<Plan> {
  const p = await plan(conn, desired, ws);
  await applyPlanSafely(conn, p, desired.managedSchemas, ws, {
    allowHazards: 'all',
    allowStale: false,
    planSql: renderSql(p),
    lockWaitMs: 10_000,
  });
  return p;
}

/** Drift is empty exactly when the next plan has no steps; the message lists what is left. */
export async function expectConverged(conn: Connection, desired: DesiredInput, label: string, ws: Workspace = workspaceFor(conn)): Promise<void> {
  const p = await plan(conn, desired, ws);
  expect(p.steps.map((s) => `${s.operation} ${s.kind} ${s.object}: ${s.sql}`), `${label}: the second plan must be empty`).toEqual([]);
}

/**
 * The YAML for the suite's server: whole when the server has the extensions it declares among
 * timescaledb and vector (scripts/ensure-test-server.sh builds them), else without their parts
 * (only outside CI, said loudly by serverHas).
 */
export function forServer(desired: DesiredInput): { desired: DesiredInput; whole: boolean } {
  const own = desired.loaded.model.extensions.map((e) => e.name).filter((e) => e === 'timescaledb' || e === 'vector');
  if (serverHas(...own)) return { desired, whole: true };
  const available = inject('postgresExtensions');
  return { desired: withoutExtensions(desired, own.filter((e) => !available.includes(e))), whole: false };
}

/** The same YAML without what only exists with an extension: for a server that lacks it. */
export function withoutExtensions(desired: DesiredInput, drop: readonly string[]): DesiredInput {
  const m = desired.loaded.model;
  const vectorTypes = /^(vector|halfvec|sparsevec)\b/;
  const dropVector = drop.includes('vector');
  const dropTimescale = drop.includes('timescaledb');
  const droppedColumns = new Set<string>();
  const tables = m.tables.map((t) => {
    const columns = dropVector ? t.columns.filter((c) => !vectorTypes.test(c.type)) : t.columns;
    for (const c of t.columns) if (!columns.includes(c)) droppedColumns.add(`${t.schema}.${t.name}.${c.name}`);
    const indexes = dropVector
      ? t.indexes.filter((i) => !/\b(ivfflat|hnsw)\b/.test(i.method ?? '') && !/halfvec|vector/.test(JSON.stringify(i)))
      : t.indexes;
    return { ...t, columns, indexes };
  });
  // A continuous aggregate's grants go with it.
  const aggregates = new Set(dropTimescale ? m.continuousAggregates.map((c) => `${c.schema}.${c.name}`) : []);
  const model: DatabaseModel = {
    ...m,
    extensions: m.extensions.filter((e) => !drop.includes(e.name)),
    tables,
    grants: m.grants.filter((g) => !aggregates.has(`${g.schema}.${g.name}`)),
    ...(dropTimescale ? { hypertables: [], continuousAggregates: [] } : {}),
  };
  return { loaded: { ...desired.loaded, model }, managedSchemas: managedSchemasOf(model, null) };
}
