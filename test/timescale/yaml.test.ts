import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LoadContext } from '../../src/yaml/context.ts';
import { parseFile } from '../../src/yaml/documents.ts';
import { tablesKind } from '../../src/yaml/kinds/tables.ts';
import { continuousAggregatesKind, parseOrderItem, type HypertableYaml } from '../../src/yaml/kinds/timescale.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { YamlError } from '../../src/yaml/problems.ts';
import { continuousAggregatesYaml, hypertableYaml, jobsYaml } from '../../src/yaml/emit/timescale.ts';
import { grantSourceKey } from '../../src/yaml/kinds/grants.ts';
import { validateDocument } from '../../src/yaml/validate.ts';

/**
 * Loads `tables` (each may carry `hypertable:`) and `continuous_aggregates` with the kind loaders
 * directly, the way the file loader runs kinds: every load first, then the checks.
 */
function load(text: string): LoadContext {
  const parsed = parseFile('schema.yaml', text);
  expect(parsed.problems).toEqual([]);
  const doc = parsed.documents[0]!;
  const value = doc.value as { tables?: Record<string, { hypertable?: HypertableYaml; schema?: string }>; continuous_aggregates?: Record<string, unknown> };
  const ctx = new LoadContext();
  // The tables kind loads a table's `hypertable:` block itself.
  for (const [name, t] of Object.entries(value.tables ?? {})) tablesKind.load({ name, value: t, loc: { doc, path: ['tables', name], part: 'key' } }, ctx);
  for (const [name, a] of Object.entries(value.continuous_aggregates ?? {})) {
    continuousAggregatesKind.load({ name, value: a, loc: { doc, path: ['continuous_aggregates', name], part: 'key' } }, ctx);
  }
  tablesKind.check?.(ctx);
  continuousAggregatesKind.check?.(ctx);
  return ctx;
}

const SCHEMA = `
tables:
  telemetry.metrics:
    columns:
      ts: timestamptz not null
      device: integer not null
      received: timestamptz not null
      value: double precision
    hypertable:
      time_column: ts
      chunk_interval: 1 day
      dimensions:
        - { column: device, partitions: 4 }
        - { column: received, interval: 1 day }
      compression:
        segment_by: [device]
        order_by: ts DESC, value NULLS FIRST
        after: 7 days
        schedule_interval: 6 hours
      retention:
        drop_after: 90 days
        schedule_interval: 1 day
continuous_aggregates:
  telemetry.hourly:
    query: |
      SELECT time_bucket('1 hour', ts) AS bucket, device, avg(value) AS value
      FROM telemetry.metrics GROUP BY 1, 2;
    with_no_data: true
    refresh_policy:
      start_offset: 1 month
      end_offset: 1 hour
      schedule_interval: 1 hour
    retention:
      drop_after: 1 year
    comment: hourly means
`;

