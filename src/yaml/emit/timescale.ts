import { yamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import { isHashDimension, type Compression, type CompressionOrder, type ContinuousAggregate, type Hypertable, type Job } from '../../model/timescale.ts';
import { objectKey, setIf, itemsWithKey, tableKey } from './common.ts';
import { setGrants } from './grants.ts';
import type { YamlMap } from './common.ts';

/** An interval as YAML: integers (integer time columns) bare, intervals as text. */
function intervalYaml(text: string): string | number {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

function orderItem(o: CompressionOrder): string {
  const column = /^[a-z_][a-z0-9_$]*$/.test(o.column) ? o.column : `"${o.column.replace(/"/g, '""')}"`;
  const nulls = o.nullsFirst !== o.descending ? (o.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST') : '';
  return `${column}${o.descending ? ' DESC' : ''}${nulls}`;
}

function compressionYaml(c: Compression): YamlMap | undefined {
  if (!c.enabled) return undefined;
  const m: YamlMap = yamlMap();
  setIf(m, 'segment_by', [...c.segmentBy]);
  if (c.orderBy.length > 0) m.order_by = c.orderBy.map(orderItem).join(', ');
  if (c.after !== null) m.after = intervalYaml(c.after);
  if (c.after !== null && c.scheduleInterval) m.schedule_interval = c.scheduleInterval;
  return m;
}

function retentionYaml(dropAfter: string | null, schedule: string | null | undefined): YamlMap | undefined {
  if (dropAfter === null) return undefined;
  return schedule ? { drop_after: intervalYaml(dropAfter), schedule_interval: schedule } : { drop_after: intervalYaml(dropAfter) };
}

/** The `hypertable:` block of a table, or undefined when the table is not one. */
const hypertableOwner = (h: Hypertable) => tableKey(h.schema, h.table);

export function hypertableYaml(hypertables: readonly Hypertable[] | undefined, schema: string, table: string): YamlMap | undefined {
  const h = hypertables === undefined ? undefined : itemsWithKey(hypertables, hypertableOwner, tableKey(schema, table))[0];
  if (!h) return undefined;
  const m: YamlMap = { time_column: h.timeColumn };
  if (h.chunkInterval !== null) m.chunk_interval = intervalYaml(h.chunkInterval);
  setIf(
    m,
    'dimensions',
    h.dimensions.map((d) => (isHashDimension(d) ? { column: d.column, partitions: d.partitions } : { column: d.column, interval: intervalYaml(d.interval) })),
  );
  setIf(m, 'compression', compressionYaml(h.compression));
  setIf(m, 'retention', retentionYaml(h.dropAfter, h.retentionScheduleInterval));
  return m;
}

/**
 * The top-level `continuous_aggregates:` mapping; every setting explicit, as a pull writes it, and
 * each aggregate's `grants` (taken from `grants`) unless they are the default.
 */
export function continuousAggregatesYaml(aggregates: readonly ContinuousAggregate[], grants: readonly Grant[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const a of aggregates) {
    const { key, schemaField } = objectKey(a);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    setIf(m, 'comment', a.comment);
    m.query = a.definition;
    m.materialized_only = a.materializedOnly;
    if (a.withNoData !== undefined) m.with_no_data = a.withNoData;
    if (a.refreshPolicy) {
      m.refresh_policy = {
        start_offset: a.refreshPolicy.startOffset === null ? null : intervalYaml(a.refreshPolicy.startOffset),
        end_offset: a.refreshPolicy.endOffset === null ? null : intervalYaml(a.refreshPolicy.endOffset),
        schedule_interval: intervalYaml(a.refreshPolicy.scheduleInterval),
      };
    }
    setIf(m, 'compression', compressionYaml(a.compression));
    setIf(m, 'retention', retentionYaml(a.dropAfter, a.retentionScheduleInterval));
    setGrants(m, grants, { objectKind: 'table', schema: a.schema, name: a.name, arguments: null });
    out[key] = m;
  }
  return out;
}

/** The `jobs:` mapping of the given jobs, every setting explicit, as a pull writes it. */
export function jobsYaml(jobs: readonly Job[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const j of jobs) {
    const m: YamlMap = yamlMap();
    m.procedure = `${j.procedure.schema}.${j.procedure.name}`;
    m.schedule_interval = j.scheduleInterval;
    if (j.config !== null) m.config = JSON.parse(j.config) as unknown;
    m.scheduled = j.scheduled;
    m.fixed_schedule = j.fixedSchedule;
    out[j.name] = m;
  }
  return out;
}
