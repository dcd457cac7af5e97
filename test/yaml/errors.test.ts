import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSchemaDir, loadSchemaFiles } from '../../src/yaml/load.ts';
import { YamlError } from '../../src/yaml/problems.ts';
import { UserError } from '../../src/errors.ts';

const BROKEN = fileURLToPath(new URL('./fixtures/broken', import.meta.url));

function problemsOf(load: () => unknown): YamlError {
  try {
    load();
  } catch (e) {
    if (e instanceof YamlError) return e;
    throw e;
  }
  throw new Error('expected a YamlError');
}

/**
 * Every broken fixture with the exact problems it must produce: `file:line:column: path: message`,
 * positions 1-based, at the offending key (or at the value for a wrong value), all of them at once.
 */
const EXPECTED: Record<string, readonly string[]> = {
  'bad-values.yaml': [
    'bad-values.yaml:4:34: tables.orders.columns.id.identity: must be one of: always, by_default (did you mean `always`?)',
    'bad-values.yaml:7:52: tables.orders.columns.customer_id.references.on_delete: must be one of: no_action, restrict, cascade, set_null, set_default (did you mean `cascade`?)',
    'bad-values.yaml:8:66: tables.orders.columns.note.references.on_update: must be one of: no_action, restrict, cascade, set_null, set_default (did you mean `set_null`?)',
    'bad-values.yaml:10:68: tables.orders.indexes.idx_orders_customer.order: unknown key `order`; expected one of: columns, unique, using, include, where, with, nulls_not_distinct, transaction_per_chunk, comment',
  ],
  'collisions.yaml': [
    'collisions.yaml:6:3: tables.orders: table `public.orders` clashes with sequence `public.orders` at collisions.yaml:4:3: tables, views, materialized views, sequences, indexes and primary key/unique/exclusion constraints share one namespace per schema',
    'collisions.yaml:6:3: tables.orders: table `public.orders` clashes with type `public.orders` at collisions.yaml:2:3: types and relations share one namespace per schema (each table or view has a row type)',
    'collisions.yaml:14:7: tables.orders.foreign_keys.orders_code_check: constraint name `orders_code_check` is already used in table `public.orders` at collisions.yaml:12:7',
    'collisions.yaml:16:7: tables.orders.indexes.orders_code: index `orders_code` of table `public.orders` clashes with constraint `orders_code` of table `public.orders` at collisions.yaml:10:20: tables, views, materialized views, sequences, indexes and primary key/unique/exclusion constraints share one namespace per schema',
    'collisions.yaml:23:7: tables.items.indexes.uq_code: index `uq_code` of table `public.items` clashes with constraint `uq_code` of table `public.items` at collisions.yaml:21:7: tables, views, materialized views, sequences, indexes and primary key/unique/exclusion constraints share one namespace per schema',
  ],
  'dangling.yaml': [
    'dangling.yaml:2:25: sequences.order_no.owned_by: table `public.orders` has no column `number`',
    'dangling.yaml:7:48: tables.orders.columns.customer_id.references: table `public.customers` is not declared',
    'dangling.yaml:8:47: tables.orders.columns.product_id.references: table `public.products` has no column `sku`',
    'dangling.yaml:9:23: tables.orders.primary_key[1]: table `public.orders` has no column `order_id`',
    'dangling.yaml:11:41: tables.orders.unique.uq_orders_customer[1]: column `customer_id` is listed twice',
    'dangling.yaml:13:7: tables.orders.foreign_keys.fk_orders_product: 1 column(s) reference 2 column(s) of `public.products`',
    'dangling.yaml:13:96: tables.orders.foreign_keys.fk_orders_product.references.columns[1]: table `public.products` has no column `sku`',
    'dangling.yaml:15:28: tables.orders.indexes.idx_orders_created[0]: table `public.orders` has no column `created_at`',
    'dangling.yaml:16:61: tables.orders.indexes.idx_orders_cover.include[0]: table `public.orders` has no column `total`',
  ],
  'duplicate-key.yaml': [
    'duplicate-key.yaml:6:7: tables.users.columns: Map keys must be unique: `id` is already a key at line 4, column 7',
  ],
  'flow-comma.yaml': [
    'flow-comma.yaml:4:33: tables.invoices.columns.total.2): unknown key `2)` (a comma inside `{ ... }` separates entries: quote values that contain commas, e.g. "numeric(12,2)")',
  ],
  'long-names.yaml': [
    'long-names.yaml:2:3: tables.a_table_name_that_goes_on_and_on_well_past_what_postgres_allows_x: `a_table_name_that_goes_on_and_on_well_past_what_postgres_allows_x` is 65 bytes long; PostgreSQL identifiers are at most 63 bytes (longer ones are truncated)',
    'long-names.yaml:7:7: tables.short.columns.ünïcödé_column_name_that_is_short_in_characters_but_long_in_bytes: `ünïcödé_column_name_that_is_short_in_characters_but_long_in_bytes` is 69 bytes long; PostgreSQL identifiers are at most 63 bytes (longer ones are truncated)',
  ],
  'malformed-parts.yaml': [
    'malformed-parts.yaml:2:14: extensions.pg_trgm.schema: schema `extensions` is not declared (add `extensions:` under `schemas:`)',
    'malformed-parts.yaml:4:22: types.mood[2]: label `sad` is listed twice',
    'malformed-parts.yaml:6:20: sequences.seq.owned_by: must be `table.column` or `schema.table.column`',
    'malformed-parts.yaml:9:19: tables.events.renamed_from: is the table\'s own name',
    'malformed-parts.yaml:11:27: tables.events.columns.id.identity: a column cannot have both `identity` and `default`',
    'malformed-parts.yaml:12:27: tables.events.columns.total.generated: a generated column cannot also have `default` or `identity`',
    'malformed-parts.yaml:13:43: tables.events.columns.parent.references: must be `table`, `table.column` or `schema.table.column`',
    'malformed-parts.yaml:16:7: tables.events.exclusions.no_double: an exclusion constraint needs exactly one of `elements` and `definition`',
    'malformed-parts.yaml:17:7: tables.events.exclusions.no_where: `definition` is the whole constraint: put `using` and `where` into it, or use `elements`',
    'malformed-parts.yaml:19:25: tables.events.indexes.idx_events_both[0]: an index key needs exactly one of `column` and `expression`',
    'malformed-parts.yaml:20:25: tables.events.indexes.idx_events_none[0]: an index key needs exactly one of `column` and `expression`',
  ],
  'missing-keys.yaml': [
    'missing-keys.yaml:4:7: tables.orders.columns.id: missing required key `type`',
    'missing-keys.yaml:7:7: tables.orders.foreign_keys.fk_orders_customer: missing required key `references`',
    'missing-keys.yaml:9:7: tables.orders.indexes.idx_orders_customer: missing required key `columns`',
  ],
  'not-a-mapping.yaml': [
    'not-a-mapping.yaml:1:1: must be a mapping',
  ],
  'renames.yaml': [
    'renames.yaml:3:19: tables.customers.renamed_from: table `public.clients` is still declared at renames.yaml:8:3; a renamed table\'s old name cannot be declared too',
    'renames.yaml:6:46: tables.customers.columns.full_name.renamed_from: column `name` is still declared in this table; a renamed column\'s old name cannot be declared too',
  ],
  'security-meaning.yaml': [
    'security-meaning.yaml:5:48: tables.docs.grants[0].privileges[1]: privilege `EXECUTE` cannot be granted on table `public.docs`; expected ALL or one of: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN',
    'security-meaning.yaml:6:65: tables.docs.grants[1].columns[1]: table `public.docs` has no column `body`',
    'security-meaning.yaml:8:32: tables.docs.policies.p_insert.using: an INSERT policy has only `with_check` (rows being inserted are not read)',
    'security-meaning.yaml:10:70: tables.docs.triggers.history.update_of[1]: table `public.docs` has no column `status`',
    'security-meaning.yaml:11:50: tables.docs.triggers.early.update_of: `update_of` needs `update` among the events',
    'security-meaning.yaml:19:7: functions.app.area[1]: function `app.area` with these argument types is already declared at security-meaning.yaml:18:7 (overloads must differ in their input argument types)',
    'security-meaning.yaml:21:55: sequences.seq.grants[0].privileges[1]: privilege `insert` cannot be granted on sequence `public.seq`; expected ALL or one of: USAGE, SELECT, UPDATE',
    'security-meaning.yaml:23:27: roles.app_user.member_of[0]: a role cannot be a member of itself',
    'security-meaning.yaml:24:14: drop_roles[0]: role `app_user` is declared at security-meaning.yaml:23:3; it cannot also be dropped',
  ],
  'security-shape.yaml': [
    'security-shape.yaml:2:28: roles.app_user.can_login: unknown key `can_login`; expected one of: login, superuser, createdb, createrole, inherit, replication, bypass_rls, connection_limit, member_of, comment',
    'security-shape.yaml:7:18: tables.docs.policies.p1.for: must be one of: all, select, insert, update, delete (did you mean `insert`?)',
    'security-shape.yaml:9:59: tables.docs.triggers.t1.each: unknown key `each`; expected one of: timing, events, update_of, for_each, when, function, arguments, constraint, deferrable, initially_deferred, referencing, enabled, comment',
    'security-shape.yaml:11:25: views.v.security_barier: unknown key `security_barier` (did you mean `security_barrier`?)',
  ],
  'sequence-options.yaml': [
    'sequence-options.yaml:2:43: sequences.ticket_no.increment: must not be zero',
    'sequence-options.yaml:2:51: sequences.ticket_no.max: 40000 is out of range for smallint',
    'sequence-options.yaml:3:24: sequences.invoice_no.start: start (5) must be between min (10) and max (100)',
    'sequence-options.yaml:4:18: sequences.big_no.max: 99999999999999999999 is out of range for bigint',
  ],
  'syntax.yaml': [
    'syntax.yaml:5:1: All mapping items must start at the same column',
  ],
  'two-primary-keys.yaml': [
    'two-primary-keys.yaml:5:33: tables.memberships.columns.group_id.primary_key: table `public.memberships` already has a primary key (at two-primary-keys.yaml:4:32); list all its columns in the table\'s `primary_key`',
    'two-primary-keys.yaml:9:5: tables.accounts.primary_key: table `public.accounts` already has a primary key (at two-primary-keys.yaml:8:27); list all its columns in the table\'s `primary_key`',
  ],
  'unknown-keys.yaml': [
    'unknown-keys.yaml:1:1: table: unknown key `table` (did you mean `tables`?)',
    'unknown-keys.yaml:7:27: tables.users.columns.id.notnull: unknown key `notnull` (did you mean `not_null`?)',
    'unknown-keys.yaml:8:28: tables.users.columns.email.nullable: unknown key `nullable` (did you mean `not_null`?)',
    'unknown-keys.yaml:9:27: tables.users.columns.name.colour: unknown key `colour`; expected one of: type, not_null, default, primary_key, unique, references, identity, generated, collation, check, comment, renamed_from, using, reverse_using, backfill, batch_size, reverse_backfill, storage, compression',
    'unknown-keys.yaml:10:5: tables.users.indexs: unknown key `indexs` (did you mean `indexes`?)',
  ],
  // pgvector's refusals, found before any engine sees the index (the halfvec expression index on line 10 is accepted).
  'vector-dimensions.yaml': [
    'vector-dimensions.yaml:9:7: tables.evidence.indexes.idx_evidence_embedding: pgvector\'s ivfflat indexes vector of at most 2,000 dimensions and `embedding` is vector(3072); index it as halfvec (up to 4,000) instead: columns: [{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }] (queries use the index when they order by embedding::halfvec(3072) <=> $1::halfvec(3072))',
    'vector-dimensions.yaml:17:7: tables.document_chunks.indexes.idx_chunks_embedding: pgvector\'s hnsw indexes halfvec of at most 4,000 dimensions and `embedding` is halfvec(4096); index its binary quantization instead (bit, up to 64,000): columns: [{ expression: "(binary_quantize(embedding)::bit(4096))", opclass: bit_hamming_ops }], or store fewer dimensions',
    'vector-dimensions.yaml:20:41: tables.document_chunks.indexes.idx_chunks_embedding.with.ef_construction: hnsw\'s `ef_construction` (20) must be at least twice `m` (16)',
    'vector-dimensions.yaml:21:38: tables.document_chunks.indexes.idx_chunks_sparse.columns[0]: ivfflat cannot index sparsevec (use hnsw)',
  ],
  'wrong-types.yaml': [
    'wrong-types.yaml:2:24: extensions.pgcrypto.version: must be a string (quote it: "1.10")',
    'wrong-types.yaml:6:11: tables.users.columns.id: must be a string or a mapping',
    'wrong-types.yaml:7:42: tables.users.columns.active.not_null: must be true or false (`yes` is text in YAML 1.2: write true)',
    'wrong-types.yaml:8:40: tables.users.columns.tags.default: must be a string, a number or a boolean (true or false)',
    'wrong-types.yaml:9:18: tables.users.primary_key: must be a list or a mapping (a list: [id])',
  ],
};

