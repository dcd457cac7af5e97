import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { continuousAggregateKey } from '../../src/model/timescale.ts';
import { aggregate, converge, desiredState, hypertable, openTimescale, planSteps, readState } from './support.ts';

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

const metrics = (s: string) => `CREATE TABLE ${s}.metrics (ts timestamptz NOT NULL, device integer NOT NULL, value double precision)`;
const hourly = (s: string, agg = 'avg') =>
  `SELECT time_bucket('1 hour', ts) AS bucket, device, ${agg}(value) AS value FROM ${s}.metrics GROUP BY 1, 2`;
const daily = (s: string) => `SELECT time_bucket('1 day', bucket) AS day, device, max(value) AS value FROM ${s}.hourly GROUP BY 1, 2`;

async function refreshPolicy(schema: string, name: string) {
  return live.query<{ schedule_interval: string; start_offset: string | null; end_offset: string | null }>(
    `SELECT schedule_interval::text, config ->> 'start_offset' AS start_offset, config ->> 'end_offset' AS end_offset
     FROM timescaledb_information.jobs WHERE proc_name = 'policy_refresh_continuous_aggregate' AND hypertable_schema = $1 AND hypertable_name = $2`,
    [schema, name],
  );
}

describe('continuous aggregates', () => {
  it('creates a hierarchical aggregate with its refresh policy; it refreshes', async () => {
    const s = 'ca_create';
    await live.exec(`CREATE SCHEMA ${s}`);
    const desired = await desiredState(scratch, s, metrics(s), {
      hypertables: [hypertable(s, 'metrics', 'ts', { chunkInterval: '1 day' })],
      // Listed child first: the order comes from what each query reads.
      continuousAggregates: [
        aggregate(s, 'daily', daily(s), { materializedOnly: false }),
        aggregate(s, 'hourly', hourly(s), {
          refreshPolicy: { startOffset: '1 mon', endOffset: '01:00:00', scheduleInterval: '01:00:00' },
          comment: 'hourly means',
        }),
      ],
    });
    const normalized = desired.continuousAggregates!;
    expect(normalized.map((a) => [a.name, a.dependsOn])).toEqual([
      ['daily', [continuousAggregateKey(s, 'hourly')]],
      ['hourly', [`table:${s}.metrics`]],
    ]);
    expect(normalized[1]!.comment).toBe('hourly means');

    const { steps, again } = await converge(live, s, desired);
    const order = steps.map((x) => x.sql.slice(0, 60));
    const at = (re: RegExp) => steps.findIndex((x) => re.test(x.sql));
    expect(at(/create_hypertable/)).toBeLessThan(at(/MATERIALIZED VIEW "ca_create"\."hourly"/));
    expect(at(/MATERIALIZED VIEW "ca_create"\."hourly"/)).toBeLessThan(at(/MATERIALIZED VIEW "ca_create"\."daily"/));
    expect(at(/add_continuous_aggregate_policy/)).toBeGreaterThan(at(/MATERIALIZED VIEW "ca_create"\."hourly"/));
    expect(order.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    expect(await refreshPolicy(s, 'hourly')).toEqual([{ schedule_interval: '01:00:00', start_offset: '1 mon', end_offset: '01:00:00' }]);
    const info = await live.query<{ view_name: string; materialized_only: boolean }>(
      `SELECT view_name::text, materialized_only FROM timescaledb_information.continuous_aggregates WHERE view_schema = $1 ORDER BY 1`,
      [s],
    );
    expect(info).toEqual([
      { view_name: 'daily', materialized_only: false },
      { view_name: 'hourly', materialized_only: true },
    ]);

    // Behaviour: the aggregate (created WITH NO DATA) is empty until refreshed, then has the buckets.
    await live.exec(`INSERT INTO ${s}.metrics SELECT t, 1, extract(hour FROM t) FROM generate_series('2024-01-01'::timestamptz, '2024-01-01 05:59', '10 minutes') t`);
    expect((await live.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.hourly`))[0]!.n).toBe(0);
    await live.exec(`CALL refresh_continuous_aggregate('${s}.hourly', NULL, NULL)`);
    const rows = await live.query<{ n: number; total: number }>(`SELECT count(*)::int AS n, sum(value)::int AS total FROM ${s}.hourly`);
    expect(rows[0]).toEqual({ n: 6, total: 0 + 1 + 2 + 3 + 4 + 5 });

    // The aggregates' views and TimescaleDB's triggers stay out of the views and triggers.
    const state = await readState(live, [s]);
    expect(state.views).toEqual([]);
    expect(state.triggers).toEqual([]);
  });

  it('replaces the refresh policy when it changes, keeping the aggregate', async () => {
    const s = 'ca_policy';
    await live.exec(`CREATE SCHEMA ${s}`);
    const decl = (policy: { startOffset: string | null; endOffset: string | null; scheduleInterval: string } | null) => ({
      hypertables: [hypertable(s, 'metrics', 'ts')],
      continuousAggregates: [aggregate(s, 'hourly', hourly(s), { refreshPolicy: policy })],
    });
    await converge(live, s, await desiredState(scratch, s, metrics(s), decl({ startOffset: '1 day', endOffset: '01:00:00', scheduleInterval: '01:00:00' })));
    await live.exec(`INSERT INTO ${s}.metrics VALUES ('2024-01-01 00:10', 1, 3)`);
    await live.exec(`CALL refresh_continuous_aggregate('${s}.hourly', NULL, NULL)`);

    const { steps, again } = await converge(
      live,
      s,
      await desiredState(scratch, s, metrics(s), decl({ startOffset: '7 days', endOffset: null, scheduleInterval: '00:30:00' })),
    );
    expect(steps.map((x) => x.sql)).toEqual([
      `SELECT remove_continuous_aggregate_policy('"${s}"."hourly"'::regclass, if_exists => true)`,
      `SELECT add_continuous_aggregate_policy('"${s}"."hourly"'::regclass, start_offset => INTERVAL '7 days', end_offset => NULL, schedule_interval => INTERVAL '00:30:00')`,
    ]);
    expect(again).toEqual([]);
    expect(await refreshPolicy(s, 'hourly')).toEqual([{ schedule_interval: '00:30:00', start_offset: '7 days', end_offset: null }]);
    // Not rebuilt: the materialized row is still there.
    expect((await live.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.hourly`))[0]!.n).toBe(1);
  });

  it('a changed query drops and recreates the aggregate and the ones built on it: data_loss, or matview_rebuild under refresh: full', async () => {
    const s = 'ca_query';
    await live.exec(`CREATE SCHEMA ${s}`);
    const decl = (agg: string) => ({
      hypertables: [hypertable(s, 'metrics', 'ts')],
      continuousAggregates: [
        aggregate(s, 'hourly', hourly(s, agg), { refreshPolicy: { startOffset: '1 day', endOffset: '01:00:00', scheduleInterval: '01:00:00' } }),
        aggregate(s, 'daily', daily(s)),
      ],
    });
    await converge(live, s, await desiredState(scratch, s, metrics(s), decl('avg')));
    const changed = await desiredState(scratch, s, metrics(s), decl('max'));
    // Without `refresh: full` the rebuild loses what is not recomputed: data_loss.
    const unstated = planSteps(await readState(live, [s]), changed).find((x) => x.operation === 'create' && x.object === `${s}.hourly`)!;
    expect(unstated.hazards.map((h) => h.kind)).toEqual(['data_loss', 'non_transactional']);
    expect(unstated.hazards[0]!.message).toMatch(/refresh: full/);
    const full = { ...changed, continuousAggregates: changed.continuousAggregates.map((a) => ({ ...a, refresh: 'full' as const })) };
    const { steps, again } = await converge(live, s, full);
    const summary = steps.map((x) => `${x.operation} ${x.object}`);
    expect(summary).toEqual([
      `drop ${s}.daily`,
      `drop ${s}.hourly`,
      `create ${s}.hourly`,
      `create ${s}.daily`,
      `alter ${s}.hourly`,
    ]);
    const createHourly = steps[2]!;
    // The state read back does not say WITH NO DATA (a desired-only annotation): recreated WITH DATA, outside a transaction.
    expect(createHourly.hazards.map((h) => h.kind)).toEqual(['matview_rebuild', 'non_transactional']);
    expect(createHourly.transactional).toBe(false);
    expect(createHourly.sql).toMatch(/ WITH DATA$/);
    expect(createHourly.sql).toContain('max(value)');
    expect(steps[4]!.sql).toContain('add_continuous_aggregate_policy');
    expect(again).toEqual([]);
    const def = await live.query<{ view_definition: string }>(
      `SELECT view_definition FROM timescaledb_information.continuous_aggregates WHERE view_schema = $1 AND view_name = 'hourly'`,
      [s],
    );
    expect(def[0]!.view_definition).toContain('max(');
  });

  it('switches materialized_only in place and sets compression and retention on an aggregate', async () => {
    const s = 'ca_settings';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desiredState(scratch, s, metrics(s), {
      hypertables: [hypertable(s, 'metrics', 'ts')],
      continuousAggregates: [aggregate(s, 'hourly', hourly(s))],
    }));
    const desired = await desiredState(scratch, s, metrics(s), {
      hypertables: [hypertable(s, 'metrics', 'ts')],
      continuousAggregates: [
        aggregate(s, 'hourly', hourly(s), {
          materializedOnly: false,
          refreshPolicy: { startOffset: '30 days', endOffset: '01:00:00', scheduleInterval: '01:00:00' },
          compression: { enabled: true, segmentBy: ['device'], orderBy: [{ column: 'bucket', descending: false, nullsFirst: false }], after: '7 days' },
          dropAfter: '1 year',
        }),
      ],
    });
    const { steps, again } = await converge(live, s, desired);
    expect(steps.some((x) => x.operation === 'drop' || x.operation === 'create')).toBe(false);
    expect(steps.map((x) => x.sql)).toContain(`ALTER MATERIALIZED VIEW "${s}"."hourly" SET (timescaledb.materialized_only = false)`);
    expect(again).toEqual([]);
    const jobs = await live.query<{ proc_name: string }>(
      `SELECT proc_name::text FROM timescaledb_information.jobs WHERE hypertable_schema = $1 ORDER BY 1`,
      [s],
    );
    expect(jobs.map((j) => j.proc_name)).toEqual(['policy_compression', 'policy_refresh_continuous_aggregate', 'policy_retention']);
  });
});
