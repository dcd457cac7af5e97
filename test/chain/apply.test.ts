import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { readChain, type Chain } from '../../src/chain/chain.ts';
import { applyPending, baseline, rollBackTo, type ChainApplyOptions } from '../../src/chain/apply.ts';
import { chainStatus, statusExitCode } from '../../src/chain/status.ts';
import { runPlan } from '../../src/chain/replay.ts';
import { readHistory } from '../../src/apply/history.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { UserError } from '../../src/errors.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { PLAN_IDS, V2_SQL, buildChain, workspace } from './fixture.ts';

let ws: Workspace;
let chain: Chain;
const opened: Connection[] = [];

const quiet: ChainApplyOptions = { allowHazards: new Set(), lockWaitMs: 10_000 };
const allowAll: ChainApplyOptions = { allowHazards: 'all', lockWaitMs: 10_000 };

beforeAll(async () => {
  ws = workspace();
  chain = readChain(await buildChain(ws));
});
afterAll(async () => {
  for (const c of opened) await c.close();
});

async function open(engine: 'pglite' | 'postgres'): Promise<Connection> {
  const c = engine === 'pglite' ? await freshPglite() : await freshPostgres('chain');
  opened.push(c);
  return c;
}

async function applied(conn: Connection): Promise<string[]> {
  return (await readHistory(conn)).reverse().filter((e) => e.outcome === 'succeeded').map((e) => `${e.planName}${e.action ? ` (${e.action})` : ''}`);
}

