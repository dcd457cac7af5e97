import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import {
  continuousAggregateKey,
  hypertableKey,
  type Compression,
  type CompressionOrder,
  type ContinuousAggregate,
  type Dimension,
  isHashDimension,
  type Hypertable,
  type Job,
  jobKey,
  type RefreshPolicy,
} from '../model/timescale.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, literal, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { commentSql, display, edges, hazard, NON_TRANSACTIONAL, step, type DiffContext } from './context.ts';

/**
 * TimescaleDB hypertables and continuous aggregates. Settings are changed in place (TimescaleDB's
 * functions and ALTER ... SET), policies are replaced (remove, then add); a table is never
 * recreated for them. Only a changed aggregate query rebuilds (drop and create) the aggregate.
 * When the desired state has no `hypertables` / `continuousAggregates` list at all, TimescaleDB
 * objects are not managed and no step is produced for them.
 */

/** Hypertable steps run right after their table exists, so later indexes and constraints reach the chunks. */
const PHASE_CREATE_HYPERTABLE = PHASES.createTable + 1;
const PHASE_ALTER_HYPERTABLE = PHASES.createTable + 2;
const PHASE_POLICY = PHASES.createMaterializedView + 1;
const PHASE_DROP_POLICY = PHASES.dropMaterializedView - 1;

/** An interval argument: a bare integer for integer-time hypertables, else an interval literal. */
export function intervalArg(text: string): string {
  return /^-?\d+$/.test(text.trim()) ? text.trim() : `INTERVAL ${literal(text)}`;
}

/** A relation as a regclass argument of TimescaleDB's functions. */
function regclass(schema: string, name: string): string {
  return `${literal(qname({ schema, name }))}::regclass`;
}

export function orderByText(items: readonly CompressionOrder[]): string {
  return items
    .map((o) => `${ident(o.column)}${o.descending ? ' DESC' : ''}${o.nullsFirst !== o.descending ? (o.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST') : ''}`)
    .join(', ');
}

