import type { Connection } from '../db/connection.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import {
  continuousAggregateKey,
  type Compression,
  type CompressionOrder,
  type ContinuousAggregate,
  type Dimension,
  type Hypertable,
  type Job,
  type RefreshPolicy,
} from '../model/timescale.ts';
import { scopeParams, type Scope } from './scope.ts';

/**
 * TimescaleDB's own schemas. Everything in them (chunks, materialization hypertables, the
 * partial and direct views of continuous aggregates, compressed chunks) is TimescaleDB's business.
 */
export const TIMESCALE_INTERNAL_SCHEMA_PATTERNS: readonly string[] = ['\\_timescaledb\\_%'];
export const TIMESCALE_INTERNAL_SCHEMAS: readonly string[] = ['timescaledb_information', 'timescaledb_experimental', 'toolkit_experimental'];

/** SQL predicate on a schema-name expression: not one of TimescaleDB's own schemas. */
export function notTimescaleSchema(schemaExpr: string): string {
  const likes = TIMESCALE_INTERNAL_SCHEMA_PATTERNS.map((p) => `${schemaExpr} NOT LIKE '${p}'`);
  const names = TIMESCALE_INTERNAL_SCHEMAS.map((n) => `'${n}'`).join(', ');
  return `(${[...likes, `${schemaExpr} NOT IN (${names})`].join(' AND ')})`;
}

/**
 * SQL predicate on a pg_class alias: not the user-facing view of a continuous aggregate. Such a
 * view reads TimescaleDB's materialization hypertable (materialized_only) or its internal
 * functions; either way its rewrite rule depends on a relation or function in a `_timescaledb_`
 * schema. Written against the catalogs only, so it runs where TimescaleDB is not installed.
 */
export function notContinuousAggregateView(rel: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite ts_r
    JOIN pg_catalog.pg_depend ts_d ON ts_d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND ts_d.objid = ts_r.oid
    JOIN pg_catalog.pg_class ts_c ON ts_d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ts_c.oid = ts_d.refobjid
    JOIN pg_catalog.pg_namespace ts_n ON ts_n.oid = ts_c.relnamespace
    WHERE ts_r.ev_class = ${rel}.oid AND ts_n.nspname LIKE '\\_timescaledb\\_%')`;
}

/**
 * SQL predicate on a pg_trigger alias: not a trigger TimescaleDB puts on hypertables itself
 * (ts_insert_blocker, ts_cagg_invalidation_trigger): their functions live in its own schemas.
 */
export function notTimescaleTrigger(trigger: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc ts_p JOIN pg_catalog.pg_namespace ts_pn ON ts_pn.oid = ts_p.pronamespace
    WHERE ts_p.oid = ${trigger}.tgfoid AND ts_pn.nspname LIKE '\\_timescaledb\\_%')`;
}

/** SQL predicate on a schema-name expression: managed (`$1`, null = all) and not TimescaleDB's. */
function managed(schemaExpr: string): string {
  return `(($1::text[] IS NULL OR ${schemaExpr} = ANY ($1::text[])) AND ${notTimescaleSchema(schemaExpr)})`;
}

export interface HypertableRow {
  readonly schema: string;
  readonly table: string;
  readonly compression_enabled: boolean;
}

export interface DimensionRow {
  readonly schema: string;
  readonly table: string;
  readonly number: number;
  readonly column: string;
  readonly type: 'Time' | 'Space';
  readonly time_interval: string | null;
  readonly integer_interval: string | null;
  readonly partitions: number | null;
}

export interface CompressionSettingRow {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly segmentby_index: number | null;
  readonly orderby_index: number | null;
  readonly orderby_asc: boolean | null;
  readonly orderby_nullsfirst: boolean | null;
}

export interface JobRow {
  readonly schema: string;
  readonly table: string;
  readonly proc: 'policy_compression' | 'policy_retention' | 'policy_refresh_continuous_aggregate';
  readonly schedule_interval: string;
  readonly compress_after: string | null;
  readonly drop_after: string | null;
  readonly start_offset: string | null;
  readonly end_offset: string | null;
}

