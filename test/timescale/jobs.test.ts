/**
 * TimescaleDB user-defined jobs (add_job) from the YAML on the suite's PostgreSQL 15 server: created, rescheduled and reconfigured in place,
 * removed, pulled. The embedded engine as the live database: test/timescale/hypertables.test.ts.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { introspect } from '../../src/introspect/index.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { freshPostgres, serverHas } from '../support/databases.ts';
import type { Job } from '../../src/model/timescale.ts';

const V1 = `extensions:
  timescaledb: {}
procedures:
  cleanup:
    arguments: { job_id: integer, config: jsonb }
    language: plpgsql
    body: BEGIN PERFORM 1; END
  rollup:
    arguments: { job_id: integer, config: jsonb }
    language: plpgsql
    body: BEGIN PERFORM 2; END
jobs:
  nightly_cleanup:
    procedure: public.cleanup
    schedule_interval: 1 day
    config: { keep_days: 30, tables: [a, b] }
  hourly_rollup:
    procedure: rollup
    schedule_interval: 1 hour
    scheduled: false
`;
/** Rescheduled and reconfigured in place; the other job goes, then its procedure. */
const V2 = V1.replace('schedule_interval: 1 day\n    config: { keep_days: 30, tables: [a, b] }', 'schedule_interval: 12 hours\n    config: { keep_days: 7 }')
  .replace(/ {2}rollup:\n(?: {4}.*\n)+/, '')
  .replace(/ {2}hourly_rollup:\n(?: {4}.*\n)+/, '');

interface JobRow {
  name: string;
  proc: string;
  every: string;
  config: string | null;
  scheduled: boolean;
}
const JOBS = `SELECT regexp_replace(application_name, ' \\[\\d+\\]$', '') AS name, proc_name::text AS proc, schedule_interval::text AS every, config::text AS config, scheduled
  FROM timescaledb_information.jobs WHERE proc_schema = 'public' ORDER BY 1`;

function jobsOn(engine: string, open: () => Promise<Connection>): void {
  describe(`user-defined jobs on ${engine}`, () => {
    const conns: Connection[] = [];
    afterAll(async () => {
      for (const c of conns) await c.close();
    });

    it('creates them with add_job by name, alters them in place, deletes them before their procedure, and pulls them back', async () => {
      const conn = await open();
      conns.push(conn);
      // Normalization on the server itself (--dev-url), as test/timescale/server.test.ts does.
      const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-ts-jobs-')), devUrl: inject('postgresUrl') };
      const input = (yaml: string) => ({ loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] });
      const plan = async (yaml: string): Promise<Plan> => (await planDatabase(conn, input(yaml), ws, DEFAULT_SETTINGS)).plan;
      const apply = async (p: Plan) => applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000 });

      const p1 = await plan(V1);
      const adds = p1.steps.filter((s) => s.kind === 'job').map((s) => s.sql);
      expect(adds).toEqual([
        "SELECT add_job('\"public\".\"rollup\"'::regproc, INTERVAL '01:00:00', scheduled => false, fixed_schedule => true, job_name => 'hourly_rollup')",
        "SELECT add_job('\"public\".\"cleanup\"'::regproc, INTERVAL '1 day', config => '{\"tables\": [\"a\", \"b\"], \"keep_days\": 30}'::jsonb, scheduled => true, fixed_schedule => true, job_name => 'nightly_cleanup')",
      ]);
      // The procedures come first.
      expect(p1.steps.findIndex((s) => s.kind === 'job')).toBeGreaterThan(p1.steps.findIndex((s) => s.sql.startsWith('CREATE PROCEDURE')));
      await apply(p1);
      expect(await conn.query<JobRow>(JOBS)).toEqual([
        { name: 'hourly_rollup', proc: 'rollup', every: '01:00:00', config: null, scheduled: false },
        { name: 'nightly_cleanup', proc: 'cleanup', every: '1 day', config: '{"tables": ["a", "b"], "keep_days": 30}', scheduled: true },
      ]);

      // Pull writes them with their procedure; the files load back to the same jobs.
      const live = await introspect(conn, { schemas: ['public'] });
      const pulled = modelToYamlFiles(live).get('public.yaml')!;
      expect(pulled).toContain('jobs:\n  hourly_rollup: { procedure: public.rollup, schedule_interval: 01:00:00, scheduled: false, fixed_schedule: true }\n');
      expect(pulled).toContain('    config: { tables: [ a, b ], keep_days: 30 }\n');
      const files = [...modelToYamlFiles(live)].map(([path, text]) => ({ path, text }));
      const withParsedConfig = (jobs: readonly Job[] | undefined) => (jobs ?? []).map((j) => ({ ...j, config: j.config === null ? null : JSON.parse(j.config) }));
      expect(withParsedConfig(loadSchemaFiles(files).model.jobs)).toEqual(withParsedConfig(live.jobs));
      expect(live.jobs).toHaveLength(2);

      const p2 = await plan(V2);
      const sqls = p2.steps.map((s) => s.sql);
      const lookup = (name: string, proc: string) =>
        `FROM timescaledb_information.jobs j WHERE j.application_name = '${name}' || ' [' || j.job_id || ']' AND j.proc_schema = 'public' AND j.proc_name = '${proc}'`;
      expect(sqls).toContain(`SELECT alter_job(j.job_id, schedule_interval => INTERVAL '12:00:00', config => '{"keep_days": 7}'::jsonb) ${lookup('nightly_cleanup', 'cleanup')}`);
      const del = sqls.indexOf(`SELECT delete_job(j.job_id) ${lookup('hourly_rollup', 'rollup')}`);
      expect(del).toBeGreaterThanOrEqual(0);
      expect(del).toBeLessThan(sqls.findIndex((s) => s.startsWith('DROP PROCEDURE')));
      // No job id anywhere in the plan.
      expect(sqls.join('\n')).not.toMatch(/job\(\d|job_id => \d/);
      await apply(p2);
      expect(await conn.query<JobRow>(JOBS)).toEqual([
        { name: 'nightly_cleanup', proc: 'cleanup', every: '12:00:00', config: '{"keep_days": 7}', scheduled: true },
      ]);
      expect((await plan(V2)).steps).toEqual([]);
    }, 180_000);
  });
}

if (serverHas('timescaledb')) jobsOn('the PostgreSQL 15 server', () => freshPostgres('jobs'));