/** `timescaledb.compress...` storage options for ALTER TABLE / ALTER MATERIALIZED VIEW ... SET. */
function compressionOptions(c: Compression): string {
  if (!c.enabled) return 'timescaledb.compress = false';
  const out = ['timescaledb.compress = true'];
  out.push(`timescaledb.compress_segmentby = ${literal(c.segmentBy.map(ident).join(', '))}`);
  if (c.orderBy.length > 0) out.push(`timescaledb.compress_orderby = ${literal(orderByText(c.orderBy))}`);
  return out.join(', ');
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Settings (not the policy) differ. */
function compressionSettingsDiffer(from: Compression, to: Compression): boolean {
  if (from.enabled !== to.enabled) return true;
  if (!to.enabled) return false;
  return !sameJson(from.segmentBy, to.segmentBy) || !sameJson(from.orderBy, to.orderBy);
}

interface Target {
  readonly kind: 'table' | 'materialized_view';
  readonly schema: string;
  readonly name: string;
  /** `TABLE` or `MATERIALIZED VIEW`, for ALTER ... SET. */
  readonly sqlKind: string;
  /** Key of the object being ready for settings (hypertable created / aggregate created). */
  readonly readyKey: string;
}

const edge = {
  compression: (t: Target) => edges.chain(`compression:${t.schema}.${t.name}`),
  compressionOff: (t: Target) => edges.chain(`compression-off:${t.schema}.${t.name}`),
  policy: (t: Target, kind: string) => edges.chain(`${kind}-policy:${t.schema}.${t.name}`),
  policyAdded: (t: Target, kind: string) => edges.chain(`${kind}-policy-added:${t.schema}.${t.name}`),
  dimension: (schema: string, table: string, column: string) => edges.chain(`dimension:${schema}.${table}.${column}`),
};

function base(t: Target) {
  return { kind: t.kind, object: display(t.schema, t.name) };
}

/** Removes one policy of a kind; if_exists keeps a re-run of a partly applied plan working. */
function removePolicyStep(t: Target, policy: 'compression' | 'retention' | 'refresh', reason: string): Step {
  const fn = { compression: 'remove_compression_policy', retention: 'remove_retention_policy', refresh: 'remove_continuous_aggregate_policy' }[policy];
  return step({
    ...base(t),
    operation: 'alter',
    sql: `SELECT ${fn}(${regclass(t.schema, t.name)}, if_exists => true)`,
    reason,
    phase: PHASE_DROP_POLICY,
    requires: [t.readyKey],
    removes: [edge.policy(t, policy)],
  });
}

function addPolicyStep(t: Target, policy: 'compression' | 'retention' | 'refresh', sql: string, reason: string, requires: string[]): Step {
  return step({
    ...base(t),
    operation: 'alter',
    sql,
    reason,
    phase: PHASE_POLICY,
    requires: [t.readyKey, ...requires],
    requiresRemoved: [edge.policy(t, policy)],
    provides: [edge.policyAdded(t, policy)],
  });
}

/**
 * Compression settings, then the compression policy, from `from` (null: nothing yet) to `to`.
 * An aggregate's compression policy needs its refresh policy in place first (TimescaleDB checks).
 */
function compressionSteps(t: Target, from: Compression | null, to: Compression): Step[] {
  const policyNeeds = t.kind === 'materialized_view' ? [edge.policyAdded(t, 'refresh')] : [];
  const out: Step[] = [];
  const before = from ?? { enabled: false, segmentBy: [], orderBy: [], after: null };
  const settingsChange = compressionSettingsDiffer(before, to);
  const policyChange = before.after !== to.after || (settingsChange && !to.enabled);
  if (policyChange && before.after !== null) {
    out.push(removePolicyStep(t, 'compression', `compression policy (after ${before.after}) is replaced or removed`));
  }
  if (settingsChange) {
    const disabling = before.enabled && !to.enabled;
    out.push(
      step({
        ...base(t),
        operation: 'alter',
        sql: `ALTER ${t.sqlKind} ${qname({ schema: t.schema, name: t.name })} SET (${compressionOptions(to)})`,
        reason: disabling ? 'disables compression' : 'compression settings',
        hazards: disabling
          ? [hazard('unchecked_dependency', 'TimescaleDB refuses to disable compression while chunks are compressed; decompress them first (decompress_chunk)')]
          : before.enabled
            ? [hazard('unchecked_dependency', 'chunks compressed under the old settings keep them until they are decompressed and compressed again')]
            : [],
        phase: PHASE_ALTER_HYPERTABLE,
        requires: [t.readyKey],
        requiresRemoved: disabling ? [edge.policy(t, 'compression')] : [],
        provides: [edge.compression(t)],
      }),
    );
  }
  if (policyChange && to.after !== null && to.enabled) {
    out.push(
      addPolicyStep(
        t,
        'compression',
        `SELECT add_compression_policy(${regclass(t.schema, t.name)}, compress_after => ${intervalArg(to.after)}${scheduleArg(to.scheduleInterval)})`,
        `compress chunks older than ${to.after}`,
        [edge.compression(t), ...policyNeeds],
      ),
    );
  } else if (!policyChange && to.after !== null && to.enabled) {
    out.push(...rescheduleSteps(t, 'compression', before.scheduleInterval, to.scheduleInterval));
  }
  return out;
}

/** `, schedule_interval => ...` for add_*_policy; nothing (TimescaleDB's default) when not declared. */
function scheduleArg(schedule: string | null | undefined): string {
  return schedule ? `, schedule_interval => INTERVAL ${literal(schedule)}` : '';
}

const POLICY_PROC = { compression: 'policy_compression', retention: 'policy_retention' } as const;

/**
 * A policy that stays but runs on another schedule: its job is altered in place (alter_job), found
 * by what it is a policy of, so the plan names no job id (which differs between databases).
 */
function rescheduleSteps(t: Target, policy: 'compression' | 'retention', from: string | null | undefined, to: string | null | undefined): Step[] {
  if (!to || from === to) return [];
  return [
    step({
      ...base(t),
      operation: 'alter',
      sql:
        `SELECT alter_job(j.job_id, schedule_interval => INTERVAL ${literal(to)}) FROM timescaledb_information.jobs j ` +
        `WHERE j.proc_schema = '_timescaledb_functions' AND j.proc_name = ${literal(POLICY_PROC[policy])} ` +
        `AND j.hypertable_schema = ${literal(t.schema)} AND j.hypertable_name = ${literal(t.name)}`,
      reason: `${policy} policy runs every ${to}${from ? ` (was ${from})` : ''}`,
      phase: PHASE_POLICY,
      requires: [t.readyKey, edge.policyAdded(t, policy)],
    }),
  ];
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  microsecond: 1e-6, millisecond: 1e-3, second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800,
  mon: 2_592_000, month: 2_592_000, year: 31_557_600, decade: 315_576_000, century: 3_155_760_000,
};

/**
 * An interval (PostgreSQL's output form `1 year 2 mons 3 days 04:05:06`, or as written in YAML,
 * `90 days`, `1 week`) or an integer-time amount, as a number of seconds (months of 30 days, as
 * PostgreSQL compares them); null when it does not read as one.
 */
export function intervalAmount(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^-?\d+$/.test(t)) return Number(t);
  let total = 0;
  let matched = false;
  const clock = /(-?)(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?/;
  const part = /(-?\d+(?:\.\d+)?)\s*(microsecond|millisecond|second|minute|hour|day|week|month|mon|year|decade|century)s?\b/g;
  const rest = t
    .replace(clock, (_m, sign: string, h: string, min: string, sec: string | undefined) => {
      total += (sign === '-' ? -1 : 1) * (Number(h) * 3600 + Number(min) * 60 + Number(sec ?? 0));
      matched = true;
      return ' ';
    })
    .replace(part, (_m, n: string, unit: string) => {
      total += Number(n) * UNIT_SECONDS[unit]!;
      matched = true;
      return ' ';
    });
  return matched && rest.trim() === '' ? total : null;
}

/** Whether a retention policy of `to` drops rows one of `from` keeps (none before keeps all). */
function retentionShortens(from: string | null, to: string): boolean {
  if (from === null) return true;
  const a = intervalAmount(from);
  const b = intervalAmount(to);
  return a === null || b === null || b < a;
}

/**
 * `existing`: the object is there before the plan (it may hold rows). A policy that keeps less than
 * before drops the older chunks at its first run after apply: data_loss. How many rows and
 * chunks that is now, the planner adds from the live database (src/workflow/retention-cut.ts).
 */
interface Retention {
  readonly dropAfter: string | null;
  readonly retentionScheduleInterval?: string | null;
}

function retentionSteps(t: Target, fromState: Retention | null, toState: Retention, existing: boolean): Step[] {
  const from = fromState?.dropAfter ?? null;
  const to = toState.dropAfter;
  if (from === to) return to === null ? [] : rescheduleSteps(t, 'retention', fromState?.retentionScheduleInterval, toState.retentionScheduleInterval);
  const out: Step[] = [];
  if (from !== null) out.push(removePolicyStep(t, 'retention', `retention policy (drop after ${from}) is replaced or removed`));
  if (to !== null) {
    const cut = existing && retentionShortens(from, to);
    const policy = addPolicyStep(
      t,
      'retention',
      `SELECT add_retention_policy(${regclass(t.schema, t.name)}, drop_after => ${intervalArg(to)}${scheduleArg(toState.retentionScheduleInterval)})`,
      `drop chunks older than ${to}`,
      [],
    );
    out.push(
      cut
        ? {
            ...policy,
            hazards: [
              hazard(
                'data_loss',
                `${RETENTION_CUT_PREFIX}${display(t.schema, t.name)} older than ${to} (${from === null ? 'no retention policy before' : `kept ${from} before`}) at the policy's first run after apply`,
              ),
            ],
          }
        : policy,
    );
  }
  return out;
}

/** How a retention cut's hazard message starts (the planner appends the live counts to it). */
export const RETENTION_CUT_PREFIX = 'drops the chunks of ';

// ---------------------------------------------------------------------------------------------
// Hypertables

function hypertableTarget(h: { schema: string; table: string }): Target {
  return { kind: 'table', schema: h.schema, name: h.table, sqlKind: 'TABLE', readyKey: hypertableKey(h.schema, h.table) };
}

function addDimensionStep(h: Hypertable, d: Dimension, previous: string | null, existing: boolean): Step {
  const hash = isHashDimension(d);
  return step({
    kind: 'table',
    object: display(h.schema, h.table),
    operation: 'alter',
    sql: `SELECT add_dimension(${regclass(h.schema, h.table)}, ${hash ? `by_hash(${literal(d.column)}, ${d.partitions})` : `by_range(${literal(d.column)}, ${intervalArg(d.interval)})`})`,
    reason: `${hash ? 'hash' : 'range'} dimension on ${d.column}`,
    hazards: existing ? [hazard('unchecked_dependency', 'TimescaleDB refuses a new dimension on a hypertable that already has chunks')] : [],
    phase: PHASE_ALTER_HYPERTABLE,
    requires: [hypertableKey(h.schema, h.table), keys.column(h.schema, h.table, d.column), ...(previous ? [previous] : [])],
    provides: [edge.dimension(h.schema, h.table, d.column)],
  });
}

function createHypertableSteps(h: Hypertable, existingTable: boolean): Step[] {
  const interval = h.chunkInterval !== null ? `, ${intervalArg(h.chunkInterval)}` : '';
  const migrate = existingTable ? ', migrate_data => true' : '';
  const out: Step[] = [
    step({
      kind: 'table',
      object: display(h.schema, h.table),
      operation: 'alter',
      // Default indexes are off: the indexes a hypertable has are the ones the schema declares.
      sql: `SELECT create_hypertable(${regclass(h.schema, h.table)}, by_range(${literal(h.timeColumn)}${interval}), create_default_indexes => false${migrate})`,
      reason: existingTable
        ? `becomes a hypertable on ${h.timeColumn}; migrate_data => true moves its existing rows into chunks`
        : `hypertable on ${h.timeColumn}`,
      hazards: existingTable
        ? [hazard('long_lock', `migrate_data => true copies every existing row of ${display(h.schema, h.table)} into chunks while the table is locked (ACCESS EXCLUSIVE)`)]
        : [],
      phase: PHASE_CREATE_HYPERTABLE,
      requires: [keys.table(h.schema, h.table), keys.column(h.schema, h.table, h.timeColumn)],
      provides: [hypertableKey(h.schema, h.table)],
    }),
  ];
  let previous: string | null = null;
  for (const d of h.dimensions) {
    out.push(addDimensionStep(h, d, previous, false));
    previous = edge.dimension(h.schema, h.table, d.column);
  }
  const t = hypertableTarget(h);
  const compression = compressionSteps(t, null, h.compression).map((s) => (previous ? { ...s, requires: [...(s.requires ?? []), previous] } : s));
  return [...out, ...compression, ...retentionSteps(t, null, h, existingTable)];
}

/** `from` hypertable with its column names as they are once renames ran. */
function underCurrentNames(ctx: DiffContext, h: Hypertable, table: string): Hypertable {
  const col = (c: string) => ctx.currentColumnName(h.schema, h.table, c) ?? c;
  return {
    ...h,
    table,
    timeColumn: col(h.timeColumn),
    dimensions: h.dimensions.map((d) => ({ ...d, column: col(d.column) })),
    compression: {
      ...h.compression,
      segmentBy: h.compression.segmentBy.map(col),
      orderBy: h.compression.orderBy.map((o) => ({ ...o, column: col(o.column) })),
    },
  };
}

function alterHypertableSteps(from: Hypertable, to: Hypertable): Step[] {
  const name = display(to.schema, to.table);
  if (from.timeColumn !== to.timeColumn) {
    throw new UserError(
      `hypertable ${name} is partitioned on ${from.timeColumn}; TimescaleDB cannot change the time column of a hypertable (declared: ${to.timeColumn}). ` +
        'Create a new table and copy the rows over instead',
    );
  }
  const out: Step[] = [];
  if (to.chunkInterval !== null && to.chunkInterval !== from.chunkInterval) {
    out.push(
      step({
        kind: 'table',
        object: name,
        operation: 'alter',
        sql: `SELECT set_chunk_time_interval(${regclass(to.schema, to.table)}, ${intervalArg(to.chunkInterval)})`,
        reason: `chunk interval ${from.chunkInterval ?? 'default'} -> ${to.chunkInterval} (applies to chunks created from now on)`,
        phase: PHASE_ALTER_HYPERTABLE,
        requires: [hypertableKey(to.schema, to.table)],
      }),
    );
  }
  const fromDims = new Map(from.dimensions.map((d) => [d.column, d]));
  const toDims = new Set(to.dimensions.map((d) => d.column));
  const dropped = from.dimensions.filter((d) => !toDims.has(d.column));
  if (dropped.length > 0) {
    throw new UserError(
      `hypertable ${name} has a dimension on ${dropped.map((d) => d.column).join(', ')} that the schema no longer declares; ` +
        'TimescaleDB cannot remove a dimension. Declare it again, or create a new table and copy the rows over',
    );
  }
  let previous: string | null = null;
  for (const d of to.dimensions) {
    const old = fromDims.get(d.column);
    if (!old) out.push(addDimensionStep(to, d, previous, true));
    else if (isHashDimension(old) !== isHashDimension(d)) {
      throw new UserError(
        `hypertable ${name} has a ${isHashDimension(old) ? 'hash' : 'range'} dimension on ${d.column}; TimescaleDB cannot change a dimension's kind. ` +
          'Create a new table and copy the rows over instead',
      );
    } else if (!isHashDimension(old) && !isHashDimension(d)) {
      if (old.interval !== d.interval) {
        out.push(
          step({
            kind: 'table',
            object: name,
            operation: 'alter',
            sql: `SELECT set_chunk_time_interval(${regclass(to.schema, to.table)}, ${intervalArg(d.interval)}, dimension_name => ${literal(d.column)})`,
            reason: `range interval on ${d.column}: ${old.interval} -> ${d.interval} (applies to chunks created from now on)`,
            phase: PHASE_ALTER_HYPERTABLE,
            requires: [hypertableKey(to.schema, to.table)],
            provides: [edge.dimension(to.schema, to.table, d.column)],
          }),
        );
      }
    } else if (isHashDimension(old) && isHashDimension(d) && old.partitions !== d.partitions) {
      out.push(
        step({
          kind: 'table',
          object: name,
          operation: 'alter',
          sql: `SELECT set_number_partitions(${regclass(to.schema, to.table)}, ${d.partitions}, ${literal(d.column)})`,
          reason: `hash partitions on ${d.column}: ${old.partitions} -> ${d.partitions} (applies to chunks created from now on)`,
          phase: PHASE_ALTER_HYPERTABLE,
          requires: [hypertableKey(to.schema, to.table)],
          provides: [edge.dimension(to.schema, to.table, d.column)],
        }),
      );
    }
    previous = edge.dimension(to.schema, to.table, d.column);
  }
  const t = hypertableTarget(to);
  return [...out, ...compressionSteps(t, from.compression, to.compression), ...retentionSteps(t, from, to, true)];
}

export function diffHypertables(ctx: DiffContext): Step[] {
  const fromByTable = new Map((ctx.from.hypertables ?? []).map((h) => [`${h.schema}.${h.table}`, h]));
  const toTables = new Set(ctx.to.tables.map((t) => `${t.schema}.${t.name}`));
  const out: Step[] = [];
  const kept = new Set<string>();
  for (const to of ctx.to.hypertables) {
    if (!toTables.has(`${to.schema}.${to.table}`)) {
      throw new UserError(`hypertable ${display(to.schema, to.table)}: no such table is declared`);
    }
    const pair = ctx.pairOfTo(to.schema, to.table);
    const source = pair ? fromByTable.get(`${pair.from.schema}.${pair.from.name}`) : undefined;
    if (pair && source) {
      kept.add(`${source.schema}.${source.table}`);
      out.push(...alterHypertableSteps(underCurrentNames(ctx, source, to.table), to));
    } else {
      out.push(...createHypertableSteps(to, pair !== undefined));
    }
  }
  for (const from of ctx.from.hypertables ?? []) {
    if (kept.has(`${from.schema}.${from.table}`)) continue;
    if (ctx.currentTableName(from.schema, from.table) === null) continue; // dropped with its table
    throw new UserError(
      `table ${display(from.schema, from.table)} is a hypertable but the schema declares it without \`hypertable\`; ` +
        'TimescaleDB cannot turn a hypertable back into a plain table. Declare the hypertable, or create a new table and copy the rows over',
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Continuous aggregates

function aggregateTarget(a: { schema: string; name: string }): Target {
  return {
    kind: 'materialized_view',
    schema: a.schema,
    name: a.name,
    sqlKind: 'MATERIALIZED VIEW',
    readyKey: continuousAggregateKey(a.schema, a.name),
  };
}

const IDENTIFIER_CHARS = /[A-Za-z0-9_$]/;

/** Whether `sql` mentions `name` as a whole identifier (plain or double-quoted). */
function mentions(sql: string, name: string): boolean {
  if (sql.includes(`"${name.replace(/"/g, '""')}"`)) return true;
  const lower = sql.toLowerCase();
  const needle = name.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const before = i === 0 ? '' : lower[i - 1]!;
    const after = lower[i + needle.length] ?? '';
    if (!IDENTIFIER_CHARS.test(before) && !IDENTIFIER_CHARS.test(after)) return true;
  }
  return false;
}

/**
 * Edges an aggregate's creation waits for: its hypertable (or parent aggregate). Introspected
 * aggregates know them; in a raw desired state they are found by the names the query mentions.
 */
function sourcesOf(a: ContinuousAggregate, hypertables: readonly Hypertable[], aggregates: readonly ContinuousAggregate[]): string[] {
  const out: string[] = [];
  for (const k of a.dependsOn) {
    if (k.startsWith('table:')) {
      const h = hypertables.find((x) => keys.table(x.schema, x.table) === k);
      out.push(k, ...(h ? [hypertableKey(h.schema, h.table)] : []));
    } else out.push(k);
  }
  if (a.dependsOn.length === 0) {
    for (const h of hypertables) if (mentions(a.definition, h.table)) out.push(keys.table(h.schema, h.table), hypertableKey(h.schema, h.table));
    for (const o of aggregates) if (o !== a && mentions(a.definition, o.name)) out.push(continuousAggregateKey(o.schema, o.name));
  }
  return out;
}

/** The retention of what an aggregate reads (its hypertable, or the aggregate it is built on), if any. */
function sourceRetention(a: ContinuousAggregate, hypertables: readonly Hypertable[], aggregates: readonly ContinuousAggregate[]): string | null {
  for (const k of sourcesOf(a, hypertables, aggregates)) {
    const h = hypertables.find((x) => keys.table(x.schema, x.table) === k);
    if (h?.dropAfter) return h.dropAfter;
    const parent = aggregates.find((x) => continuousAggregateKey(x.schema, x.name) === k);
    if (parent?.dropAfter) return parent.dropAfter;
  }
  return null;
}

function refreshPolicySql(a: ContinuousAggregate, p: RefreshPolicy): string {
  const offset = (v: string | null) => (v === null ? 'NULL' : intervalArg(v));
  return (
    `SELECT add_continuous_aggregate_policy(${regclass(a.schema, a.name)}, start_offset => ${offset(p.startOffset)}, ` +
    `end_offset => ${offset(p.endOffset)}, schedule_interval => ${intervalArg(p.scheduleInterval)})`
  );
}

function refreshSteps(a: ContinuousAggregate, from: RefreshPolicy | null, to: RefreshPolicy | null): Step[] {
  if (sameJson(from, to)) return [];
  const t = aggregateTarget(a);
  const out: Step[] = [];
  if (from !== null) out.push(removePolicyStep(t, 'refresh', 'refresh policy is replaced or removed'));
  if (to !== null) out.push(addPolicyStep(t, 'refresh', refreshPolicySql(a, to), 'refresh policy', []));
  return out;
}

/**
 * The hazard of rebuilding an aggregate. Its buckets are recomputed only from the rows its source
 * still has, and only over the range that is refreshed: a rebuild is data_loss unless the whole
 * range is refreshed (`refresh: full`) and no retention policy dropped source rows.
 */
function rebuildHazard(a: ContinuousAggregate, sourceRetention: string | null) {
  const name = display(a.schema, a.name);
  if (a.refresh === 'full' && sourceRetention === null) {
    return hazard('matview_rebuild', `continuous aggregate ${name} is recreated and refreshed over its whole range; until then it has no rows`);
  }
  const lost =
    a.refresh === 'full'
      ? `buckets of rows its source already dropped (retention: ${sourceRetention}) are lost`
      : a.withNoData === true
        ? 'it is empty until refreshed, and buckets its refresh policy does not reach again are lost (write `refresh: full` to refresh the whole range)'
        : `it is recomputed from the rows its source still has${sourceRetention === null ? '' : ` (retention: ${sourceRetention})`}; write \`refresh: full\` to state that this is the whole range`;
  return hazard('data_loss', `continuous aggregate ${name} is dropped with its materialized rows and recreated: ${lost}`);
}

function createAggregateSteps(a: ContinuousAggregate, requires: readonly string[], rebuild: boolean, sourceRetention: string | null): Step[] {
  const withData = a.withNoData !== true;
  const options = `timescaledb.continuous, timescaledb.materialized_only = ${a.materializedOnly ? 'true' : 'false'}`;
  const hazards = [...(rebuild ? [rebuildHazard(a, sourceRetention)] : []), ...(withData ? [NON_TRANSACTIONAL] : [])];
  const t = aggregateTarget(a);
  const out: Step[] = [
    step({
      kind: 'materialized_view',
      object: display(a.schema, a.name),
      operation: 'create',
      sql: `CREATE MATERIALIZED VIEW ${qname(a)} WITH (${options}) AS ${a.definition} WITH ${withData ? 'DATA' : 'NO DATA'}`,
      reason: rebuild ? 'continuous aggregate query changed' : 'continuous aggregate',
      hazards,
      // TimescaleDB materializes WITH DATA in transactions of its own: not inside a transaction block.
      transactional: !withData,
      phase: PHASES.createMaterializedView,
      requires: [keys.schema(a.schema), ...requires],
      requiresRemoved: [t.readyKey],
      provides: [t.readyKey, keys.view(a.schema, a.name)],
    }),
  ];
  if (a.refresh === 'full' && !withData) {
    out.push(
      step({
        kind: 'materialized_view',
        object: display(a.schema, a.name),
        operation: 'refresh',
        sql: `CALL refresh_continuous_aggregate(${regclass(a.schema, a.name)}, NULL, NULL)`,
        reason: 'refresh: full (the whole range)',
        hazards: [NON_TRANSACTIONAL],
        transactional: false,
        phase: PHASES.createMaterializedView,
        requires: [t.readyKey],
        provides: [edges.chain(`refreshed:${a.schema}.${a.name}`)],
      }),
    );
  }
  if (a.compression.enabled) out.push(...compressionSteps(t, null, a.compression));
  out.push(...retentionSteps(t, null, a, false), ...refreshSteps(a, null, a.refreshPolicy));
  if (a.comment !== null) out.push(commentStep(a));
  return out;
}

function commentStep(a: ContinuousAggregate): Step {
  return step({
    kind: 'materialized_view',
    object: display(a.schema, a.name),
    operation: 'comment',
    sql: commentSql(`VIEW ${qname(a)}`, a.comment),
    phase: PHASES.comment,
    requires: [continuousAggregateKey(a.schema, a.name)],
  });
}

function dropAggregateStep(a: ContinuousAggregate, dependents: readonly string[], rebuild: boolean): Step {
  const s = step({
    kind: 'materialized_view',
    object: display(a.schema, a.name),
    operation: 'drop',
    sql: `DROP MATERIALIZED VIEW ${qname(a)}`,
    reason: rebuild ? 'dropped to be recreated with the new query' : undefined,
    hazards: rebuild
      ? []
      : [hazard('data_loss', `drops continuous aggregate ${display(a.schema, a.name)} and its materialized rows (and its policies)`)],
    phase: PHASES.dropMaterializedView,
    removes: [continuousAggregateKey(a.schema, a.name), keys.view(a.schema, a.name)],
    requiresRemoved: dependents,
  });
  // Views reading the aggregate must be dropped before and recreated after the rebuild.
  return rebuild ? { ...s, disrupts: [keys.view(a.schema, a.name), continuousAggregateKey(a.schema, a.name)] } : s;
}

/** Aggregates built (directly or through others) on any of `roots`, by key. */
function descendants(all: readonly ContinuousAggregate[], roots: ReadonlySet<string>): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of all) {
      const k = continuousAggregateKey(a.schema, a.name);
      if (!out.has(k) && a.dependsOn.some((d) => out.has(d))) {
        out.add(k);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Keys (`continuousAggregateKey`) of the aggregates that both states have and the plan drops and
 * creates again: a changed query, or built (directly or not) on an aggregate whose query changed.
 */
export function rebuiltContinuousAggregates(from: DatabaseModel, to: DatabaseModel): Set<string> {
  const fromList = from.continuousAggregates ?? [];
  const fromByKey = new Map(fromList.map((a) => [continuousAggregateKey(a.schema, a.name), a]));
  const toKeys = new Set((to.continuousAggregates ?? []).map((a) => continuousAggregateKey(a.schema, a.name)));
  const changed = new Set<string>();
  for (const a of to.continuousAggregates ?? []) {
    const before = fromByKey.get(continuousAggregateKey(a.schema, a.name));
    if (before && before.definition !== a.definition) changed.add(continuousAggregateKey(a.schema, a.name));
  }
  // A rebuilt aggregate takes the aggregates built on it down with it: they are rebuilt too.
  return new Set([...descendants(fromList, changed)].filter((k) => toKeys.has(k) && fromByKey.has(k)));
}

export function diffContinuousAggregates(ctx: DiffContext): Step[] {
  const toList = ctx.to.continuousAggregates;
  const fromList = ctx.from.continuousAggregates ?? [];
  const hypertables = ctx.to.hypertables ?? [];
  const fromByKey = new Map(fromList.map((a) => [continuousAggregateKey(a.schema, a.name), a]));
  const toByKey = new Map(toList.map((a) => [continuousAggregateKey(a.schema, a.name), a]));
  const rebuilt = rebuiltContinuousAggregates(ctx.from, ctx.to);
  const dependentsOf = (a: ContinuousAggregate) =>
    fromList.filter((o) => o.dependsOn.includes(continuousAggregateKey(a.schema, a.name))).map((o) => continuousAggregateKey(o.schema, o.name));

  const out: Step[] = [];
  for (const [k, from] of fromByKey) {
    if (toByKey.has(k) && !rebuilt.has(k)) continue;
    out.push(dropAggregateStep(from, dependentsOf(from), rebuilt.has(k)));
  }
  for (const [k, to] of toByKey) {
    const from = fromByKey.get(k);
    const requires = sourcesOf(to, hypertables, toList);
    if (!from || rebuilt.has(k)) {
      out.push(...createAggregateSteps(to, requires, rebuilt.has(k), sourceRetention(to, hypertables, toList)));
      continue;
    }
    const t = aggregateTarget(to);
    if (from.materializedOnly !== to.materializedOnly) {
      out.push(
        step({
          kind: 'materialized_view',
          object: display(to.schema, to.name),
          operation: 'alter',
          sql: `ALTER MATERIALIZED VIEW ${qname(to)} SET (timescaledb.materialized_only = ${to.materializedOnly ? 'true' : 'false'})`,
          reason: to.materializedOnly ? 'reads materialized rows only' : 'adds not yet materialized rows at query time (real-time aggregation)',
          phase: PHASE_ALTER_HYPERTABLE,
          requires: [t.readyKey],
        }),
      );
    }
    out.push(...compressionSteps(t, from.compression, to.compression));
    out.push(...retentionSteps(t, from, to, true), ...refreshSteps(to, from.refreshPolicy, to.refreshPolicy));
    if (from.comment !== to.comment) out.push(commentStep(to));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// User-defined jobs

/**
 * The job named `name` calling `procedure`, for alter_job/delete_job: found by name inside the
 * statement, so a plan names no job id (ids differ between databases). TimescaleDB keeps the name
 * as `<job_name> [<job_id>]`.
 */
function jobLookup(j: Job): string {
  return (
    `FROM timescaledb_information.jobs j WHERE j.application_name = ${literal(j.name)} || ' [' || j.job_id || ']' ` +
    `AND j.proc_schema = ${literal(j.procedure.schema)} AND j.proc_name = ${literal(j.procedure.name)}`
  );
}

/** Keys of the routines (any overload) named as the job's procedure in `m`, for ordering. */
function procedureKeys(m: DatabaseModel, j: Job): string[] {
  return m.routines.filter((r) => r.schema === j.procedure.schema && r.name === j.procedure.name).map((r) => keys.routine(r.schema, r.name, r.identityArguments));
}

function addJobStep(ctx: DiffContext, j: Job, reason?: string): Step {
  const args = [
    `${literal(qname(j.procedure))}::regproc`,
    `INTERVAL ${literal(j.scheduleInterval)}`,
    ...(j.config !== null ? [`config => ${literal(j.config)}::jsonb`] : []),
    `scheduled => ${j.scheduled}`,
    `fixed_schedule => ${j.fixedSchedule}`,
    `job_name => ${literal(j.name)}`,
  ];
  return step({
    kind: 'job',
    object: j.name,
    operation: 'create',
    sql: `SELECT add_job(${args.join(', ')})`,
    reason: reason ?? `runs ${display(j.procedure.schema, j.procedure.name)} every ${j.scheduleInterval}`,
    phase: PHASE_POLICY,
    requires: procedureKeys(ctx.to, j),
    requiresRemoved: [jobKey(j.name)],
    provides: [jobKey(j.name)],
  });
}

/** Runs before routines are dropped (lower phase): a job never calls a procedure that is gone. */
function deleteJobStep(j: Job, reason?: string): Step {
  return step({
    kind: 'job',
    object: j.name,
    operation: 'drop',
    sql: `SELECT delete_job(j.job_id) ${jobLookup(j)}`,
    reason,
    phase: PHASE_DROP_POLICY,
    removes: [jobKey(j.name)],
  });
}

/**
 * Jobs by name: added (add_job), removed (delete_job), or altered in place (alter_job) for a new
 * schedule, config or paused state. A job that calls another procedure, loses its config (alter_job
 * reads NULL as "unchanged") or changes fixed_schedule is deleted and added again.
 */
export function diffJobs(ctx: DiffContext): Step[] {
  const from = new Map((ctx.from.jobs ?? []).map((j) => [j.name, j]));
  const to = new Map((ctx.to.jobs ?? []).map((j) => [j.name, j]));
  const out: Step[] = [];
  for (const [name, f] of from) if (!to.has(name)) out.push(deleteJobStep(f));
  for (const [name, t] of to) {
    const f = from.get(name);
    if (!f) {
      out.push(addJobStep(ctx, t));
      continue;
    }
    const recreate =
      f.procedure.schema !== t.procedure.schema || f.procedure.name !== t.procedure.name || (f.config !== null && t.config === null) || f.fixedSchedule !== t.fixedSchedule;
    if (recreate) {
      const why = `job ${name} changes what alter_job cannot change: it is deleted and added again (its run history starts over)`;
      out.push(deleteJobStep(f, why), addJobStep(ctx, t, why));
      continue;
    }
    const changes: string[] = [];
    if (f.scheduleInterval !== t.scheduleInterval) changes.push(`schedule_interval => INTERVAL ${literal(t.scheduleInterval)}`);
    if (f.config !== t.config) changes.push(`config => ${literal(t.config!)}::jsonb`);
    if (f.scheduled !== t.scheduled) changes.push(`scheduled => ${t.scheduled}`);
    if (changes.length === 0) continue;
    out.push(
      step({
        kind: 'job',
        object: name,
        operation: 'alter',
        sql: `SELECT alter_job(j.job_id, ${changes.join(', ')}) ${jobLookup(t)}`,
        reason: changes.map((c) => c.split(' => ')[0]).join(', '),
        phase: PHASE_POLICY,
        requires: [jobKey(name)],
      }),
    );
  }
  return out;
}

/** Every TimescaleDB step between the two states. */
export function diffTimescale(ctx: DiffContext): Step[] {
  return [...diffHypertables(ctx), ...diffContinuousAggregates(ctx), ...diffJobs(ctx)];
}
