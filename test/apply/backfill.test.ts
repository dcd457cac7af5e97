import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { runBackfill } from '../../src/apply/backfill.ts';
import { backfillSql } from '../../src/diff/backfills.ts';
import type { Step } from '../../src/plan/step.ts';
import { col, table } from '../diff/build.ts';
import { freshPglite } from '../support/databases.ts';

const t = table('items', [col('id', 'integer'), col('name', 'text'), col('slug', 'text')]);

function fillStep(where: string | null = null): Step {
  const sql = backfillSql(t, col('slug', 'text'), { value: 'lower(name)', where, batchSize: 2, reverse: null }, ['id']);
  return { kind: 'column', object: 'public.items.slug', operation: 'update', sql, hazards: [], transactional: false, phase: 0, backfill: { batchSize: 2 } };
}

describe('running a backfill', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshPglite();
    await conn.exec(`CREATE TABLE items (id integer PRIMARY KEY, name text, slug text);
      INSERT INTO items SELECT g, 'Item ' || g, NULL FROM generate_series(1, 5) g;`);
  });
  afterAll(async () => conn?.close());

  it('writes batch after batch, and after a stop continues where it stopped', async () => {
    // One batch ran before the apply was killed.
    expect((await conn.query(fillStep().sql)).length).toBe(2);
    const progress: number[] = [];
    expect(await runBackfill(conn, fillStep(), (n) => progress.push(n))).toBe(3);
    expect(progress).toEqual([2, 3]);
    expect(await conn.query(`SELECT count(*)::int AS n FROM items WHERE slug IS DISTINCT FROM lower(name)`)).toEqual([{ n: 0 }]);
    expect(await runBackfill(conn, fillStep())).toBe(0);
  });

  it('stops with an error when its rows never stop matching', async () => {
    await expect(runBackfill(conn, fillStep('id <= 2'))).rejects.toThrow(/does not converge/);
  });
});
