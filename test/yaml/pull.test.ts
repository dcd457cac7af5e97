import { modelOf } from '../../src/model/database.ts';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/model/database.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Column } from '../../src/model/column.ts';
import type { Constraint } from '../../src/model/constraint.ts';
import type { Index, IndexKey } from '../../src/model/index.ts';
import type { Table } from '../../src/model/table.ts';
import { loadSchemaDir, loadSchemaFiles } from '../../src/yaml/load.ts';
import { modelToYamlFiles, writeYamlFiles } from '../../src/yaml/pull.ts';
import { triggerDefinition } from '../../src/yaml/kinds/triggers.ts';
import type { Routine } from '../../src/model/function.ts';
import type { Grant } from '../../src/model/grant.ts';

// Builders for canonical (introspected-looking) model objects: every field explicit.
const column = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  notNull: false,
  default: null,
  identity: null,
  generated: null,
  collation: null,
  comment: null,
  ...extra,
});
const cbase = { deferrable: false, initiallyDeferred: false, valid: true, comment: null };
const key = (expression: string, extra: Partial<IndexKey> = {}): IndexKey => ({
  expression,
  isColumn: true,
  opclass: null,
  descending: false,
  nullsFirst: false,
  collation: null,
  ...extra,
});
const index = (name: string, keys: IndexKey[], extra: Partial<Index> = {}): Index => ({
  name,
  unique: false,
  method: 'btree',
  keys,
  include: [],
  where: null,
  with: {},
  nullsNotDistinct: false,
  definition: `USING btree (${keys.map((k) => k.expression).join(', ')})`,
  valid: true,
  comment: null,
  ...extra,
});
const tableOf = (schema: string, name: string, columns: Column[], constraints: Constraint[] = [], indexes: Index[] = [], comment: string | null = null): Table => ({
  schema,
  name,
  columns,
  constraints,
  indexes,
  comment,
  rowSecurity: false,
  forceRowSecurity: false,
  owner: null,
});

const users = tableOf(
  'public',
  'users',
  [
    column('id', 'integer', { notNull: true, default: "nextval('users_id_seq'::regclass)" }),
    column('email', 'character varying(255)', { notNull: true }),
    column('created_at', 'timestamp with time zone', { notNull: true, default: 'now()' }),
    column('status', 'mood', { default: "'ok'::mood" }),
    column('name', 'text', { collation: '"C"', comment: 'display name' }),
    column('nick', 'text', { collation: 'ucs_basic' }),
    column('price', 'numeric(12,2)', { default: '0' }),
    column('qty', 'integer', { default: '1' }),
    column('total', 'numeric', { generated: '(price * (qty)::numeric)' }),
    column('active', 'boolean', { notNull: true, default: 'true' }),
    column('tags', 'text[]', { default: "'{}'::text[]" }),
    column('Order Date', 'date'),
    column('bio', 'text'),
  ],
  [
    { ...cbase, kind: 'primary_key', name: 'users_pkey', definition: 'PRIMARY KEY (id)', columns: ['id'] },
    { ...cbase, kind: 'unique', name: 'users_email_key', definition: 'UNIQUE (email)', columns: ['email'], nullsNotDistinct: false },
    {
      ...cbase,
      kind: 'unique',
      name: 'users_name_nick_key',
      definition: 'UNIQUE NULLS NOT DISTINCT (name, nick) DEFERRABLE INITIALLY DEFERRED',
      columns: ['name', 'nick'],
      nullsNotDistinct: true,
      deferrable: true,
      initiallyDeferred: true,
      comment: 'one per name',
    },
    { ...cbase, kind: 'check', name: 'users_email_check', definition: 'CHECK ((length((email)::text) > 3))', expression: '(length((email)::text) > 3)', noInherit: false },
    { ...cbase, kind: 'check', name: 'users_qty_check', definition: 'CHECK ((qty > 0)) NO INHERIT', expression: '(qty > 0)', noInherit: true, comment: 'at least one' },
  ],
  [
    index('idx_users_lower_email', [key('lower((email)::text)', { isColumn: false })], { unique: true }),
    index('idx_users_created', [key('created_at', { descending: true, nullsFirst: false }), key('id', { nullsFirst: true })]),
    index('idx_users_name_pattern', [key('name', { opclass: 'text_pattern_ops' }), key('nick', { collation: '"C"', descending: true, nullsFirst: true })]),
    index('idx_users_order_date', [key('Order Date')]),
    index('idx_users_expr_desc', [key('(price * (qty)::numeric)', { isColumn: false, descending: true, nullsFirst: false, collation: '"C"' })]),
    index('idx_users_tags', [key('tags')], { method: 'gin', with: { fastupdate: 'off' }, comment: 'tag search' }),
    index('idx_users_active_email', [key('email')], {
      include: ['name'],
      where: '(active AND (bio IS NOT NULL))',
      with: { fillfactor: '70' },
      unique: true,
      nullsNotDistinct: true,
    }),
  ],
  'people who sign in',
);

