import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { driftCommand } from '../../src/cli/drift.ts';
import { freshPostgresDatabase } from '../support/databases.ts';
import { savePlan } from '../../src/chain/save.ts';
import { readChain } from '../../src/chain/chain.ts';
import { applyPending } from '../../src/chain/apply.ts';
import { chainStatus, statusExitCode } from '../../src/chain/status.ts';
import { checkChain } from '../../src/chain/check.ts';

// Normalized on the suite's server: the scratch engine is the live one.
const workspace: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: inject('postgresUrl') };

const schema = (rule: string) => `
tables:
  audit_logs:
    columns:
      id: bigint
      created_at: { type: timestamptz, not_null: true }
    primary_key: [id, created_at]
    partition_by: { range: [created_at] }
    partitions:
      monthly: ${rule}
`;
const ROLLING = '{ premake: 2, retain: 1 }';

/** The schema as of `today` (the rule is evaluated at load). */
function desiredOn(today: string, text: string): DesiredInput {
  vi.stubEnv('PGFORM_TODAY', today);
  return { loaded: { ...loadSchemaFiles([{ path: 'schema.yaml', text }]), sources: new Map(), files: [] }, managedSchemas: ['public'] };
}

async function planOn(conn: Connection, today: string, text: string): Promise<Plan> {
  return (await planDatabase(conn, desiredOn(today, text), workspace, DEFAULT_SETTINGS)).plan;
}

async function apply(conn: Connection, plan: Plan): Promise<void> {
  await applyPlanSafely(conn, plan, ['public'], workspace, { allowHazards: 'all', allowStale: false, planSql: renderSql(plan), lockWaitMs: 10_000 });
}

const partitions = async (conn: Connection) =>
  (await conn.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_logs'::regclass ORDER BY 1`)).map((r) => r.name);

describe('rolling partition rule on PostgreSQL', () => {
  let url: string;
  let conn: Connection;
  beforeAll(async () => {
    url = await freshPostgresDatabase('rolling');
    conn = await openPostgres(url);
  });
  afterAll(async () => {
    await conn?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('makes the current and premake months, keeps live ones within retain, retires older ones concurrently with data_loss only on the drop', async () => {
    const first = await planOn(conn, '2026-12-04', schema(ROLLING));
    expect(first.steps.filter((s) => s.sql.includes('PARTITION OF')).map((s) => s.object)).toEqual(['public.audit_logs_2026_12', 'public.audit_logs_2027_01', 'public.audit_logs_2027_02']);
    await apply(conn, first);
    await conn.exec(`INSERT INTO audit_logs VALUES (1, '2026-12-05 10:00+00'), (2, '2027-01-05 10:00+00')`);

    // A month later: 2026_12 is within retain (1 month back) and stays; 2027_03 is made.
    const second = await planOn(conn, '2027-01-10', schema(ROLLING));
    expect(second.steps.map((s) => s.sql)).toEqual([expect.stringContaining('CREATE TABLE "public"."audit_logs_2027_03" PARTITION OF')]);
    await apply(conn, second);

    // Two months later: 2026_12 is older than retain: detached CONCURRENTLY outside a transaction, then dropped.
    const third = await planOn(conn, '2027-02-10', schema(ROLLING));
    const detach = third.steps.find((s) => s.sql.includes('DETACH PARTITION'))!;
    expect(detach.sql).toBe('ALTER TABLE "public"."audit_logs" DETACH PARTITION "public"."audit_logs_2026_12" CONCURRENTLY');
    expect(detach.transactional).toBe(false);
    expect(detach.hazards.map((h) => h.kind)).toEqual(['non_transactional']);
    const drop = third.steps.find((s) => s.sql.startsWith('DROP TABLE'))!;
    expect(drop.sql).toBe('DROP TABLE "public"."audit_logs_2026_12"');
    expect(drop.hazards.map((h) => h.kind)).toEqual(['data_loss']);
    expect(third.steps.some((s) => s.sql.includes('audit_logs_2027_04'))).toBe(true);
    await apply(conn, third);
    expect(await partitions(conn)).toEqual(['audit_logs_2027_01', 'audit_logs_2027_02', 'audit_logs_2027_03', 'audit_logs_2027_04']);
    expect(await conn.query('SELECT id::int AS id FROM audit_logs')).toEqual([{ id: 2 }]);
    expect((await planOn(conn, '2027-02-10', schema(ROLLING))).steps).toEqual([]);
  }, 120_000);

  it('drift says partitions are running out (exit 2) when fewer than premake future months exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-rolling-'));
    writeFileSync(join(dir, 'schema.yaml'), schema(ROLLING));
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      vi.stubEnv('PGFORM_TODAY', '2027-02-10');
      expect(await driftCommand({ schema: dir, db: url })).toBe(0);
      vi.stubEnv('PGFORM_TODAY', '2027-03-10');
      out.length = 0;
      expect(await driftCommand({ schema: dir, db: url })).toBe(2);
      expect(out.join('')).toMatch(/partition rule public\.audit_logs: partitions running out\n\s+1 partition\(s\) after the current monthly period as of 2027-03-10; the rule makes 2 ahead/);
    } finally {
      write.mockRestore();
    }
  }, 60_000);

  it('a default partition catches a row outside every month; retiring then detaches without CONCURRENTLY', async () => {
    const withDefault = schema('{ premake: 2, retain: 1, default: true }');
    await apply(conn, await planOn(conn, '2027-02-10', withDefault));
    await conn.exec(`INSERT INTO audit_logs VALUES (9, '2031-01-01 00:00+00')`);
    expect(await conn.query(`SELECT tableoid::regclass::text AS part FROM audit_logs WHERE id = 9`)).toEqual([{ part: 'audit_logs_default' }]);
    const later = await planOn(conn, '2027-04-10', withDefault);
    const detach = later.steps.find((s) => s.sql.includes('DETACH PARTITION'))!;
    expect(detach.sql).toBe('ALTER TABLE "public"."audit_logs" DETACH PARTITION "public"."audit_logs_2027_01"');
    expect(detach.reason).toContain('default partition');
    await apply(conn, later);
    expect((await planOn(conn, '2027-04-10', withDefault)).steps).toEqual([]);
  }, 120_000);
});

