/**
 * A backfill of a plain `apply --schema` killed half-way on the PostgreSQL server: its session is
 * terminated after the first batches; planned and applied again, the backfill continues with the
 * rows still to fill (the second run writes only those), and the plan after it is empty.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.ts';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-killed-')), devUrl: inject('postgresUrl') };
const schema = (slug: string) => `
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
      name: text
${slug}`;
const FILLED = '      slug: { type: text, not_null: true, backfill: "lower(name)", batch_size: 200 }\n';
const input = (text: string) => ({ loaded: { ...loadSchemaFiles([{ path: 'schema.yaml', text }]), sources: new Map(), files: [] }, managedSchemas: ['public'] });
const plan = async (conn: Connection, text: string): Promise<Plan> => (await planDatabase(conn, input(text), ws, DEFAULT_SETTINGS)).plan;

describe('a killed backfill of apply --schema on the PostgreSQL server', () => {
  it('continues where it stopped when planned and applied again', async () => {
    const url = await freshPostgresDatabase('killed');
    const setup = await openPostgres(url);
    const first = await plan(setup, schema(''));
    await applyPlanSafely(setup, first, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(first), lockWaitMs: 10_000 });
    await setup.exec(`INSERT INTO items SELECT g, 'Item ' || g FROM generate_series(1, 3000) g`);

    const victim = await openPostgres(url);
    const [{ pid }] = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const p = await plan(victim, schema(FILLED));
    let killed: Promise<unknown> | null = null;
    await expect(
      applyPlanSafely(victim, p, ['public'], ws, {
        allowHazards: 'all',
        allowStale: false,
        planSql: renderSql(p),
        lockWaitMs: 10_000,
        lockRetries: 0,
        onProgress: (e) => {
          if (e.type === 'rows' && killed === null) killed = setup.query('SELECT pg_terminate_backend($1)', [pid]);
        },
      }),
    ).rejects.toThrow();
    await killed;
    await victim.close().catch(() => undefined);
    const [{ filled }] = await setup.query<{ filled: number }>(`SELECT count(*)::int AS filled FROM items WHERE slug IS NOT NULL`);
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(3000);

    const again = await plan(setup, schema(FILLED));
    expect(again.steps.some((s) => s.backfill)).toBe(true);
    const progress: number[] = [];
    await applyPlanSafely(setup, again, ['public'], ws, {
      allowHazards: 'all',
      allowStale: false,
      planSql: renderSql(again),
      lockWaitMs: 10_000,
      onProgress: (e) => {
        if (e.type === 'rows' && e.rows !== undefined) progress.push(e.rows);
      },
    });
    // Only the rows the killed run had not filled were written again.
    expect(progress[progress.length - 1]).toBe(3000 - filled);
    expect(await setup.query(`SELECT count(*)::int AS n FROM items WHERE slug IS DISTINCT FROM lower(name)`)).toEqual([{ n: 0 }]);
    expect((await plan(setup, schema(FILLED))).steps).toEqual([]);
    await setup.close();
  }, 120_000);
});