const orders = tableOf(
  'app',
  'orders',
  [
    column('id', 'bigint', {
      notNull: true,
      identity: { generation: 'always', start: '10', increment: '5', minValue: '1', maxValue: '9223372036854775807', cache: '1', cycle: false },
    }),
    column('user_id', 'integer', { notNull: true }),
    column('user_email', 'character varying(255)'),
    column('room', 'integer'),
    column('during', 'tstzrange'),
    column('active', 'boolean'),
    column('n', 'smallint', {
      notNull: true,
      identity: { generation: 'by default', start: '1', increment: '1', minValue: '1', maxValue: '32767', cache: '1', cycle: true },
    }),
  ],
  [
    { ...cbase, kind: 'primary_key', name: 'orders_pkey', definition: 'PRIMARY KEY (id)', columns: ['id'] },
    {
      ...cbase,
      kind: 'foreign_key',
      name: 'orders_user_id_fkey',
      definition: 'FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
      columns: ['user_id'],
      references: { schema: 'public', table: 'users', columns: ['id'] },
      onDelete: 'cascade',
      onUpdate: 'no action',
      match: 'simple',
    },
    {
      ...cbase,
      kind: 'foreign_key',
      name: 'orders_user_email_fkey',
      definition: 'FOREIGN KEY (user_email) REFERENCES users(email) MATCH FULL ON UPDATE SET NULL DEFERRABLE',
      columns: ['user_email'],
      references: { schema: 'public', table: 'users', columns: ['email'] },
      onDelete: 'set default',
      onUpdate: 'set null',
      match: 'full',
      deferrable: true,
      comment: 'by email',
    },
    {
      ...cbase,
      kind: 'exclusion',
      name: 'orders_room_during_excl',
      definition: 'EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (active)',
    },
    {
      ...cbase,
      kind: 'exclusion',
      name: 'orders_room_excl',
      definition: 'EXCLUDE USING gist (room WITH =)',
      deferrable: true,
      initiallyDeferred: true,
      comment: 'one per room',
    },
  ],
  [],
);

const self = tableOf(
  'app',
  'nodes',
  [column('id', 'integer', { notNull: true }), column('parent_id', 'integer')],
  [
    { ...cbase, kind: 'primary_key', name: 'nodes_pkey', definition: 'PRIMARY KEY (id)', columns: ['id'] },
    {
      ...cbase,
      kind: 'foreign_key',
      name: 'nodes_parent_id_fkey',
      definition: 'FOREIGN KEY (parent_id) REFERENCES app.nodes(id)',
      columns: ['parent_id'],
      references: { schema: 'app', table: 'nodes', columns: ['id'] },
      onDelete: 'no action',
      onUpdate: 'restrict',
      match: 'simple',
    },
  ],
);

const odd = tableOf('my.schema', 'a.b', [column('x', 'integer')], [], [], null);
const dotted = tableOf('public', 'v1.items', [column('x', 'integer')]);

