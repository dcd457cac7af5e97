/**
 * Converting an existing table to a partitioned one (`convert_to_partitioned`), with rows, on
 * PGlite and on the PostgreSQL server: refused without the consent; with it, the plan's phases,
 * the rows equal after (written during the copy too), the old table kept, a second plan empty,
 * and the old table dropped once the consent is removed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { savePlan } from '../../src/chain/save.ts';
import { readChain } from '../../src/chain/chain.ts';
import { checkChain } from '../../src/chain/check.ts';
import { applyPending, rollBackTo } from '../../src/chain/apply.ts';
import { freshPglite, freshPostgresDatabase } from '../support/databases.ts';

const ordinary = `
tables:
  events:
    columns:
      id: { type: bigint, not_null: true }
      created_at: { type: timestamptz, not_null: true }
      kind: { type: text, comment: what happened }
      payload: jsonb
    primary_key: [id]
    indexes:
      events_kind_idx: [kind]
    checks:
      events_kind_check: length(kind) < 100
    row_level_security: true
    policies:
      events_all: { for: all, using: "true" }
`;

/** The same table partitioned (the primary key takes the partition key), with `consent` appended. */
const partitioned = (consent: string) =>
  ordinary.replace('primary_key: [id]', 'primary_key: [id, created_at]') +
  `    partition_by: { range: [created_at] }
    partitions:
      events_2026: { from: "2026-01-01", to: "2027-01-01" }
      events_default: default
${consent}`;

const input = (text: string) => ({ loaded: { ...loadSchemaFiles([{ path: 'schema.yaml', text }]), sources: new Map(), files: [] }, managedSchemas: ['public'] });

const rows = async (conn: Connection, table: string) =>
  conn.query<{ r: string }>(`SELECT json_agg(t ORDER BY id)::text AS r FROM (SELECT id, created_at, kind, payload FROM ${table}) t`);

for (const engine of ['PGlite', 'PostgreSQL server'] as const) {
  describe(`convert_to_partitioned on ${engine}`, () => {
    let conn: Connection;
    let ws: Workspace;
    let url = '';
    const plan = async (text: string): Promise<Plan> => (await planDatabase(conn, input(text), ws, DEFAULT_SETTINGS)).plan;
    const apply = (p: Plan) => applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000 });
    beforeAll(async () => {
      if (engine === 'PGlite') conn = await freshPglite();
      else {
        url = await freshPostgresDatabase('convert');
        conn = await openPostgres(url);
      }
      ws = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-convert-')), devUrl: engine === 'PGlite' ? null : inject('postgresUrl') };
      await apply(await plan(ordinary));
      await conn.exec(`INSERT INTO events SELECT g, '2026-01-01'::timestamptz + g * interval '1 hour', 'k' || (g % 7), jsonb_build_object('g', g) FROM generate_series(1, 2500) g`);
      await conn.exec(`INSERT INTO events VALUES (99999, '2031-05-01', 'late', null)`);
    }, 120_000);
    afterAll(async () => conn?.close());

    it('is refused without the consent, naming it; nothing changes', async () => {
      await expect(plan(partitioned(''))).rejects.toThrow(/replaces public\.events by a partitioned table.*has \d+ row\(s\).*convert_to_partitioned: true/s);
      expect(await conn.query(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'events'`)).toEqual([{ k: 'r' }]);
    });

    it('creates, copies in batches, swaps in one transaction, then the dependents; rows equal, a write during the copy carried over', async () => {
      const expected = await rows(conn, 'events');
      const p = await plan(partitioned('    convert_to_partitioned: { batch_size: 1000 }'));
      const heads = p.steps.map((s) => `${s.operation} ${s.kind} ${s.object}`);
      expect(heads.slice(0, 5)).toEqual([
        'create table public.events_partitioned',
        'create table public.events_2026',
        'create table public.events_default',
        'update table public.events',
        'rename table public.events',
      ]);
      const copy = p.steps[3]!;
      expect(copy.backfill).toEqual({ batchSize: 1000 });
      expect(copy.hazards.map((h) => h.kind)).toEqual(['data_change']);
      const swap = p.steps[4]!;
      expect(swap.hazards.map((h) => h.kind)).toEqual(['long_lock']);
      expect(swap.sql).toContain('ALTER TABLE "public"."events" RENAME TO "events_unpartitioned"');
      // The rest on the new table, after the swap: its index, check, comments, RLS and policy.
      expect(heads.slice(5)).toEqual(expect.arrayContaining(['create index public.events.events_kind_idx', 'create policy public.events.events_all']));
      expect(p.steps.slice(5).some((s) => s.sql.includes('events_kind_check'))).toBe(true);
      expect(p.steps.slice(5).some((s) => s.sql.includes('ENABLE ROW LEVEL SECURITY'))).toBe(true);

      // While the copy runs, the application writes to the old table after the first batch: a
      // change and a delete behind the copy, and an insert with a key it has passed.
      const writer = engine === 'PGlite' ? conn : await openPostgres(url);
      const writes: Promise<unknown>[] = [];
      await applyPlanSafely(conn, p, ['public'], ws, {
        allowHazards: 'all',
        allowStale: false,
        planSql: renderSql(p),
        lockWaitMs: 10_000,
        onProgress: (e) => {
          if (e.type === 'rows' && writes.length === 0) {
            writes.push(writer.exec(`UPDATE events SET kind = 'changed' WHERE id = 10; DELETE FROM events WHERE id = 20; INSERT INTO events VALUES (0, '2026-06-01', 'early', null)`));
          }
        },
      });
      await Promise.all(writes);
      if (writer !== conn) await writer.close();
      expect(writes).toHaveLength(1);
      const written = await rows(conn, 'events_unpartitioned');
      expect(written).not.toEqual(expected);
      expect(await conn.query(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'events'`)).toEqual([{ k: 'p' }]);
      expect(await rows(conn, 'events')).toEqual(written);
      expect(await rows(conn, 'events_unpartitioned')).toEqual(written);
      expect(await conn.query(`SELECT count(*)::int AS n FROM events_default`)).toEqual([{ n: 1 }]);
      expect((await plan(partitioned('    convert_to_partitioned: { batch_size: 1000 }'))).steps).toEqual([]);
    }, 180_000);

    it('drops the kept old table once the consent is removed (data_loss)', async () => {
      const p = await plan(partitioned(''));
      expect(p.steps.map((s) => `${s.operation} ${s.kind} ${s.object}`)).toEqual(expect.arrayContaining(['drop table public.events_unpartitioned']));
      expect(p.steps.find((s) => s.operation === 'drop' && s.kind === 'table')!.hazards.map((h) => h.kind)).toContain('data_loss');
      await apply(p);
      expect((await plan(partitioned(''))).steps).toEqual([]);
    }, 120_000);
  });
}

