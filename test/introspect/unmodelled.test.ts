import { describe, expect, it } from 'vitest';
import {
  describeUnmodelled,
  listUnmodelled,
  MODELLED,
  unmodelledNote,
  type UnmodelledKind,
  type UnmodelledObject,
} from '../../src/introspect/unmodelled.ts';
import { describeOnEngines } from './engines.ts';

const obj = (kind: UnmodelledKind, schema: string | null, name: string, identity: string): UnmodelledObject => ({ kind, schema, name, identity });

/** Everything not in a schema: created once per database by the first test. */
const DATABASE_WIDE: ReadonlySet<string> = new Set(['event trigger', 'publication', 'foreign server', 'foreign data wrapper']);
const inSchemas = (list: readonly UnmodelledObject[]) => list.filter((o) => !DATABASE_WIDE.has(o.kind));

describeOnEngines('unmodelled objects', ['citext', 'pg_trgm'], ({ conn }) => {
  it('lists one object of each kind pgform does not model, sorted by kind', async () => {
    await conn().exec(`
      CREATE SCHEMA um_all;
      CREATE TYPE um_all.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
      CREATE TYPE um_all.myint;
      CREATE FUNCTION um_all.myint_in(cstring) RETURNS um_all.myint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
      CREATE FUNCTION um_all.myint_out(um_all.myint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
      CREATE TYPE um_all.myint (INPUT = um_all.myint_in, OUTPUT = um_all.myint_out, LIKE = integer);
      CREATE TYPE um_all.later;
      CREATE DOMAIN um_all.posint AS integer CHECK (VALUE > 0);
      CREATE TYPE um_all.pair AS (a integer, b text);
      CREATE AGGREGATE um_all.my_sum(integer) (sfunc = int4pl, stype = integer);
      CREATE FUNCTION um_all.rn() RETURNS bigint LANGUAGE internal WINDOW AS 'window_row_number';
      CREATE FUNCTION um_all.eq3(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';
      CREATE OPERATOR um_all.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = um_all.eq3);
      CREATE OPERATOR CLASS um_all.int_ops FOR TYPE integer USING btree AS
        OPERATOR 1 <, OPERATOR 3 =, FUNCTION 1 btint4cmp(integer, integer);
      CREATE OPERATOR FAMILY um_all.fam USING hash;
      CREATE CAST (um_all.pair AS text) WITH INOUT;
      CREATE FUNCTION um_all.money_nonzero(money) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 <> 0::money';
      CREATE CAST (money AS boolean) WITH FUNCTION um_all.money_nonzero(money);
      CREATE COLLATION um_all.mycoll FROM "C";
      CREATE TEXT SEARCH CONFIGURATION um_all.cfg (COPY = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY um_all.dict (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH PARSER um_all.prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);
      CREATE TEXT SEARCH TEMPLATE um_all.tmpl (LEXIZE = dsimple_lexize, INIT = dsimple_init);
      CREATE CONVERSION um_all.conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
      CREATE TABLE um_all.t (a integer, b integer);
      CREATE STATISTICS um_all.st ON a, b FROM um_all.t;
      CREATE RULE r1 AS ON INSERT TO um_all.t WHERE false DO INSTEAD NOTHING;
      CREATE VIEW um_all.v AS SELECT a FROM um_all.t;
      CREATE FOREIGN DATA WRAPPER um_fdw;
      CREATE SERVER um_srv FOREIGN DATA WRAPPER um_fdw;
      CREATE FOREIGN TABLE um_all.ft (a integer) SERVER um_srv;
      CREATE FUNCTION um_all.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
      CREATE EVENT TRIGGER um_et ON ddl_command_end EXECUTE FUNCTION um_all.on_ddl();
      CREATE PUBLICATION um_pub;
    `);
    // Array and multirange types, the range's constructors and its cast to the multirange, the
    // operator family the class created and the view's own rule are implicit: not listed.
    const expected = [
      obj('aggregate', 'um_all', 'my_sum', 'um_all.my_sum(integer)'),
      obj('base type', 'um_all', 'myint', 'um_all.myint'),
      // Qualified as PostgreSQL does it: SQL-standard type names stay bare.
      obj('cast', null, '(pg_catalog.money AS boolean)', '(pg_catalog.money AS boolean)'),
      obj('cast', null, '(um_all.pair AS pg_catalog.text)', '(um_all.pair AS pg_catalog.text)'),
      obj('collation', 'um_all', 'mycoll', 'um_all.mycoll'),
      obj('composite type', 'um_all', 'pair', 'um_all.pair'),
      obj('conversion', 'um_all', 'conv', 'um_all.conv'),
      obj('domain', 'um_all', 'posint', 'um_all.posint'),
      obj('event trigger', null, 'um_et', 'um_et'),
      obj('extended statistics', 'um_all', 'st', 'um_all.st'),
      obj('foreign data wrapper', null, 'um_fdw', 'um_fdw'),
      obj('foreign server', null, 'um_srv', 'um_srv'),
      obj('foreign table', 'um_all', 'ft', 'um_all.ft'),
      obj('operator', 'um_all', '===', 'um_all.===(integer,integer)'),
      obj('operator class', 'um_all', 'int_ops', 'um_all.int_ops USING btree'),
      obj('operator family', 'um_all', 'fam', 'um_all.fam USING hash'),
      obj('publication', null, 'um_pub', 'um_pub'),
      obj('range type', 'um_all', 'floatrange', 'um_all.floatrange'),
      obj('rule', 'um_all', 'r1 on um_all.t', 'r1 on um_all.t'),
      obj('shell type', 'um_all', 'later', 'um_all.later'),
      obj('text search configuration', 'um_all', 'cfg', 'um_all.cfg'),
      obj('text search dictionary', 'um_all', 'dict', 'um_all.dict'),
      obj('text search parser', 'um_all', 'prs', 'um_all.prs'),
      obj('text search template', 'um_all', 'tmpl', 'um_all.tmpl'),
      obj('window function', 'um_all', 'rn', 'um_all.rn()'),
    ].filter((o) => !MODELLED.has(o.kind));
    expect(await listUnmodelled(conn(), ['um_all'])).toEqual(expected);
    // Every user schema: the same objects (the database has no others).
    expect(await listUnmodelled(conn(), null)).toEqual(expected);
  });

  it('leaves out what extensions own, and lists a user object next to them', async () => {
    await conn().exec(`
      CREATE SCHEMA um_ext;
      CREATE EXTENSION citext SCHEMA um_ext;
      CREATE EXTENSION pg_trgm SCHEMA um_ext;
      CREATE OPERATOR um_ext.=== (LEFTARG = um_ext.citext, RIGHTARG = um_ext.citext, FUNCTION = um_ext.citext_eq);
    `);
    // The extensions did put operators, operator classes and casts into the schema.
    const [owned] = await conn().query<{ operators: number; casts: number }>(`
      SELECT (SELECT count(*)::int FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE n.nspname = 'um_ext') AS operators,
        (SELECT count(*)::int FROM pg_cast c WHERE c.castsource = 'um_ext.citext'::regtype OR c.casttarget = 'um_ext.citext'::regtype) AS casts`);
    expect(owned!.operators).toBeGreaterThan(5);
    expect(owned!.casts).toBeGreaterThan(0);
    expect(inSchemas(await listUnmodelled(conn(), ['um_ext']))).toEqual([
      obj('operator', 'um_ext', '===', 'um_ext.===(um_ext.citext,um_ext.citext)'),
    ]);
  });

  it('leaves out system, TimescaleDB and pgform schemas and other schemas than the managed ones', async () => {
    await conn().exec(`
      CREATE SCHEMA um_a;
      CREATE SCHEMA um_b;
      CREATE SCHEMA _timescaledb_um;
      CREATE SCHEMA timescaledb_information;
      CREATE SCHEMA pgform;
      CREATE TEXT SEARCH DICTIONARY um_a.total (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY um_b.total (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY _timescaledb_um.total (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY timescaledb_information.total (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY pgform.total (TEMPLATE = pg_catalog.simple);
      CREATE TEXT SEARCH DICTIONARY pg_temp.total (TEMPLATE = pg_catalog.simple);
    `);
    expect(inSchemas(await listUnmodelled(conn(), ['um_b']))).toEqual([obj('text search dictionary', 'um_b', 'total', 'um_b.total')]);
    const everywhere = await listUnmodelled(conn(), null);
    const totals = everywhere.filter((o) => o.name === 'total').map((o) => o.identity);
    expect(totals).toEqual(['um_a.total', 'um_b.total']);
    // pg_catalog's own aggregates, operators and types are not user objects.
    expect(everywhere.filter((o) => o.schema === 'pg_catalog' || o.schema === 'information_schema')).toEqual([]);
    // Managed schemas that hold nothing unmodelled: only the database-wide objects remain.
    expect(inSchemas(await listUnmodelled(conn(), ['nonexistent']))).toEqual([]);
  });
});

describe('unmodelled note', () => {
  it('groups identities by kind and says where they are', () => {
    const objects = [
      obj('aggregate', 'public', 'a', 'public.a(integer)'),
      obj('aggregate', 'public', 'b', 'public.b(text)'),
      obj('range type', 'public', 'floatrange', 'public.floatrange'),
    ];
    expect(describeUnmodelled(objects)).toBe('aggregate public.a(integer), public.b(text); range type public.floatrange');
    expect(unmodelledNote(objects, 'the pulled schemas', 'were not written')).toBe(
      'note: 3 object(s) in the pulled schemas are not modelled by pgform and were not written (pgform leaves them as they are): ' +
        'aggregate public.a(integer), public.b(text); range type public.floatrange',
    );
    expect(unmodelledNote([obj('publication', null, 'p', 'p')], 'the managed schemas', 'are not covered')).toMatch(
      /^note: 1 object\(s\) in the managed schemas or database-wide are not modelled/,
    );
    expect(unmodelledNote([], 'the pulled schemas', 'were not written')).toBeNull();
  });
});
