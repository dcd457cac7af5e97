import { expect, it } from 'vitest';
import type { Index } from '../../src/model/index.ts';
import { describeOnEngines, introspectSchemas, tableOf } from './engines.ts';

function indexNamed(indexes: readonly Index[], name: string): Index {
  const i = indexes.find((x) => x.name === name);
  if (!i) throw new Error(`index ${name} not found among ${indexes.map((x) => x.name).join(', ')}`);
  return i;
}

const plainKey = { isColumn: true, opclass: null, descending: false, nullsFirst: false, collation: null };

describeOnEngines('introspect indexes', [], ({ conn }) => {
  it('reads a plain, a unique and a partial index', async () => {
    await conn().exec(`
      CREATE SCHEMA ix;
      CREATE TABLE ix.users (id int PRIMARY KEY, email text, org int, deleted_at timestamptz, "Odd Name" int);
      CREATE INDEX users_org ON ix.users (org, "Odd Name");
      CREATE UNIQUE INDEX users_email_live ON ix.users (email) WHERE deleted_at IS NULL;
      COMMENT ON INDEX ix.users_org IS 'per organisation';
    `);
    const t = tableOf(await introspectSchemas(conn(), 'ix'), 'ix', 'users');
    // The primary key's index is the constraint's, not a standalone index.
    expect(t.indexes.map((i) => i.name)).toEqual(['users_email_live', 'users_org']);
    expect(indexNamed(t.indexes, 'users_org')).toEqual({
      name: 'users_org',
      unique: false,
      method: 'btree',
      keys: [
        { ...plainKey, expression: 'org' },
        { ...plainKey, expression: 'Odd Name' },
      ],
      include: [],
      where: null,
      with: {},
      nullsNotDistinct: false,
      definition: 'USING btree (org, "Odd Name")',
      valid: true,
      comment: 'per organisation',
    });
    expect(indexNamed(t.indexes, 'users_email_live')).toMatchObject({
      unique: true,
      keys: [{ ...plainKey, expression: 'email' }],
      where: 'deleted_at IS NULL',
      definition: 'UNIQUE USING btree (email) WHERE (deleted_at IS NULL)',
    });
  });

  it('reads expression keys, ordering, opclass, collation, include and storage parameters', async () => {
    await conn().exec(`
      CREATE SCHEMA ixk;
      CREATE TABLE ixk.t (a int, b int, name text, code varchar(20), extra text);
      CREATE INDEX t_lower ON ixk.t (lower(name) text_pattern_ops);
      CREATE INDEX t_order ON ixk.t (a DESC, b NULLS FIRST, name DESC NULLS LAST, (a + b)) INCLUDE (extra, code);
      CREATE INDEX t_coll ON ixk.t (name COLLATE "C", code) WITH (fillfactor = 70, deduplicate_items = off);
      CREATE INDEX "t_odd USING name" ON ixk.t (a);
    `);
    const t = tableOf(await introspectSchemas(conn(), 'ixk'), 'ixk', 't');
    expect(indexNamed(t.indexes, 't_lower')).toMatchObject({
      keys: [{ expression: 'lower(name)', isColumn: false, opclass: 'text_pattern_ops', descending: false, nullsFirst: false, collation: null }],
      definition: 'USING btree (lower(name) text_pattern_ops)',
    });
    expect(indexNamed(t.indexes, 't_order')).toMatchObject({
      keys: [
        { ...plainKey, expression: 'a', descending: true, nullsFirst: true },
        { ...plainKey, expression: 'b', nullsFirst: true },
        { ...plainKey, expression: 'name', descending: true, nullsFirst: false },
        { expression: '(a + b)', isColumn: false, opclass: null, descending: false, nullsFirst: false, collation: null },
      ],
      include: ['extra', 'code'],
      definition: 'USING btree (a DESC, b NULLS FIRST, name DESC NULLS LAST, ((a + b))) INCLUDE (extra, code)',
    });
    expect(indexNamed(t.indexes, 't_coll')).toMatchObject({
      keys: [
        { ...plainKey, expression: 'name', collation: '"C"' },
        { ...plainKey, expression: 'code' },
      ],
      with: { fillfactor: '70', deduplicate_items: 'off' },
      definition: `USING btree (name COLLATE "C", code) WITH (fillfactor='70', deduplicate_items=off)`,
    });
    expect(indexNamed(t.indexes, 't_odd USING name').definition).toBe('USING btree (a)');
  });

  it('reads gin, brin and hash indexes and unique nulls not distinct', async () => {
    await conn().exec(`
      CREATE SCHEMA ixm;
      CREATE TABLE ixm.t (tags text[], at timestamptz, token text, k int);
      CREATE INDEX t_tags ON ixm.t USING gin (tags);
      CREATE INDEX t_at ON ixm.t USING brin (at) WITH (pages_per_range = 32);
      CREATE INDEX t_token ON ixm.t USING hash (token);
      CREATE UNIQUE INDEX t_k ON ixm.t (k) NULLS NOT DISTINCT;
    `);
    const t = tableOf(await introspectSchemas(conn(), 'ixm'), 'ixm', 't');
    expect(t.indexes.map((i) => [i.name, i.method, i.unique, i.nullsNotDistinct])).toEqual([
      ['t_at', 'brin', false, false],
      ['t_k', 'btree', true, true],
      ['t_tags', 'gin', false, false],
      ['t_token', 'hash', false, false],
    ]);
    expect(indexNamed(t.indexes, 't_tags')).toMatchObject({
      keys: [{ ...plainKey, expression: 'tags' }],
      definition: 'USING gin (tags)',
    });
    expect(indexNamed(t.indexes, 't_at')).toMatchObject({ with: { pages_per_range: '32' } });
    expect(indexNamed(t.indexes, 't_k').definition).toBe('UNIQUE USING btree (k) NULLS NOT DISTINCT');
  });

  it('reads indexes of partitioned tables, not of their partitions', async () => {
    await conn().exec(`
      CREATE SCHEMA ixp;
      CREATE TABLE ixp.events (id int, at date) PARTITION BY RANGE (at);
      CREATE TABLE ixp.events_2024 PARTITION OF ixp.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE INDEX events_at ON ixp.events (at);
    `);
    const m = await introspectSchemas(conn(), 'ixp');
    expect(m.tables.map((t) => t.name)).toEqual(['events', 'events_2024']);
    expect(tableOf(m, 'ixp', 'events').indexes.map((i) => i.name)).toEqual(['events_at']);
    // The partition's copy of the index is PostgreSQL's, not declared: it is not listed.
    expect(tableOf(m, 'ixp', 'events_2024').indexes).toEqual([]);
  });

  it('reports an index left invalid by a failed concurrent build', async () => {
    await conn().exec(`
      CREATE SCHEMA ixv;
      CREATE TABLE ixv.t (k int);
      INSERT INTO ixv.t VALUES (1), (1);
    `);
    await expect(conn().exec('CREATE UNIQUE INDEX CONCURRENTLY t_k ON ixv.t (k)')).rejects.toThrow(/duplicate|unique/i);
    const t = tableOf(await introspectSchemas(conn(), 'ixv'), 'ixv', 't');
    expect(t.indexes.map((i) => [i.name, i.valid])).toEqual([['t_k', false]]);
  });
});