describe('convert_to_partitioned stopped and taken up again, and in committed plans (PGlite)', () => {
  it('a conversion stopped during its copy continues where it stopped when planned and applied again', async () => {
    const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-convert-')), devUrl: null };
    const conn = await freshPglite();
    try {
      const plan = async (text: string): Promise<Plan> => (await planDatabase(conn, input(text), ws, DEFAULT_SETTINGS)).plan;
      const apply = (p: Plan) => applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 10_000 });
      await apply(await plan(ordinary));
      await conn.exec(`INSERT INTO events SELECT g, '2026-03-01'::timestamptz + g * interval '1 hour', 'k', null FROM generate_series(1, 300) g`);
      const expected = await rows(conn, 'events');
      const first = await plan(partitioned('    convert_to_partitioned: { batch_size: 100 }'));
      // As a run killed after the first batch leaves it: the new table, its partitions, 100 rows.
      for (const s of first.steps.slice(0, 3)) await conn.exec(s.sql);
      expect(await conn.query(first.steps[3]!.sql)).toHaveLength(100);
      const again = await plan(partitioned('    convert_to_partitioned: { batch_size: 100 }'));
      expect(again.steps[0]!.sql).toMatch(/^INSERT INTO "public"\."events_partitioned"/);
      const copied: number[] = [];
      await applyPlanSafely(conn, again, ['public'], ws, {
        allowHazards: 'all', allowStale: false, planSql: renderSql(again), lockWaitMs: 10_000,
        onProgress: (e) => { if (e.type === 'rows' && e.rows !== undefined) copied.push(e.rows); },
      });
      expect(copied).toEqual([100, 200]);
      expect(await rows(conn, 'events')).toEqual(expected);
      expect((await plan(partitioned('    convert_to_partitioned: { batch_size: 100 }'))).steps).toEqual([]);
    } finally {
      await conn.close();
    }
  }, 120_000);

  it('saves the conversion with its way back; up and down on rows leave them equal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-convert-plans-'));
    const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-convert-')), devUrl: null };
    const save = (text: string, name: string) => savePlan({ dir, name, input: input(text), ws, settings: DEFAULT_SETTINGS });
    await save(ordinary, 'events');
    const saved = await save(partitioned('    convert_to_partitioned: true'), 'partition_events');
    expect(saved!.down.steps[0]!.sql).toContain('ALTER TABLE "public"."events_unpartitioned" RENAME TO "events"');
    expect(saved!.down.notes.filter((n) => /rollback|backfill/.test(n))).toEqual([]);
    const chain = readChain(dir);
    expect(await checkChain(chain, input(partitioned('    convert_to_partitioned: true')), ws)).toEqual([]);
    const conn = await freshPglite();
    try {
      const allow = { allowHazards: 'all' as const, lockWaitMs: 10_000 };
      await applyPending(conn, readChain(dir), ws, { ...allow });
      await rollBackTo(conn, chain, ws, 1, allow);
      await conn.exec(`INSERT INTO events SELECT g, '2026-03-01'::timestamptz + g * interval '1 day', 'k', null FROM generate_series(1, 300) g`);
      const start = await rows(conn, 'events');
      await applyPending(conn, chain, ws, allow);
      expect(await rows(conn, 'events')).toEqual(start);
      await conn.exec(`INSERT INTO events VALUES (5000, '2026-07-01', 'after', null)`);
      const withNew = await rows(conn, 'events');
      await rollBackTo(conn, chain, ws, 1, allow);
      expect(await conn.query(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'events'`)).toEqual([{ k: 'r' }]);
      expect(await rows(conn, 'events')).toEqual(withNew);
    } finally {
      await conn.close();
    }
  }, 180_000);
});