describe('timescale YAML', () => {
  it('loads a hypertable and a continuous aggregate into the raw model', () => {
    const ctx = load(SCHEMA);
    expect(ctx.problems).toEqual([]);
    expect(ctx.model.hypertables).toEqual([
      {
        schema: 'telemetry',
        table: 'metrics',
        timeColumn: 'ts',
        chunkInterval: '1 day',
        dimensions: [
          { column: 'device', partitions: 4 },
          { column: 'received', interval: '1 day' },
        ],
        compression: {
          enabled: true,
          segmentBy: ['device'],
          orderBy: [
            { column: 'ts', descending: true, nullsFirst: true },
            { column: 'value', descending: false, nullsFirst: true },
          ],
          after: '7 days',
          scheduleInterval: '6 hours',
        },
        dropAfter: '90 days',
        retentionScheduleInterval: '1 day',
      },
    ]);
    expect(ctx.model.continuousAggregates).toEqual([
      {
        schema: 'telemetry',
        name: 'hourly',
        definition: "SELECT time_bucket('1 hour', ts) AS bucket, device, avg(value) AS value\nFROM telemetry.metrics GROUP BY 1, 2",
        materializedOnly: true,
        refreshPolicy: { startOffset: '1 month', endOffset: '1 hour', scheduleInterval: '1 hour' },
        compression: { enabled: false, segmentBy: [], orderBy: [], after: null },
        dropAfter: '1 year',
        comment: 'hourly means',
        dependsOn: [],
        withNoData: true,
      },
    ]);
  });

  it('reports columns the hypertable names that the table does not have, at their line', () => {
    const ctx = load(`
tables:
  m:
    columns:
      ts: timestamptz
    hypertable:
      time_column: time
      dimensions: [{ column: dev, partitions: 2 }]
      compression: { segment_by: [ts], order_by: [ts sideways] }
`);
    const messages = ctx.problems.map((p) => `${p.line}: ${p.message}`).sort();
    expect(messages).toEqual([
      '7: table `public.m` has no column `time`',
      '8: table `public.m` has no column `dev`',
      '9: `ts sideways` is not `column [ASC|DESC] [NULLS FIRST|LAST]`',
    ]);
    const segmented = load(`
tables:
  m:
    columns:
      ts: timestamptz
    hypertable:
      time_column: ts
      compression: { segment_by: [ts] }
`);
    expect(segmented.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['8: the time column `ts` cannot be a segment_by column']);
  });

  it('asks for the policy a schedule_interval belongs to, at its line', () => {
    const ctx = load(`
tables:
  m:
    columns:
      ts: timestamptz
    hypertable:
      time_column: ts
      compression: { schedule_interval: 1 hour }
      retention: { schedule_interval: 1 hour }
      dimensions: [{ column: ts, partitions: 2, interval: 1 day }]
`);
    expect(ctx.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '10: a dimension takes `partitions` (hash) or `interval` (range), one of the two',
      "8: schedule_interval is the compression policy's: it needs `after`",
      "9: schedule_interval is the retention policy's: it needs `drop_after`",
    ]);
  });

  it('asks for a refresh policy before an aggregate compression policy', () => {
    const ctx = load(`
continuous_aggregates:
  a:
    query: SELECT 1
    compression: { after: 7 days }
`);
    expect(ctx.problems.map((p) => p.message)).toEqual([
      'TimescaleDB needs a refresh_policy before a compression policy on a continuous aggregate',
    ]);
  });

  it('parses order_by items with PostgreSQL default null ordering', () => {
    expect(parseOrderItem('ts')).toEqual({ column: 'ts', descending: false, nullsFirst: false });
    expect(parseOrderItem('ts desc')).toEqual({ column: 'ts', descending: true, nullsFirst: true });
    expect(parseOrderItem('"Odd col" DESC NULLS LAST')).toEqual({ column: 'Odd col', descending: true, nullsFirst: false });
    expect(parseOrderItem('ts DESC extra')).toBeNull();
  });

  it('emits YAML that loads back to the same objects', () => {
    const ctx = load(SCHEMA);
    const tableBlock = hypertableYaml(ctx.model.hypertables, 'telemetry', 'metrics');
    expect(hypertableYaml(ctx.model.hypertables, 'telemetry', 'other')).toBeUndefined();
    const text = stringify({
      tables: {
        'telemetry.metrics': {
          columns: { ts: 'timestamptz not null', device: 'integer not null', received: 'timestamptz not null', value: 'double precision' },
          hypertable: tableBlock,
        },
      },
      continuous_aggregates: continuousAggregatesYaml(ctx.model.continuousAggregates, ctx.model.grants),
    });
    const again = load(text);
    expect(again.problems).toEqual([]);
    expect(again.model.hypertables).toEqual(ctx.model.hypertables);
    expect(again.model.continuousAggregates).toEqual(ctx.model.continuousAggregates);
  });
});

