import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { freshPglite } from '../support/databases.ts';

const workspace: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };

const schema = (count: number) => `
tables:
  audit_logs:
    columns:
      id: bigint
      created_at: { type: timestamptz, not_null: true }
      action: text
    primary_key: [id, created_at]
    indexes:
      audit_logs_action_idx: [action]
    partition_by: { range: [created_at] }
    partitions:
      monthly: { from: 2026-01, count: ${count} }
      audit_logs_default: default
`;

const desired = (text: string): DesiredInput => ({
  loaded: { ...loadSchemaFiles([{ path: 'schema.yaml', text }]), sources: new Map(), files: [] },
  managedSchemas: ['public'],
});

async function planAndApply(conn: Connection, d: DesiredInput): Promise<string> {
  const { plan } = await planDatabase(conn, d, workspace, DEFAULT_SETTINGS);
  const sql = renderSql(plan);
  await applyPlanSafely(conn, plan, d.managedSchemas, workspace, { allowHazards: 'all', allowStale: false, planSql: sql, lockWaitMs: 10_000 });
  return sql;
}

describe('monthly partition rule, end to end', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshPglite();
  });
  afterAll(async () => {
    await conn.close();
  });

  it('creates the generated partitions, routes rows to them, then adds the next months with the rows kept', async () => {
    const first = await planAndApply(conn, desired(schema(2)));
    expect(first).toContain(`CREATE TABLE "public"."audit_logs_2026_02" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00')`);
    expect(first).not.toContain('CONCURRENTLY');
    await conn.exec(`INSERT INTO audit_logs VALUES (1, '2026-01-05 10:00+00', 'a'), (2, '2026-02-05 10:00+00', 'b'), (3, '2030-01-01 00:00+00', 'z')`);

    const second = await planAndApply(conn, desired(schema(4)));
    expect(second).toContain('CREATE TABLE "public"."audit_logs_2026_03" PARTITION OF');
    expect(second).toContain('CREATE TABLE "public"."audit_logs_2026_04" PARTITION OF');
    // The default partition is scanned for rows of the new months while the parent is locked.
    expect(second).toContain('long_lock');
    expect(second).not.toContain('DROP');
    await conn.exec(`INSERT INTO audit_logs VALUES (4, '2026-03-05 10:00+00', 'c')`);
    const rows = await conn.query<{ id: number; part: string }>('SELECT id::int AS id, tableoid::regclass::text AS part FROM audit_logs ORDER BY id');
    expect(rows).toEqual([
      { id: 1, part: 'audit_logs_2026_01' },
      { id: 2, part: 'audit_logs_2026_02' },
      { id: 3, part: 'audit_logs_default' },
      { id: 4, part: 'audit_logs_2026_03' },
    ]);
    const { plan } = await planDatabase(conn, desired(schema(4)), workspace, DEFAULT_SETTINGS);
    expect(plan.steps.map((s) => s.sql)).toEqual([]);
  }, 60_000);
});