const MODEL: DatabaseModel = modelOf({
  schemas: [
    { name: 'public', comment: 'standard public schema' },
    { name: 'app', comment: 'Application data' },
    { name: 'my.schema', comment: null },
  ],
  extensions: [
    { name: 'pgcrypto', schema: 'public', version: '1.3', comment: 'cryptographic functions' },
    { name: 'btree_gist', schema: 'public', version: '1.7', comment: null },
  ],
  enums: [
    { schema: 'public', name: 'mood', labels: ['sad', 'ok', 'happy'], comment: null },
    { schema: 'app', name: 'status', labels: ['active', 'inactive', 'yes'], comment: 'order status' },
    { schema: 'my.schema', name: 'kind', labels: ['a'], comment: null },
  ],
  sequences: [
    {
      schema: 'public',
      name: 'users_id_seq',
      dataType: 'integer',
      start: '1',
      increment: '1',
      minValue: '1',
      maxValue: '2147483647',
      cache: '1',
      cycle: false,
      ownedBy: { schema: 'public', table: 'users', column: 'id' },
      comment: null,
    },
    {
      schema: 'public',
      name: 'order_no',
      dataType: 'bigint',
      start: '1000',
      increment: '1',
      minValue: '1',
      maxValue: '999999',
      cache: '20',
      cycle: true,
      ownedBy: null,
      comment: 'order numbers',
    },
    {
      schema: 'app',
      name: 'countdown',
      dataType: 'bigint',
      start: '-1',
      increment: '-1',
      minValue: '-9223372036854775808',
      maxValue: '-1',
      cache: '1',
      cycle: false,
      ownedBy: null,
      comment: null,
    },
    {
      schema: 'app',
      name: 'huge',
      dataType: 'bigint',
      start: '9007199254740993',
      increment: '1',
      minValue: '9007199254740993',
      maxValue: '9223372036854775806',
      cache: '1',
      cycle: false,
      ownedBy: null,
      comment: null,
    },
  ],
  tables: [users, orders, self, odd, dotted],
});

/** What loading the pulled files must give back: the model, less what only PostgreSQL computes. */
function expectedAfterLoad(m: DatabaseModel): DatabaseModel {
  return canonicalize({
    ...m,
    tables: m.tables.map((t) => ({
      ...t,
      constraints: t.constraints.map((c) => (c.kind === 'exclusion' ? c : { ...c, definition: '' })),
      indexes: t.indexes.map((i) => ({ ...i, definition: '' })),
    })),
  });
}

function roundTrip(m: DatabaseModel): DatabaseModel {
  const files = modelToYamlFiles(m);
  return loadSchemaFiles([...files].map(([path, text]) => ({ path, text }))).model;
}

