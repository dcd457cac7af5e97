import type { QualifiedName } from '../../model/names.ts';
import {
  continuousAggregateKey,
  NO_COMPRESSION,
  type Compression,
  type CompressionOrder,
  type ContinuousAggregate,
  type Dimension,
  type Hypertable,
  type Job,
  jobKey,
  type RefreshPolicy,
} from '../../model/timescale.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkQualified, display, qualifiedFromKey } from '../names.ts';
import { loadGrants, type GrantYaml } from './grants.ts';
import type { Kind } from './kind.ts';

/**
 * TimescaleDB in the schema files: `hypertable:` inside a table, and the top-level
 * `continuous_aggregates:`. Intervals are written as PostgreSQL reads them (`7 days`, `1 hour`),
 * or as integers for hypertables partitioned on an integer column.
 */

type IntervalYaml = string | number;

export interface CompressionYaml {
  readonly enabled?: boolean;
  readonly segment_by?: readonly string[];
  /** `ts DESC, device` or a list of `column [ASC|DESC] [NULLS FIRST|LAST]` items. */
  readonly order_by?: string | readonly string[];
  /** Compression policy: compress chunks older than this. */
  readonly after?: IntervalYaml | null;
  /** How often the compression policy runs; absent: TimescaleDB's default. */
  readonly schedule_interval?: string | null;
}

export interface RetentionYaml {
  readonly drop_after?: IntervalYaml | null;
  /** How often the retention policy runs; absent: TimescaleDB's default. */
  readonly schedule_interval?: string | null;
}

export interface HypertableYaml {
  readonly time_column: string;
  readonly chunk_interval?: IntervalYaml;
  /** Hash dimensions `{ column: device, partitions: 4 }` and range dimensions `{ column: received, interval: 1 day }`. */
  readonly dimensions?: readonly { readonly column: string; readonly partitions?: number; readonly interval?: IntervalYaml }[];
  readonly compression?: CompressionYaml | null;
  readonly retention?: RetentionYaml | null;
}

export interface ContinuousAggregateYaml {
  readonly schema?: string;
  readonly query: string;
  readonly materialized_only?: boolean;
  readonly with_no_data?: boolean;
  /** `full`: after a (re)build, refresh the whole range. */
  readonly refresh?: 'full';
  readonly refresh_policy?: {
    readonly start_offset?: IntervalYaml | null;
    readonly end_offset?: IntervalYaml | null;
    readonly schedule_interval: IntervalYaml;
  } | null;
  readonly compression?: CompressionYaml | null;
  readonly retention?: RetentionYaml | null;
  readonly comment?: string | null;
  /** Like a view's: complete when present; absent, PostgreSQL's defaults (none). */
  readonly grants?: readonly GrantYaml[];
}

const text = (v: IntervalYaml | null | undefined): string | null => (v === null || v === undefined ? null : String(v).trim());

const ORDER_ITEM = /^\s*("(?:[^"]|"")+"|[^\s,]+)(?:\s+(ASC|DESC))?(?:\s+NULLS\s+(FIRST|LAST))?\s*$/i;

/** One `order_by` item; null when it does not read as `column [ASC|DESC] [NULLS FIRST|LAST]`. */
export function parseOrderItem(item: string): CompressionOrder | null {
  const m = ORDER_ITEM.exec(item);
  if (!m) return null;
  const column = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
  const descending = (m[2] ?? '').toUpperCase() === 'DESC';
  const nullsFirst = m[3] === undefined ? descending : m[3].toUpperCase() === 'FIRST';
  return { column, descending, nullsFirst };
}

