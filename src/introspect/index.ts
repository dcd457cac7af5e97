import { introspectTimescale } from './timescale.ts';
import type { Connection } from '../db/connection.ts';
import { canonicalize, modelOf, type DatabaseModel } from '../model/database.ts';
import { CANONICAL_SEARCH_PATH } from '../sql/session.ts';
import { introspectDefaultPrivileges } from './default-privileges.ts';
import { introspectDependencies } from './dependencies.ts';
import { introspectEnums } from './enums.ts';
import { introspectDomains } from './domains.ts';
import { introspectCollations } from './collations.ts';
import { introspectAggregates } from './aggregates.ts';
import { introspectCompositeTypes } from './composite-types.ts';
import { introspectExtensions } from './extensions.ts';
import { introspectGrants } from './grants.ts';
import { introspectMaterializedViews } from './materialized-views.ts';
import { introspectPolicies } from './policies.ts';
import { introspectRoles } from './roles.ts';
import { introspectRoutines } from './routines.ts';
import type { Scope } from './scope.ts';
import { introspectSchemas } from './schemas.ts';
import { introspectSequences } from './sequences.ts';
import { introspectTables } from './tables.ts';
import { introspectTriggers } from './triggers.ts';
import { introspectViews } from './views.ts';

export interface IntrospectOptions {
  /** Managed schemas; undefined means every user schema. */
  readonly schemas?: readonly string[];
  /**
   * Read inside the caller's open transaction (no BEGIN/COMMIT of its own): the scratch database
   * reads back what it created before rolling it all back.
   */
  readonly inTransaction?: boolean;
}

/**
 * Reads the database's managed objects into a canonical model. Everything is read in one
 * read-only repeatable-read transaction (one consistent snapshot) with the canonical search_path,
 * so expressions and types deparse the same way as on every other database pgform reads.
 */
export async function introspect(conn: Connection, opts: IntrospectOptions = {}): Promise<DatabaseModel> {
  if (opts.inTransaction) return readModel(conn, opts);
  await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const model = await readModel(conn, opts);
    await conn.exec('COMMIT');
    return model;
  } catch (e) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function readModel(conn: Connection, opts: IntrospectOptions): Promise<DatabaseModel> {
  // A generic plan for every catalog read: the embedded engine keeps them prepared
  // (Connection.queryReused), and planning is most of what a catalog read costs there.
  const [session] = await conn.query<{ version: string; plan_cache_mode: string }>(
    `SELECT pg_catalog.set_config('search_path', $1, true), pg_catalog.current_setting('server_version_num') AS version,
      pg_catalog.current_setting('plan_cache_mode') AS plan_cache_mode,
      pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true)`,
    [CANONICAL_SEARCH_PATH],
  );
  const scope: Scope = { schemas: opts.schemas ?? null, serverVersion: Number(session!.version) };
  // One connection runs one query at a time: each kind is one query, run one after another.
  const deps = await introspectDependencies(conn, scope);
  const schemas = await introspectSchemas(conn, scope);
  const extensions = await introspectExtensions(conn);
  const enums = await introspectEnums(conn, scope);
  const domains = await introspectDomains(conn, scope);
  const compositeTypes = await introspectCompositeTypes(conn, scope);
  const collations = await introspectCollations(conn, scope);
  const sequences = await introspectSequences(conn, scope);
  const tables = await introspectTables(conn, scope, deps);
  const roles = await introspectRoles(conn);
  const views = await introspectViews(conn, scope, deps);
  const materializedViews = await introspectMaterializedViews(conn, scope, deps);
  const routines = await introspectRoutines(conn, scope, deps);
  const aggregates = await introspectAggregates(conn, scope);
  const triggers = await introspectTriggers(conn, scope, deps);
  const policies = await introspectPolicies(conn, scope, deps);
  const grants = await introspectGrants(conn, scope);
  const defaultPrivileges = await introspectDefaultPrivileges(conn, scope);
  const timescale = await introspectTimescale(conn, scope);
  // Inside the caller's transaction, its setting comes back for what it runs next.
  await conn.query(`SELECT pg_catalog.set_config('plan_cache_mode', $1, true)`, [session!.plan_cache_mode]);
  return canonicalize(
    modelOf({
      schemas,
      extensions,
      enums,
      domains,
      compositeTypes,
      collations,
      sequences,
      tables,
      roles,
      views,
      materializedViews,
      routines,
      aggregates,
      triggers,
      policies,
      grants,
      defaultPrivileges,
      hypertables: timescale.hypertables,
      continuousAggregates: timescale.continuousAggregates,
      jobs: timescale.jobs,
    }),
  );
}
