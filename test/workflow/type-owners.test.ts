import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Connection } from '../../src/db/connection.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { introspect } from '../../src/introspect/index.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS, type Plan } from '../../src/plan/plan.ts';
import { ident } from '../../src/sql/quote.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';

const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };

async function plan(conn: Connection, files: readonly { path: string; text: string }[]): Promise<Plan> {
  const input: DesiredInput = { loaded: loadSchemaFiles(files), managedSchemas: ['public'] };
  return (await planDatabase(conn, input, ws, DEFAULT_SETTINGS)).plan;
}

async function apply(conn: Connection, p: Plan): Promise<void> {
  await applyPlanSafely(conn, p, ['public'], ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(p), lockWaitMs: 2000 });
}

async function ownersOf(conn: Connection): Promise<Record<string, string>> {
  const rows = await conn.query<{ name: string; owner: string }>(
    `SELECT t.typname AS name, pg_catalog.pg_get_userbyid(t.typowner) AS owner
       FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('d', 'c', 'e') AND t.typname IN ('posint', 'pair', 'plain', 'mood')`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.owner]));
}

const engines: [string, () => Promise<Connection>][] = [
  ['pglite', () => freshPglite()],
  ['postgres', () => freshPostgres('typeowners')],
];

describe.each(engines)('owners of domains and composite types on %s', (_name, fresh) => {
  // Roles are cluster-wide on the shared server: a unique name, dropped at the end.
  const owner = `type_owner_${randomBytes(4).toString('hex')}`;
  const yaml = (posintOwner: string) => `
roles:
  ${owner}: {}
types:
  mood: { values: [sad, happy], owner: ${owner} }
  posint: { domain: integer, checks: { posint_check: VALUE > 0 }, owner: ${posintOwner} }
  pair: { composite: { a: integer, b: text }, owner: ${owner} }
  plain: { domain: text }
tables:
  things:
    columns:
      id: { type: posint, primary_key: true }
      p: pair
`;
  let conn: Connection;
  let me: string;

  beforeAll(async () => {
    conn = await fresh();
    me = (await conn.query<{ user: string }>('SELECT current_user AS "user"'))[0]!.user;
  });
  afterAll(async () => {
    // The test's own database: what depends on the role's types (the table) goes too.
    await conn.exec(`DROP OWNED BY ${ident(owner)} CASCADE`);
    await conn.exec(`DROP ROLE IF EXISTS ${ident(owner)}`);
    await conn.close();
  });

  it('creates the role, then gives it the domain and the composite type; plans empty afterwards; pull writes the owners', async () => {
    const first = await plan(conn, [{ path: 'schema.yaml', text: yaml(owner) }]);
    const sqls = first.steps.map((s) => s.sql);
    const at = (fragment: string) => {
      const i = sqls.findIndex((s) => s.includes(fragment));
      expect(i, fragment).toBeGreaterThanOrEqual(0);
      return i;
    };
    const domainOwner = at(`ALTER DOMAIN "public"."posint" OWNER TO ${ident(owner)}`);
    const typeOwner = at(`ALTER TYPE "public"."pair" OWNER TO ${ident(owner)}`);
    expect(at('CREATE ROLE')).toBeLessThan(Math.min(domainOwner, typeOwner));
    expect(at('CREATE DOMAIN "public"."posint"')).toBeLessThan(domainOwner);
    expect(at('CREATE TYPE "public"."pair"')).toBeLessThan(typeOwner);
    // `plain` names no owner: it stays the applying role's, and no step is planned for it.
    expect(sqls.filter((s) => s.includes('"plain" OWNER'))).toEqual([]);

    await apply(conn, first);
    expect(await ownersOf(conn)).toEqual({ mood: owner, posint: owner, pair: owner, plain: me });
    expect((await plan(conn, [{ path: 'schema.yaml', text: yaml(owner) }])).steps).toEqual([]);

    // An owner the YAML does not name is left alone when it changes live.
    await conn.exec(`ALTER DOMAIN public.plain OWNER TO ${ident(owner)}`);
    expect((await plan(conn, [{ path: 'schema.yaml', text: yaml(owner) }])).steps).toEqual([]);

    // Pull writes the owners that are not the pulling role's, and the role they name.
    const files = modelToYamlFiles(await introspect(conn, { schemas: ['public'] }), { omitOwner: me });
    const text = files.get('public.yaml')!;
    expect(text).toMatch(new RegExp(`posint: \\{ domain: integer, checks: \\{ posint_check: VALUE > 0 \\}, owner: ${owner} \\}`));
    expect(text).toContain(`pair: { composite: { a: integer, b: text }, owner: ${owner} }`);
    expect(text).toContain(`plain: { domain: text, owner: ${owner} }`);
    expect(files.get('roles.yaml')).toContain(owner);
    // Pulled back as it is: no plan.
    expect((await plan(conn, [...files].map(([path, t]) => ({ path, text: t })))).steps).toEqual([]);
  });

  it('gives a domain back to the pulling role when the YAML names it, and pull then leaves that owner out', async () => {
    const back = await plan(conn, [{ path: 'schema.yaml', text: yaml(me) }]);
    expect(back.steps.map((s) => s.sql)).toEqual([`ALTER DOMAIN "public"."posint" OWNER TO ${ident(me)}`]);
    expect(back.steps[0]!.hazards.map((h) => h.kind)).toEqual(['authz_change']);
    await apply(conn, back);
    expect((await ownersOf(conn)).posint).toBe(me);
    const text = modelToYamlFiles(await introspect(conn, { schemas: ['public'] }), { omitOwner: me }).get('public.yaml')!;
    expect(text).toContain('posint: { domain: integer, checks: { posint_check: VALUE > 0 } }');
  });
});