function loadCompression(ctx: LoadContext, v: CompressionYaml | null | undefined, loc: Loc): Compression {
  if (v === null || v === undefined || v.enabled === false) {
    if (v && (v.segment_by || v.order_by || v.after !== undefined || v.schedule_interval !== undefined)) {
      ctx.problem(below(loc, 'enabled'), 'compression is disabled: segment_by, order_by, after and schedule_interval have no effect; remove them');
    }
    return NO_COMPRESSION;
  }
  const items = typeof v.order_by === 'string' ? v.order_by.split(',') : (v.order_by ?? []);
  const orderBy: CompressionOrder[] = [];
  items.forEach((item, i) => {
    const parsed = parseOrderItem(item);
    const at = typeof v.order_by === 'string' ? valueOf(below(loc, 'order_by')) : valueOf(below(loc, 'order_by', i));
    if (parsed) orderBy.push(parsed);
    else ctx.problem(at, `\`${item.trim()}\` is not \`column [ASC|DESC] [NULLS FIRST|LAST]\``);
  });
  const after = text(v.after);
  const schedule = text(v.schedule_interval);
  if (schedule !== null && after === null) ctx.problem(below(loc, 'schedule_interval'), 'schedule_interval is the compression policy\'s: it needs `after`');
  return { enabled: true, segmentBy: [...(v.segment_by ?? [])], orderBy, after, ...(schedule !== null ? { scheduleInterval: schedule } : {}) };
}

/** `retention:`'s drop_after and schedule_interval as model fields. */
function loadRetention(ctx: LoadContext, v: RetentionYaml | null | undefined, loc: Loc): { dropAfter: string | null; retentionScheduleInterval?: string } {
  const dropAfter = text(v?.drop_after);
  const schedule = text(v?.schedule_interval);
  if (schedule !== null && dropAfter === null) ctx.problem(below(loc, 'schedule_interval'), 'schedule_interval is the retention policy\'s: it needs `drop_after`');
  return { dropAfter, ...(schedule !== null ? { retentionScheduleInterval: schedule } : {}) };
}

/** Loads the `hypertable:` block of table `table` (called by the tables kind) into the model. */
export function loadHypertable(ctx: LoadContext, table: QualifiedName, value: HypertableYaml, loc: Loc): Hypertable {
  const dimensions: Dimension[] = [];
  (value.dimensions ?? []).forEach((d, i) => {
    if (d.partitions !== undefined && d.interval === undefined) dimensions.push({ column: d.column, partitions: d.partitions });
    else if (d.interval !== undefined && d.partitions === undefined) dimensions.push({ column: d.column, interval: text(d.interval)! });
    else ctx.problem(below(loc, 'dimensions', i), 'a dimension takes `partitions` (hash) or `interval` (range), one of the two');
  });
  const h: Hypertable = {
    schema: table.schema,
    table: table.name,
    timeColumn: value.time_column,
    chunkInterval: text(value.chunk_interval),
    dimensions,
    compression: loadCompression(ctx, value.compression, below(loc, 'compression')),
    ...loadRetention(ctx, value.retention, below(loc, 'retention')),
  };
  ctx.mark(h, loc);
  ctx.model.hypertables.push(h);
  return h;
}

/** The columns a hypertable names exist in its table (run by `continuousAggregatesKind.check`, after every table loaded). */
export function checkHypertables(ctx: LoadContext): void {
  for (const h of ctx.model.hypertables) {
    const loc = ctx.locOf(h);
    const table = ctx.declaredTable(h.schema, h.table);
    if (!table) continue;
    const has = (c: string) => table.columns.some((x) => x.name === c);
    const name = display({ schema: h.schema, name: h.table });
    if (!has(h.timeColumn)) ctx.problem(valueOf(below(loc, 'time_column')), `table \`${name}\` has no column \`${h.timeColumn}\``);
    h.dimensions.forEach((d, i) => {
      if (!has(d.column)) ctx.problem(valueOf(below(loc, 'dimensions', i, 'column')), `table \`${name}\` has no column \`${d.column}\``);
    });
    h.compression.segmentBy.forEach((c, i) => {
      if (!has(c)) ctx.problem(valueOf(below(loc, 'compression', 'segment_by', i)), `table \`${name}\` has no column \`${c}\``);
    });
    for (const o of h.compression.orderBy) {
      if (!has(o.column)) ctx.problem(valueOf(below(loc, 'compression', 'order_by')), `table \`${name}\` has no column \`${o.column}\``);
    }
    if (h.compression.segmentBy.includes(h.timeColumn)) {
      ctx.problem(valueOf(below(loc, 'compression', 'segment_by')), `the time column \`${h.timeColumn}\` cannot be a segment_by column`);
    }
  }
}

