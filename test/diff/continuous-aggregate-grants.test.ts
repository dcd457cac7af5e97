import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { continuousAggregateKey, NO_COMPRESSION, type ContinuousAggregate, type Hypertable } from '../../src/model/timescale.ts';
import { PHASES } from '../../src/plan/step.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { col, grant, model, role, table } from './build.ts';

/** Grants on continuous aggregates in the diff: placed after the aggregate, re-applied when it is rebuilt. */

const metrics = table('metrics', [col('ts', 'timestamp with time zone', { notNull: true }), col('v', 'double precision')]);
const ht: Hypertable = { schema: 'public', table: 'metrics', timeColumn: 'ts', chunkInterval: '7 days', dimensions: [], compression: NO_COMPRESSION, dropAfter: null };
const hourlyKey = continuousAggregateKey('public', 'hourly');

function hourly(agg = 'avg'): ContinuousAggregate {
  return {
    schema: 'public',
    name: 'hourly',
    definition: ` SELECT time_bucket('01:00:00'::interval, ts) AS bucket, ${agg}(v) AS v FROM metrics GROUP BY (time_bucket('01:00:00'::interval, ts))`,
    materializedOnly: true,
    refreshPolicy: null,
    compression: NO_COMPRESSION,
    dropAfter: null,
    comment: null,
    dependsOn: ['table:public.metrics'],
  };
}

function state(aggregates: readonly ContinuousAggregate[], grants = [grant('hourly', 'reader', 'SELECT')]): DatabaseModel {
  return model({ tables: [metrics], hypertables: [ht], continuousAggregates: aggregates, grants, roles: [role('reader'), role('app')] });
}

const base = model({ tables: [metrics], hypertables: [ht], roles: [role('reader'), role('app')] });
const plan = (from: DatabaseModel, to: DatabaseModel) => orderSteps(diffModels(from, to));

describe('grants on continuous aggregates', () => {
  it('grants on a new aggregate wait for its creation', () => {
    const steps = plan(base, state([hourly()]));
    const g = steps.find((s) => s.kind === 'grant')!;
    expect(g.sql).toBe('GRANT SELECT ON TABLE "public"."hourly" TO "reader"');
    expect(g.requires).toContain(hourlyKey);
    expect(g.hazards.map((h) => h.kind)).toEqual(['authz_change']);
    const create = steps.findIndex((s) => s.operation === 'create' && (s.provides ?? []).includes(hourlyKey));
    expect(create).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(g)).toBeGreaterThan(create);
  });

  it('revokes from a kept aggregate what its list no longer has, and grants what it adds', () => {
    const from = state([hourly()], [grant('hourly', 'reader', 'SELECT'), grant('hourly', 'app', 'SELECT', { objectKind: 'column', column: 'v' })]);
    const to = state([hourly()], [grant('hourly', 'app', 'SELECT')]);
    const steps = plan(from, to);
    expect(steps.map((s) => s.sql)).toEqual([
      'REVOKE SELECT ON TABLE "public"."hourly" FROM "reader"',
      'REVOKE SELECT ("v") ON TABLE "public"."hourly" FROM "app"',
      'GRANT SELECT ON TABLE "public"."hourly" TO "app"',
    ]);
    expect(steps[0]!.phase).toBe(PHASES.revoke);
    for (const s of steps) expect(s.requires).toContain(hourlyKey);
    expect(plan(to, to)).toEqual([]);
  });

  it('grants again, after the new one exists, when a changed query rebuilds the aggregate; nothing is revoked from it', () => {
    const same = plan(state([hourly()]), state([hourly('max')]));
    expect(same.map((s) => `${s.operation} ${s.kind} ${s.object}`)).toEqual([
      'drop materialized_view public.hourly',
      'create materialized_view public.hourly',
      'grant grant public.hourly to reader',
    ]);
    expect(same[2]!.sql).toBe('GRANT SELECT ON TABLE "public"."hourly" TO "reader"');
    expect(same[2]!.requires).toContain(hourlyKey);
    const changed = plan(state([hourly()]), state([hourly('max')], [grant('hourly', 'app', 'SELECT')]));
    expect(changed.filter((s) => s.kind === 'grant').map((s) => s.sql)).toEqual(['GRANT SELECT ON TABLE "public"."hourly" TO "app"']);
  });

  it('a dropped aggregate takes its grants with it: no REVOKE', () => {
    const steps = plan(state([hourly()]), state([], []));
    expect(steps.map((s) => s.operation)).toEqual(['drop']);
  });
});
