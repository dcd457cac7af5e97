import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { YamlError } from '../../src/yaml/problems.ts';
import { introspect } from '../../src/introspect/index.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Connection } from '../../src/db/connection.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';

function load(text: string): DatabaseModel {
  return loadSchemaFiles([{ path: 'schema.yaml', text }]).model;
}

function problems(text: string): string[] {
  try {
    load(text);
  } catch (e) {
    if (e instanceof YamlError) return e.problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected problems');
}

describe('types: domains and composite types', () => {
  it('loads domains with every option, and composite types keeping attribute order', () => {
    const m = load(`
types:
  mood: [sad, happy]
  posint:
    domain: integer
    not_null: true
    default: 1
    collation: C
    checks: { posint_check: VALUE > 0, small: "VALUE < 1000" }
    comment: positive
  app.code: { domain: varchar(8) }
  pair:
    composite: { z: int, a: { type: text, collation: C } }
    comment: two
`);
    expect(m.enums.map((e) => e.name)).toEqual(['mood']);
    // Loaded models are canonical: sorted by schema and name.
    expect(m.domains).toEqual([
      { schema: 'app', name: 'code', type: 'varchar(8)', notNull: false, default: null, collation: null, checks: [], comment: null },
      {
        schema: 'public', name: 'posint', type: 'integer', notNull: true, default: '1', collation: '"C"',
        checks: [{ name: 'posint_check', expression: 'VALUE > 0', valid: true }, { name: 'small', expression: 'VALUE < 1000', valid: true }],
        comment: 'positive',
      },
    ]);
    expect(m.compositeTypes).toEqual([
      { schema: 'public', name: 'pair', attributes: [{ name: 'z', type: 'int', collation: null }, { name: 'a', type: 'text', collation: '"C"' }], comment: 'two' },
    ]);
  });

  it('reports a type of no kind or two kinds, options of another kind, and a name declared twice, where they are', () => {
    expect(problems(`
types:
  a: { comment: x }
  b: { domain: integer, values: [x] }
  c: { values: [x], not_null: true }
  d: { composite: { x: int }, owner: bob }
  d2: { domain: integer, owner: bob, values: [x] }
  e: [x]
  e2: { domain: integer }
`)).toEqual([
      '3:3: types.a: a type needs one of `values` (an enum), `domain` (a base type) or `composite` (attributes)',
      '4:3: types.b: a type is one kind: `values` and `domain` cannot both be given',
      '5:21: types.c.not_null: `not_null` applies to domains only',
      '7:3: types.d2: a type is one kind: `values` and `domain` cannot both be given',
    ]);
    const twice = loadSchemaFiles.bind(null, [
      { path: 'a.yaml', text: 'types:\n  t: [x]\n' },
      { path: 'b.yaml', text: 'types:\n  t: { domain: integer }\n' },
    ]);
    expect(twice).toThrow(/b\.yaml:2:3.*type `public.t` is already declared at a\.yaml:2:3/s);
  });

  it('loads an owner on domains and composite types as on enums, and leaves it out when not named', () => {
    const m = load(`
types:
  mood: { values: [sad], owner: app_owner }
  posint: { domain: integer, owner: app_owner }
  plain: { domain: text }
  pair: { composite: { a: int }, owner: "Mixed Case" }
  bare: { composite: { a: int } }
`);
    expect(m.enums[0]!.owner).toBe('app_owner');
    expect(m.domains?.map((d) => [d.name, d.owner])).toEqual([['plain', undefined], ['posint', 'app_owner']]);
    expect(m.domains?.find((d) => d.name === 'plain')).not.toHaveProperty('owner');
    expect(m.compositeTypes?.map((c) => [c.name, c.owner])).toEqual([['bare', undefined], ['pair', 'Mixed Case']]);
    expect(problems('types:\n  d: { domain: integer, owner: "" }\n')[0]).toMatch(/^2:\d+: types\.d\.owner: /);
  });

  it('writes the owner of a domain and a composite type unless it is the pulling role, and loads it back', () => {
    const owned = load(`
types:
  posint: { domain: integer, owner: app_owner }
  mine: { domain: integer, owner: postgres }
  pair: { composite: { a: int }, owner: app_owner }
`);
    const text = modelToYamlFiles(owned, { omitOwner: 'postgres' }).get('public.yaml')!;
    expect(text).toContain('posint: { domain: integer, owner: app_owner }');
    expect(text).toContain('mine: { domain: integer }');
    expect(text).toContain('pair: { composite: { a: int }, owner: app_owner }');
    const back = loadSchemaFiles([...modelToYamlFiles(owned, { omitOwner: 'postgres' })].map(([path, text]) => ({ path, text }))).model;
    expect(back.domains?.map((d) => [d.name, d.owner ?? null])).toEqual([['mine', null], ['posint', 'app_owner']]);
    expect(back.compositeTypes?.map((c) => c.owner)).toEqual(['app_owner']);
  });

  it('loads USAGE grants on every kind of type: the default (USAGE to PUBLIC) when absent, the list when given', () => {
    const m = load(`
types:
  mood: [sad, happy]
  posint: { domain: integer, grants: [ { to: app, privileges: USAGE, with_grant_option: true } ] }
  pair: { composite: { a: int }, grants: [] }
  level: { values: [low], grants: [ { to: [ public, report ], privileges: ALL } ] }
`);
    const usage = (name: string) => m.grants.filter((g) => g.name === name).map((g) => [g.objectKind, g.grantee, g.privilege, g.withGrantOption]);
    expect(usage('mood')).toEqual([['type', 'PUBLIC', 'USAGE', false]]);
    expect(usage('posint')).toEqual([['type', 'app', 'USAGE', true]]);
    expect(usage('pair')).toEqual([]);
    expect(usage('level')).toEqual([['type', 'PUBLIC', 'USAGE', false], ['type', 'report', 'USAGE', false]]);
    expect(problems('types:\n  d: { domain: integer, grants: [ { to: app, privileges: SELECT } ] }\n')).toEqual([
      expect.stringMatching(/^2:\d+: types\.d\.grants\[0\]\.privileges: privilege `SELECT` cannot be granted on type `public.d`; expected ALL or one of: USAGE/),
    ]);
    expect(problems('types:\n  d: { domain: integer, grants: [ { to: app, privileges: USAGE, columns: [a] } ] }\n')[0]).toMatch(/column grants are for tables and views/);
    // Written back: nothing for the default, the list otherwise; loaded again the same.
    const files = [...modelToYamlFiles(m)].map(([path, text]) => ({ path, text }));
    const text = files[0]!.text;
    expect(text).toContain('  mood: [ sad, happy ]');
    expect(text).toContain('grants: []');
    expect(loadSchemaFiles(files).model.grants).toEqual(m.grants);
  });

  it('refuses unknown keys and wrong shapes through the JSON Schema', () => {
    expect(problems('types:\n  d: { domain: integer, check: { c: VALUE > 0 } }\n')).toEqual([
      expect.stringMatching(/^2:25: types\.d\.check: unknown key `check` \(did you mean `checks`\?\)/),
    ]);
    expect(problems('types:\n  p: { composite: [a, b] }\n')[0]).toMatch(/types\.p\.composite: must be/);
  });
});

describe('pull writes domains and composite types that plan empty against their database', () => {
  for (const engine of ['pglite', 'postgres'] as const) {
    describe(engine, () => {
      let conn: Connection;
      beforeAll(async () => {
        conn = engine === 'pglite' ? await freshPglite() : await freshPostgres('types');
      });
      afterAll(async () => {
        await conn.close();
      });

      it('round-trips', async () => {
        await conn.exec(`
          CREATE SCHEMA shapes;
          CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
          CREATE DOMAIN shapes.label AS text COLLATE "C" DEFAULT 'none' NOT NULL CONSTRAINT label_len CHECK (length(VALUE) < 20);
          COMMENT ON DOMAIN shapes.label IS 'a label';
          CREATE TYPE pair AS (a int, b text);
          CREATE TYPE shapes.tagged AS (tag shapes.label, p pair, n posint[]);
          COMMENT ON TYPE pair IS 'a pair';
          CREATE TABLE things (id posint PRIMARY KEY, p pair, t shapes.tagged);
          CREATE FUNCTION first_of(x pair) RETURNS integer LANGUAGE sql AS 'SELECT (x).a';
          CREATE VIEW things_a AS SELECT id, (p).a AS a FROM things;
        `);
        const live = await introspect(conn, { schemas: ['public', 'shapes'] });
        const files = modelToYamlFiles(live, { omitOwner: 'postgres' });
        expect(files.get('public.yaml')).toContain('posint: { domain: integer, checks: { posint_check: VALUE > 0 } }');
        expect(files.get('shapes.yaml')).toMatch(/label:\n\s+domain: text\n\s+not_null: true\n\s+default: "'none'::text"\n\s+collation: C/);
        const loaded = loadSchemaFiles([...files].map(([path, text]) => ({ path, text })));
        expect(loaded.model.domains?.map((d) => `${d.schema}.${d.name}`)).toEqual(['public.posint', 'shapes.label']);
        expect(loaded.model.compositeTypes?.map((d) => `${d.schema}.${d.name}`)).toEqual(['public.pair', 'shapes.tagged']);
        const workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };
        const { plan } = await planDatabase(conn, { loaded, managedSchemas: ['public', 'shapes'] }, workspace, DEFAULT_SETTINGS);
        expect(plan.steps.map((s) => s.sql)).toEqual([]);
      });
    });
  }
});