const GRANTED = `
continuous_aggregates:
  telemetry.hourly:
    query: SELECT time_bucket('1 hour', ts) AS bucket, device, avg(value) AS value FROM telemetry.metrics GROUP BY 1, 2
    grants:
      - { to: [reader, app], privileges: [SELECT] }
      - { to: auditor, privileges: [select], columns: [bucket, device] }
  telemetry.daily:
    query: SELECT time_bucket('1 day', ts) AS day, max(value) AS value FROM telemetry.metrics GROUP BY 1
`;

describe('continuous aggregate grants in YAML', () => {
  it('loads them as table and column grants on the aggregate, with their positions; absent means none', () => {
    const ctx = load(GRANTED);
    expect(ctx.problems).toEqual([]);
    const on = (name: string) => ctx.model.grants.filter((g) => g.name === name).map((g) => `${g.objectKind} ${g.column ?? '-'} ${g.grantee} ${g.privilege}`).sort();
    expect(on('hourly')).toEqual([
      'column bucket auditor SELECT',
      'column device auditor SELECT',
      'table - app SELECT',
      'table - reader SELECT',
    ]);
    expect(on('daily')).toEqual([]);
    const reader = ctx.sources.get(grantSourceKey({ objectKind: 'table', schema: 'telemetry', name: 'hourly', arguments: null, column: null, grantee: 'reader' }));
    expect(reader).toMatchObject({ file: 'schema.yaml', line: 6 });
    const auditor = ctx.sources.get(grantSourceKey({ objectKind: 'column', schema: 'telemetry', name: 'hourly', arguments: null, column: 'device', grantee: 'auditor' }));
    expect(auditor).toMatchObject({ line: 7 });
  });

  it('reports a privilege a relation cannot have, at its line, naming the aggregate', () => {
    const ctx = load(`
continuous_aggregates:
  hourly:
    query: SELECT 1
    grants:
      - { to: reader, privileges: [SELECT, EXECUTE] }
`);
    expect(ctx.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^6: privilege `EXECUTE` cannot be granted on continuous aggregate `public\.hourly`/),
    ]);
  });

  it('is accepted by the JSON Schema, and a misspelt grant field is not', () => {
    const ok = parseFile('s.yaml', GRANTED).documents[0]!;
    expect(validateDocument(ok)).toEqual([]);
    // So are range dimensions and policy schedules.
    expect(validateDocument(parseFile('s.yaml', SCHEMA).documents[0]!)).toEqual([]);
    const bad = parseFile('s.yaml', `
continuous_aggregates:
  hourly:
    query: SELECT 1
    grants: [{ to: reader, privilege: SELECT }]
`).documents[0]!;
    expect(validateDocument(bad).length).toBeGreaterThan(0);
  });

  it('emits grants inside the aggregate (none when it has none) and loads back to the same grants', () => {
    const ctx = load(GRANTED);
    const emitted = continuousAggregatesYaml(ctx.model.continuousAggregates, ctx.model.grants);
    expect(emitted['telemetry.daily']).not.toHaveProperty('grants');
    const grants = (emitted['telemetry.hourly'] as { grants: unknown[] }).grants;
    expect(grants).toHaveLength(2);
    expect(grants).toEqual(
      expect.arrayContaining([
        { to: ['app', 'reader'], privileges: ['SELECT'] },
        { to: ['auditor'], privileges: ['SELECT'], columns: ['bucket', 'device'] },
      ]),
    );
    const again = load(stringify({ continuous_aggregates: emitted }));
    expect(again.problems).toEqual([]);
    const ids = (gs: typeof ctx.model.grants) => gs.map((g) => JSON.stringify(g)).sort();
    expect(ids(again.model.grants)).toEqual(ids(ctx.model.grants));
  });
});

