import { describe, expect, inject, it } from 'vitest';
import { normalizeModel } from '../../src/normalize/normalize.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadSqlParser } from '../../src/sql/parser.ts';
import { openScratch } from '../../src/normalize/scratch.ts';
import { scriptAs, stepRoleFor } from '../../src/normalize/step-role.ts';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { emptyModel } from '../../src/model/database.ts';
import { introspect } from '../../src/introspect/index.ts';

/**
 * A model whose SQL text did not come through the loader (which refuses it): the scratch
 * database still runs nothing but the statements pgform composes.
 */
function hostileModel(role: string): DatabaseModel {
  const { model } = loadSchemaFiles([{ path: 'v.yaml', text: 'views:\n  v: { query: SELECT 1 AS x }\n' }]);
  return { ...model, views: model.views.map((v) => ({ ...v, definition: `SELECT 1 AS x; CREATE ROLE ${role}` })) };
}

describe('the scratch database runs one statement per step', () => {
  it('refuses a step holding a second statement, on PGlite and on a --dev-url server, and nothing runs', async () => {
    await expect(normalizeModel(hostileModel('pwned_scratch'), { cacheDir: null, managedSchemas: ['public'] })).rejects.toThrow(
      /view public\.v: its SQL holds 2 statements instead of one; nothing was run/,
    );
    const devUrl = inject('postgresUrl');
    await expect(normalizeModel(hostileModel('pwned_dev'), { cacheDir: null, devUrl, managedSchemas: ['public'] })).rejects.toThrow(
      /holds 2 statements instead of one/,
    );
    const admin = await openPostgres(devUrl);
    try {
      expect(await admin.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'pwned%'")).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

describe('the scratch database runs no query of the YAML', () => {
  it('creates materialized views WITH NO DATA: a function their query calls does not run on the --dev-url server', async () => {
    await loadSqlParser();
    const { model } = loadSchemaFiles([
      {
        path: 'm.yaml',
        text: `
functions:
  f:
    returns: integer
    language: plpgsql
    body: "BEGIN EXECUTE 'CREATE ROLE pwned_by_matview SUPERUSER'; RETURN 1; END"
materialized_views:
  m:
    query: SELECT f() AS x
`,
      },
    ]);
    const devUrl = inject('postgresUrl');
    const normalized = await normalizeModel(model, { cacheDir: null, devUrl, managedSchemas: ['public'] });
    // The state is as the YAML says (populated), only the scratch copy was not.
    expect(normalized.materializedViews.map((v) => [v.name, v.withNoData ?? false])).toEqual([['m', false]]);
    const admin = await openPostgres(devUrl);
    try {
      expect(await admin.query("SELECT rolname FROM pg_roles WHERE rolname = 'pwned_by_matview'")).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

describe('on a --dev-url server whose role is a superuser, the steps run as the scratch database\'s own role', () => {
  // Partitions with list bounds: a bound is the one piece of YAML SQL PostgreSQL evaluates when it
  // creates the object. The loader allows constants only; this model got past it.
  const yaml = `
tables:
  events:
    columns: { kind: text, body: text }
    partition_by: { list: [ kind ] }
    partitions:
      events_a: { in: [ a ] }
`;
  function withBound(bound: string): DatabaseModel {
    const { model } = loadSchemaFiles([{ path: 'p.yaml', text: yaml }]);
    return { ...model, tables: model.tables.map((t) => (t.partitionOf ? { ...t, partitionOf: { ...t.partitionOf, bound } } : t)) };
  }

  it('a server file read in a partition bound is refused (the superuser would have read it)', async () => {
    const devUrl = inject('postgresUrl');
    const admin = await openPostgres(devUrl);
    try {
      // What the session's own role could do with that bound:
      expect((await admin.query<{ v: string }>(`SELECT pg_catalog.pg_read_file('PG_VERSION') AS v`))[0]!.v).toMatch(/^\d+/);
      const plain = await normalizeModel(withBound(`FOR VALUES IN ('a')`), { cacheDir: null, devUrl, managedSchemas: ['public'] });
      expect(plain.tables.map((t) => t.name).sort()).toEqual(['events', 'events_a']);
      await expect(
        normalizeModel(withBound(`FOR VALUES IN (pg_catalog.pg_read_file('PG_VERSION'))`), { cacheDir: null, devUrl, managedSchemas: ['public'] }),
      ).rejects.toThrow(/permission denied for function pg_read_file/);
    } finally {
      await admin.close();
    }
  });

  it('the step role owns the scratch database and has no attribute; extensions and owners are set by the session role; both go with the scratch', async () => {
    const scratch = await openScratch({ cacheDir: null, devUrl: inject('postgresUrl'), extensions: [], stepRole: true });
    try {
      expect(scratch.stepRole).toMatch(/^pgform_scratch_/);
      const [role] = await scratch.conn.query<Record<string, boolean>>(
        `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolconnlimit, r.rolbypassrls, d.datdba = r.oid AS owns
           FROM pg_roles r, pg_database d WHERE r.rolname = $1 AND d.datname = current_database()`,
        [scratch.stepRole],
      );
      expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolconnlimit: 0, rolbypassrls: false, owns: true });
      // Nobody connects as it (the suite's server trusts local connections: the limit refuses them).
      const as = new URL(inject('postgresUrl'));
      as.username = scratch.stepRole!;
      as.password = '';
      await expect(openPostgres(as.toString())).rejects.toThrow(/too many connections for role/);
      // Another pgform introspecting this server meanwhile does not take it for a role of the cluster,
      // and no schema file may declare a role of that name.
      const live = await introspect(scratch.conn, { schemas: ['public'] });
      expect(live.roles.length).toBeGreaterThan(0);
      expect(live.roles.map((r) => r.name)).not.toContain(scratch.stepRole);
      expect(() => loadSchemaFiles([{ path: 'r.yaml', text: `roles:\n  ${scratch.stepRole}: {}\n` }])).toThrow(/r\.yaml:2:3.*reserved for pgform's scratch databases/s);
      const { model } = loadSchemaFiles([{ path: 'o.yaml', text: 'roles:\n  scratch_owner_probe: {}\nextensions:\n  pg_trgm: {}\ntables:\n  t:\n    owner: scratch_owner_probe\n    columns: { a: int }\n' }]);
      const steps = orderSteps(diffModels(emptyModel(), model, { online: false }));
      const role1 = await stepRoleFor(scratch, model);
      expect(role1).toBe(scratch.stepRole);
      await scratch.conn.exec(`BEGIN;\n${scriptAs(role1, steps)}\nCOMMIT;`);
      const made = await scratch.conn.query<{ t: string; e: string }>(
        `SELECT (SELECT relowner::regrole::text FROM pg_class WHERE relname = 't') AS t,
                (SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'pg_trgm') AS e`,
      );
      expect(made[0]!.t).toBe('scratch_owner_probe');
      expect(made[0]!.e).not.toBe(scratch.stepRole);
      expect((await scratch.conn.query<{ u: string }>('SELECT current_user AS u'))[0]!.u).not.toBe(scratch.stepRole);
      // A routine only a superuser creates makes the whole state run as the session's role.
      const internal = { ...model, routines: [{ ...(loadSchemaFiles([{ path: 'f.yaml', text: 'functions:\n  f: { returns: integer, body: SELECT 1 }\n' }]).model.routines[0]!), language: 'internal' }] };
      expect(await stepRoleFor(scratch, internal)).toBeNull();
    } finally {
      await scratch.dispose();
      const admin = await openPostgres(inject('postgresUrl'));
      try {
        expect(await admin.query('SELECT rolname FROM pg_roles WHERE rolname = $1', [scratch.stepRole])).toEqual([]);
        expect(await admin.query('SELECT datname FROM pg_database WHERE datname = $1', [scratch.stepRole])).toEqual([]);
      } finally {
        await admin.exec('DROP ROLE IF EXISTS scratch_owner_probe').catch(() => undefined);
        await admin.close();
      }
    }
  });
});