describe('modelToYamlFiles', () => {
  it('loads back to the same model', () => {
    expect(roundTrip(MODEL)).toEqual(expectedAfterLoad(MODEL));
  });

  it('round-trips small models of each kind on their own', () => {
    const models: DatabaseModel[] = [
      modelOf({ schemas: [], extensions: [], enums: [], sequences: [], tables: [] }),
      { ...MODEL, tables: [], sequences: [] },
      modelOf({ schemas: [], extensions: [], enums: [], sequences: MODEL.sequences.filter((s) => s.ownedBy === null && s.schema === 'public'), tables: [] }),
      modelOf({ schemas: [{ name: 'app', comment: null }], extensions: [], enums: [], sequences: [], tables: [self] }),
      modelOf({ schemas: [], extensions: [], enums: [{ schema: 'public', name: 'mood', labels: ['a'], comment: null }], sequences: [], tables: [] }),
    ];
    for (const m of models) expect(roundTrip(m)).toEqual(expectedAfterLoad(m));
  });

  it('writes schemas.yaml and one file per schema', () => {
    expect([...modelToYamlFiles(MODEL).keys()]).toEqual(['schemas.yaml', 'app.yaml', 'my.schema.yaml', 'public.yaml']);
    expect([...modelToYamlFiles({ ...MODEL, schemas: [], extensions: [] }).keys()]).toEqual(['app.yaml', 'my.schema.yaml', 'public.yaml']);
    const clash = modelToYamlFiles({ ...MODEL, schemas: [{ name: 'schemas', comment: null }], tables: [tableOf('schemas', 't', [column('a', 'int')])] });
    expect(clash.has('schemas_2.yaml')).toBe(true);
  });

  it('is deterministic whatever the order of the lists', () => {
    const shuffled: DatabaseModel = modelOf({
      schemas: [...MODEL.schemas].reverse(),
      extensions: [...MODEL.extensions].reverse(),
      enums: [...MODEL.enums].reverse(),
      sequences: [...MODEL.sequences].reverse(),
      tables: [...MODEL.tables].reverse().map((t) => ({ ...t, constraints: [...t.constraints].reverse(), indexes: [...t.indexes].reverse() })),
    });

    expect(modelToYamlFiles(shuffled)).toEqual(modelToYamlFiles(MODEL));
  });

  it('writes short forms where they are lossless', () => {
    // As loaded or read, a type holds its default USAGE for PUBLIC.
    const usage = (schema: string, name: string) => ({ objectKind: 'type' as const, schema, name, arguments: null, column: null, grantee: 'PUBLIC', privilege: 'USAGE', withGrantOption: false });
    const withTypeUsage: DatabaseModel = { ...MODEL, grants: [...MODEL.grants, ...MODEL.enums.map((e) => usage(e.schema, e.name))] };
    const publicYaml = modelToYamlFiles(withTypeUsage).get('public.yaml')!;
    const lines = publicYaml.split('\n');
    // A column with nothing but a type is just its type.
    expect(lines).toContain('      bio: text');
    expect(lines).toContain('      Order Date: date');
    // A serial column: its default and an explicit sequence owned by it.
    expect(lines).toContain(`      id: { type: integer, not_null: true, default: nextval('users_id_seq'::regclass) }`);
    expect(lines).toContain('  users_id_seq: { type: integer, owned_by: users.id }');
    expect(lines).toContain('  order_no: { start: 1000, max: 999999, cache: 20, cycle: true, comment: order numbers }');
    // Its privileges the default (USAGE to PUBLIC): the short form; without them, `grants: []`.
    expect(lines).toContain('  mood: [ sad, ok, happy ]');
    const revoked = modelToYamlFiles({ ...withTypeUsage, grants: withTypeUsage.grants.filter((g) => g.name !== 'mood') }).get('public.yaml')!;
    expect(revoked).toContain('  mood: { values: [ sad, ok, happy ], grants: [] }');
    // Names are always explicit; plain keys as text, keys with an opclass or collation structured.
    expect(lines).toContain('    primary_key: { name: users_pkey, columns: [ id ] }');
    expect(lines).toContain('      users_email_key: [ email ]');
    expect(lines).toContain('      idx_users_created: [ created_at DESC NULLS LAST, id NULLS FIRST ]');
    expect(lines).toContain('      idx_users_lower_email: { columns: [ lower((email)::text) ], unique: true }');
    expect(lines).toContain('        - { column: name, opclass: text_pattern_ops }');
    expect(lines).toContain('        - { column: nick, order: desc, collation: C }');
    expect(lines).toContain('        - { column: Order Date }');
    expect(lines).toContain('        - { expression: (price * (qty)::numeric), order: desc, nulls: last, collation: C }');
    expect(lines).toContain('      name: { type: text, collation: C, comment: display name }');

    const appYaml = modelToYamlFiles(MODEL).get('app.yaml')!.split('\n');
    expect(appYaml).toContain('        identity: { generation: always, start: 10, increment: 5, min: 1, max: 9223372036854775807, cache: 1 }');
    expect(appYaml).toContain('      orders_room_during_excl: USING gist (room WITH =, during WITH &&) WHERE (active)');
    // A foreign key names its referenced columns; the schema only when it is another one.
    expect(appYaml.join('\n')).toContain(
      ['      orders_user_id_fkey:', '        columns: [ user_id ]', '        references: { table: users, columns: [ id ], schema: public }', '        on_delete: cascade'].join('\n'),
    );
    expect(appYaml).toContain('        references: { table: nodes, columns: [ id ] }');
    // Sequence options only where they differ from the defaults the loader fills in.
    expect(appYaml).toContain('  app.huge: { min: 9007199254740993, max: 9223372036854775806 }');
    expect(appYaml).toContain('  app.countdown: { increment: -1 }');
  });

  it('writes unnamed constraints of a loaded model on their columns', () => {
    const loaded = loadSchemaFiles([
      {
        path: 's.yaml',
        text: `
tables:
  parents: { columns: { id: { type: int, primary_key: true } } }
  children:
    columns:
      id: { type: int, primary_key: true }
      parent_id: { type: int, references: { table: parents, on_delete: cascade } }
      code: { type: text, unique: true, check: "length(code) > 1" }
`,
      },
    ]).model;
    const text = modelToYamlFiles(loaded).get('public.yaml')!;
    expect(text).toContain('parent_id: { type: int, references: { table: parents, on_delete: cascade } }');
    expect(text).toContain('code: { type: text, unique: true, check: length(code) > 1 }');
    const again = roundTrip(loaded);
    const sorted = (m: DatabaseModel) => m.tables.map((t) => [...t.constraints].map((c) => JSON.stringify(c)).sort());
    expect(sorted(again)).toEqual(sorted(loaded));
  });
});