async function errorOf(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(['pglite', 'postgres'] as const)('the chain on %s', (engine) => {
  it('applies three pending plans in order, then has nothing to do; refuses the data loss until allowed', async () => {
    const conn = await open(engine);
    expect(statusExitCode(await chainStatus(conn, chain, ws))).toBe(4);
    const refused = await errorOf(applyPending(conn, chain, ws, quiet));
    expect(refused.exitCode).toBe(3);
    expect(refused.message).toMatch(/0003_sku_for_price\.sql step \d+: drop column public\.items\.price: data_loss/);
    expect(await applied(conn)).toEqual([]); // nothing ran, not even the harmless first plans

    const result = await applyPending(conn, chain, ws, allowAll);
    expect(result).toEqual({ from: 0, to: 3, ran: PLAN_IDS.map((id) => `${id}.sql`) });
    expect(await applied(conn)).toEqual(PLAN_IDS.map((id) => `${id}.sql`));
    const cols = await conn.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => c.column_name)).toEqual(['id', 'name', 'sku']);
    expect(await applyPending(conn, chain, ws, allowAll)).toEqual({ from: 3, to: 3, ran: [] });
    const status = await chainStatus(conn, chain, ws);
    expect(statusExitCode(status)).toBe(0);
    expect(status.plans.map((p) => p.applied)).toEqual([true, true, true]);
  });

  it('refuses a database that drifted since its last plan, naming the difference', async () => {
    const conn = await open(engine);
    await applyPending(conn, chain, ws, allowAll);
    await conn.exec('ALTER TABLE items ADD COLUMN rogue integer');
    const status = await chainStatus(conn, chain, ws);
    expect(statusExitCode(status)).toBe(2);
    expect(status.location).toMatchObject({ kind: 'drifted', expected: 3 });
    const e = await errorOf(applyPending(conn, chain, ws, allowAll));
    expect(e.message).toMatch(/drifted: its history puts it at plan 0003_sku_for_price/);
    expect(e.message).toMatch(/column public\.items\.rogue: in the database, not in plan 0003_sku_for_price's target/);
    await expect(rollBackTo(conn, chain, ws, 1, allowAll)).rejects.toThrow(/drifted/);
  });

  it('adopts a database built from plain SQL with --baseline, after checking its state', async () => {
    const conn = await open(engine);
    await conn.exec(V2_SQL);
    const unrecorded = await errorOf(applyPending(conn, chain, ws, allowAll));
    expect(unrecorded.message).toMatch(/has no record of running the plans in .*, but its state equals plan 0002_add_tags's target/);
    expect(unrecorded.message).toMatch(/--baseline 0002/);

    const wrong = await errorOf(baseline(conn, chain, ws, 1, allowAll));
    expect(wrong.message).toMatch(/refusing to record .* as being at plan 0001_create_items/);
    expect(wrong.message).toMatch(/table public\.tags: in the database, not in plan 0001_create_items's target/);

    await baseline(conn, chain, ws, 2, allowAll);
    expect(await applied(conn)).toEqual(['0002_add_tags.sql (baseline)']);
    expect(await applyPending(conn, chain, ws, allowAll)).toMatchObject({ from: 2, to: 3, ran: ['0003_sku_for_price.sql'] });

    // Its tables existed before the chain ran here: --down-to stops at the baseline.
    expect(await rollBackTo(conn, chain, ws, 2, allowAll)).toMatchObject({ ran: ['0003_sku_for_price.down.sql'] });
    const below = await errorOf(rollBackTo(conn, chain, ws, 1, allowAll));
    expect(below.exitCode).toBe(3);
    expect(below.message).toMatch(/adopted at plan 0002_add_tags with --baseline \(history #\d+\).*nothing was run/);
    expect(below.message).toMatch(/0002_add_tags\.down\.sql step \d+: drop table public\.tags/);
    expect(below.message).toMatch(/roll back no further than 0002/);
    expect(await conn.query(`SELECT to_regclass('public.tags') IS NOT NULL AS kept`)).toEqual([{ kept: true }]);
    expect((await applied(conn)).at(-1)).toBe('0003_sku_for_price.down.sql');
  });

  it('rolls back with --down-to, refusing data loss unless allowed, and records it', async () => {
    const conn = await open(engine);
    await applyPending(conn, chain, ws, allowAll);
    const refused = await errorOf(rollBackTo(conn, chain, ws, 1, quiet));
    expect(refused.exitCode).toBe(3);
    expect(refused.message).toMatch(/0003_sku_for_price\.down\.sql step \d+: drop column public\.items\.sku: data_loss/);
    expect(refused.message).toMatch(/0002_add_tags\.down\.sql step \d+: drop table public\.tags: data_loss/);

    expect(await rollBackTo(conn, chain, ws, 1, allowAll)).toEqual({
      from: 3,
      to: 1,
      ran: ['0003_sku_for_price.down.sql', '0002_add_tags.down.sql'],
    });
    expect((await applied(conn)).slice(-2)).toEqual(['0003_sku_for_price.down.sql', '0002_add_tags.down.sql']);
    const status = await chainStatus(conn, chain, ws);
    expect(status.location).toMatchObject({ kind: 'at', position: 1, via: 'history' });
    expect(status.plans.map((p) => p.applied)).toEqual([true, false, false]);
    await expect(rollBackTo(conn, chain, ws, 2, allowAll)).rejects.toThrow(/nothing after 0002 to roll back/);
    expect(await applyPending(conn, chain, ws, allowAll)).toMatchObject({ from: 1, to: 3 });
  });
});

describe('an interrupted apply', () => {
  it('whose transaction had committed is recorded as complete, and the chain goes on', async () => {
    const conn = await open('pglite');
    await applyPending(conn, chain, ws, { ...allowAll });
    await rollBackTo(conn, chain, ws, 1, allowAll);
    // Plan 2 ran to its commit, but the process died before recording its end.
    const p2 = chain.plans[1]!.up;
    await runPlan(conn, p2.plan, p2.file, p2.text);
    await conn.exec(`UPDATE pgform.history SET outcome = 'running', finished_at = NULL WHERE id = (SELECT max(id) FROM pgform.history)`);
    const notes: string[] = [];
    const result = await applyPending(conn, chain, ws, { ...allowAll, note: (m) => notes.push(m) });
    expect(result).toMatchObject({ from: 2, to: 3, ran: ['0003_sku_for_price.sql'] });
    expect(notes).toContainEqual(expect.stringMatching(/^0002_add_tags\.sql was interrupted \(history #\d+\) after it completed: recorded as applied$/));
    const history = await readHistory(conn);
    expect(history.find((e) => e.planName === '0002_add_tags.sql' && e.action === 'recovered')).toBeDefined();
    expect(history.find((e) => e.outcome === 'running')).toBeUndefined();
    expect(history.find((e) => e.planName === '0002_add_tags.sql' && e.outcome === 'interrupted')?.error).toMatch(/after step \d+\/\d+ \(/);
  });
});
