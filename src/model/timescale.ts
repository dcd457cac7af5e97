import type { QualifiedName } from './names.ts';

/**
 * TimescaleDB objects. Intervals are kept as text in PostgreSQL's output form (`7 days`,
 * `01:00:00`) once normalized; for hypertables partitioned on an integer column they are integers
 * written as text (`100000`). Both sides of a diff are printed by the same engine, so text compares.
 */

/** An extra (space) dimension: rows are spread over `partitions` hash partitions of `column`. */
export interface HashDimension {
  readonly column: string;
  readonly partitions: number;
}

/** An extra range (time or integer) dimension: chunks also split `column` into ranges of `interval`. */
export interface RangeDimension {
  readonly column: string;
  /** An interval (`1 day`) or, for an integer column, an integer as text. */
  readonly interval: string;
}

/** A dimension after the first (time) one. */
export type Dimension = HashDimension | RangeDimension;

export const isHashDimension = (d: Dimension): d is HashDimension => 'partitions' in d;

/** One `compress_orderby` item. */
export interface CompressionOrder {
  readonly column: string;
  readonly descending: boolean;
  /** NULLS FIRST; PostgreSQL's default is NULLS FIRST for DESC and NULLS LAST for ASC. */
  readonly nullsFirst: boolean;
}

/** Native compression (the columnstore) and its policy. */
export interface Compression {
  readonly enabled: boolean;
  /** `compress_segmentby` columns, in order. */
  readonly segmentBy: readonly string[];
  /** `compress_orderby` items, in order. */
  readonly orderBy: readonly CompressionOrder[];
  /** Compression policy: chunks older than this are compressed; null: no policy. */
  readonly after: string | null;
  /**
   * How often the compression policy's job runs. Introspection fills it; absent in the raw desired
   * state, normalization fills in TimescaleDB's default for the declared chunk interval.
   */
  readonly scheduleInterval?: string | null;
}

export interface Hypertable {
  readonly schema: string;
  /** The table (declared among the tables) that is a hypertable. */
  readonly table: string;
  /** The partitioning (time) column of the first dimension. */
  readonly timeColumn: string;
  /** Chunk interval of the time dimension; null in the raw desired state means TimescaleDB's default. */
  readonly chunkInterval: string | null;
  /** Hash and range dimensions after the time dimension, in dimension order. */
  readonly dimensions: readonly Dimension[];
  readonly compression: Compression;
  /** Retention policy: chunks older than this are dropped; null: no policy. */
  readonly dropAfter: string | null;
  /** How often the retention policy's job runs; like `Compression.scheduleInterval`. */
  readonly retentionScheduleInterval?: string | null;
}

/** `add_continuous_aggregate_policy` settings; offsets null mean unbounded. */
export interface RefreshPolicy {
  readonly startOffset: string | null;
  readonly endOffset: string | null;
  readonly scheduleInterval: string;
}

/**
 * A continuous aggregate. Its privileges are in `DatabaseModel.grants`, as `table` (and `column`)
 * grants on its name, like a view's: GRANT on the aggregate's view, which TimescaleDB passes on to
 * its internal relations.
 */
export interface ContinuousAggregate extends QualifiedName {
  /** The aggregate's query as TimescaleDB prints it (no trailing semicolon). */
  readonly definition: string;
  /** Reads only materialized rows (true) or adds not-yet-materialized ones at query time (false). */
  readonly materializedOnly: boolean;
  readonly refreshPolicy: RefreshPolicy | null;
  readonly compression: Compression;
  readonly dropAfter: string | null;
  /** How often the retention policy's job runs; like `Compression.scheduleInterval`. */
  readonly retentionScheduleInterval?: string | null;
  readonly comment: string | null;
  /**
   * What the aggregate reads: `keys.table` of its hypertable or `continuousAggregateKey` of the
   * aggregate it is built on (hierarchical). Empty in the raw desired state.
   */
  readonly dependsOn: readonly string[];
  /** Desired-state only: created `WITH NO DATA` (empty until the first refresh). */
  readonly withNoData?: boolean;
  /**
   * Desired-state only: `full` refreshes the whole range after the aggregate is (re)built, so a
   * rebuild recomputes every bucket the hypertable still has rows for.
   */
  readonly refresh?: 'full';
}

/** Identity key of a continuous aggregate, for steps and `dependsOn`. */
export function continuousAggregateKey(schema: string, name: string): string {
  return `continuous_aggregate:${schema}.${name}`;
}

/** Edge key: the table is a hypertable (create_hypertable ran). */
export function hypertableKey(schema: string, table: string): string {
  return `hypertable:${schema}.${table}`;
}

export const NO_COMPRESSION: Compression = { enabled: false, segmentBy: [], orderBy: [], after: null };

/**
 * A user-defined TimescaleDB job (`add_job`), identified by its name (`job_name`, kept by
 * TimescaleDB as the job's application_name). Its id differs between databases and is never kept.
 */
export interface Job {
  readonly name: string;
  /** The procedure (or function) the job calls, by schema and name. */
  readonly procedure: QualifiedName;
  /** As PostgreSQL prints the interval once normalized (`1 day`, `01:00:00`). */
  readonly scheduleInterval: string;
  /** The job's `config` as jsonb text (PostgreSQL's form once normalized); null when it has none. */
  readonly config: string | null;
  /** Runs on its schedule (true) or is paused (false). */
  readonly scheduled: boolean;
  /** Runs at fixed times from its start (true, TimescaleDB's default) or schedule_interval after each run ends. */
  readonly fixedSchedule: boolean;
}

/** Identity key of a job, for steps. */
export function jobKey(name: string): string {
  return `timescaledb_job:${name}`;
}