export interface ContinuousAggregateRow {
  readonly schema: string;
  readonly name: string;
  readonly source_schema: string;
  readonly source_table: string;
  readonly materialization_schema: string;
  readonly materialization_table: string;
  readonly materialized_only: boolean;
  readonly compression_enabled: boolean;
  readonly definition: string;
  readonly comment: string | null;
}

const INSTALLED_SQL = `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'timescaledb') AS installed`;

export const HYPERTABLES_SQL = `
SELECT h.hypertable_schema::text AS schema, h.hypertable_name::text AS "table", h.compression_enabled
FROM timescaledb_information.hypertables h
WHERE ${managed('h.hypertable_schema::text')}
ORDER BY 1, 2`;

/** Dimensions of the managed hypertables, in dimension order. */
export const DIMENSIONS_SQL = `
SELECT d.hypertable_schema::text AS schema, d.hypertable_name::text AS "table", d.dimension_number::int AS number,
  d.column_name::text AS "column", d.dimension_type::text AS type,
  d.time_interval::text AS time_interval, d.integer_interval::text AS integer_interval, d.num_partitions::int AS partitions
FROM timescaledb_information.dimensions d
WHERE ${managed('d.hypertable_schema::text')}
ORDER BY 1, 2, 3`;

export const COMPRESSION_SETTINGS_SQL = `
SELECT s.hypertable_schema::text AS schema, s.hypertable_name::text AS "table", s.attname::text AS "column",
  s.segmentby_column_index::int AS segmentby_index, s.orderby_column_index::int AS orderby_index,
  s.orderby_asc, s.orderby_nullsfirst
FROM timescaledb_information.compression_settings s
ORDER BY 1, 2, 3`;

/**
 * Policy jobs of TimescaleDB's own kinds; user-defined jobs (add_job) are not modelled. For an
 * aggregate's policies, hypertable_schema/name name the aggregate.
 */
export const JOBS_SQL = `
SELECT j.hypertable_schema::text AS schema, j.hypertable_name::text AS "table", j.proc_name::text AS proc,
  j.schedule_interval::text AS schedule_interval,
  j.config ->> 'compress_after' AS compress_after, j.config ->> 'drop_after' AS drop_after,
  j.config ->> 'start_offset' AS start_offset, j.config ->> 'end_offset' AS end_offset
FROM timescaledb_information.jobs j
WHERE j.proc_schema = '_timescaledb_functions'
  AND j.proc_name IN ('policy_compression', 'policy_retention', 'policy_refresh_continuous_aggregate')
  AND j.hypertable_schema IS NOT NULL AND ${managed('j.hypertable_schema::text')}
ORDER BY 1, 2, 3, j.job_id`;

/**
 * User-defined jobs (add_job): those whose procedure is in a managed schema, not TimescaleDB's own
 * (its policies and internal jobs call procedures in its own schemas). TimescaleDB stores a job's
 * name as `<job_name> [<job_id>]`: the name is read without that suffix.
 */
export const USER_JOBS_SQL = `
SELECT pg_catalog.regexp_replace(j.application_name::text, ' \\[' || j.job_id || '\\]$', '') AS name, j.proc_schema::text AS proc_schema, j.proc_name::text AS proc_name,
  j.schedule_interval::text AS schedule_interval, j.config::text AS config, j.scheduled, j.fixed_schedule
FROM timescaledb_information.jobs j
WHERE ${managed('j.proc_schema::text')}
ORDER BY 1, j.job_id`;

export interface UserJobRow {
  readonly name: string;
  readonly proc_schema: string;
  readonly proc_name: string;
  readonly schedule_interval: string;
  readonly config: string | null;
  readonly scheduled: boolean;
  readonly fixed_schedule: boolean;
}

export function jobFromRow(r: UserJobRow): Job {
  return {
    name: r.name,
    procedure: { schema: r.proc_schema, name: r.proc_name },
    scheduleInterval: r.schedule_interval,
    config: r.config,
    scheduled: r.scheduled,
    fixedSchedule: r.fixed_schedule,
  };
}

