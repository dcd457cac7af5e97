import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { driftReport } from '../../src/drift/report.ts';
import { applySteps, converge, desiredState, hypertable, openTimescale, planSteps, readState } from './support.ts';

let live: Connection;
let scratch: Connection;

beforeAll(async () => {
  live = await openTimescale();
  scratch = await openTimescale();
});
afterAll(async () => {
  await live?.close();
  await scratch?.close();
});

const metrics = (s: string) =>
  `CREATE TABLE ${s}.metrics (ts timestamptz NOT NULL, device integer NOT NULL, value double precision, PRIMARY KEY (ts, device))`;

async function dimensions(schema: string) {
  return live.query<{ column_name: string; dimension_type: string; time_interval: string | null; num_partitions: number | null }>(
    `SELECT column_name::text, dimension_type::text, time_interval::text, num_partitions::int FROM timescaledb_information.dimensions
     WHERE hypertable_schema = $1 AND hypertable_name = 'metrics' ORDER BY dimension_number`,
    [schema],
  );
}

async function jobs(schema: string) {
  return live.query<{ proc_name: string; config: Record<string, unknown>; schedule_interval: string }>(
    `SELECT proc_name::text, config, schedule_interval::text FROM timescaledb_information.jobs WHERE hypertable_schema = $1 ORDER BY proc_name`,
    [schema],
  );
}

