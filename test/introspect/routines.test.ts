import { expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Routine } from '../../src/model/function.ts';
import { currentUser, describeOnEngines, introspectSchemas, tableOf } from './engines.ts';

function routineOf(m: DatabaseModel, name: string, identityArguments?: string): Routine {
  const found = m.routines.filter((r) => r.name === name && (identityArguments === undefined || r.identityArguments === identityArguments));
  if (found.length !== 1) throw new Error(`expected one routine ${name}(${identityArguments ?? '*'}), found ${found.length}`);
  return found[0]!;
}

describeOnEngines('introspect functions and procedures', ['pgcrypto', 'citext'], ({ conn }) => {
  it('reads overloads as distinct routines with their arguments, modes and defaults', async () => {
    await conn().exec(`
      CREATE SCHEMA fo;
      CREATE FUNCTION fo.area(w integer, h integer DEFAULT 1) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5 AS 'SELECT w * h';
      CREATE FUNCTION fo.area(r double precision) RETURNS double precision
        LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
      CREATE FUNCTION fo.split(IN s text, OUT head text, INOUT n integer) LANGUAGE sql
        AS $$SELECT left(s, n), n$$;
      CREATE FUNCTION fo.series(VARIADIC xs integer[]) RETURNS SETOF integer LANGUAGE sql ROWS 50
        AS 'SELECT unnest(xs)';
      CREATE FUNCTION fo.pairs(n integer) RETURNS TABLE (i integer, sq bigint) LANGUAGE sql STABLE LEAKPROOF
        AS 'SELECT g, g::bigint * g FROM generate_series(1, n) g';
      COMMENT ON FUNCTION fo.area(double precision) IS 'circle';
      CREATE AGGREGATE fo.total(integer) (SFUNC = int4pl, STYPE = integer);
    `);
    const m = await introspectSchemas(conn(), 'fo');
    expect(m.routines.map((r) => `${r.name}(${r.identityArguments})`)).toEqual([
      'area(r double precision)',
      'area(w integer, h integer)',
      'pairs(n integer)',
      'series(VARIADIC xs integer[])',
      'split(s text, OUT head text, INOUT n integer)',
    ]);
    const rect = routineOf(m, 'area', 'w integer, h integer');
    expect(rect).toEqual({
      schema: 'fo',
      name: 'area',
      kind: 'function',
      identityArguments: 'w integer, h integer',
      arguments: [
        { name: 'w', type: 'integer', mode: 'in', default: null },
        { name: 'h', type: 'integer', mode: 'in', default: '1' },
      ],
      returns: 'integer',
      language: 'sql',
      body: 'SELECT w * h',
      sqlBody: false,
      volatility: 'immutable',
      strict: true,
      securityDefiner: false,
      leakproof: false,
      parallel: 'safe',
      cost: '5',
      rows: '0',
      config: [],
      comment: null,
      owner: await currentUser(conn()),
      dependsOn: [],
    });
    expect(routineOf(m, 'area', 'r double precision').comment).toBe('circle');
    expect(routineOf(m, 'split').arguments).toEqual([
      { name: 's', type: 'text', mode: 'in', default: null },
      { name: 'head', type: 'text', mode: 'out', default: null },
      { name: 'n', type: 'integer', mode: 'inout', default: null },
    ]);
    expect(routineOf(m, 'split').returns).toBe('record');
    const series = routineOf(m, 'series');
    expect(series.arguments).toEqual([{ name: 'xs', type: 'integer[]', mode: 'variadic', default: null }]);
    expect([series.returns, series.rows]).toEqual(['SETOF integer', '50']);
    const pairs = routineOf(m, 'pairs');
    expect(pairs.returns).toBe('TABLE(i integer, sq bigint)');
    expect(pairs.arguments.map((a) => `${a.mode} ${a.name}`)).toEqual(['in n', 'table i', 'table sq']);
    expect([pairs.volatility, pairs.leakproof]).toEqual(['stable', true]);
  });

  it('reads a plpgsql trigger function with SET options and SECURITY DEFINER, and a procedure', async () => {
    await conn().exec(`
      CREATE SCHEMA fp;
      CREATE FUNCTION fp.touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = fp, pg_temp SET lock_timeout = '2s'
        AS $body$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END
      $body$;
      CREATE PROCEDURE fp.bump(INOUT counter integer, step integer DEFAULT 1) LANGUAGE plpgsql
        AS $$ BEGIN counter := counter + step; END $$;
    `);
    const m = await introspectSchemas(conn(), 'fp');
    const touch = routineOf(m, 'touch');
    expect(touch.kind).toBe('function');
    expect(touch.returns).toBe('trigger');
    expect(touch.language).toBe('plpgsql');
    expect(touch.securityDefiner).toBe(true);
    expect(touch.config).toEqual(['lock_timeout=2s', 'search_path=fp, pg_temp']);
    expect(touch.body).toBe('\n      BEGIN\n        NEW.updated_at := now();\n        RETURN NEW;\n      END\n      ');
    expect(touch.sqlBody).toBe(false);
    const bump = routineOf(m, 'bump');
    expect(bump.kind).toBe('procedure');
    expect(bump.returns).toBeNull();
    expect(bump.identityArguments).toBe('INOUT counter integer, IN step integer');
    expect(bump.arguments).toEqual([
      { name: 'counter', type: 'integer', mode: 'inout', default: null },
      { name: 'step', type: 'integer', mode: 'in', default: '1' },
    ]);
  });

  it('reads a BEGIN ATOMIC body deparsed, with what it references as dependencies', async () => {
    await conn().exec(`
      CREATE SCHEMA fa;
      CREATE TYPE fa.level AS ENUM ('low', 'high');
      CREATE TABLE fa.items (id int, lvl fa.level, price numeric);
      CREATE FUNCTION fa.double(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN x * 2;
      CREATE FUNCTION fa.expensive(l fa.level) RETURNS SETOF numeric LANGUAGE sql STABLE
      BEGIN ATOMIC
        SELECT fa.double(price) FROM fa.items WHERE lvl = l;
      END;
    `);
    const m = await introspectSchemas(conn(), 'fa');
    const dbl = routineOf(m, 'double');
    expect(dbl.sqlBody).toBe(true);
    expect(dbl.body).toBe('RETURN (x * (2)::numeric)');
    const exp = routineOf(m, 'expensive');
    expect(exp.sqlBody).toBe(true);
    expect(exp.body).toMatch(/^BEGIN ATOMIC\n/);
    expect(exp.body).toMatch(/\nEND$/);
    expect(exp.body).toContain('fa.double(');
    expect(exp.dependsOn).toEqual([
      'column:fa.items.lvl',
      'column:fa.items.price',
      'enum:fa.level',
      'function:fa.double(x numeric)',
    ]);
  });

  it('records the routines, types and sequences that defaults, checks and indexes use', async () => {
    await conn().exec(`
      CREATE SCHEMA fd;
      CREATE TYPE fd.kind AS ENUM ('a', 'b');
      CREATE FUNCTION fd.valid_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT length(c) = 3';
      CREATE FUNCTION fd.next_code() RETURNS text LANGUAGE sql AS $$SELECT 'abc'$$;
      CREATE TABLE fd.t (
        id serial,
        code text DEFAULT fd.next_code() CHECK (fd.valid_code(code)),
        kind fd.kind DEFAULT 'a',
        plain int DEFAULT 0 CHECK (plain >= 0)
      );
      CREATE INDEX t_code ON fd.t (fd.valid_code(code));
      CREATE INDEX t_plain ON fd.t (plain);
    `);
    const t = tableOf(await introspectSchemas(conn(), 'fd'), 'fd', 't');
    const deps = Object.fromEntries(t.columns.map((c) => [c.name, c.dependsOn]));
    expect(deps).toEqual({
      id: ['sequence:fd.t_id_seq'],
      code: ['function:fd.next_code()'],
      kind: ['enum:fd.kind'],
      plain: undefined,
    });
    expect('dependsOn' in t.columns[3]!).toBe(false);
    expect(Object.fromEntries(t.constraints.map((c) => [c.name, c.dependsOn]))).toEqual({
      t_code_check: ['function:fd.valid_code(c text)'],
      t_plain_check: undefined,
    });
    expect(Object.fromEntries(t.indexes.map((i) => [i.name, i.dependsOn]))).toEqual({
      t_code: ['function:fd.valid_code(c text)'],
      t_plain: undefined,
    });
  });

  it('never lists functions that belong to an extension', async () => {
    await conn().exec(`
      CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE EXTENSION IF NOT EXISTS citext;
      CREATE SCHEMA fx;
      CREATE FUNCTION fx.hash(t citext) RETURNS text LANGUAGE sql AS $$SELECT encode(digest(t::text, 'sha256'), 'hex')$$;
    `);
    const all = await introspect(conn());
    const names = all.routines.map((r) => `${r.schema}.${r.name}`);
    expect(names).toContain('fx.hash');
    for (const extensionFunction of ['digest', 'crypt', 'gen_salt', 'citext', 'citextin', 'regexp_replace']) {
      expect(names.filter((n) => n.endsWith(`.${extensionFunction}`))).toEqual([]);
    }
    expect(all.grants.filter((g) => g.objectKind === 'function' && g.name === 'digest')).toEqual([]);
    // The extension's type is not a dependency either.
    expect(routineOf(all, 'hash').dependsOn).toEqual([]);
  });
});
