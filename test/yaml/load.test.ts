import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadSchemaDir, loadSchemaFiles } from '../../src/yaml/load.ts';
import { parseIndexKeyString } from '../../src/yaml/index-keys.ts';
import PGFORM_SCHEMA from '../../src/yaml/pgform.schema.json' with { type: 'json' };
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Table } from '../../src/model/table.ts';
import type { Constraint } from '../../src/model/constraint.ts';

function load(text: string): DatabaseModel {
  return loadSchemaFiles([{ path: 'schema.yaml', text }]).model;
}

function table(m: DatabaseModel, name: string, schema = 'public'): Table {
  const t = m.tables.find((x) => x.schema === schema && x.name === name);
  if (t === undefined) throw new Error(`no table ${schema}.${name}`);
  return t;
}

function constraint<K extends Constraint['kind']>(t: Table, kind: K, name: string): Extract<Constraint, { kind: K }> {
  const c = t.constraints.find((x) => x.kind === kind && x.name === name);
  if (c === undefined) throw new Error(`no ${kind} ${name} on ${t.name}`);
  return c as Extract<Constraint, { kind: K }>;
}

const base = { definition: '', deferrable: false, initiallyDeferred: false, valid: true, comment: null };

describe('schemas and extensions', () => {
  it('reads the mapping, empty mapping and null forms', () => {
    const m = load(`
schemas:
  app: { comment: "Application data" }
  audit: {}
  staging:
extensions:
  pgcrypto: {}
  citext:
  pg_trgm: { schema: app, version: "1.6", comment: trigram }
`);
    expect(m.schemas).toEqual([
      { name: 'app', comment: 'Application data' },
      { name: 'audit', comment: null },
      { name: 'staging', comment: null },
    ]);
    expect(m.extensions).toEqual([
      { name: 'citext', schema: null, version: null, comment: null },
      { name: 'pg_trgm', schema: 'app', version: '1.6', comment: 'trigram' },
      { name: 'pgcrypto', schema: null, version: null, comment: null },
    ]);
  });
});

describe('enum types', () => {
  it('reads the mapping and list forms, qualified keys and the schema field', () => {
    const m = load(`
types:
  mood: { values: [sad, ok, happy], comment: how it feels }
  app.status: [active, inactive]
  weird.name: { schema: other, values: [a] }
`);
    expect(m.enums).toEqual([
      { schema: 'app', name: 'status', labels: ['active', 'inactive'], comment: null },
      { schema: 'other', name: 'weird.name', labels: ['a'], comment: null },
      { schema: 'public', name: 'mood', labels: ['sad', 'ok', 'happy'], comment: 'how it feels' },
    ]);
  });

  it('keeps labels that YAML 1.1 would have read as booleans', () => {
    expect(load('types:\n  answer: [yes, no, on, off]\n').enums[0]!.labels).toEqual(['yes', 'no', 'on', 'off']);
  });
});

