/**
 * schema/multitenant-saas on the embedded default (the TimescaleDB build, chosen for pgvector) and
 * on the PostgreSQL 15 server with pgvector.
 * The sample tenants, users and rows come from the team's data.sql. Adoption: the team's plain SQL
 * loaded, pulled, and the pulled YAML planned against the same database is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, plan, pulled, serverDatabase, forServer, type DesiredInputOf } from './support.ts';

const full = desiredOf('multitenant-saas');
const ORG = { acme: '00000000-0000-4000-c000-000000000001', tech: '00000000-0000-4000-c000-000000000002' };
const USER = {
  alice: '00000000-0000-4000-d000-000000000001',
  bob: '00000000-0000-4000-d000-000000000002',
  charlie: '00000000-0000-4000-d000-000000000003',
};

const VARIANTS: ReadonlyArray<{ label: string; server: boolean; desired: DesiredInputOf }> = [
  { label: 'the embedded default (TimescaleDB build, with pgvector)', server: false, desired: full },
  forServer(full).whole
    ? { label: 'the PostgreSQL 15 server with pgvector', server: true, desired: full }
    : { label: 'the PostgreSQL 15 server without pgvector parts (the server lacks pgvector)', server: true, desired: forServer(full).desired },
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
      const unforced = await conn.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
            AND relrowsecurity AND NOT relforcerowsecurity ORDER BY 1`,
      );
      expect(unforced.map((r) => r.relname), 'RLS is forced everywhere but on roles (reference rows)').toEqual(['roles']);
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

    it("holds the tables' owner to the policies too (FORCE); the helpers still read every membership", async () => {
      // A non-superuser owner, as on a managed server (a superuser bypasses RLS, forced or not).
      const owner = `tenant_owner_${Math.random().toString(36).slice(2, 10)}`;
      const rlsTables = ['organizations', 'organization_members', 'user_roles', 'agent_tasks'];
      await conn.exec(`CREATE ROLE "${owner}"; ${rlsTables.map((t) => `ALTER TABLE ${t} OWNER TO "${owner}";`).join(' ')}`);
      const asOwner = async <T>(userId: string, fn: () => Promise<T>): Promise<T> => {
        await conn.query(`SET ROLE "${owner}"`);
        await conn.query(`SELECT set_config('app.current_user_id', $1, false)`, [userId]);
        try {
          return await fn();
        } finally {
          await conn.query(`RESET ROLE`);
          await conn.query(`SELECT set_config('app.current_user_id', '', false)`);
        }
      };
      try {
        const tasks = `SELECT count(*) FROM agent_tasks`;
        expect(await count(tasks)).toBe(5);
        // The policies are for `authenticated` and `service_role`: the owner alone gets no row.
        expect(await asOwner(USER.alice, () => count(tasks))).toBe(0);
        await conn.exec(`GRANT authenticated TO "${owner}"`);
        const acme = await count(`SELECT count(*) FROM agent_tasks WHERE organization_id = $1`, [ORG.acme]);
        // As a member of authenticated, the owner sees Alice's organization only: the policy calls
        // user_org_ids(), owned by rls_definer, which reads organization_members past its forced RLS.
        expect(await asOwner(USER.alice, () => count(tasks))).toBe(acme);
        expect(await asOwner(USER.charlie, () => count(tasks))).toBe(1);
        const insert = `INSERT INTO agent_tasks (organization_id, created_by, agent_type) VALUES ($1, $2, 'research')`;
        await expect(asOwner(USER.bob, () => conn.query(insert, [ORG.acme, USER.bob]))).rejects.toThrow(/row-level security/);
      } finally {
        await conn.exec(`${rlsTables.map((t) => `ALTER TABLE ${t} OWNER TO CURRENT_USER;`).join(' ')} DROP ROLE "${owner}"`);
      }
    });
  });
}

describe('multitenant-saas adoption: plain SQL loaded, pulled, planned against the same database', () => {
  // The TimescaleDB build (needed for pgvector) ships no pgcrypto, which schema.sql creates but
  // nothing uses: that one statement is left out here, the rest runs as the team has it.
  const PGCRYPTO = 'CREATE EXTENSION IF NOT EXISTS pgcrypto;';
  let conn: Connection;
  beforeAll(async () => {
    conn = await embeddedFor(full);
    const schema = fixture('multitenant-saas', 'schema.sql');
    expect(schema).toContain(PGCRYPTO);
    await conn.exec(fixture('multitenant-saas', 'roles.sql'));
    await conn.exec(schema.replace(PGCRYPTO, ''));
    await conn.exec(fixture('multitenant-saas', 'vector.sql'));
    await conn.exec(fixture('multitenant-saas', 'data.sql'));
  }, 120_000);
  afterAll(async () => conn?.close());

  it('the pulled YAML holds every policy and plans to nothing', async () => {
    const input = await pulled(conn);
    const loaded = input.loaded;
    const names = (m: typeof loaded.model) => m.policies.map((p) => `${p.table}.${p.name}`).sort();
    expect(names(loaded.model)).toEqual(names(full.loaded.model));
    const p = await plan(conn, input);
    expect(p.steps.map((s) => s.sql)).toEqual([]);
  });

  it("plans schema/multitenant-saas against it without touching a policy: the YAML's policy texts are the team's", async () => {
    const p = await plan(conn, full);
    expect(p.steps.filter((s) => s.kind === 'policy').map((s) => s.sql)).toEqual([]);
    // what does differ: the three `varchar_col IN (...)` CHECKs, spelt `::text IN` in the YAML
    const checks = p.steps.filter((s) => s.kind === 'constraint' && s.operation === 'create').map((s) => s.object);
    expect(checks.sort()).toEqual([
      'public.agent_tasks.agent_tasks_status_check',
      'public.organization_members.organization_members_status_check',
      'public.organizations.organizations_plan_check',
    ]);
  });
});