describe('broken schema files', () => {
  const fixtures = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'));

  it('has an expectation for every fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(fixtures)('%s', (name) => {
    const err = problemsOf(() => loadSchemaFiles([{ path: name, text: readFileSync(join(BROKEN, name), 'utf8') }]));
    expect(err.message.split('\n')).toEqual(EXPECTED[name]);
    expect(err).toBeInstanceOf(UserError);
    expect(err.exitCode).toBe(1);
  });

  it('names both places when an object is declared twice across files', () => {
    const dir = join(BROKEN, 'duplicates');
    const err = problemsOf(() => loadSchemaDir(dir));
    expect(err.message.split('\n')).toEqual([
      `${dir}/b.yaml:2:3: types.public.mood: type \`public.mood\` is already declared at ${dir}/a.yaml:2:3`,
      `${dir}/b.yaml:4:3: tables.public.users: table \`public.users\` is already declared at ${dir}/a.yaml:4:3`,
    ]);
  });

  it('gives each problem as structured data too', () => {
    const err = problemsOf(() =>
      loadSchemaFiles([{ path: 'x.yaml', text: 'tables:\n  t:\n    columns:\n      id: { type: int, notnull: true }\n' }]),
    );
    expect(err.problems).toEqual([
      {
        file: 'x.yaml',
        line: 4,
        column: 24,
        path: 'tables.t.columns.id.notnull',
        message: 'unknown key `notnull` (did you mean `not_null`?)',
      },
    ]);
  });

  it('reports problems of all files together, in file order', () => {
    const err = problemsOf(() =>
      loadSchemaFiles([
        { path: 'b.yaml', text: 'tables:\n  t: { colums: {} }\n' },
        { path: 'a.yaml', text: 'tables: [\n' },
        { path: 'c.yaml', text: 'types:\n  mood: [1]\n' },
      ]),
    );
    expect(err.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
      ['a.yaml', 2, 1, 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
      ['b.yaml', 2, 8, 'unknown key `colums` (did you mean `columns`?)'],
      ['c.yaml', 2, 10, 'must be a string (quote it: "1")'],
    ]);
  });

  it('checks meaning only once the files have the right shape', () => {
    // The unknown table is not reported while another file has a shape problem.
    const files = [
      { path: 'a.yaml', text: 'tables:\n  t: { columns: { x: { type: int, references: missing } } }\n' },
      { path: 'b.yaml', text: 'tables:\n  u: { columns: { y: { typ: int } } }\n' },
    ];
    expect(problemsOf(() => loadSchemaFiles(files)).problems.map((p) => p.path)).toEqual([
      'tables.u.columns.y',
      'tables.u.columns.y.typ',
    ]);
    expect(problemsOf(() => loadSchemaFiles([files[0]!])).message).toBe(
      'a.yaml:2:47: tables.t.columns.x.references: table `public.missing` is not declared',
    );
  });
});

describe('schema directories', () => {
  it('refuses a missing directory and one without schema files', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pgform-empty-'));
    try {
      expect(() => loadSchemaDir(join(empty, 'nope'))).toThrow(`schema directory not found: ${join(empty, 'nope')}`);
      expect(() => loadSchemaDir(empty)).toThrow(`no .yaml or .yml files in ${empty}`);
      expect(statSync(empty).isDirectory()).toBe(true);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
