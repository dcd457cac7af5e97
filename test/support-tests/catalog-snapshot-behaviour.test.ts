import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { catalogSnapshot, diffSnapshots, type CatalogSnapshot } from '../support/catalog-snapshot.ts';
import type { Connection } from '../../src/db/connection.ts';

// The oracle's view of views, routines, triggers, RLS, privileges, owners and roles.

const ROLES = `
DO $$ BEGIN CREATE ROLE snapb_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE snapb_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE snapb_login LOGIN IN ROLE snapb_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE other_unrelated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
`;

const BASE_SQL = `
CREATE EXTENSION pgcrypto;
CREATE TABLE accounts (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, org_id integer NOT NULL, email text, secret text);
CREATE VIEW account_emails WITH (security_barrier = true) AS SELECT id, email FROM accounts;
COMMENT ON VIEW account_emails IS 'emails';
CREATE MATERIALIZED VIEW org_counts AS SELECT org_id, count(*) AS n FROM accounts GROUP BY org_id;
CREATE UNIQUE INDEX org_counts_org_idx ON org_counts (org_id);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT RETURN x * 2;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_org ON accounts TO snapb_app USING (org_id = nullif(current_setting('app.org', true), '')::integer);
GRANT SELECT, INSERT ON accounts TO snapb_app;
GRANT SELECT (email) ON accounts TO snapb_owner;
REVOKE EXECUTE ON FUNCTION double_it(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION double_it(integer) TO snapb_app;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO snapb_app;
ALTER FUNCTION touch() OWNER TO snapb_owner;
`;

const MUTATIONS: readonly { name: string; change: string; undo: string; expect: RegExp }[] = [
  {
    name: 'a view query',
    change: `CREATE OR REPLACE VIEW account_emails WITH (security_barrier = true) AS SELECT id, lower(email) AS email FROM accounts`,
    undo: `CREATE OR REPLACE VIEW account_emails WITH (security_barrier = true) AS SELECT id, email FROM accounts`,
    expect: /view public\.account_emails: definition/,
  },
  {
    name: 'a view option',
    change: `ALTER VIEW account_emails RESET (security_barrier)`,
    undo: `ALTER VIEW account_emails SET (security_barrier = true)`,
    expect: /view public\.account_emails: options/,
  },
  {
    name: 'a materialized view index',
    change: `DROP INDEX org_counts_org_idx; CREATE UNIQUE INDEX org_counts_org_idx ON org_counts (org_id DESC)`,
    undo: `DROP INDEX org_counts_org_idx; CREATE UNIQUE INDEX org_counts_org_idx ON org_counts (org_id)`,
    expect: /materialized view public\.org_counts: index org_counts_org_idx: definition/,
  },
  {
    name: 'a function body',
    change: `CREATE OR REPLACE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT RETURN x + x`,
    undo: `CREATE OR REPLACE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT RETURN x * 2`,
    expect: /routine public\.double_it\(x integer\): sqlBody/,
  },
  {
    name: 'a function setting',
    change: `ALTER FUNCTION touch() SET search_path = public, pg_temp`,
    undo: `ALTER FUNCTION touch() SET search_path = public`,
    expect: /routine public\.touch\(\): config/,
  },
  {
    name: 'a disabled trigger',
    change: `ALTER TABLE accounts DISABLE TRIGGER accounts_touch`,
    undo: `ALTER TABLE accounts ENABLE TRIGGER accounts_touch`,
    expect: /trigger public\.accounts\.accounts_touch: enabled/,
  },
  {
    name: 'forced row level security',
    change: `ALTER TABLE accounts FORCE ROW LEVEL SECURITY`,
    undo: `ALTER TABLE accounts NO FORCE ROW LEVEL SECURITY`,
    expect: /row security public\.accounts: forced/,
  },
  {
    name: 'a policy expression',
    change: `ALTER POLICY accounts_org ON accounts USING (true)`,
    undo: `ALTER POLICY accounts_org ON accounts USING (org_id = nullif(current_setting('app.org', true), '')::integer)`,
    expect: /policy public\.accounts\.accounts_org: using/,
  },
  {
    name: 'a revoked table privilege',
    change: `REVOKE INSERT ON accounts FROM snapb_app`,
    undo: `GRANT INSERT ON accounts TO snapb_app`,
    expect: /grants on table public\.accounts: privileges/,
  },
  {
    name: 'a column privilege',
    change: `GRANT SELECT (secret) ON accounts TO snapb_owner`,
    undo: `REVOKE SELECT (secret) ON accounts FROM snapb_owner`,
    expect: /grants on column public\.accounts\.secret: only in B/,
  },
  {
    name: 'EXECUTE given back to PUBLIC',
    change: `GRANT EXECUTE ON FUNCTION double_it(integer) TO PUBLIC`,
    undo: `REVOKE EXECUTE ON FUNCTION double_it(integer) FROM PUBLIC`,
    expect: /grants on routine public\.double_it\(x integer\): privileges/,
  },
  {
    name: 'a default privilege',
    change: `ALTER DEFAULT PRIVILEGES GRANT INSERT ON TABLES TO snapb_app`,
    undo: `ALTER DEFAULT PRIVILEGES REVOKE INSERT ON TABLES FROM snapb_app`,
    expect: /default privileges of .* in all schemas: r: privileges/,
  },
  {
    name: 'an owner',
    change: `ALTER VIEW account_emails OWNER TO snapb_owner`,
    undo: `ALTER VIEW account_emails OWNER TO CURRENT_USER`,
    expect: /owner of view public\.account_emails: owner/,
  },
];