describe('sequences', () => {
  it('reads every option, verbatim', () => {
    const m = load(`
tables:
  orders:
    columns:
      order_no: bigint
sequences:
  order_no: { start: 1000, increment: 2, min: 1, max: 999999, cache: 5, cycle: true, type: integer, owned_by: orders.order_no, comment: numbers }
`);
    expect(m.sequences).toEqual([
      {
        schema: 'public',
        name: 'order_no',
        dataType: 'integer',
        start: '1000',
        increment: '2',
        minValue: '1',
        maxValue: '999999',
        cache: '5',
        cycle: true,
        ownedBy: { schema: 'public', table: 'orders', column: 'order_no' },
        comment: 'numbers',
      },
    ]);
  });

  it("fills PostgreSQL's defaults for the type and direction", () => {
    const m = load(`
sequences:
  a: {}
  b: { type: int }
  c: { type: smallint }
  d: { increment: -1 }
  e: { min: 10 }
  f:
`);
    const opts = (name: string) => {
      const s = m.sequences.find((x) => x.name === name)!;
      return [s.dataType, s.start, s.increment, s.minValue, s.maxValue, s.cache, s.cycle];
    };
    expect(opts('a')).toEqual(['bigint', '1', '1', '1', '9223372036854775807', '1', false]);
    expect(opts('b')).toEqual(['integer', '1', '1', '1', '2147483647', '1', false]);
    expect(opts('c')).toEqual(['smallint', '1', '1', '1', '32767', '1', false]);
    expect(opts('d')).toEqual(['bigint', '-1', '-1', '-9223372036854775808', '-1', '1', false]);
    expect(opts('e')).toEqual(['bigint', '10', '1', '10', '9223372036854775807', '1', false]);
    expect(opts('f')).toEqual(['bigint', '1', '1', '1', '9223372036854775807', '1', false]);
  });

  it('reads integers beyond 2^53 exactly, quoted or not', () => {
    const m = load(`
sequences:
  big: { min: -9223372036854775807, max: 9223372036854775806, start: "9007199254740993" }
`);
    const s = m.sequences[0]!;
    expect([s.minValue, s.maxValue, s.start]).toEqual(['-9223372036854775807', '9223372036854775806', '9007199254740993']);
  });

  it('reads owned_by as schema.table.column and as a mapping', () => {
    const m = load(`
schemas:
  app:
tables:
  app.t:
    columns:
      id: bigint
sequences:
  app.s1: { owned_by: app.t.id }
  app.s2: { owned_by: t.id }
  app.s3: { owned_by: { table: t, column: id } }
`);
    for (const s of m.sequences) expect(s.ownedBy).toEqual({ schema: 'app', table: 't', column: 'id' });
  });
});

