/**
 * TimescaleDB on the suite's PostgreSQL 15 server (TimescaleDB 2.23.0 preloaded): a chain of
 * changes to a hypertable holding compressed chunks, planned and applied through the workflow the
 * CLI uses. Each hazard the plan states is measured on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely, type ApplyOptions } from '../../src/workflow/apply-plan.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { freshPostgresDatabase, serverHas } from '../support/databases.ts';

const V1 = `extensions:
  timescaledb: {}
tables:
  readings:
    columns:
      ts: { type: timestamptz, not_null: true }
      device: { type: integer, not_null: true }
      value: double precision
    hypertable:
      time_column: ts
      chunk_interval: 1 day
      compression: { segment_by: [ device ], order_by: ts DESC }
      retention: { drop_after: 90 days }
continuous_aggregates:
  readings_hourly:
    query: SELECT time_bucket(INTERVAL '1 hour', ts) AS bucket, device, avg(value) AS v FROM readings GROUP BY bucket, device
    with_no_data: true
`;
/** A new index, a shorter retention, other compression settings, a changed aggregate refreshed in full. */
const V2 = V1.replace('      value: double precision\n', '      value: double precision\n    indexes:\n      readings_device_ts: { columns: [ device, ts ] }\n')
  .replace('segment_by: [ device ], order_by: ts DESC', 'segment_by: [], order_by: "device, ts DESC"')
  .replace('drop_after: 90 days', 'drop_after: 30 days')
  .replace('avg(value) AS v', 'max(value) AS v')
  .replace('    with_no_data: true\n', '    with_no_data: true\n    refresh: full\n');

/** The index changed (swapped in), then the retention policy's schedule alone. */
const V3 = V2.replace('readings_device_ts: { columns: [ device, ts ] }', 'readings_device_ts: { columns: [ device, ts ], where: "value IS NOT NULL" }');
const V4 = V3.replace('retention: { drop_after: 30 days }', 'retention: { drop_after: 30 days, schedule_interval: 2 hours }');

const input = (yaml: string): DesiredInput => ({ loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] });

