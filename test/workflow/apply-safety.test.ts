import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { planTransactions } from '../../src/plan/transactions.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { readHistory } from '../../src/apply/history.ts';
import { acquireApplyLock } from '../../src/apply/lock.ts';
import { UserError } from '../../src/errors.ts';
import { freshPglite, freshPostgres, freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };

function desired(yaml: string): DesiredInput {
  return { loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] };
}

const V1 = `
tables:
  accounts:
    columns:
      id: { type: bigint, primary_key: true }
      email: { type: text, not_null: true }
      legacy: text
`;
const V2 = `
tables:
  accounts:
    columns:
      id: { type: bigint, primary_key: true }
      email: { type: text, not_null: true }
    indexes:
      accounts_email_idx: { columns: [email] }
  notes:
    columns:
      id: { type: bigint, primary_key: true }
      body: text
`;

async function plan(conn: Connection, yaml: string): Promise<Plan> {
  return (await planDatabase(conn, desired(yaml), ws, DEFAULT_SETTINGS)).plan;
}

async function apply(conn: Connection, p: Plan, allowHazards: 'all' | Set<never> = 'all'): Promise<void> {
  await applyPlanSafely(conn, p, ['public'], ws, { allowHazards, allowStale: false, planSql: renderSql(p), lockWaitMs: 2000 });
}

async function tables(conn: Connection): Promise<string[]> {
  const rows = await conn.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  return rows.map((r) => r.t);
}

const engines: [string, () => Promise<Connection>][] = [
  ['pglite', () => freshPglite()],
  ['postgres', () => freshPostgres('apply')],
];

describe.each(engines)('apply safety on %s', (_name, fresh) => {
  it('refuses a stale plan and leaves the database alone', async () => {
    const conn = await fresh();
    try {
      await apply(conn, await plan(conn, V1));
      const p = await plan(conn, V2);
      await conn.exec('CREATE TABLE public.sneaky (id int)');
      await expect(apply(conn, p)).rejects.toThrow(/the plan is stale/);
      await expect(apply(conn, p)).rejects.toMatchObject({ exitCode: 6 });
      expect(await tables(conn)).toEqual(['accounts', 'sneaky']);
    } finally {
      await conn.close();
    }
  });

  it('refuses hazards that were not allowed, naming each step, with exit code 3', async () => {
    const conn = await fresh();
    try {
      await apply(conn, await plan(conn, V1));
      await conn.exec(`INSERT INTO accounts VALUES (1, 'a@example.com', 'keep me')`);
      const p = await plan(conn, V2);
      const err = await apply(conn, p, new Set()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(3);
      expect((err as Error).message).toMatch(/drop column public\.accounts\.legacy: data_loss/);
      expect(await conn.query(`SELECT legacy FROM accounts`)).toEqual([{ legacy: 'keep me' }]);
    } finally {
      await conn.close();
    }
  });

  it('rolls every transactional step back when one fails, and records the failure', async () => {
    const conn = await fresh();
    try {
      await apply(conn, await plan(conn, V1));
      const p = await plan(conn, V2);
      // A step that fails at apply time: a NOT NULL column without default on a table with rows.
      const steps = [
        ...p.steps.filter((s) => s.transactional),
        { ...p.steps[0]!, object: 'public.accounts.broken', sql: 'ALTER TABLE public.accounts ADD COLUMN broken int NOT NULL', transactional: true },
      ];
      // All in one transaction (atomic mode): the failing last step takes every other one back with it.
      const failing: Plan = { ...p, steps, mode: 'atomic', transactions: planTransactions(steps, 'atomic') };
      await conn.exec(`INSERT INTO accounts VALUES (1, 'a@example.com', NULL)`);
      const err = (await apply(conn, failing).catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(/step \d+ failed: .*public\.accounts\.broken/);
      expect(err.message).toMatch(/SQL: ALTER TABLE public\.accounts ADD COLUMN broken/);
      expect(err.message).toMatch(/PostgreSQL: column "broken" of relation "accounts" contains null values/);
      expect(err.message).toMatch(/the database is as it was before apply/);
      expect(await tables(conn)).toEqual(['accounts']);
      const cols = await conn.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position`,
      );
      expect(cols.map((r) => r.c)).toEqual(['id', 'email', 'legacy']);
      const [last] = await readHistory(conn);
      expect(last?.outcome).toBe('failed');
      expect(last?.stepsDone).toBe(0);
    } finally {
      await conn.close();
    }
  });

  it('records applies in pgform.history and plans nothing afterwards', async () => {
    const conn = await fresh();
    try {
      const p1 = await plan(conn, V1);
      await apply(conn, p1);
      await apply(conn, await plan(conn, V2));
      const history = await readHistory(conn);
      expect(history.map((h) => h.outcome)).toEqual(['succeeded', 'succeeded']);
      expect(history[1]!.sourceFingerprint).toBe(p1.sourceFingerprint);
      expect(history[1]!.targetFingerprint).toBe(history[0]!.sourceFingerprint);
      expect((await plan(conn, V2)).steps).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});

describe('concurrent applies on the server', () => {
  it('a second apply waits for the lock and then fails clearly', async () => {
    const url = await freshPostgresDatabase('lock');
    const first = await openPostgres(url);
    const second = await openPostgres(url);
    try {
      const release = await acquireApplyLock(first, 1000);
      const p = await plan(second, V1);
      await expect(apply(second, p)).rejects.toThrow(/another pgform apply holds the lock/);
      expect(await tables(second)).toEqual([]);
      await release();
      await apply(second, p);
      expect(await tables(second)).toEqual(['accounts']);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