describe('tables', () => {
  it('takes the schema from the key, the schema field, or defaults to public', () => {
    const m = load(`
tables:
  users: { columns: { id: bigint } }
  app.users: { comment: app users, renamed_from: people }
  my.table: { schema: other }
  empty:
`);
    expect(m.tables.map((t) => [t.schema, t.name, t.comment, t.renamedFrom ?? null])).toEqual([
      ['app', 'users', 'app users', 'people'],
      ['other', 'my.table', null, null],
      ['public', 'empty', null, null],
      ['public', 'users', null, null],
    ]);
    expect('renamedFrom' in table(m, 'users')).toBe(false);
  });

  it('reads columns: the short form, every option, annotations', () => {
    const m = load(`
tables:
  items:
    columns:
      id: { type: uuid, default: gen_random_uuid() }
      expires_at: timestamptz
      scopes: { type: "text[]", not_null: true, default: "ARRAY['read:metrics']" }
      qty: { type: int, default: 0 }
      active: { type: boolean, default: true }
      price: numeric
      total: { type: "numeric(12,2)", generated: "price * qty" }
      code: { type: text, collation: C, comment: the code, renamed_from: old_code, using: "code::text" }
      label: { type: text, collation: ucs_basic }
      name: { type: text, collation: '"en-x-icu"' }
`);
    const t = table(m, 'items');
    const col = (name: string) => t.columns.find((c) => c.name === name)!;
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'expires_at', 'scopes', 'qty', 'active', 'price', 'total', 'code', 'label', 'name']);
    expect(col('id')).toEqual({
      name: 'id',
      type: 'uuid',
      notNull: false,
      default: 'gen_random_uuid()',
      identity: null,
      generated: null,
      collation: null,
      comment: null,
    });
    expect(col('expires_at').type).toBe('timestamptz');
    expect([col('scopes').type, col('scopes').notNull, col('scopes').default]).toEqual(['text[]', true, "ARRAY['read:metrics']"]);
    expect(col('qty').default).toBe('0');
    expect(col('active').default).toBe('true');
    expect([col('total').type, col('total').generated]).toEqual(['numeric(12,2)', 'price * qty']);
    expect(col('code')).toMatchObject({ collation: '"C"', comment: 'the code', renamedFrom: 'old_code', using: 'code::text' });
    expect(col('label').collation).toBe('ucs_basic');
    expect(col('name').collation).toBe('"en-x-icu"');
  });

  it('reads identity columns in all three forms, options null unless given', () => {
    const m = load(`
tables:
  t:
    columns:
      a: { type: int, identity: always }
      b: { type: bigint, identity: by_default }
      c: { type: bigint, identity: { generation: always, start: 10, increment: 5, min: 1, max: 1000, cache: 2, cycle: true } }
`);
    const [a, b, c] = table(m, 't').columns.map((x) => x.identity);
    const none = { start: null, increment: null, minValue: null, maxValue: null, cache: null, cycle: false };
    expect(a).toEqual({ generation: 'always', ...none });
    expect(b).toEqual({ generation: 'by default', ...none });
    expect(c).toEqual({ generation: 'always', start: '10', increment: '5', minValue: '1', maxValue: '1000', cache: '2', cycle: true });
  });

  it('turns column-level constraints into unnamed table constraints', () => {
    const m = load(`
tables:
  companies:
    columns:
      id: { type: uuid, primary_key: true }
  api_keys:
    columns:
      id: { type: uuid, primary_key: true }
      company_id: { type: uuid, not_null: true, references: { table: companies, on_delete: cascade } }
      key_hash: { type: varchar(255), not_null: true, unique: true }
      code: { type: text, check: "length(code) > 2" }
`);
    const t = table(m, 'api_keys');
    expect(t.constraints).toEqual(
      expect.arrayContaining([
        { ...base, kind: 'primary_key', name: '', columns: ['id'] },
        { ...base, kind: 'unique', name: '', columns: ['key_hash'], nullsNotDistinct: false },
        { ...base, kind: 'check', name: '', expression: 'length(code) > 2', noInherit: false },
        {
          ...base,
          kind: 'foreign_key',
          name: '',
          columns: ['company_id'],
          references: { schema: 'public', table: 'companies', columns: [] },
          onDelete: 'cascade',
          onUpdate: 'no action',
          match: 'simple',
        },
      ]),
    );
    expect(t.constraints).toHaveLength(4);
  });

  it('reads every form of column references', () => {
    const m = load(`
schemas:
  billing:
tables:
  billing.accounts:
    columns:
      id: { type: bigint, primary_key: true }
      code: { type: text, unique: true }
  companies:
    columns:
      id: { type: bigint, primary_key: true }
      slug: { type: text, unique: true }
  refs:
    columns:
      a: { type: bigint, references: companies }
      b: { type: text, references: companies.slug }
      c: { type: text, references: billing.accounts.code }
      d:
        type: bigint
        references: { table: accounts, column: id, schema: billing, name: fk_d, on_delete: set_null, on_update: restrict, match: full, deferrable: true, initially_deferred: true, comment: ref d }
`);
    const fks = table(m, 'refs').constraints.filter((c) => c.kind === 'foreign_key');
    expect(fks.map((c) => [c.name, c.columns, c.references])).toEqual([
      ['', ['a'], { schema: 'public', table: 'companies', columns: [] }],
      ['', ['b'], { schema: 'public', table: 'companies', columns: ['slug'] }],
      ['', ['c'], { schema: 'billing', table: 'accounts', columns: ['code'] }],
      ['fk_d', ['d'], { schema: 'billing', table: 'accounts', columns: ['id'] }],
    ]);
    expect(constraint(table(m, 'refs'), 'foreign_key', 'fk_d')).toMatchObject({
      onDelete: 'set null',
      onUpdate: 'restrict',
      match: 'full',
      deferrable: true,
      initiallyDeferred: true,
      comment: 'ref d',
    });
  });

  it('defaults a foreign key to the referencing table schema', () => {
    const m = load(`
schemas:
  app:
tables:
  app.parents: { columns: { id: { type: int, primary_key: true } } }
  app.children: { columns: { parent_id: { type: int, references: parents } } }
`);
    const fk = table(m, 'children', 'app').constraints[0]!;
    expect(fk.kind === 'foreign_key' && fk.references).toEqual({ schema: 'app', table: 'parents', columns: [] });
  });

  it('reads table-level constraints in short and long forms', () => {
    const m = load(`
tables:
  other:
    columns:
      x: int
      y: int
    primary_key: { columns: [x, y], name: pk_other, deferrable: true, comment: key }
  t:
    columns:
      a: int
      b: int
      room: int
      during: tstzrange
    primary_key: [a, b]
    unique:
      uq_ab: [a, b]
      uq_b: { columns: [b], nulls_not_distinct: true, deferrable: true, initially_deferred: true, comment: uniq }
    foreign_keys:
      fk_other: { columns: [a, b], references: { table: other, columns: [x, y], schema: public }, on_delete: cascade, on_update: set_default, match: full, deferrable: true, initially_deferred: true, comment: fk }
      fk_short: { columns: [a, b], references: { table: other } }
    checks:
      positive: a > 0
      ordered: { expression: a < b, no_inherit: true, comment: order }
    exclusions:
      no_overlap: { using: gist, elements: "room WITH =, during WITH &&", where: "a > 0", comment: excl }
      no_overlap_text: "USING gist (room WITH =, during WITH &&)"
      no_overlap_def: { definition: "EXCLUDE USING gist (room WITH =) WHERE (b > 0)", deferrable: true }
      no_overlap_plain: { elements: "room WITH =" }
`);
    const other = table(m, 'other');
    expect(constraint(other, 'primary_key', 'pk_other')).toEqual({
      ...base,
      kind: 'primary_key',
      name: 'pk_other',
      columns: ['x', 'y'],
      deferrable: true,
      comment: 'key',
    });
    const t = table(m, 't');
    expect(constraint(t, 'primary_key', '')).toEqual({ ...base, kind: 'primary_key', name: '', columns: ['a', 'b'] });
    expect(constraint(t, 'unique', 'uq_ab')).toEqual({ ...base, kind: 'unique', name: 'uq_ab', columns: ['a', 'b'], nullsNotDistinct: false });
    expect(constraint(t, 'unique', 'uq_b')).toEqual({
      ...base,
      kind: 'unique',
      name: 'uq_b',
      columns: ['b'],
      nullsNotDistinct: true,
      deferrable: true,
      initiallyDeferred: true,
      comment: 'uniq',
    });
    expect(constraint(t, 'foreign_key', 'fk_other')).toEqual({
      ...base,
      kind: 'foreign_key',
      name: 'fk_other',
      columns: ['a', 'b'],
      references: { schema: 'public', table: 'other', columns: ['x', 'y'] },
      onDelete: 'cascade',
      onUpdate: 'set default',
      match: 'full',
      deferrable: true,
      initiallyDeferred: true,
      comment: 'fk',
    });
    expect(constraint(t, 'foreign_key', 'fk_short').references).toEqual({ schema: 'public', table: 'other', columns: [] });
    expect(constraint(t, 'check', 'positive')).toEqual({ ...base, kind: 'check', name: 'positive', expression: 'a > 0', noInherit: false });
    expect(constraint(t, 'check', 'ordered')).toEqual({
      ...base,
      kind: 'check',
      name: 'ordered',
      expression: 'a < b',
      noInherit: true,
      comment: 'order',
    });
    expect(constraint(t, 'exclusion', 'no_overlap')).toEqual({
      ...base,
      kind: 'exclusion',
      name: 'no_overlap',
      definition: 'EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (a > 0)',
      comment: 'excl',
    });
    expect(constraint(t, 'exclusion', 'no_overlap_text').definition).toBe('EXCLUDE USING gist (room WITH =, during WITH &&)');
    expect(constraint(t, 'exclusion', 'no_overlap_def')).toMatchObject({
      definition: 'EXCLUDE USING gist (room WITH =) WHERE (b > 0)',
      deferrable: true,
    });
    expect(constraint(t, 'exclusion', 'no_overlap_plain').definition).toBe('EXCLUDE (room WITH =)');
    // Sorted by name, unnamed first.
    expect(t.constraints.map((c) => c.name)).toEqual([
      '',
      'fk_other',
      'fk_short',
      'no_overlap',
      'no_overlap_def',
      'no_overlap_plain',
      'no_overlap_text',
      'ordered',
      'positive',
      'uq_ab',
      'uq_b',
    ]);
  });

  it('reads indexes: the short list form and every option', () => {
    const m = load(`
tables:
  api_keys:
    columns:
      expires_at: timestamptz
      created_at: timestamptz
      email: text
      a: int
      b: int
      c: int
      name: text
    indexes:
      idx_api_keys_expires_at: { columns: [expires_at], where: expires_at IS NOT NULL }
      idx_short: [email, created_at DESC]
      idx_x:
        columns:
          - "created_at DESC NULLS LAST"
          - "lower(email)"
          - { expression: "(a + b)", opclass: int4_ops, order: desc, nulls: last, collation: C }
          - { column: name, opclass: text_pattern_ops }
        unique: true
        using: gin
        include: [c]
        with: { fillfactor: 70, fastupdate: false }
        nulls_not_distinct: true
        comment: the index
`);
    const t = table(m, 'api_keys');
    const idx = (name: string) => t.indexes.find((i) => i.name === name)!;
    const col = (expression: string, extra: object = {}) => ({
      expression,
      isColumn: true,
      opclass: null,
      descending: false,
      nullsFirst: false,
      collation: null,
      ...extra,
    });
    expect(idx('idx_api_keys_expires_at')).toEqual({
      name: 'idx_api_keys_expires_at',
      unique: false,
      method: 'btree',
      keys: [col('expires_at')],
      include: [],
      where: 'expires_at IS NOT NULL',
      with: {},
      nullsNotDistinct: false,
      definition: '',
      valid: true,
      comment: null,
    });
    expect(idx('idx_short').keys).toEqual([col('email'), col('created_at', { descending: true, nullsFirst: true })]);
    expect(idx('idx_x')).toEqual({
      name: 'idx_x',
      unique: true,
      method: 'gin',
      keys: [
        col('created_at', { descending: true, nullsFirst: false }),
        { expression: 'lower(email)', isColumn: false, opclass: null, descending: false, nullsFirst: false, collation: null },
        { expression: '(a + b)', isColumn: false, opclass: 'int4_ops', descending: true, nullsFirst: false, collation: '"C"' },
        col('name', { opclass: 'text_pattern_ops' }),
      ],
      include: ['c'],
      where: null,
      with: { fillfactor: '70', fastupdate: 'false' },
      nullsNotDistinct: true,
      definition: '',
      valid: true,
      comment: 'the index',
    });
  });
});

