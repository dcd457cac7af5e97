import { expect, it } from 'vitest';
import type { Grant } from '../../src/model/grant.ts';
import { currentUser, describeOnEngines, introspectSchemas, uniqueRole } from './engines.ts';

/** A grant as compact text: `kind schema.name[.column|(args)] grantee PRIVILEGE[*]` (* = with grant option). */
function grantText(g: Grant): string {
  const target =
    g.objectKind === 'schema'
      ? g.schema
      : g.objectKind === 'function'
        ? `${g.schema}.${g.name}(${g.arguments})`
        : g.objectKind === 'column'
          ? `${g.schema}.${g.name}.${g.column}`
          : `${g.schema}.${g.name}`;
  return `${g.objectKind} ${target} ${g.grantee} ${g.privilege}${g.withGrantOption ? '*' : ''}`;
}

describeOnEngines('introspect grants, default privileges and roles', ['citext'], ({ conn }) => {
  it('reads effective grants on schemas, tables, views, columns, sequences and routines', async () => {
    const reader = uniqueRole('reader');
    const writer = uniqueRole('writer');
    await conn().exec(`
      CREATE ROLE ${reader};
      CREATE ROLE ${writer};
      CREATE SCHEMA gr;
      CREATE TABLE gr.items (id serial, name text, price numeric);
      CREATE VIEW gr.cheap AS SELECT id, name FROM gr.items WHERE price < 10;
      CREATE FUNCTION gr.open_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE FUNCTION gr.closed_fn(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
      CREATE PROCEDURE gr.proc() LANGUAGE sql AS 'SELECT 1';
      GRANT USAGE ON SCHEMA gr TO ${reader};
      GRANT USAGE, CREATE ON SCHEMA gr TO ${writer} WITH GRANT OPTION;
      GRANT SELECT ON gr.items TO ${reader};
      GRANT SELECT, INSERT, UPDATE ON gr.items TO ${writer} WITH GRANT OPTION;
      GRANT SELECT ON gr.cheap TO PUBLIC;
      GRANT UPDATE (price), REFERENCES (id) ON gr.items TO ${reader};
      GRANT USAGE, SELECT ON SEQUENCE gr.items_id_seq TO ${writer};
      REVOKE EXECUTE ON FUNCTION gr.closed_fn(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION gr.closed_fn(int) TO ${reader};
      REVOKE EXECUTE ON PROCEDURE gr.proc() FROM PUBLIC;
    `);
    const m = await introspectSchemas(conn(), 'gr');
    const expected = [
      `column gr.items.id ${reader} REFERENCES`,
      `column gr.items.price ${reader} UPDATE`,
      `function gr.closed_fn(x integer) ${reader} EXECUTE`,
      // PostgreSQL's default for functions: EXECUTE to PUBLIC.
      'function gr.open_fn() PUBLIC EXECUTE',
      `schema gr ${reader} USAGE`,
      `schema gr ${writer} CREATE*`,
      `schema gr ${writer} USAGE*`,
      `sequence gr.items_id_seq ${writer} SELECT`,
      `sequence gr.items_id_seq ${writer} USAGE`,
      'table gr.cheap PUBLIC SELECT',
      `table gr.items ${reader} SELECT`,
      `table gr.items ${writer} INSERT*`,
      `table gr.items ${writer} SELECT*`,
      `table gr.items ${writer} UPDATE*`,
    ];
    expect(m.grants.map(grantText).sort()).toEqual(expected.sort());
    // The owner's own privileges are never listed.
    const me = await currentUser(conn());
    expect(m.grants.filter((g) => g.grantee === me)).toEqual([]);
  });

  it('reads USAGE on enums, domains and composite types (the default for PUBLIC too), not on arrays, row types or extension types', async () => {
    const user = uniqueRole('typeuser');
    await conn().exec(`
      CREATE ROLE ${user};
      CREATE SCHEMA ty;
      CREATE EXTENSION citext SCHEMA ty;
      CREATE TYPE ty.mood AS ENUM ('a');
      CREATE DOMAIN ty.posint AS integer;
      CREATE TYPE ty.pair AS (a integer);
      CREATE TABLE ty.rows (id integer);
      REVOKE USAGE ON TYPE ty.mood FROM PUBLIC;
      GRANT USAGE ON TYPE ty.mood TO ${user} WITH GRANT OPTION;
      GRANT USAGE ON DOMAIN ty.posint TO ${user};
    `);
    const m = await introspectSchemas(conn(), 'ty');
    expect(m.grants.filter((g) => g.objectKind === 'type').map(grantText).sort()).toEqual(
      [`type ty.mood ${user} USAGE*`, 'type ty.pair PUBLIC USAGE', 'type ty.posint PUBLIC USAGE', `type ty.posint ${user} USAGE`].sort(),
    );
  });

  it('reads no grants for objects left at their defaults except EXECUTE to PUBLIC', async () => {
    await conn().exec(`
      CREATE SCHEMA gd;
      CREATE TABLE gd.t (id int);
      CREATE SEQUENCE gd.s;
      CREATE FUNCTION gd.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
    `);
    expect((await introspectSchemas(conn(), 'gd')).grants.map(grantText)).toEqual(['function gd.f() PUBLIC EXECUTE']);
  });

  it('reads default privileges, database-wide and per schema', async () => {
    const app = uniqueRole('app');
    await conn().exec(`
      CREATE ROLE ${app};
      CREATE SCHEMA dp;
      CREATE SCHEMA dp_out;
      ALTER DEFAULT PRIVILEGES IN SCHEMA dp GRANT SELECT, UPDATE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA dp GRANT USAGE ON SEQUENCES TO ${app} WITH GRANT OPTION;
      ALTER DEFAULT PRIVILEGES IN SCHEMA dp_out GRANT SELECT ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO ${app};
      ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO ${app};
      ALTER DEFAULT PRIVILEGES GRANT CREATE ON SCHEMAS TO ${app};
    `);
    const me = await currentUser(conn());
    const mine = (await introspectSchemas(conn(), 'dp')).defaultPrivileges.filter((d) => d.grantee === app);
    expect(mine).toEqual([
      { role: me, schema: null, objectKind: 'functions', grantee: app, privilege: 'EXECUTE', withGrantOption: false },
      { role: me, schema: null, objectKind: 'schemas', grantee: app, privilege: 'CREATE', withGrantOption: false },
      { role: me, schema: null, objectKind: 'types', grantee: app, privilege: 'USAGE', withGrantOption: false },
      { role: me, schema: 'dp', objectKind: 'sequences', grantee: app, privilege: 'USAGE', withGrantOption: true },
      { role: me, schema: 'dp', objectKind: 'tables', grantee: app, privilege: 'SELECT', withGrantOption: false },
      { role: me, schema: 'dp', objectKind: 'tables', grantee: app, privilege: 'UPDATE', withGrantOption: false },
    ]);
  });

  it('reads database-wide default privileges relative to the built-in ones', async () => {
    const owner = uniqueRole('dpowner');
    const app = uniqueRole('dpapp');
    const rows = async () => (await introspectSchemas(conn(), 'public')).defaultPrivileges.filter((d) => d.role === owner);
    await conn().exec(`
      CREATE ROLE ${owner};
      CREATE ROLE ${app};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT EXECUTE ON FUNCTIONS TO ${app};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT USAGE ON TYPES TO ${app};
    `);
    // The functions entry lacks PUBLIC's built-in EXECUTE: a revoked row. The types entry keeps
    // PUBLIC's built-in USAGE: not listed.
    expect(await rows()).toEqual([
      { role: owner, schema: null, objectKind: 'functions', grantee: 'PUBLIC', privilege: 'EXECUTE', withGrantOption: false, revoked: true },
      { role: owner, schema: null, objectKind: 'functions', grantee: app, privilege: 'EXECUTE', withGrantOption: false },
      { role: owner, schema: null, objectKind: 'types', grantee: app, privilege: 'USAGE', withGrantOption: false },
    ]);
    await conn().exec(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} REVOKE USAGE ON TYPES FROM PUBLIC`);
    expect((await rows()).filter((d) => d.objectKind === 'types').map((d) => [d.grantee, d.revoked ?? false])).toEqual([
      ['PUBLIC', true],
      [app, false],
    ]);
    // Granting the built-in back leaves nothing to say about it.
    await conn().exec(`
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} REVOKE EXECUTE ON FUNCTIONS FROM ${app};
    `);
    expect((await rows()).filter((d) => d.objectKind === 'functions')).toEqual([]);
  });

  it('reads roles with attributes, memberships and comments, never pg_* roles', async () => {
    const base = uniqueRole('base');
    const staff = uniqueRole('staff');
    const login = uniqueRole('login');
    await conn().exec(`
      CREATE ROLE ${base};
      CREATE ROLE ${staff} NOINHERIT CREATEDB BYPASSRLS IN ROLE ${base};
      CREATE ROLE ${login} LOGIN CONNECTION LIMIT 3 PASSWORD 'not-read' IN ROLE ${base}, ${staff};
      COMMENT ON ROLE ${staff} IS 'the staff';
    `);
    const m = await introspectSchemas(conn(), 'public');
    expect(m.roles.filter((r) => r.name.startsWith('pg_'))).toEqual([]);
    expect(m.roles.map((r) => r.name)).toContain(await currentUser(conn()));
    const byName = (n: string) => m.roles.find((r) => r.name === n);
    expect(byName(staff)).toEqual({
      name: staff,
      login: false,
      superuser: false,
      createdb: true,
      createrole: false,
      inherit: false,
      replication: false,
      bypassRls: true,
      connectionLimit: -1,
      memberOf: [base],
      comment: 'the staff',
    });
    expect(byName(login)).toMatchObject({ login: true, inherit: true, connectionLimit: 3, memberOf: [base, staff].sort() });
    expect(JSON.stringify(m.roles)).not.toContain('not-read');
  });
});