export const CONTINUOUS_AGGREGATES_SQL = `
SELECT a.view_schema::text AS schema, a.view_name::text AS name,
  a.hypertable_schema::text AS source_schema, a.hypertable_name::text AS source_table,
  a.materialization_hypertable_schema::text AS materialization_schema,
  a.materialization_hypertable_name::text AS materialization_table,
  a.materialized_only, a.compression_enabled,
  pg_catalog.rtrim(pg_catalog.btrim(a.view_definition, E' \\n'), ';') AS definition,
  (SELECT d.description FROM pg_catalog.pg_description d
    WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
      AND d.objoid = pg_catalog.format('%I.%I', a.view_schema, a.view_name)::pg_catalog.regclass) AS comment
FROM timescaledb_information.continuous_aggregates a
WHERE ${managed('a.view_schema::text')}
ORDER BY 1, 2`;

type TableKey = string;
const tk = (schema: string, table: string): TableKey => `${schema}\u0000${table}`;

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The compression settings of one hypertable (or materialization hypertable). */
export function compressionFrom(enabled: boolean, settings: readonly CompressionSettingRow[], policy: JobRow | undefined): Compression {
  const after = policy?.compress_after ?? null;
  const schedule = policy ? { scheduleInterval: policy.schedule_interval } : {};
  if (!enabled) return { enabled: false, segmentBy: [], orderBy: [], after, ...schedule };
  const segmentBy = settings
    .filter((s) => s.segmentby_index !== null)
    .sort((a, b) => a.segmentby_index! - b.segmentby_index!)
    .map((s) => s.column);
  const orderBy: CompressionOrder[] = settings
    .filter((s) => s.orderby_index !== null)
    .sort((a, b) => a.orderby_index! - b.orderby_index!)
    .map((s) => ({ column: s.column, descending: s.orderby_asc === false, nullsFirst: s.orderby_nullsfirst === true }));
  return { enabled: true, segmentBy, orderBy, after, ...schedule };
}

function retentionFrom(policy: JobRow | undefined): { dropAfter: string | null; retentionScheduleInterval?: string } {
  return policy ? { dropAfter: policy.drop_after, retentionScheduleInterval: policy.schedule_interval } : { dropAfter: null };
}

export interface TimescaleRows {
  readonly hypertables: readonly HypertableRow[];
  readonly dimensions: readonly DimensionRow[];
  readonly compressionSettings: readonly CompressionSettingRow[];
  readonly jobs: readonly JobRow[];
  readonly continuousAggregates: readonly ContinuousAggregateRow[];
}

export interface TimescaleObjects {
  readonly hypertables: Hypertable[];
  readonly continuousAggregates: ContinuousAggregate[];
  readonly jobs: Job[];
}