describe('index keys written as text', () => {
  const key = (expression: string, isColumn: boolean, extra: object = {}) => ({
    expression,
    isColumn,
    opclass: null,
    descending: false,
    nullsFirst: false,
    collation: null,
    ...extra,
  });
  it.each([
    ['email', key('email', true)],
    ['  email  ', key('email', true)],
    ['createdAt', key('createdAt', true)],
    ['"Order Date"', key('Order Date', true)],
    ['email ASC', key('email', true)],
    ['email desc', key('email', true, { descending: true, nullsFirst: true })],
    ['email DESC NULLS LAST', key('email', true, { descending: true, nullsFirst: false })],
    ['email NULLS FIRST', key('email', true, { nullsFirst: true })],
    ['email text_pattern_ops', key('email', true, { opclass: 'text_pattern_ops' })],
    ['email public.gin_trgm_ops DESC', key('email', true, { opclass: 'public.gin_trgm_ops', descending: true, nullsFirst: true })],
    ['email COLLATE "C"', key('email', true, { collation: '"C"' })],
    ['email collate C text_pattern_ops', key('email', true, { collation: '"C"', opclass: 'text_pattern_ops' })],
    ['lower(email)', key('lower(email)', false)],
    ['lower(email) DESC NULLS LAST', key('lower(email)', false, { descending: true })],
    ['(a + b)', key('(a + b)', false)],
    ['a + b desc', key('a + b', false, { descending: true, nullsFirst: true })],
    ["(payload->>'kind')", key("(payload->>'kind')", false)],
  ])('%s', (text, expected) => {
    expect(parseIndexKeyString(text)).toEqual(expected);
  });
});

