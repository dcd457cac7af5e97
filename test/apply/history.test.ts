import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { executePlan } from '../../src/apply/executor.ts';
import { markInterruptedRuns, readHistory, recordWithoutRunning } from '../../src/apply/history.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import type { Step } from '../../src/plan/step.ts';
import { planTransactions } from '../../src/plan/transactions.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

function step(sql: string, object: string, transactional = false): Step {
  return { kind: 'table', object, operation: 'create', sql, hazards: [], transactional, phase: 0 };
}

const steps = [step('CREATE TABLE public.a (id int)', 'public.a'), step('INSERT INTO public.held VALUES (2)', 'public.held'), step('CREATE TABLE public.c (id int)', 'public.c')];
const plan: Plan = {
  pgformVersion: 'test',
  sourceFingerprint: 'sha256:0000000000000000',
  targetFingerprint: 'sha256:1111111111111111',
  settings: { ...DEFAULT_SETTINGS, lockTimeout: '120s' },
  // Non-transactional steps commit one by one: the second blocks on a lock held elsewhere.
  steps,
  mode: 'online',
  transactions: planTransactions(steps, 'online'),
  notes: [],
};

async function backendPid(c: Connection): Promise<number> {
  return (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
}

describe('a run whose process is gone', () => {
  it('is marked interrupted with its last completed step; a live one is left running', async () => {
    const url = await freshPostgresDatabase('history');
    const [runner, blocker, other] = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    try {
      await blocker.exec('CREATE TABLE public.held (id int)');
      await blocker.exec('BEGIN; LOCK TABLE public.held IN ACCESS EXCLUSIVE MODE');
      const pid = await backendPid(runner);
      const running = executePlan(runner, plan, { planHash: 'sha256:x', planSql: renderSql(plan), pgformVersion: 'test' }).catch((e: Error) => e);
      for (let i = 0; i < 200; i++) {
        const [w] = await other.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid]);
        if (w!.n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // Its session is alive (waiting on the lock): still running.
      expect(await markInterruptedRuns(other)).toBe(0);
      expect((await readHistory(other))[0]).toMatchObject({ outcome: 'running', stepsDone: 1 });

      // The process dies: its session goes with it.
      await other.query('SELECT pg_terminate_backend($1)', [pid]);
      await running;
      for (let i = 0; i < 200; i++) {
        const [a] = await other.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [pid]);
        if (a!.n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await markInterruptedRuns(other)).toBe(1);
      const [entry] = await readHistory(other);
      expect(entry).toMatchObject({ outcome: 'interrupted', stepsDone: 1, stepsTotal: 3 });
      expect(entry!.error).toBe('interrupted: the process running this plan stopped after step 1/3 (create table public.a)');
      expect(entry!.finishedAt).not.toBeNull();
      expect(await markInterruptedRuns(other)).toBe(0);
    } finally {
      await blocker.exec('ROLLBACK').catch(() => undefined);
      await Promise.all([runner.close(), blocker.close(), other.close()]);
    }
  });

  it('lists runs newest first past the ninth (by number, not by text)', async () => {
    const conn = await openPostgres(await freshPostgresDatabase('history_order'));
    try {
      for (let i = 1; i <= 11; i++) {
        await recordWithoutRunning(conn, { planHash: `sha256:${i}`, planName: `p${i}`, sourceFingerprint: 's', targetFingerprint: 't', pgformVersion: 'test', stepsTotal: 1, planSql: '' }, 'baseline');
      }
      expect((await readHistory(conn)).map((h) => h.planName)).toEqual(Array.from({ length: 11 }, (_, i) => `p${11 - i}`));
    } finally {
      await conn.close();
    }
  });
});