describe('transaction_per_chunk', () => {
  const PER_CHUNK = `
tables:
  m:
    columns:
      ts: { type: timestamptz, not_null: true }
      v: integer
    hypertable: { time_column: ts }
    indexes:
      m_v: { columns: [v], transaction_per_chunk: true }
      m_ts: { columns: [ts] }
`;
  it('loads onto the index of a hypertable, accepted by the JSON Schema', () => {
    expect(validateDocument(parseFile('s.yaml', PER_CHUNK).documents[0]!)).toEqual([]);
    const { model } = loadSchemaFiles([{ path: 's.yaml', text: PER_CHUNK }]);
    expect(model.tables[0]!.indexes.map((i) => [i.name, i.transactionPerChunk])).toEqual([['m_ts', undefined], ['m_v', true]]);
  });

  it('is refused, at its line, on a plain table, a materialized view and a unique index', () => {
    const text = `
tables:
  plain:
    columns: { v: integer }
    indexes:
      plain_v: { columns: [v], transaction_per_chunk: true }
  m:
    columns: { ts: timestamptz, v: integer }
    hypertable: { time_column: ts }
    indexes:
      m_v: { columns: [v], unique: true, transaction_per_chunk: true }
materialized_views:
  mv:
    query: SELECT 1 AS one
    indexes:
      mv_one: { columns: [one], transaction_per_chunk: true }
`;
    let error: unknown;
    try {
      loadSchemaFiles([{ path: 's.yaml', text }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlError);
    expect((error as YamlError).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '6: transaction_per_chunk applies to an index on a TimescaleDB hypertable only: table `public.plain` has no `hypertable:`',
      '11: TimescaleDB refuses transaction_per_chunk for a unique index',
      '16: transaction_per_chunk applies to an index on a TimescaleDB hypertable only: `public.mv` is a materialized view',
    ]);
  });
});

describe('jobs', () => {
  const JOBS = `
extensions:
  timescaledb: {}
jobs:
  nightly:
    procedure: ops.cleanup
    schedule_interval: 1 day
    config: { keep_days: 30 }
  paused:
    procedure: rollup
    schedule_interval: " 1 hour "
    scheduled: false
    fixed_schedule: false
`;
  it('loads each job by name with TimescaleDB defaults, accepted by the JSON Schema, and emits them back', () => {
    expect(validateDocument(parseFile('s.yaml', JOBS).documents[0]!)).toEqual([]);
    const { model } = loadSchemaFiles([{ path: 's.yaml', text: JOBS }]);
    expect(model.jobs).toEqual([
      { name: 'nightly', procedure: { schema: 'ops', name: 'cleanup' }, scheduleInterval: '1 day', config: '{"keep_days":30}', scheduled: true, fixedSchedule: true },
      { name: 'paused', procedure: { schema: 'public', name: 'rollup' }, scheduleInterval: '1 hour', config: null, scheduled: false, fixedSchedule: false },
    ]);
    const again = loadSchemaFiles([{ path: 's.yaml', text: stringify({ extensions: { timescaledb: {} }, jobs: jobsYaml(model.jobs!) }) }]);
    expect(again.model.jobs).toEqual(model.jobs);
  });

  it('refuses a misspelt setting, a name TimescaleDB cannot keep and jobs without the extension, at their line', () => {
    expect(validateDocument(parseFile('s.yaml', 'jobs:\n  j: { procedure: p, schedule_interval: 1 day, schedule: 1 day }\n').documents[0]!).length).toBeGreaterThan(0);
    const long = 'j'.repeat(51);
    let error: unknown;
    try {
      loadSchemaFiles([{ path: 's.yaml', text: `jobs:\n  ok: { procedure: p, schedule_interval: 1 day }\n  ${long}: { procedure: p, schedule_interval: 1 day }\n` }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlError);
    expect((error as YamlError).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "2: jobs are TimescaleDB's: declare the `timescaledb` extension",
      `3: job name \`${long}\` is longer than 50 bytes (TimescaleDB adds \` [<job id>]\` to it, within 63 bytes)`,
    ]);
  });
});