describe('hypertables', () => {
  it('creates a hypertable with a hash dimension from a table declared in the same state, rows land in chunks', async () => {
    const s = 'ht_create';
    const desired = await desiredState(scratch, s, metrics(s), {
      hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day', dimensions: [{ column: 'device', partitions: 2 }] })],
    });
    expect(desired.hypertables).toEqual([
      hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day', dimensions: [{ column: 'device', partitions: 2 }] }),
    ]);
    await live.exec(`CREATE SCHEMA ${s}`);
    const { steps, again } = await converge(live, s, desired);
    const sqls = steps.map((x) => x.sql);
    const create = sqls.findIndex((q) => q.startsWith('CREATE TABLE'));
    const hyper = sqls.findIndex((q) => q.includes('create_hypertable'));
    expect(create).toBeGreaterThanOrEqual(0);
    expect(hyper).toBeGreaterThan(create);
    expect(sqls[hyper]).not.toContain('migrate_data');
    expect(steps[hyper]!.hazards).toEqual([]);
    expect(sqls.findIndex((q) => q.includes('add_dimension'))).toBeGreaterThan(hyper);
    expect(again).toEqual([]);
    expect(await dimensions(s)).toEqual([
      { column_name: 'ts', dimension_type: 'Time', time_interval: '1 day', num_partitions: null },
      { column_name: 'device', dimension_type: 'Space', time_interval: null, num_partitions: 2 },
    ]);

    await live.exec(
      `INSERT INTO ${s}.metrics SELECT t, d, 1 FROM generate_series('2024-01-01'::timestamptz, '2024-01-03 23:00', '1 hour') t, generate_series(1, 4) d`,
    );
    const [chunks] = await live.query<{ chunks: number; rows_in_parent: number; rows: number }>(
      `SELECT (SELECT count(*)::int FROM timescaledb_information.chunks WHERE hypertable_schema = $1 AND hypertable_name = 'metrics') AS chunks,
        (SELECT count(*)::int FROM ONLY ${s}.metrics) AS rows_in_parent, (SELECT count(*)::int FROM ${s}.metrics) AS rows`,
      [s],
    );
    // Three days of one-day chunks, each split in two hash partitions; the parent itself stays empty.
    expect(chunks).toEqual({ chunks: 6, rows_in_parent: 0, rows: 288 });
    // The chunks are TimescaleDB's: they never appear in the model.
    const state = await readState(live, [s, '_timescaledb_internal']);
    expect(state.tables.map((t) => `${t.schema}.${t.name}`)).toEqual([`${s}.metrics`]);
  });

  it('turns an existing table with rows into a hypertable with migrate_data and the long_lock hazard', async () => {
    const s = 'ht_migrate';
    await live.exec(`CREATE SCHEMA ${s}; ${metrics(s)}; INSERT INTO ${s}.metrics VALUES ('2024-01-01', 1, 1), ('2024-02-01', 1, 2)`);
    const desired = await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts')] });
    const { steps, again } = await converge(live, s, desired);
    expect(steps.map((x) => x.sql)).toEqual([
      `SELECT create_hypertable('"${s}"."metrics"'::regclass, by_range('ts', INTERVAL '7 days'), create_default_indexes => false, migrate_data => true)`,
    ]);
    expect(steps[0]!.hazards.map((h) => h.kind)).toEqual(['long_lock']);
    expect(again).toEqual([]);
    const [row] = await live.query<{ chunks: number; rows: number }>(
      `SELECT (SELECT count(*)::int FROM timescaledb_information.chunks WHERE hypertable_schema = $1) AS chunks,
        (SELECT count(*)::int FROM ${s}.metrics) AS rows`,
      [s],
    );
    expect(row).toEqual({ chunks: 2, rows: 2 });
  });

  it('changes the chunk interval in place', async () => {
    const s = 'ht_interval';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day' })] }));
    const desired = await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 week' })] });
    const { steps, again } = await converge(live, s, desired);
    expect(steps.map((x) => x.sql)).toEqual([`SELECT set_chunk_time_interval('"${s}"."metrics"'::regclass, INTERVAL '7 days')`]);
    expect(again).toEqual([]);
    expect((await dimensions(s))[0]!.time_interval).toBe('7 days');
  });

  it('enables compression, then changes segment_by and order_by without recreating the table', async () => {
    const s = 'ht_compress';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day' })] }));
    await live.exec(`INSERT INTO ${s}.metrics SELECT t, 1, 1 FROM generate_series('2024-01-01'::timestamptz, '2024-01-02', '1 hour') t`);

    const enabled = await desiredState(scratch, s, metrics(s), {
      hypertables: [
        hypertable(s, 'metrics', 'ts', {
          chunkInterval: '1 day',
          compression: { enabled: true, segmentBy: ['device'], orderBy: [{ column: 'ts', descending: true, nullsFirst: true }], after: '7 days' },
        }),
      ],
    });
    const first = await converge(live, s, enabled);
    expect(first.steps.map((x) => x.sql)).toEqual([
      `ALTER TABLE "${s}"."metrics" SET (timescaledb.compress = true, timescaledb.compress_segmentby = '"device"', timescaledb.compress_orderby = '"ts" DESC')`,
      `SELECT add_compression_policy('"${s}"."metrics"'::regclass, compress_after => INTERVAL '7 days', schedule_interval => INTERVAL '12:00:00')`,
    ]);
    expect(first.again).toEqual([]);
    expect(await jobs(s)).toMatchObject([{ proc_name: 'policy_compression', config: { compress_after: '7 days' } }]);

    // Compressed chunks exist when the settings change.
    await live.exec(`SELECT compress_chunk(c) FROM show_chunks('${s}.metrics') c`);
    const changed = await desiredState(scratch, s, metrics(s), {
      hypertables: [
        hypertable(s, 'metrics', 'ts', {
          chunkInterval: '1 day',
          compression: {
            enabled: true,
            segmentBy: [],
            orderBy: [
              { column: 'device', descending: false, nullsFirst: false },
              { column: 'ts', descending: true, nullsFirst: false },
            ],
            after: '30 days',
          },
        }),
      ],
    });
    const second = await converge(live, s, changed);
    expect(second.steps.map((x) => x.sql)).toEqual([
      `SELECT remove_compression_policy('"${s}"."metrics"'::regclass, if_exists => true)`,
      `ALTER TABLE "${s}"."metrics" SET (timescaledb.compress = true, timescaledb.compress_segmentby = '', timescaledb.compress_orderby = '"device", "ts" DESC NULLS LAST')`,
      `SELECT add_compression_policy('"${s}"."metrics"'::regclass, compress_after => INTERVAL '30 days', schedule_interval => INTERVAL '12:00:00')`,
    ]);
    expect(second.steps.some((x) => /DROP TABLE|CREATE TABLE/.test(x.sql))).toBe(false);
    expect(second.again).toEqual([]);
    // Only the compression policy's schedule changes: alter_job, nothing replaced.
    const rescheduled = await converge(
      live,
      s,
      await desiredState(scratch, s, metrics(s), {
        hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day', compression: { ...changed.hypertables![0]!.compression, scheduleInterval: '45 minutes' } })],
      }),
    );
    expect(rescheduled.steps.map((x) => x.sql)).toEqual([
      `SELECT alter_job(j.job_id, schedule_interval => INTERVAL '00:45:00') FROM timescaledb_information.jobs j WHERE j.proc_schema = '_timescaledb_functions' ` +
        `AND j.proc_name = 'policy_compression' AND j.hypertable_schema = '${s}' AND j.hypertable_name = 'metrics'`,
    ]);
    expect(rescheduled.again).toEqual([]);
    expect(await jobs(s)).toMatchObject([{ proc_name: 'policy_compression', config: { compress_after: '30 days' }, schedule_interval: '00:45:00' }]);
    const settings = await live.query<{ attname: string; segmentby_column_index: number | null; orderby_column_index: number | null; orderby_asc: boolean | null }>(
      `SELECT attname::text, segmentby_column_index::int, orderby_column_index::int, orderby_asc FROM timescaledb_information.compression_settings
       WHERE hypertable_schema = $1 ORDER BY attname`,
      [s],
    );
    expect(settings).toEqual([
      { attname: 'device', segmentby_column_index: null, orderby_column_index: 1, orderby_asc: true },
      { attname: 'ts', segmentby_column_index: null, orderby_column_index: 2, orderby_asc: false },
    ]);
    // The rows are still there.
    expect((await live.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.metrics`))[0]!.n).toBe(25);
  });

  it('adds a retention policy, then replaces it when its interval changes', async () => {
    const s = 'ht_retention';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts')] }));
    const added = await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { dropAfter: '90 days' })] }));
    expect(added.steps.map((x) => x.sql)).toEqual([`SELECT add_retention_policy('"${s}"."metrics"'::regclass, drop_after => INTERVAL '90 days', schedule_interval => INTERVAL '1 day')`]);
    // A table that kept everything now drops its old chunks: data_loss.
    expect(added.steps[0]!.hazards.map((h) => h.kind)).toEqual(['data_loss']);
    expect(added.steps[0]!.hazards[0]!.message).toMatch(/older than 90 days \(no retention policy before\)/);
    expect(added.again).toEqual([]);
    const changed = await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { dropAfter: '1 year' })] }));
    expect(changed.steps.map((x) => x.sql)).toEqual([
      `SELECT remove_retention_policy('"${s}"."metrics"'::regclass, if_exists => true)`,
      `SELECT add_retention_policy('"${s}"."metrics"'::regclass, drop_after => INTERVAL '1 year', schedule_interval => INTERVAL '1 day')`,
    ]);
    // Keeping longer than before loses nothing.
    expect(changed.steps.flatMap((x) => x.hazards)).toEqual([]);
    expect(changed.again).toEqual([]);
    const shortened = planSteps(await readState(live, [s]), await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { dropAfter: '1 mon' })] }));
    expect(shortened.flatMap((x) => x.hazards.map((h) => `${h.kind}: ${h.message}`))).toEqual([
      `data_loss: drops the chunks of ${s}.metrics older than 1 mon (kept 1 year before) at the policy's first run after apply`,
    ]);
    expect(await jobs(s)).toMatchObject([{ proc_name: 'policy_retention', config: { drop_after: '1 year' } }]);
    // Another schedule for the same policy: its job is altered in place, found by its hypertable.
    const rescheduled = await converge(
      live,
      s,
      await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { dropAfter: '1 year', retentionScheduleInterval: '2 hours' })] }),
    );
    expect(rescheduled.steps.map((x) => x.sql)).toEqual([
      `SELECT alter_job(j.job_id, schedule_interval => INTERVAL '02:00:00') FROM timescaledb_information.jobs j WHERE j.proc_schema = '_timescaledb_functions' ` +
        `AND j.proc_name = 'policy_retention' AND j.hypertable_schema = '${s}' AND j.hypertable_name = 'metrics'`,
    ]);
    expect(rescheduled.steps.flatMap((x) => x.hazards)).toEqual([]);
    expect(rescheduled.again).toEqual([]);
    expect(await jobs(s)).toMatchObject([{ proc_name: 'policy_retention', config: { drop_after: '1 year' }, schedule_interval: '02:00:00' }]);
    // Declared with a new policy, the schedule goes into add_retention_policy.
    const both = await converge(
      live,
      s,
      await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts', { dropAfter: '2 years', retentionScheduleInterval: '3 hours' })] }),
    );
    expect(both.steps.map((x) => x.sql)).toEqual([
      `SELECT remove_retention_policy('"${s}"."metrics"'::regclass, if_exists => true)`,
      `SELECT add_retention_policy('"${s}"."metrics"'::regclass, drop_after => INTERVAL '2 years', schedule_interval => INTERVAL '03:00:00')`,
    ]);
    expect(both.again).toEqual([]);
    expect(await jobs(s)).toMatchObject([{ proc_name: 'policy_retention', schedule_interval: '03:00:00' }]);
    const removed = await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts')] }));
    expect(removed.steps.map((x) => x.sql)).toEqual([`SELECT remove_retention_policy('"${s}"."metrics"'::regclass, if_exists => true)`]);
    expect(await jobs(s)).toEqual([]);
  });

  it('adds a range dimension on a second time column, then changes its interval in place', async () => {
    const s = 'ht_range';
    await live.exec(`CREATE SCHEMA ${s}`);
    const table = `CREATE TABLE ${s}.events (ts timestamptz NOT NULL, received timestamptz NOT NULL, v integer)`;
    await converge(live, s, await desiredState(scratch, s, table, { hypertables: [hypertable(s, 'events', 'ts', { chunkInterval: '1 day' })] }));
    const ranged = (interval: string) =>
      desiredState(scratch, s, table, { hypertables: [hypertable(s, 'events', 'ts', { chunkInterval: '1 day', dimensions: [{ column: 'received', interval }] })] });
    const added = await converge(live, s, await ranged('7 days'));
    expect(added.steps.map((x) => x.sql)).toEqual([`SELECT add_dimension('"${s}"."events"'::regclass, by_range('received', INTERVAL '7 days'))`]);
    expect(added.steps[0]!.hazards.map((h) => h.kind)).toEqual(['unchecked_dependency']);
    expect(added.again).toEqual([]);
    expect(added.after.hypertables![0]!.dimensions).toEqual([{ column: 'received', interval: '7 days' }]);
    const dims = () =>
      live.query<{ column_name: string; dimension_type: string; time_interval: string | null }>(
        `SELECT column_name::text, dimension_type::text, time_interval::text FROM timescaledb_information.dimensions
         WHERE hypertable_schema = $1 ORDER BY dimension_number`,
        [s],
      );
    expect(await dims()).toEqual([
      { column_name: 'ts', dimension_type: 'Time', time_interval: '1 day' },
      { column_name: 'received', dimension_type: 'Time', time_interval: '7 days' },
    ]);
    // Rows one day apart on ts but received in two different weeks land in chunks split on both.
    await live.exec(`INSERT INTO ${s}.events VALUES ('2024-01-01 10:00', '2024-01-01 10:00', 1), ('2024-01-01 11:00', '2024-01-20 11:00', 2)`);
    const chunks = async () =>
      (await live.query<{ n: number }>(`SELECT count(*)::int AS n FROM timescaledb_information.chunks WHERE hypertable_schema = $1`, [s]))[0]!.n;
    expect(await chunks()).toBe(2);

    const changed = await converge(live, s, await ranged('1 day'));
    expect(changed.steps.map((x) => x.sql)).toEqual([
      `SELECT set_chunk_time_interval('"${s}"."events"'::regclass, INTERVAL '1 day', dimension_name => 'received')`,
    ]);
    expect(changed.again).toEqual([]);
    expect((await dims())[1]!.time_interval).toBe('1 day');
    // A dimension cannot change its kind.
    const state = await readState(live, [s]);
    expect(() => planSteps(state, { ...state, hypertables: [hypertable(s, 'events', 'ts', { chunkInterval: '1 day', dimensions: [{ column: 'received', partitions: 2 }] })] })).toThrow(
      /ht_range\.events has a range dimension on received; TimescaleDB cannot change a dimension's kind/,
    );
  });

  it('hypertables on an integer time column take integer intervals', async () => {
    const s = 'ht_integer';
    await live.exec(`CREATE SCHEMA ${s}`);
    const table = `CREATE TABLE ${s}.events (t bigint NOT NULL, x integer)`;
    const desired = await desiredState(scratch, s, table, { hypertables: [hypertable(s, 'events', 't', { chunkInterval: '1000' })] });
    expect(desired.hypertables![0]!.chunkInterval).toBe('1000');
    const { steps, again } = await converge(live, s, desired);
    expect(steps.map((x) => x.sql)).toContain(`SELECT create_hypertable('"${s}"."events"'::regclass, by_range('t', 1000), create_default_indexes => false)`);
    expect(again).toEqual([]);
  });

  it('refuses what TimescaleDB cannot do in place, naming the table', async () => {
    const s = 'ht_refuse';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desiredState(scratch, s, metrics(s), { hypertables: [hypertable(s, 'metrics', 'ts')] }));
    const state = await readState(live, [s]);
    expect(() => planSteps(state, { ...state, hypertables: [] })).toThrow(/ht_refuse\.metrics.*cannot turn a hypertable back into a plain table/);
    expect(() => planSteps(state, { ...state, hypertables: [hypertable(s, 'metrics', 'device')] })).toThrow(/cannot change the time column/);
  });
});