describe('writeYamlFiles', () => {
  it('writes files that the directory loader reads back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-pull-'));
    try {
      const out = join(dir, 'schema');
      writeYamlFiles(modelToYamlFiles(MODEL), out);
      expect(readdirSync(out).sort()).toEqual(['app.yaml', 'my.schema.yaml', 'public.yaml', 'schemas.yaml']);
      expect(loadSchemaDir(out).model).toEqual(expectedAfterLoad(MODEL));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue 3 objects, as introspection gives them.
const fn = (name: string, extra: Partial<Routine> = {}): Routine => ({
  schema: 'app', name, kind: 'function', identityArguments: '', arguments: [], returns: 'integer', language: 'sql',
  body: 'SELECT 1', sqlBody: false, volatility: 'volatile', strict: false, securityDefiner: false, leakproof: false,
  parallel: 'unsafe', cost: '100', rows: '0', config: [], comment: null, owner: null, dependsOn: [], ...extra,
});
const grant = (objectKind: Grant['objectKind'], name: string | null, grantee: string, privilege: string, extra: Partial<Grant> = {}): Grant => ({
  objectKind, schema: 'app', name, arguments: null, column: null, grantee, privilege, withGrantOption: false, ...extra,
});
const docs: Table = {
  ...tableOf('app', 'docs', [column('id', 'integer', { notNull: true }), column('org_id', 'integer'), column('title', 'text')]),
  rowSecurity: true, forceRowSecurity: true, owner: 'app_owner',
};
const notes: Table = { ...tableOf('app', 'notes', [column('id', 'integer')]), rowSecurity: true };
const triggerBase = { schema: 'app', table: 'docs', updateColumns: [], when: null, arguments: [], constraint: null, oldTable: null, newTable: null, enabled: 'origin', comment: null, dependsOn: ['table:app.docs'] } as const;
const SECURITY: DatabaseModel = modelOf({
  schemas: [{ name: 'app', comment: null, owner: 'app_owner' }],
  enums: [{ schema: 'app', name: 'state', labels: ['a'], comment: null, owner: 'app_owner' }],
  sequences: [{ ...MODEL.sequences[2]!, owner: 'app_owner' }],
  tables: [docs, notes],
  roles: [
    { name: 'app_owner', login: false, superuser: false, createdb: false, createrole: false, inherit: true, replication: false, bypassRls: false, connectionLimit: -1, memberOf: [], comment: null },
    { name: 'app_user', login: true, superuser: false, createdb: true, createrole: false, inherit: false, replication: false, bypassRls: true, connectionLimit: 3, memberOf: ['app_owner'], comment: 'app' },
  ],
  views: [
    { schema: 'app', name: 'open_docs', columns: [{ name: 'id', type: 'integer', comment: 'the id' }], definition: 'SELECT docs.id\n   FROM app.docs', securityBarrier: true, securityInvoker: true, checkOption: 'cascaded', comment: 'open ones', owner: 'app_owner', dependsOn: ['column:app.docs.id'] },
  ],
  materializedViews: [
    { schema: 'app', name: 'counts', columns: [{ name: 'n', type: 'bigint', comment: null }], definition: 'SELECT count(*) AS n\n   FROM app.docs', indexes: [index('counts_n', [key('n')])], comment: null, owner: null, dependsOn: ['table:app.docs'] },
  ],
  routines: [
    fn('current_org', { volatility: 'stable', parallel: 'safe', config: ['search_path=app, pg_temp'], owner: 'app_owner', strict: true, leakproof: true, securityDefiner: true, cost: '5' }),
    fn('area', { identityArguments: 'w integer, h integer', arguments: [{ name: 'w', type: 'integer', mode: 'in', default: null }, { name: 'h', type: 'integer', mode: 'in', default: '1' }], body: 'RETURN (w * h)', sqlBody: true }),
    fn('area', { identityArguments: 'numeric, VARIADIC numeric[]', arguments: [{ name: null, type: 'numeric', mode: 'in', default: null }, { name: null, type: 'numeric[]', mode: 'variadic', default: null }], returns: 'numeric', language: 'plpgsql', body: '\nBEGIN\n  RETURN 1;\nEND\n' }),
    fn('list', { identityArguments: 'n integer', arguments: [{ name: 'n', type: 'integer', mode: 'in', default: null }, { name: 'id', type: 'integer', mode: 'table', default: null }], returns: 'TABLE(id integer)', rows: '10' }),
    fn('touch', { returns: 'trigger', language: 'plpgsql', body: 'BEGIN RETURN NEW; END' }),
    fn('archive', { kind: 'procedure', identityArguments: 'IN d date, OUT n integer', arguments: [{ name: 'd', type: 'date', mode: 'in', default: null }, { name: 'n', type: 'integer', mode: 'out', default: null }], returns: null, language: 'plpgsql', body: 'BEGIN n := 0; END' }),
  ],
  triggers: [
    { ...triggerBase, name: 'history', timing: 'after', events: ['insert', 'update'], updateColumns: ['title'], forEachRow: true, when: '(old.title IS DISTINCT FROM new.title)', function: { schema: 'app', name: 'touch' }, arguments: ['x'], definition: 'whatever PostgreSQL prints' },
    { ...triggerBase, name: 'deferred', timing: 'after', events: ['delete'], forEachRow: true, function: { schema: 'public', name: 'audit' }, constraint: { deferrable: true, initiallyDeferred: false }, enabled: 'disabled', comment: 'later', definition: '' },
    { ...triggerBase, name: 'bulk', timing: 'after', events: ['update'], forEachRow: false, function: { schema: 'app', name: 'touch' }, oldTable: 'o', newTable: 'n', enabled: 'always', definition: '' },
  ],
  policies: [
    { schema: 'app', table: 'docs', name: 'same_org', permissive: true, command: 'all', roles: ['PUBLIC'], using: '(org_id = app.current_org())', withCheck: null, comment: null, dependsOn: [] },
    { schema: 'app', table: 'docs', name: 'readers', permissive: false, command: 'select', roles: ['app_owner', 'app_user'], using: 'true', withCheck: null, comment: 'only readers', dependsOn: [] },
    { schema: 'app', table: 'docs', name: 'writers', permissive: true, command: 'insert', roles: ['app_user'], using: null, withCheck: '(org_id > 0)', comment: null, dependsOn: [] },
  ],
  grants: [
    grant('schema', null, 'app_user', 'USAGE'),
    grant('schema', null, 'app_owner', 'CREATE', { withGrantOption: true }),
    grant('schema', null, 'app_owner', 'USAGE', { withGrantOption: true }),
    grant('table', 'docs', 'app_user', 'SELECT'),
    grant('table', 'docs', 'app_user', 'DELETE'),
    grant('table', 'docs', 'PUBLIC', 'SELECT'),
    grant('table', 'docs', 'app_owner', 'INSERT', { withGrantOption: true }),
    grant('column', 'docs', 'app_user', 'UPDATE', { column: 'title' }),
    grant('column', 'docs', 'app_user', 'UPDATE', { column: 'org_id' }),
    grant('column', 'docs', 'app_user', 'INSERT', { column: 'title' }),
    grant('table', 'open_docs', 'app_user', 'SELECT'),
    grant('table', 'counts', 'app_user', 'SELECT'),
    grant('sequence', 'countdown', 'app_user', 'USAGE'),
    grant('function', 'current_org', 'app_user', 'EXECUTE', { arguments: '' }),
    grant('function', 'area', 'PUBLIC', 'EXECUTE', { arguments: 'w integer, h integer' }),
    grant('function', 'list', 'PUBLIC', 'EXECUTE', { arguments: 'n integer' }),
    grant('function', 'touch', 'PUBLIC', 'EXECUTE', { arguments: '' }),
    grant('function', 'archive', 'PUBLIC', 'EXECUTE', { arguments: 'IN d date, OUT n integer' }),
    // area(numeric, VARIADIC numeric[]) has no grants at all: written as `grants: []`.
  ],
  defaultPrivileges: [
    { role: 'app_owner', schema: 'app', objectKind: 'tables', grantee: 'app_user', privilege: 'SELECT', withGrantOption: false },
    { role: 'app_owner', schema: 'app', objectKind: 'tables', grantee: 'app_user', privilege: 'INSERT', withGrantOption: false },
    { role: 'app_owner', schema: null, objectKind: 'functions', grantee: 'PUBLIC', privilege: 'EXECUTE', withGrantOption: false, revoked: true },
    { role: 'app_user', schema: null, objectKind: 'types', grantee: 'app_owner', privilege: 'USAGE', withGrantOption: false },
  ],
  dropRoles: ['legacy'],
});

function columnCommentsOf(columns: readonly { name: string; comment: string | null }[]): { columnComments?: Record<string, string> } {
  const commented = columns.filter((c) => c.comment !== null);
  return commented.length > 0 ? { columnComments: Object.fromEntries(commented.map((c) => [c.name, c.comment!])) } : {};
}

/** Loading gives back the security model less what only PostgreSQL computes (view columns, dependencies, definitions). */
function expectedSecurityAfterLoad(m: DatabaseModel): DatabaseModel {
  const e = expectedAfterLoad(m);
  return canonicalize({
    ...e,
    // Column comments of columns not listed are kept by name.
    views: e.views.map((v) => ({ ...v, columns: [], ...columnCommentsOf(v.columns), dependsOn: [] })),
    materializedViews: e.materializedViews.map((v) => ({ ...v, columns: [], ...columnCommentsOf(v.columns), dependsOn: [], indexes: v.indexes.map((i) => ({ ...i, definition: '' })) })),
    routines: e.routines.map((r) => ({ ...r, arguments: r.arguments.filter((a) => a.mode !== 'table'), dependsOn: [] })),
    triggers: e.triggers.map((t) => ({ ...t, definition: triggerDefinition(t), dependsOn: [] })),
  });
}

describe('modelToYamlFiles with roles, views, routines, triggers, policies and grants', () => {
  it('loads back to the same model', () => {
    expect(roundTrip(SECURITY)).toEqual(expectedSecurityAfterLoad(SECURITY));
    expect(roundTrip({ ...SECURITY, schemas: [...SECURITY.schemas, ...MODEL.schemas.filter((s) => s.name !== 'app')], tables: [...SECURITY.tables, ...MODEL.tables], sequences: MODEL.sequences, enums: [...SECURITY.enums, ...MODEL.enums], extensions: MODEL.extensions }))
      .toEqual(expectedSecurityAfterLoad({ ...SECURITY, schemas: [...SECURITY.schemas, ...MODEL.schemas.filter((s) => s.name !== 'app')], tables: [...SECURITY.tables, ...MODEL.tables], sequences: MODEL.sequences, enums: [...SECURITY.enums, ...MODEL.enums], extensions: MODEL.extensions }));
  });

  it('round-trips a loaded model too', () => {
    const loaded = loadSchemaFiles([{ path: 'a.yaml', text: 'views:\n  v: { columns: [a, b], recursive: true, query: SELECT 1, column_comments: { b: bee } }\nmaterialized_views:\n  m: { query: SELECT 1 AS x, with_no_data: true, column_comments: { x: ex } }\n' }]).model;
    expect(loaded.views[0]!.columns).toEqual([{ name: 'a', type: '', comment: null }, { name: 'b', type: '', comment: 'bee' }]);
    expect(loaded.materializedViews[0]!.columnComments).toEqual({ x: 'ex' });
    expect(roundTrip(loaded)).toEqual(loaded);
  });

  it('writes only what differs from the defaults', () => {
    const files = modelToYamlFiles(SECURITY);
    expect([...files.keys()]).toEqual(['schemas.yaml', 'roles.yaml', 'app.yaml']);
    const roles = files.get('roles.yaml')!.split('\n');
    expect(roles).toContain('  app_owner: {}');
    expect(roles.join('\n')).toContain('  app_user:\n    login: true\n    createdb: true\n    inherit: false\n    bypass_rls: true\n    connection_limit: 3\n    member_of: [ app_owner ]\n    comment: app\n');
    expect(roles).toContain('drop_roles: [ legacy ]');
    expect(roles).toContain('    - { in_schema: app, on: tables, to: [ app_user ], privileges: [ INSERT, SELECT ] }');
    // A withdrawn built-in default privilege.
    expect(roles).toContain('    - { on: functions, revoked_from: [ PUBLIC ], privileges: [ EXECUTE ] }');
    const app = files.get('app.yaml')!;
    const lines = app.split('\n');
    expect(lines).toContain('    row_level_security: { enabled: true, forced: true }');
    expect(lines).toContain('    row_level_security: true');
    expect(app).toContain('      readers:\n        as: restrictive\n        for: select\n        to: [ app_owner, app_user ]\n        using: "true"\n');
    expect(lines).toContain('      same_org: { using: (org_id = app.current_org()) }');
    expect(lines).toContain('      - { to: [ app_user ], privileges: [ INSERT ], columns: [ title ] }');
    expect(lines).toContain('      - { to: [ app_user ], privileges: [ UPDATE ], columns: [ org_id, title ] }');
    expect(lines).toContain('      - { to: [ PUBLIC ], privileges: [ SELECT ] }');
    expect(lines).toContain('      - { to: [ app_user ], privileges: [ SELECT, DELETE ] }');
    expect(lines).toContain('        function: public.audit');
    expect(lines).toContain('        function: touch');
    expect(lines).toContain('        enabled: false');
    // Functions keep PostgreSQL's default EXECUTE to PUBLIC implicitly; none at all is `grants: []`.
    expect(app).toContain('      grants: []');
    expect(app).toContain('    - arguments: { w: integer, h: { type: integer, default: 1 } }\n      returns: integer\n      body: RETURN (w * h)');
    expect(app).toContain('    - arguments:\n        - numeric\n        - { type: "numeric[]", mode: variadic }');
    expect(app).not.toContain('body: |-\n      SELECT docs.id');
    expect(app).toContain('    query: |-\n      SELECT docs.id\n         FROM app.docs');
    expect(app).toContain('    set: { search_path: "app, pg_temp" }');
    expect(app).toContain('    column_comments: { id: the id }');
  });
});
