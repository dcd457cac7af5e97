/** The vector engine (the TimescaleDB PGlite build, which ships pgvector) and the whole plan/apply loop on it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { compareStates, desiredState, type Workspace } from '../../src/workflow/states.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { CANONICAL_SEARCH_PATH } from '../../src/sql/session.ts';

/** An in-memory database of the vector build (new embedded databases start from the engine's initdb copy). */
export async function openVector(withExtension = true): Promise<Connection & { readonly build: string }> {
  const conn = await openPglite({ dataDir: null, extensions: ['vector'] });
  await conn.exec(`SET search_path = ${CANONICAL_SEARCH_PATH}`);
  if (withExtension) await conn.exec('CREATE EXTENSION vector');
  return conn;
}

/** One normalization cache per test file. */
export const workspace: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-vector-cache-')), devUrl: null };

/**
 * Plans the YAML against the database the way the workflow does (load, normalize, introspect,
 * diff). `online`: CONCURRENTLY index builds and drops. The vector build refuses every
 * CONCURRENTLY statement ("tuple concurrently updated", see engine.test.ts), so plans applied to
 * it are made offline: plain CREATE/DROP INDEX, which an embedded single-process database can afford.
 */
export async function planYaml(conn: Connection, yaml: string, opts: { readonly online?: boolean; readonly schemas?: readonly string[] } = {}): Promise<Plan> {
  const schemas = opts.schemas ?? ['public'];
  const loaded = loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]);
  const desired = await desiredState(loaded.model, schemas, workspace, loaded.sources);
  const states = await compareStates(conn, desired, schemas, workspace);
  return makePlan({
    from: states.live,
    to: desired,
    sourceFingerprint: states.sourceFingerprint,
    targetFingerprint: states.targetFingerprint,
    settings: DEFAULT_SETTINGS,
    managedSchemas: schemas,
    online: opts.online ?? false,
  });
}

/** Applies with every safety check (stale plan, hazards all allowed, target verified afterwards). */
export async function applyPlan(conn: Connection, plan: Plan, schemas: readonly string[] = ['public']): Promise<void> {
  await applyPlanSafely(conn, plan, schemas, workspace, { allowHazards: 'all', allowStale: false, planSql: renderSql(plan), lockWaitMs: 2000 });
}

export interface IndexRow {
  readonly name: string;
  readonly definition: string;
}

/** Index definitions as the catalog's own view prints them (independent of pgform's introspection). */
export async function catalogIndexes(conn: Connection, schema: string, table: string): Promise<IndexRow[]> {
  return conn.query<IndexRow>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_catalog.pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY 1`,
    [schema, table],
  );
}

/** Column types as format_type prints them, by name. */
export async function catalogColumnTypes(conn: Connection, schema: string, table: string): Promise<Record<string, string>> {
  const rows = await conn.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, table],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}
