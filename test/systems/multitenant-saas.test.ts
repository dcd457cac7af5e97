/**
 * schema/multitenant-saas on the embedded default (the TimescaleDB build, chosen for pgvector) and
 * on the PostgreSQL 15 server without its pgvector parts (the embedding column and its index).
 * The sample tenants, users and rows come from the team's data.sql.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, serverDatabase, withoutExtensions, type DesiredInputOf } from './support.ts';

const full = desiredOf('multitenant-saas');
const ORG = { acme: '00000000-0000-4000-c000-000000000001', tech: '00000000-0000-4000-c000-000000000002' };
const USER = {
  alice: '00000000-0000-4000-d000-000000000001',
  bob: '00000000-0000-4000-d000-000000000002',
  charlie: '00000000-0000-4000-d000-000000000003',
};

const VARIANTS: ReadonlyArray<{ label: string; server: boolean; desired: DesiredInputOf }> = [
  { label: 'the embedded default (TimescaleDB build, with pgvector)', server: false, desired: full },
  { label: 'the PostgreSQL 15 server without pgvector parts (agent_results.embedding and its hnsw index: no pgvector there)', server: true, desired: withoutExtensions(full, ['vector']) },
];

for (const v of VARIANTS) {
  describe(`multitenant-saas on ${v.label}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = v.server ? await serverDatabase() : await embeddedFor(v.desired);
      await apply(conn, v.desired);
    }, 120_000);
    afterAll(async () => conn?.close());

    async function count(sql: string, params?: readonly unknown[]): Promise<number> {
      return Number((await conn.query<{ n: string }>(`SELECT (${sql})::int AS n`, params))[0]!.n);
    }
    /** Runs `fn` as `authenticated` for one user (SET ROLE + app.current_user_id), then back. */
    async function asUser<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
      await conn.query(`SET ROLE authenticated`);
      await conn.query(`SELECT set_config('app.current_user_id', $1, false)`, [userId ?? '']);
      try {
        return await fn();
      } finally {
        await conn.query(`RESET ROLE`);
        await conn.query(`SELECT set_config('app.current_user_id', '', false)`);
      }
    }

    it('applies to an empty database; drift and the second plan are empty', async () => {
      await expectConverged(conn, v.desired, `multitenant-saas on ${v.label}`);
      const unprotected = await conn.query<{ relname: string }>(
        `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id'
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND NOT c.relrowsecurity`,
      );
      expect(unprotected, 'every org-scoped table has RLS').toEqual([]);
    });

    it('answers user_has_permission as the seed data says', async () => {
      await conn.exec(fixture('multitenant-saas', 'data.sql'));
      const has = async (u: string, o: string, r: string, a: string): Promise<boolean> =>
        (await conn.query<{ ok: boolean }>(`SELECT user_has_permission($1, $2, $3, $4) AS ok`, [u, o, r, a]))[0]!.ok;
      expect(await has(USER.alice, ORG.acme, 'agents', 'run')).toBe(true);
      expect(await has(USER.bob, ORG.acme, 'agents', 'run')).toBe(false);
      expect(await has(USER.bob, ORG.acme, 'agents', 'read')).toBe(true);
      expect(await has(USER.alice, ORG.tech, 'agents', 'run')).toBe(false);
    });

    it('shows members of one organization only its rows under RLS', async () => {
      const tasks = `SELECT count(*) FROM agent_tasks`;
      expect(await asUser(USER.alice, () => count(tasks))).toBe(2);
      expect(await asUser(USER.charlie, () => count(tasks))).toBe(1);
      expect(await asUser(null, () => count(tasks))).toBe(0);
      expect(await asUser(USER.bob, () => count(`SELECT count(*) FROM agent_tasks WHERE organization_id = $1`, [ORG.tech]))).toBe(0);
      expect(await asUser(USER.alice, () => conn.query(`SELECT slug::text AS v FROM organizations`))).toEqual([{ v: 'acme-corp' }]);
      expect(await asUser(USER.bob, () => count(`SELECT count(*) FROM sessions`))).toBe(1);
      const insert = `INSERT INTO agent_tasks (organization_id, created_by, agent_type) VALUES ($1, $2, 'research')`;
      await expect(asUser(USER.bob, () => conn.query(insert, [ORG.acme, USER.bob]))).rejects.toThrow(/row-level security/);
      await asUser(USER.alice, () => conn.query(insert, [ORG.acme, USER.alice]));
      expect(await count(tasks)).toBe(5);
    });
  });
}
