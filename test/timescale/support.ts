/** A TimescaleDB engine pair (live + scratch) and the plan/apply/re-read loop for the tests. */
import type { Connection } from '../../src/db/connection.ts';
import { openPglite, type EmbeddedPglite } from '../../src/db/pglite.ts';
import { introspect } from '../../src/introspect/index.ts';
import { introspectTimescale, withoutTimescaleInternals } from '../../src/introspect/timescale.ts';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import type { Step } from '../../src/plan/step.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Grant } from '../../src/model/grant.ts';
import type { Compression, ContinuousAggregate, Hypertable, Job } from '../../src/model/timescale.ts';
import { ident } from '../../src/sql/quote.ts';
import { CANONICAL_SEARCH_PATH } from '../../src/sql/session.ts';

let template: Promise<Blob> | undefined;

/**
 * An in-memory database of the TimescaleDB build with the extension created, started from a
 * dump made once per test file.
 */
export async function openTimescale(): Promise<Connection> {
  template ??= (async () => {
    const conn = await openPglite({ dataDir: null, extensions: ['timescaledb'] });
    await conn.exec('CREATE EXTENSION timescaledb');
    const dump = await (conn as unknown as { raw: EmbeddedPglite }).raw.dumpDataDir('none');
    await conn.close();
    return dump;
  })();
  const conn = await openPglite({ dataDir: null, extensions: ['timescaledb'], loadDataDir: await template });
  await conn.exec(`SET search_path = ${CANONICAL_SEARCH_PATH}`);
  return conn;
}

/** The whole model of the given schemas, TimescaleDB objects included. */
export async function readState(conn: Connection, schemas: readonly string[]): Promise<DatabaseModel> {
  const model = await introspect(conn, { schemas });
  const serverVersion = Number((await conn.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`))[0]!.v);
  const ts = await introspectTimescale(conn, { schemas, serverVersion });
  return withoutTimescaleInternals({ ...model, hypertables: ts.hypertables, continuousAggregates: ts.continuousAggregates, jobs: ts.jobs });
}

export function planSteps(from: DatabaseModel, to: DatabaseModel): Step[] {
  return orderSteps(diffModels(from, to));
}

/** Runs each step on its own, as the applier does for non-transactional steps. */
export async function applySteps(conn: Connection, steps: readonly Step[]): Promise<void> {
  for (const s of steps) {
    try {
      await conn.exec(`${s.sql};`);
    } catch (e) {
      throw new Error(`step failed: ${s.sql}\n${(e as Error).message}`);
    }
  }
}

export interface TimescaleDecl {
  readonly hypertables?: readonly Hypertable[];
  readonly continuousAggregates?: readonly ContinuousAggregate[];
  readonly jobs?: readonly Job[];
  /** Grants added to the ones the tables' SQL made (on the aggregates, say). */
  readonly grants?: readonly Grant[];
}

/**
 * The desired state in canonical form: the tables (SQL) and the TimescaleDB objects (raw model)
 * created from nothing in the scratch database's schema, then read back, like normalization does.
 */
export async function desiredState(scratch: Connection, schema: string, tablesSql: string, decl: TimescaleDecl): Promise<DatabaseModel> {
  await scratch.exec(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE; CREATE SCHEMA ${ident(schema)}; ${tablesSql}`);
  const base = await readState(scratch, [schema]);
  const raw: DatabaseModel = {
    ...base,
    hypertables: decl.hypertables ?? [],
    continuousAggregates: decl.continuousAggregates ?? [],
    jobs: decl.jobs ?? [],
    grants: [...base.grants, ...(decl.grants ?? [])],
  };
  await applySteps(scratch, planSteps(base, raw));
  return readState(scratch, [schema]);
}

/** Plans `live` -> `desired`, applies, and returns the steps and the plan from the state reached. */
export async function converge(live: Connection, schema: string, desired: DatabaseModel): Promise<{ steps: Step[]; after: DatabaseModel; again: Step[] }> {
  const before = await readState(live, [schema]);
  const steps = planSteps(before, desired);
  await applySteps(live, steps);
  const after = await readState(live, [schema]);
  return { steps, after, again: planSteps(after, desired) };
}

export const noCompression: Compression = { enabled: false, segmentBy: [], orderBy: [], after: null };

export function hypertable(schema: string, table: string, timeColumn: string, extra: Partial<Hypertable> = {}): Hypertable {
  return { schema, table, timeColumn, chunkInterval: null, dimensions: [], compression: noCompression, dropAfter: null, ...extra };
}

export function aggregate(schema: string, name: string, definition: string, extra: Partial<ContinuousAggregate> = {}): ContinuousAggregate {
  return {
    schema,
    name,
    definition,
    materializedOnly: true,
    refreshPolicy: null,
    compression: noCompression,
    dropAfter: null,
    comment: null,
    dependsOn: [],
    withNoData: true,
    ...extra,
  };
}
