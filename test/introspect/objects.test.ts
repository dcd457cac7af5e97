import { expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.ts';
import { currentUser, describeOnEngines, introspectSchemas, tableOf } from './engines.ts';

describeOnEngines('introspect schemas, extensions, enums and sequences', ['citext', 'pg_trgm'], ({ conn }) => {
  it('reads schemas with comments, public included when in scope', async () => {
    await conn().exec(`
      CREATE SCHEMA sch_a;
      CREATE SCHEMA sch_b;
      COMMENT ON SCHEMA sch_a IS 'first';
    `);
    const me = await currentUser(conn());
    expect((await introspectSchemas(conn(), 'sch_a', 'sch_b')).schemas).toEqual([
      { name: 'sch_a', comment: 'first', owner: me },
      { name: 'sch_b', comment: null, owner: me },
    ]);
    const all = await introspect(conn());
    expect(all.schemas).toContainEqual(expect.objectContaining({ name: 'public', comment: 'standard public schema' }));
    expect(all.schemas).toContainEqual({ name: 'sch_a', comment: 'first', owner: me });
    const names = all.schemas.map((s) => s.name);
    for (const system of ['pg_catalog', 'information_schema', 'pg_toast']) expect(names).not.toContain(system);
    expect(names.some((n) => n.startsWith('pg_temp') || n.startsWith('pg_toast_temp'))).toBe(false);
  });

  it('reads installed extensions except plpgsql', async () => {
    await conn().exec(`
      CREATE SCHEMA ext;
      CREATE EXTENSION citext;
      CREATE EXTENSION pg_trgm SCHEMA ext;
      COMMENT ON EXTENSION citext IS 'case-insensitive text';
    `);
    const m = await introspectSchemas(conn(), 'ext');
    expect(m.extensions.map((e) => [e.name, e.schema, e.comment])).toEqual([
      ['citext', 'public', 'case-insensitive text'],
      ['pg_trgm', 'ext', 'text similarity measurement and index searching based on trigrams'],
    ]);
    for (const e of m.extensions) expect(e.version).toMatch(/^\d+\.\d+$/);
    const [row] = await conn().query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'citext'`);
    expect(m.extensions[0]!.version).toBe(row!.v);
    // An extension's own objects are not user objects.
    expect(m.tables).toEqual([]);
    const all = await introspect(conn());
    expect(all.enums.map((e) => e.name)).not.toContain('citext');
  });

  it('reads enums with labels in sort order and comments', async () => {
    await conn().exec(`
      CREATE SCHEMA en;
      CREATE TYPE en.mood AS ENUM ('sad', 'happy');
      ALTER TYPE en.mood ADD VALUE 'meh' BEFORE 'happy';
      ALTER TYPE en.mood ADD VALUE 'ecstatic';
      CREATE TYPE en.empty AS ENUM ();
      CREATE TYPE en.pair AS (a int, b int);
      COMMENT ON TYPE en.mood IS 'how it feels';
    `);
    expect((await introspectSchemas(conn(), 'en')).enums).toEqual([
      { schema: 'en', name: 'empty', labels: [], comment: null, owner: await currentUser(conn()) },
      {
        schema: 'en',
        name: 'mood',
        labels: ['sad', 'meh', 'happy', 'ecstatic'],
        comment: 'how it feels',
        owner: await currentUser(conn()),
      },
    ]);
  });

  it('reads sequences, serial ones with their owner, not identity ones', async () => {
    await conn().exec(`
      CREATE SCHEMA sq;
      CREATE SEQUENCE sq.counter AS smallint START 10 INCREMENT 2 MINVALUE 5 MAXVALUE 1000 CACHE 3 CYCLE;
      COMMENT ON SEQUENCE sq.counter IS 'ticks';
      CREATE TABLE sq.t (id bigserial, n int GENERATED ALWAYS AS IDENTITY, m int);
      CREATE SEQUENCE sq.down INCREMENT -1;
      ALTER SEQUENCE sq.down OWNED BY sq.t.m;
    `);
    const m = await introspectSchemas(conn(), 'sq');
    const me = await currentUser(conn());
    expect(m.sequences).toEqual([
      {
        schema: 'sq',
        name: 'counter',
        dataType: 'smallint',
        start: '10',
        increment: '2',
        minValue: '5',
        maxValue: '1000',
        cache: '3',
        cycle: true,
        ownedBy: null,
        comment: 'ticks',
        owner: me,
      },
      {
        schema: 'sq',
        name: 'down',
        dataType: 'bigint',
        start: '-1',
        increment: '-1',
        minValue: '-9223372036854775808',
        maxValue: '-1',
        cache: '1',
        cycle: false,
        ownedBy: { schema: 'sq', table: 't', column: 'm' },
        comment: null,
        owner: me,
      },
      {
        schema: 'sq',
        name: 't_id_seq',
        dataType: 'bigint',
        start: '1',
        increment: '1',
        minValue: '1',
        maxValue: '9223372036854775807',
        cache: '1',
        cycle: false,
        ownedBy: { schema: 'sq', table: 't', column: 'id' },
        comment: null,
        owner: me,
      },
    ]);
  });

  it('leaves out objects that belong to an extension', async () => {
    await conn().exec(`
      CREATE EXTENSION IF NOT EXISTS citext;
      CREATE SCHEMA member;
      CREATE SCHEMA member_owned;
      CREATE TYPE member.owned_enum AS ENUM ('x');
      CREATE TYPE member.own_enum AS ENUM ('y');
      CREATE SEQUENCE member.owned_seq;
      CREATE TABLE member.owned_table (id int);
      CREATE TABLE member.own_table (id int);
      ALTER EXTENSION citext ADD TYPE member.owned_enum;
      ALTER EXTENSION citext ADD SEQUENCE member.owned_seq;
      ALTER EXTENSION citext ADD TABLE member.owned_table;
      ALTER EXTENSION citext ADD SCHEMA member_owned;
    `);
    const m = await introspectSchemas(conn(), 'member', 'member_owned');
    expect(m.schemas.map((s) => s.name)).toEqual(['member']);
    expect(m.enums.map((e) => e.name)).toEqual(['own_enum']);
    expect(m.sequences).toEqual([]);
    expect(m.tables.map((t) => t.name)).toEqual(['own_table']);
  });

  it('never reads the pgform history schema', async () => {
    await conn().exec(`
      CREATE SCHEMA pgform;
      CREATE TABLE pgform.history (id serial PRIMARY KEY);
    `);
    for (const m of [await introspect(conn()), await introspectSchemas(conn(), 'pgform')]) {
      expect(m.schemas.map((s) => s.name)).not.toContain('pgform');
      expect(m.tables.filter((t) => t.schema === 'pgform')).toEqual([]);
      expect(m.sequences.filter((s) => s.schema === 'pgform')).toEqual([]);
    }
  });

  it('reads only the schemas in scope, all user schemas without a scope', async () => {
    await conn().exec(`
      CREATE SCHEMA scope_in;
      CREATE SCHEMA scope_out;
      CREATE TYPE scope_out.kind AS ENUM ('a');
      CREATE TABLE scope_out.target (id serial PRIMARY KEY, k scope_out.kind);
      CREATE INDEX target_k ON scope_out.target (k);
      CREATE TYPE scope_in.kind AS ENUM ('b');
      CREATE TABLE scope_in.src (id serial PRIMARY KEY, target_id int REFERENCES scope_out.target);
      CREATE TABLE public.pub (id int);
    `);
    const scoped = await introspectSchemas(conn(), 'scope_in');
    expect(scoped.schemas.map((s) => s.name)).toEqual(['scope_in']);
    expect(scoped.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['scope_in.kind']);
    expect(scoped.sequences.map((s) => `${s.schema}.${s.name}`)).toEqual(['scope_in.src_id_seq']);
    expect(scoped.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['scope_in.src']);
    expect(tableOf(scoped, 'scope_in', 'src').constraints.find((c) => c.kind === 'foreign_key')).toMatchObject({
      references: { schema: 'scope_out', table: 'target', columns: ['id'] },
    });

    const all = await introspect(conn());
    const tables = all.tables.map((t) => `${t.schema}.${t.name}`);
    expect(tables).toEqual(expect.arrayContaining(['scope_in.src', 'scope_out.target', 'public.pub']));
    expect(tableOf(all, 'scope_out', 'target').indexes.map((i) => i.name)).toEqual(['target_k']);
    expect(all.schemas.map((s) => s.name)).toEqual(expect.arrayContaining(['public', 'scope_in', 'scope_out']));
  });

  it('returns lists in canonical order and leaves no transaction open', async () => {
    await conn().exec(`
      CREATE SCHEMA ord_b;
      CREATE SCHEMA ord_a;
      CREATE TABLE ord_b.a (id int);
      CREATE TABLE ord_a.z (id int, CONSTRAINT zz CHECK (id > 0), CONSTRAINT aa CHECK (id < 9));
      CREATE TABLE ord_a.b (id int);
    `);
    const m = await introspectSchemas(conn(), 'ord_b', 'ord_a');
    expect(m.schemas.map((s) => s.name)).toEqual(['ord_a', 'ord_b']);
    expect(m.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['ord_a.b', 'ord_a.z', 'ord_b.a']);
    expect(tableOf(m, 'ord_a', 'z').constraints.map((c) => c.name)).toEqual(['aa', 'zz']);
    // A write succeeds and persists: the read-only transaction was closed.
    await conn().exec('CREATE TABLE ord_a.after (id int)');
    const [row] = await conn().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE relname = 'after' AND relnamespace = 'ord_a'::regnamespace`,
    );
    expect(row!.n).toBe(1);
  });

  it('rolls back and leaves the connection usable when a query fails', async () => {
    // A NUL character is rejected by the server as a parameter value, failing the first scoped query.
    await expect(introspect(conn(), { schemas: ['bad\u0000name'] })).rejects.toThrow();
    await conn().exec('CREATE SCHEMA after_error');
    expect((await introspectSchemas(conn(), 'after_error')).schemas).toEqual([
      { name: 'after_error', comment: null, owner: await currentUser(conn()) },
    ]);
  });
});