/** Builds the model objects from the rows of the queries above. */
export function timescaleFromRows(rows: TimescaleRows): TimescaleObjects {
  const dims = groupBy(rows.dimensions, (d) => tk(d.schema, d.table));
  const settings = groupBy(rows.compressionSettings, (s) => tk(s.schema, s.table));
  const jobs = groupBy(rows.jobs, (j) => tk(j.schema, j.table));
  const job = (schema: string, table: string, proc: JobRow['proc']) => jobs.get(tk(schema, table))?.find((j) => j.proc === proc);

  const hypertables: Hypertable[] = [];
  for (const h of rows.hypertables) {
    const ds = dims.get(tk(h.schema, h.table)) ?? [];
    const time = ds.find((d) => d.number === 1);
    if (!time) continue;
    const dimensions: Dimension[] = ds
      .filter((d) => d.number > 1)
      .flatMap((d): Dimension[] => {
        if (d.type === 'Space' && d.partitions !== null) return [{ column: d.column, partitions: d.partitions }];
        const interval = d.time_interval ?? d.integer_interval;
        return d.type === 'Time' && interval !== null ? [{ column: d.column, interval }] : [];
      });
    hypertables.push({
      schema: h.schema,
      table: h.table,
      timeColumn: time.column,
      chunkInterval: time.time_interval ?? time.integer_interval,
      dimensions,
      compression: compressionFrom(
        h.compression_enabled,
        settings.get(tk(h.schema, h.table)) ?? [],
        job(h.schema, h.table, 'policy_compression'),
      ),
      ...retentionFrom(job(h.schema, h.table, 'policy_retention')),
    });
  }

  const byMaterialization = new Map(
    rows.continuousAggregates.map((a) => [tk(a.materialization_schema, a.materialization_table), a] as const),
  );
  const continuousAggregates: ContinuousAggregate[] = rows.continuousAggregates.map((a) => {
    const parent = byMaterialization.get(tk(a.source_schema, a.source_table));
    const refresh = job(a.schema, a.name, 'policy_refresh_continuous_aggregate');
    const refreshPolicy: RefreshPolicy | null = refresh
      ? { startOffset: refresh.start_offset, endOffset: refresh.end_offset, scheduleInterval: refresh.schedule_interval }
      : null;
    return {
      schema: a.schema,
      name: a.name,
      definition: a.definition,
      materializedOnly: a.materialized_only,
      refreshPolicy,
      compression: compressionFrom(
        a.compression_enabled,
        settings.get(tk(a.materialization_schema, a.materialization_table)) ?? [],
        job(a.schema, a.name, 'policy_compression'),
      ),
      ...retentionFrom(job(a.schema, a.name, 'policy_retention')),
      comment: a.comment,
      dependsOn: [parent ? continuousAggregateKey(parent.schema, parent.name) : keys.table(a.source_schema, a.source_table)],
    };
  });
  return { hypertables, continuousAggregates, jobs: [] };
}

/** Whether the database has TimescaleDB installed (its information views exist only then). */
export async function timescaleInstalled(conn: Connection): Promise<boolean> {
  const [row] = await conn.query<{ installed: boolean }>(INSTALLED_SQL);
  return row!.installed;
}

/** Hypertables and continuous aggregates of the managed schemas; empty lists without TimescaleDB. */
export async function introspectTimescale(conn: Connection, scope: Scope): Promise<TimescaleObjects> {
  if (!(await timescaleInstalled(conn))) return { hypertables: [], continuousAggregates: [], jobs: [] };
  const params = scopeParams(scope);
  // One connection runs one query at a time, so these run one after another.
  const hypertables = await conn.queryReused<HypertableRow>(HYPERTABLES_SQL, params);
  const dimensions = await conn.queryReused<DimensionRow>(DIMENSIONS_SQL, params);
  const compressionSettings = await conn.queryReused<CompressionSettingRow>(COMPRESSION_SETTINGS_SQL);
  const jobs = await conn.queryReused<JobRow>(JOBS_SQL, params);
  const continuousAggregates = await conn.queryReused<ContinuousAggregateRow>(CONTINUOUS_AGGREGATES_SQL, params);
  const userJobs = await conn.queryReused<UserJobRow>(USER_JOBS_SQL, params);
  return { ...timescaleFromRows({ hypertables, dimensions, compressionSettings, jobs, continuousAggregates }), jobs: userJobs.map(jobFromRow) };
}

/**
 * The model without what TimescaleDB creates itself, for introspection code that does not filter
 * it in SQL (see `notContinuousAggregateView`, `notTimescaleTrigger`, `notTimescaleSchema`): the
 * aggregates' views among the views and TimescaleDB's triggers on hypertables.
 */
export function withoutTimescaleInternals<M extends DatabaseModel>(model: M): M {
  const aggregates = new Set((model.continuousAggregates ?? []).map((a) => tk(a.schema, a.name)));
  const internal = (schema: string) => schema.startsWith('_timescaledb_') || TIMESCALE_INTERNAL_SCHEMAS.includes(schema);
  return {
    ...model,
    schemas: model.schemas.filter((s) => !internal(s.name)),
    tables: model.tables.filter((t) => !internal(t.schema)),
    views: model.views.filter((v) => !internal(v.schema) && !aggregates.has(tk(v.schema, v.name))),
    triggers: model.triggers.filter((t) => !internal(t.function.schema)),
  };
}