describe('applying in one go', () => {
  it('a plan from nothing applies on a fresh database', async () => {
    const s = 'ht_fresh';
    const desired = await desiredState(scratch, s, metrics(s), {
      hypertables: [hypertable(s, 'metrics', 'ts', { compression: { enabled: true, segmentBy: ['device'], orderBy: [], after: '1 day' }, dropAfter: '10 days' })],
    });
    const other = await openTimescale();
    try {
      const from = await readState(other, [s]);
      await applySteps(other, planSteps(from, desired));
      expect(planSteps(await readState(other, [s]), desired)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('user-defined jobs', () => {
  it('adds a job by name after its procedure, alters it in place, and deletes it before its procedure goes', async () => {
    const s = 'ts_jobs';
    const proc = `CREATE PROCEDURE ${s}.work(job_id integer, config jsonb) LANGUAGE plpgsql AS 'BEGIN PERFORM 1; END'`;
    const job = { name: 'ts_jobs_work', procedure: { schema: s, name: 'work' }, scheduleInterval: '1 hour', config: '{"k": 1}', scheduled: true, fixedSchedule: true };
    const desired = await desiredState(scratch, s, proc, { jobs: [job] });
    // Normalized as PostgreSQL prints it.
    expect(desired.jobs).toEqual([{ ...job, scheduleInterval: '01:00:00' }]);
    await live.exec(`CREATE SCHEMA ${s}`);
    const created = await converge(live, s, desired);
    const sqls = created.steps.map((x) => x.sql);
    expect(sqls.findIndex((q) => q.startsWith('SELECT add_job'))).toBeGreaterThan(sqls.findIndex((q) => q.startsWith('CREATE PROCEDURE')));
    expect(created.after.jobs).toEqual(desired.jobs);
    expect(created.again).toEqual([]);

    const changed = await desiredState(scratch, s, proc, { jobs: [{ ...job, scheduleInterval: '2 hours', config: '{"k": 2}', scheduled: false }] });
    // Drift names the job and what differs.
    const drift = driftReport(created.after, changed).filter((e) => e.kind === 'timescaledb job');
    expect(drift.map((e) => [e.object, e.status, e.lines.filter((l) => l.startsWith('+'))])).toEqual([
      ['ts_jobs_work', 'changed', expect.arrayContaining([expect.stringContaining('02:00:00')])],
    ]);
    const altered = await converge(live, s, changed);
    expect(altered.steps.map((x) => x.sql)).toEqual([
      `SELECT alter_job(j.job_id, schedule_interval => INTERVAL '02:00:00', config => '{"k": 2}'::jsonb, scheduled => false) FROM timescaledb_information.jobs j ` +
        `WHERE j.application_name = 'ts_jobs_work' || ' [' || j.job_id || ']' AND j.proc_schema = 'ts_jobs' AND j.proc_name = 'work'`,
    ]);
    expect(altered.again).toEqual([]);

    // What alter_job cannot change: deleted and added again.
    const unfixed = await desiredState(scratch, s, proc, { jobs: [{ ...changed.jobs![0]!, fixedSchedule: false }] });
    const replaced = await converge(live, s, unfixed);
    expect(replaced.steps.map((x) => x.sql.split('(')[0])).toEqual(['SELECT delete_job', 'SELECT add_job']);
    expect(replaced.after.jobs).toEqual(unfixed.jobs);
    expect(replaced.again).toEqual([]);

    const removed = await converge(live, s, await desiredState(scratch, s, '', {}));
    const gone = removed.steps.map((x) => x.sql);
    expect(gone.findIndex((q) => q.startsWith('SELECT delete_job'))).toBeLessThan(gone.findIndex((q) => q.startsWith('DROP PROCEDURE')));
    expect(removed.again).toEqual([]);
    expect(await live.query(`SELECT 1 FROM timescaledb_information.jobs WHERE proc_schema = $1`, [s])).toEqual([]);
  });
});