const engines: readonly { name: string; open: () => Promise<Connection> }[] = [
  { name: 'pglite', open: () => freshPglite(['pgcrypto']) },
  { name: 'postgres', open: () => freshPostgres('snapb') },
];

describe.each(engines)('catalogSnapshot of behaviour and security on $name', ({ open }) => {
  let a: Connection;
  let b: Connection;
  let snapA: CatalogSnapshot;
  const opts = { rolePrefix: 'snapb_' };

  beforeAll(async () => {
    [a, b] = await Promise.all([open(), open()]);
    for (const db of [a, b]) await db.exec(ROLES + BASE_SQL);
    snapA = await catalogSnapshot(a, opts);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('gives equal snapshots for two databases built from the same SQL', async () => {
    expect(diffSnapshots(snapA, await catalogSnapshot(b, opts))).toEqual([]);
  });

  it('describes views, routines, triggers, policies, privileges, owners and roles', () => {
    expect(snapA.views['public.account_emails']).toMatchObject({
      options: ['security_barrier=true'], columns: ['id integer', 'email text'], comment: 'emails',
    });
    expect(Object.keys(snapA.materializedViews['public.org_counts']!.indexes)).toEqual(['org_counts_org_idx']);
    // pgcrypto's functions belong to the extension.
    expect(Object.keys(snapA.routines)).toEqual(['public.double_it(x integer)', 'public.touch()']);
    expect(snapA.routines['public.touch()']).toMatchObject({ language: 'plpgsql', config: ['search_path=public'], result: 'trigger' });
    expect(snapA.triggers['public.accounts.accounts_touch']!.enabled).toBe('O');
    expect(snapA.rowSecurity).toEqual({ 'public.accounts': { enabled: true, forced: false } });
    expect(snapA.policies['public.accounts.accounts_org']).toMatchObject({ permissive: true, command: '*', roles: ['snapb_app'] });
    expect(snapA.grants['table public.accounts']).toEqual(['snapb_app INSERT', 'snapb_app SELECT']);
    expect(snapA.grants['column public.accounts.email']).toEqual(['snapb_owner SELECT']);
    expect(snapA.grants['routine public.double_it(x integer)']).toEqual(['snapb_app EXECUTE']);
    // The default: EXECUTE to PUBLIC, the owner's own rows left out.
    expect(snapA.grants['routine public.touch()']).toEqual(['PUBLIC EXECUTE']);
    expect(snapA.owners['routine public.touch()']).toBe('snapb_owner');
    // Identity sequences are described on their column, not as objects of their own.
    expect(Object.keys(snapA.owners).some((k) => k.startsWith('sequence '))).toBe(false);
    expect(Object.values(snapA.defaultPrivileges).flat()).toContain('snapb_app SELECT');
    // Named roles of the prefix, and the login role that is a member of one of them; no other role.
    expect(Object.keys(snapA.roles)).toEqual(['snapb_app', 'snapb_login', 'snapb_owner']);
    expect(snapA.roles.snapb_login).toMatchObject({ login: true, memberOf: ['snapb_app'] });
  });

  it('leaves roles out without a prefix', async () => {
    expect((await catalogSnapshot(a)).roles).toEqual({});
  });

  it.each(MUTATIONS)('notices $name, and equality comes back when undone', async ({ change, undo, expect: pattern }) => {
    await b.exec(change);
    const changed = diffSnapshots(snapA, await catalogSnapshot(b, opts));
    await b.exec(undo);
    expect(changed.join('\n')).toMatch(pattern);
    expect(diffSnapshots(snapA, await catalogSnapshot(b, opts))).toEqual([]);
  });
});