export const continuousAggregatesKind: Kind = {
  key: 'continuous_aggregates',
  load({ name, value, loc }, ctx) {
    const v = value as ContinuousAggregateYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    if (!ctx.declare(continuousAggregateKey(qn.schema, qn.name), `continuous aggregate \`${display(qn)}\``, loc)) return;
    const policy = v.refresh_policy;
    const refreshPolicy: RefreshPolicy | null =
      policy === null || policy === undefined
        ? null
        : { startOffset: text(policy.start_offset), endOffset: text(policy.end_offset), scheduleInterval: text(policy.schedule_interval)! };
    const a: ContinuousAggregate = {
      schema: qn.schema,
      name: qn.name,
      definition: v.query.trim().replace(/;\s*$/, ''),
      // TimescaleDB's default since 2.13.
      materializedOnly: v.materialized_only ?? true,
      refreshPolicy,
      compression: loadCompression(ctx, v.compression, below(loc, 'compression')),
      ...loadRetention(ctx, v.retention, below(loc, 'retention')),
      comment: v.comment ?? null,
      dependsOn: [],
      ...(v.with_no_data !== undefined ? { withNoData: v.with_no_data } : {}),
      ...(v.refresh === 'full' ? { refresh: 'full' as const } : {}),
    };
    ctx.mark(a, loc);
    ctx.model.continuousAggregates.push(a);
    // Its output columns are PostgreSQL's to find, so column grants are not checked here.
    const what = `continuous aggregate \`${display(qn)}\``;
    loadGrants(ctx, { objectKind: 'table', schema: qn.schema, name: qn.name, arguments: null, what, columns: null }, v.grants, loc);
  },
  check(ctx) {
    checkHypertables(ctx);
    const tables = new Set(ctx.model.tables.map((t) => `${t.schema}.${t.name}`));
    const views = new Set(ctx.model.views.map((t) => `${t.schema}.${t.name}`));
    for (const a of ctx.model.continuousAggregates) {
      const k = `${a.schema}.${a.name}`;
      if (tables.has(k) || views.has(k)) {
        ctx.problem(ctx.locOf(a), `continuous aggregate \`${k}\` clashes with a ${tables.has(k) ? 'table' : 'view'} of the same name`);
      }
      if (a.compression.after !== null && a.refreshPolicy === null) {
        ctx.problem(below(ctx.locOf(a), 'compression', 'after'), 'TimescaleDB needs a refresh_policy before a compression policy on a continuous aggregate');
      }
    }
  },
};

export interface JobYaml {
  readonly procedure: string;
  readonly schedule_interval: string;
  readonly config?: unknown;
  readonly scheduled?: boolean;
  readonly fixed_schedule?: boolean;
}

const MAX_JOB_NAME_BYTES = 50;

/** The top-level `jobs:`: TimescaleDB user-defined jobs by name (add_job's job_name). */
export const jobsKind: Kind = {
  key: 'jobs',
  load({ name, value, loc }, ctx) {
    const v = value as JobYaml;
    if (!ctx.declare(jobKey(name), `job \`${name}\``, loc)) return;
    // TimescaleDB keeps `<name> [<job id>]` in a 63-byte name: room for ids up to 2147483647.
    if (Buffer.byteLength(name, 'utf8') > MAX_JOB_NAME_BYTES) ctx.problem(loc, `job name \`${name}\` is longer than ${MAX_JOB_NAME_BYTES} bytes (TimescaleDB adds \` [<job id>]\` to it, within 63 bytes)`);
    const procedure = qualifiedFromKey(v.procedure, undefined);
    const job: Job = {
      name,
      procedure,
      scheduleInterval: v.schedule_interval.trim(),
      config: v.config === undefined || v.config === null ? null : JSON.stringify(v.config),
      scheduled: v.scheduled ?? true,
      fixedSchedule: v.fixed_schedule ?? true,
    };
    ctx.mark(job, loc);
    ctx.model.jobs.push(job);
  },
  check(ctx) {
    if (ctx.model.jobs.length > 0 && !ctx.model.extensions.some((e) => e.name === 'timescaledb')) {
      ctx.problem(ctx.locOf(ctx.model.jobs[0]!), 'jobs are TimescaleDB\'s: declare the `timescaledb` extension');
    }
  },
};