describe.runIf(serverHas('timescaledb'))('TimescaleDB on the PostgreSQL 15 server: changes to a hypertable with compressed chunks', () => {
  let conn: Connection;
  let url: string;
  let ws: Workspace;
  const plan = async (yaml: string): Promise<Plan> => (await planDatabase(conn, input(yaml), ws, DEFAULT_SETTINGS)).plan;
  const apply = async (p: Plan, more: Partial<ApplyOptions> = {}) =>
    applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000, ...more });
  const num = async (sql: string) => Number((await conn.query<{ n: string }>(`SELECT (${sql})::bigint AS n`))[0]!.n);

  beforeAll(async () => {
    // Normalization on the server itself (--dev-url): the same TimescaleDB version.
    ws = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-ts-server-')), devUrl: inject('postgresUrl') };
    url = await freshPostgresDatabase('ts');
    conn = await openPostgres(url);
    await apply(await plan(V1));
    await conn.exec(`INSERT INTO readings SELECT t, d, d * 10 + extract(hour from t) FROM generate_series(now() - interval '60 days', now(), interval '1 hour') t, generate_series(1, 2) d;
      SELECT count(compress_chunk(c)) FROM show_chunks('readings', older_than => interval '7 days') c;`);
  }, 180_000);
  afterAll(async () => conn?.close());

  it('plans each change the way TimescaleDB accepts it, with its hazards, applies, and plans nothing again', async () => {
    expect(await num(`SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'readings' AND is_compressed`)).toBeGreaterThan(40);
    const cutChunks = await num(`SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'readings' AND range_end < now() - interval '30 days'`);
    const cutRows = await num(`SELECT count(*) FROM readings WHERE ts < (SELECT max(range_end) FROM timescaledb_information.chunks
      WHERE hypertable_name = 'readings' AND range_end < now() - interval '30 days')`);
    expect(cutChunks).toBeGreaterThan(25);

    const p = await plan(V2);
    const by = (re: RegExp) => {
      const s = p.steps.find((x) => re.test(x.sql));
      expect(s, `a step matching ${re}`).toBeDefined();
      return s!;
    };
    // TimescaleDB refuses CONCURRENTLY on hypertables: a plain build, which blocks writes.
    const index = by(/CREATE INDEX/);
    expect(index.sql).toBe('CREATE INDEX "readings_device_ts" ON "public"."readings" USING btree ("device", "ts")');
    expect(index.hazards.map((h) => h.kind)).toEqual(['blocks_writes']);
    // A shorter retention: data_loss, with what it drops now.
    const retention = by(/add_retention_policy/);
    expect(retention.hazards.map((h) => h.kind)).toEqual(['data_loss']);
    expect(retention.hazards[0]!.message).toContain(`older than 30 days (kept 90 days before)`);
    expect(retention.hazards[0]!.message).toContain(`now: ${cutRows} rows in ${cutChunks} chunks`);
    // New compression settings in place, compressed chunks and all.
    by(/ALTER TABLE "public"\."readings" SET \(timescaledb\.compress = true, timescaledb\.compress_segmentby = '', timescaledb\.compress_orderby = '"device", "ts" DESC'\)/);
    // The aggregate is rebuilt and refreshed over its whole range; buckets of rows the retention
    // policy already dropped cannot come back: still data_loss, saying so.
    const rebuild = p.steps.find((x) => x.operation === 'create' && x.object === 'public.readings_hourly')!;
    expect(rebuild.hazards.map((h) => `${h.kind}: ${h.message}`)).toEqual([
      'data_loss: continuous aggregate public.readings_hourly is dropped with its materialized rows and recreated: buckets of rows its source already dropped (retention: 30 days) are lost',
    ]);
    const refresh = by(/^CALL refresh_continuous_aggregate\('"public"\."readings_hourly"'::regclass, NULL, NULL\)$/);
    expect(p.steps.indexOf(refresh)).toBeGreaterThan(p.steps.indexOf(rebuild));

    const before = await num('SELECT count(*) FROM readings');
    const buckets = await num(`SELECT count(DISTINCT (time_bucket('1 hour', ts), device)) FROM readings`);
    await apply(p);
    expect((await plan(V2)).steps.map((s) => s.sql)).toEqual([]);
    // refreshed in full (before the new retention policy dropped anything): every hour of the 60 days, for both devices
    expect(await num('SELECT count(*) FROM readings_hourly')).toBe(buckets);
    expect(await num(`SELECT count(*) FROM readings_hourly WHERE v <> (SELECT max(value) FROM readings r WHERE time_bucket('1 hour', r.ts) = bucket AND r.device = readings_hourly.device)`)).toBe(0);
    // The retention policy drops what the hazard said (the server's scheduler may have run it already).
    const job = await num(`SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' AND hypertable_name = 'readings'`);
    await conn.exec(`CALL run_job(${job})`);
    expect(before - (await num('SELECT count(*) FROM readings'))).toBe(cutRows);
  }, 300_000);

  it('swaps a changed hypertable index in: built plainly under a temporary name, then renamed, so queries keep an index', async () => {
    const p = await plan(V3);
    expect(p.steps.map((s) => s.sql)).toEqual([
      'CREATE INDEX "pgform_new_readings_device_ts" ON "public"."readings" USING btree ("device", "ts") WHERE (value IS NOT NULL)',
      'DROP INDEX "public"."readings_device_ts"',
      'ALTER INDEX "public"."pgform_new_readings_device_ts" RENAME TO "readings_device_ts"',
    ]);
    // The build scans (its own transaction); the drop and the rename share one: no moment without the index.
    expect(p.transactions).toEqual([
      { transactional: true, firstStep: 1, lastStep: 1 },
      { transactional: true, firstStep: 2, lastStep: 3 },
    ]);
    await apply(p);
    expect(await num(`SELECT count(*) FROM pg_indexes WHERE tablename = 'readings' AND indexname = 'readings_device_ts' AND indexdef LIKE '%WHERE (value IS NOT NULL)%'`)).toBe(1);
    expect((await plan(V3)).steps).toEqual([]);

    // A policy's schedule alone: its job is altered in place on the server.
    const rescheduled = await plan(V4);
    expect(rescheduled.steps.map((s) => s.sql)).toEqual([
      "SELECT alter_job(j.job_id, schedule_interval => INTERVAL '02:00:00') FROM timescaledb_information.jobs j WHERE j.proc_schema = '_timescaledb_functions' " +
        "AND j.proc_name = 'policy_retention' AND j.hypertable_schema = 'public' AND j.hypertable_name = 'readings'",
    ]);
    await apply(rescheduled);
    expect(await num(`SELECT extract(epoch FROM schedule_interval) FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' AND hypertable_name = 'readings'`)).toBe(7200);
    expect((await plan(V4)).steps).toEqual([]);
  }, 120_000);

  it('builds an index declared transaction_per_chunk one chunk per transaction: other chunks take writes while one waits; stopped by lock_timeout, it is dropped and built again', async () => {
    const V5 = V4.replace('readings_device_ts: { columns: [ device, ts ], where: "value IS NOT NULL" }\n', '$&      readings_value: { columns: [ value ], transaction_per_chunk: true }\n');
    const p = await plan(V5);
    expect(p.steps.map((s) => s.sql)).toEqual(['CREATE INDEX "readings_value" ON "public"."readings" USING btree ("value") WITH (timescaledb.transaction_per_chunk)']);
    expect(p.steps[0]!.transactional).toBe(false);
    expect(p.steps[0]!.hazards.map((h) => h.kind)).toEqual(['non_transactional', 'blocks_writes']);
    const chunks = await conn.query<{ chunk: string; at: string }>(
      `SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk, (range_start + interval '1 minute')::text AS at
         FROM timescaledb_information.chunks WHERE hypertable_name = 'readings' ORDER BY range_start`,
    );
    expect(chunks.length).toBeGreaterThan(20);
    // A second session holds the newest chunk (as a write in progress would); a third writes to another chunk.
    const blocker = await openPostgres(url);
    const writer = await openPostgres(url);
    try {
      const held = chunks.at(-1)!.chunk;
      await blocker.exec(`BEGIN; LOCK TABLE ${held} IN ROW EXCLUSIVE MODE`);
      let retries = 0;
      const applying = apply(
        { ...p, settings: { ...p.settings, lockTimeout: '2s' } },
        { lockRetries: 2, retryDelayMs: 200, onRetry: () => void (retries++, blocker.exec('COMMIT')) },
      );
      const waiting = async () => Number((await writer.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = '${held}'::regclass`))[0]!.n);
      for (let i = 0; i < 400 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await waiting()).toBe(1);
      // While the build waits for that chunk, the hypertable takes writes (a plain build holds SHARE on it throughout).
      await writer.exec(`SET lock_timeout = '1s'; INSERT INTO readings VALUES ('${chunks.at(-3)!.at}', 7, 1)`);
      const valid = await writer.query<{ v: boolean }>(`SELECT indisvalid AS v FROM pg_index WHERE indexrelid = 'public.readings_value'::regclass`);
      expect(valid).toEqual([{ v: false }]);
      await applying;
      // The first try was stopped by lock_timeout at the held chunk; its invalid index was dropped and the retry built it.
      expect(retries).toBe(1);
    } finally {
      await blocker.close();
      await writer.close();
    }
    expect(await num(`SELECT count(*) FROM pg_index WHERE indexrelid = 'public.readings_value'::regclass AND indisvalid`)).toBe(1);
    // Every chunk has its own index on value.
    expect(await num(`SELECT count(*) FROM timescaledb_information.chunks ch
      JOIN pg_index i ON i.indrelid = format('%I.%I', ch.chunk_schema, ch.chunk_name)::regclass
      WHERE ch.hypertable_name = 'readings' AND pg_get_indexdef(i.indexrelid) LIKE '% USING btree (value)'`)).toBe(chunks.length);
    expect((await plan(V5)).steps).toEqual([]);
  }, 120_000);
});