describe('files', () => {
  it('loads several files and documents in path order, recording where each object is', () => {
    const loaded = loadSchemaFiles([
      { path: 'b/tables.yaml', text: 'tables:\n  users:\n    columns:\n      id: { type: bigint, primary_key: true }\n      email: { type: text, unique: true }\n    indexes:\n      idx_email: [email]\n' },
      {
        path: 'a.yaml',
        text: 'schemas:\n  app: {}\n---\ntypes:\n  mood: [sad, happy]\n  # a comment\n  app.status: [on, off]\n',
      },
      { path: 'c.yml', text: '# nothing here yet\n' },
    ]);
    expect(loaded.files).toEqual(['a.yaml', 'b/tables.yaml', 'c.yml']);
    expect(loaded.model.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['app.status', 'public.mood']);
    const s = Object.fromEntries(loaded.sources);
    expect(s['schema:app']).toEqual({ file: 'a.yaml', line: 2, column: 3, path: 'schemas.app' });
    expect(s['enum:public.mood']).toEqual({ file: 'a.yaml', line: 5, column: 3, path: 'types.mood' });
    expect(s['enum:app.status']).toEqual({ file: 'a.yaml', line: 7, column: 3, path: 'types.app.status' });
    expect(s['table:public.users']).toEqual({ file: 'b/tables.yaml', line: 2, column: 3, path: 'tables.users' });
    expect(s['column:public.users.email']).toEqual({ file: 'b/tables.yaml', line: 5, column: 7, path: 'tables.users.columns.email' });
    expect(s['constraint:public.users.primary_key:id']).toEqual({
      file: 'b/tables.yaml',
      line: 4,
      column: 27,
      path: 'tables.users.columns.id.primary_key',
    });
    expect(s['constraint:public.users.unique:email']).toMatchObject({ line: 5, column: 28 });
    expect(s['index:public.users.idx_email']).toMatchObject({ line: 7, column: 7, path: 'tables.users.indexes.idx_email' });
  });

  it('supports anchors and merge keys for shared column sets, defined under an ignored x- key', () => {
    const m = load(`
x-audit-columns: &audit
  created_at: { type: timestamptz, not_null: true, default: now() }
  updated_at: timestamptz
tables:
  users:
    columns:
      id: bigint
      <<: *audit
  posts:
    columns:
      <<: *audit
      title: text
`);
    expect(table(m, 'users').columns.map((c) => c.name)).toEqual(['id', 'created_at', 'updated_at']);
    expect(table(m, 'posts').columns.map((c) => c.name)).toEqual(['created_at', 'updated_at', 'title']);
    expect(table(m, 'posts').columns[0]).toMatchObject({ type: 'timestamptz', notNull: true, default: 'now()' });
  });

  it('reads a directory recursively, sorted, skipping hidden entries and other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-yaml-'));
    try {
      mkdirSync(join(dir, 'sub'));
      mkdirSync(join(dir, '.hidden'));
      writeFileSync(join(dir, 'sub', 'users.yml'), 'tables:\n  users: { columns: { id: bigint } }\n');
      writeFileSync(join(dir, 'schemas.yaml'), 'schemas:\n  app:\n');
      writeFileSync(join(dir, '.hidden', 'x.yaml'), 'tables: [broken');
      writeFileSync(join(dir, 'README.md'), '# not a schema file');
      const loaded = loadSchemaDir(dir);
      expect(loaded.files).toEqual([join(dir, 'schemas.yaml'), join(dir, 'sub', 'users.yml')]);
      expect(loaded.model.tables.map((t) => t.name)).toEqual(['users']);
      expect(loaded.sources.get('table:public.users')?.file).toBe(join(dir, 'sub', 'users.yml'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON Schema', () => {
  it('compiles as draft-07 and describes every property for editor hovers', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(PGFORM_SCHEMA)).not.toThrow();
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const refDescribed = typeof v.$ref === 'string' && v.$ref !== '#/definitions/identifier' && v.$ref !== '#/definitions/sqlText';
        if (typeof v.description !== 'string' && !refDescribed && typeof v.enum === 'undefined' && v.type !== 'boolean') {
          missing.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${path}.${k}`);
    };
    walk(PGFORM_SCHEMA, '#');
    expect(missing).toEqual([]);
  });

  it('forbids unknown keys everywhere', () => {
    const loose: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      const types = Array.isArray(n.type) ? n.type : [n.type];
      if (types.includes('object') && n.additionalProperties === undefined) loose.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(PGFORM_SCHEMA, '#');
    expect(loose).toEqual([]);
  });
});