describe('a rolling rule in committed plans, with upkeep by apply --schema between them', () => {
  let conn: Connection;
  const dir = mkdtempSync(join(tmpdir(), 'pgform-rolling-plans-'));
  const RULE = '{ premake: 2, retain: 1, default: true }';
  const withNote = schema(RULE).replace('      created_at: { type: timestamptz, not_null: true }', '      created_at: { type: timestamptz, not_null: true }\n      note: text');
  const save = (today: string, text: string, name: string) => savePlan({ dir, name, input: desiredOn(today, text), ws: workspace, settings: DEFAULT_SETTINGS });
  const chainApply = () => applyPending(conn, readChain(dir), workspace, { allowHazards: 'all', lockWaitMs: 10_000 });
  beforeAll(async () => {
    conn = await openPostgres(await freshPostgresDatabase('rolling_chain'));
  });
  afterAll(async () => {
    await conn?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('the chain stays where it is after upkeep; check is not stale as the date moves; later plans carry no upkeep', async () => {
    const first = await save('2026-12-04', schema(RULE), 'logs');
    expect(first!.plan.steps.filter((s) => s.sql.includes('PARTITION OF')).map((s) => s.object)).toEqual([
      'public.audit_logs_2026_12', 'public.audit_logs_2027_01', 'public.audit_logs_2027_02', 'public.audit_logs_default',
    ]);
    await chainApply();
    await conn.exec(`INSERT INTO audit_logs VALUES (1, '2026-12-05 10:00+00'), (2, '2027-01-05 10:00+00')`);

    // Two months on, the scheduled upkeep (apply --schema) adds two months and retires 2026_12.
    await apply(conn, await planOn(conn, '2027-02-10', schema(RULE)));
    expect(await partitions(conn)).toEqual(['audit_logs_2027_01', 'audit_logs_2027_02', 'audit_logs_2027_03', 'audit_logs_2027_04', 'audit_logs_default']);
    const status = await chainStatus(conn, readChain(dir), workspace);
    expect(status.location).toMatchObject({ kind: 'at', position: 1, via: 'upkeep' });
    expect(statusExitCode(status)).toBe(0);
    expect(await checkChain(readChain(dir), desiredOn('2027-02-10', schema(RULE)), workspace)).toEqual([]);
    expect(await save('2027-02-10', schema(RULE), 'nothing')).toBeNull();

    // A real change saved later: the column only, no partition of the new date's window.
    const second = await save('2027-02-10', withNote, 'note');
    expect(second!.plan.steps.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."audit_logs" ADD COLUMN "note" text']);
    expect(await chainApply()).toEqual({ from: 1, to: 2, ran: ['0002_note.sql'] });
    expect((await chainStatus(conn, readChain(dir), workspace)).location).toMatchObject({ kind: 'at', position: 2, via: 'upkeep' });
    expect(await conn.query('SELECT id::int AS id FROM audit_logs ORDER BY 1')).toEqual([{ id: 2 }]);
    // A hand-made change is still drift.
    await conn.exec('ALTER TABLE audit_logs ADD COLUMN extra int');
    expect((await chainStatus(conn, readChain(dir), workspace)).location.kind).toBe('drifted');
  }, 180_000);
});
