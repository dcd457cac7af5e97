/**
 * Writes the hostile-input corpus (`cases/`): every file starts with an `# expect:` line that says
 * where its first problem is and what it says. Run with `npx tsx test/hostile/generate.ts` after
 * changing a case; the files are committed, so the corpus is read as a user's files are.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const DIR = fileURLToPath(new URL('./cases', import.meta.url));

interface Case {
  readonly name: string;
  /** File content after the `# expect:` line (which is line 1). */
  readonly body: string | Buffer;
  /** Line (within `body`, 1-based) and column of the first problem. */
  readonly line: number;
  readonly column: number;
  /** Key path of the problem, or '-' when there is none (syntax). */
  readonly path: string;
  /** A regular expression the message matches. */
  readonly message: string;
}

const cases: Case[] = [];
const add = (name: string, body: string | Buffer, line: number, column: number, path: string, message: string) =>
  cases.push({ name, body, line, column, path, message });

// YAML syntax.
add('syntax-unclosed-flow-seq', 'tables:\n  a: [\n', 3, 1, '-', 'Flow sequence in block collection must be sufficiently indented');
add('syntax-unclosed-flow-map', 'tables:\n  a: { columns: { id: int }\n', 3, 1, '-', 'Flow map|Flow mapping|must be sufficiently indented|end with a \\}');
add('syntax-tab-indent', 'tables:\n\ta: {}\n', 2, 1, '-', 'Tabs are not allowed as indentation');
add('syntax-unclosed-double-quote', 'tables: "abc\n', 2, 1, '-', 'Missing closing "quote');
add('syntax-unclosed-single-quote', "tables:\n  a:\n    comment: 'abc\n", 4, 1, '-', "Missing closing 'quote");
add('syntax-bad-indent-child', 'tables:\n  a:\n    columns:\n      id: int\n     name: text\n', 5, 1, '-', 'indent|Indentation|Implicit keys|All mapping items must start at the same column|Map keys must be unique|.+');
add('syntax-stray-colon', 'tables:\n  a: b: c\n', 2, 6, '-', 'Nested mappings are not allowed in compact mappings|Implicit map keys|.+');
add('syntax-anchor-undefined', 'tables: *nope\n', 1, 9, '-', 'Unresolved alias');
add('syntax-flow-seq-unclosed-nested', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: [id\n', 6, 1, '-', '.+');
add('syntax-block-scalar-bad-indent', 'views:\n  v:\n    query: |\n  SELECT 1\n', 4, 3, '-', '.+');
add('syntax-reserved-at', 'tables: @a\n', 1, 9, '-', 'reserved|Plain value cannot start');
add('syntax-reserved-backtick', 'tables: `a`\n', 1, 9, '-', 'reserved|Plain value cannot start');
add('syntax-duplicate-anchor-and-bad-alias', 'a: &x 1\ntables: *y\n', 2, 9, '-', 'Unresolved alias|unknown key');
add('syntax-question-mark-key-garbage', '? - a\n  - b\n: c\n', 1, 3, '-', '.+');
add('syntax-document-end-garbage', 'tables: {}\n... garbage\n', 2, 5, '-', '.+');
add('syntax-comment-no-space', 'tables: {}#comment\n', 1, 11, '-', '.+');
add('syntax-unterminated-flow-in-value', 'types:\n  mood: [a, b\n', 3, 1, '-', '.+');

// Documents that are not mappings.
add('top-scalar', 'hello\n', 1, 1, '-', 'must be a mapping');
add('top-list', '- a\n- b\n', 1, 1, '-', 'must be a mapping');
add('top-number', '42\n', 1, 1, '-', 'must be a mapping');
add('second-document-list', 'tables: {}\n---\n- a\n', 3, 1, '-', 'must be a mapping');

// Unknown keys, at every level.
const unknown: [string, string, number, number, string, string][] = [
  ['top', 'tabels:\n  a: {}\n', 1, 1, 'tabels', 'unknown key `tabels`'],
  ['table', 'tables:\n  a:\n    colums:\n      id: int\n', 3, 5, 'tables.a.colums', 'unknown key `colums`'],
  ['column', 'tables:\n  a:\n    columns:\n      id: { typ: int }\n', 4, 13, 'tables.a.columns.id.typ', 'unknown key `typ`'],
  ['column-nullable', 'tables:\n  a:\n    columns:\n      id: { type: int, nullable: false }\n', 4, 24, 'tables.a.columns.id.nullable', 'unknown key `nullable`'],
  ['references', 'tables:\n  a:\n    columns:\n      b: { type: int, references: { tabel: b } }\n', 4, 37, 'tables.a.columns.b.references.tabel', 'unknown key `tabel`'],
  ['index', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: { column: [id] }\n', 5, 12, 'tables.a.indexes.i.column', 'unknown key `column`'],
  ['policy', 'tables:\n  a:\n    columns: { id: int }\n    policies:\n      p: { usng: "true" }\n', 5, 12, 'tables.a.policies.p.usng', 'unknown key `usng`'],
  ['trigger', 'tables:\n  a:\n    columns: { id: int }\n    triggers:\n      t: { timing: after, events: [insert], funcion: f }\n', 5, 45, 'tables.a.triggers.t.funcion', 'unknown key `funcion`'],
  ['view', 'views:\n  v: { qery: SELECT 1 }\n', 2, 8, 'views.v.qery', 'unknown key `qery`'],
  ['function', 'functions:\n  f: { returns: int, bdy: SELECT 1 }\n', 2, 22, 'functions.f.bdy', 'unknown key `bdy`'],
  ['sequence', 'sequences:\n  s: { incremnt: 2 }\n', 2, 8, 'sequences.s.incremnt', 'unknown key `incremnt`'],
  ['role', 'roles:\n  r: { logn: true }\n', 2, 8, 'roles.r.logn', 'unknown key `logn`'],
  ['extension', 'extensions:\n  pgcrypto: { verion: "1.3" }\n', 2, 15, 'extensions.pgcrypto.verion', 'unknown key `verion`'],
  ['schema', 'schemas:\n  app: { coment: x }\n', 2, 10, 'schemas.app.coment', 'unknown key `coment`'],
  ['grant', 'tables:\n  a:\n    columns: { id: int }\n    grants: [{ too: r, privileges: SELECT }]\n', 4, 16, 'tables.a.grants[0].too', 'unknown key `too`'],
  ['data', 'tables:\n  a:\n    columns: { id: { type: int, primary_key: true } }\n    data: { rowz: [] }\n', 4, 13, 'tables.a.data.rowz', 'unknown key `rowz`'],
  ['matview', 'materialized_views:\n  m: { query: SELECT 1, with_data: true }\n', 2, 25, 'materialized_views.m.with_data', 'unknown key `with_data`'],
  ['hypertable', 'extensions: { timescaledb: {} }\ntables:\n  a:\n    columns: { ts: timestamptz }\n    hypertable: { time_col: ts }\n', 5, 19, 'tables.a.hypertable.time_col', 'unknown key `time_col`'],
  ['partition', 'tables:\n  a:\n    columns: { id: int }\n    partition_by: { range: [id] }\n    partitions:\n      p: { frm: 1, to: 2 }\n', 6, 12, 'tables.a.partitions.p.frm', 'unknown key `frm`'],
  ['default-privileges', 'default_privileges:\n  r:\n    - { on: tables, to: [x], privilege: [SELECT] }\n', 3, 30, 'default_privileges.r[0].privilege', 'unknown key `privilege`'],
  ['check-shape', 'tables:\n  a:\n    columns: { id: int }\n    checks:\n      c: { expresion: id > 0 }\n', 5, 12, 'tables.a.checks.c.expresion', 'unknown key `expresion`'],
  ['unique-shape', 'tables:\n  a:\n    columns: { id: int }\n    unique:\n      u: { colums: [id] }\n', 5, 12, 'tables.a.unique.u.colums', 'unknown key `colums`'],
  ['fk-shape', 'tables:\n  a:\n    columns: { id: int }\n    foreign_keys:\n      f: { columns: [id], reference: { table: a, columns: [id] } }\n', 5, 27, 'tables.a.foreign_keys.f.reference', 'unknown key `reference`'],
  ['procedure', 'procedures:\n  p: { languag: sql, body: SELECT 1 }\n', 2, 8, 'procedures.p.languag', 'unknown key `languag`'],
  ['domain', 'domains:\n  d: { typ: int }\n', 1, 1, 'domains', 'unknown key `domains`'],
];
for (const [n, body, l, c, p, m] of unknown) add(`unknown-key-${n}`, body, l, c, p, m);

// Wrong types.
const wrong: [string, string, number, number, string, string][] = [
  ['tables-list', 'tables:\n  - a\n', 2, 3, 'tables', 'must be a mapping'],
  ['tables-string', 'tables: abc\n', 1, 9, 'tables', 'must be a mapping'],
  ['table-string', 'tables:\n  a: hello\n', 2, 6, 'tables.a', 'must be'],
  ['columns-string', 'tables:\n  a:\n    columns: hello\n', 3, 14, 'tables.a.columns', 'must be a mapping'],
  ['columns-list', 'tables:\n  a:\n    columns: [id, name]\n', 3, 14, 'tables.a.columns', 'must be a mapping'],
  ['column-type-number', 'tables:\n  a:\n    columns:\n      id: { type: 5 }\n', 4, 19, 'tables.a.columns.id.type', 'must be a string'],
  ['column-type-list', 'tables:\n  a:\n    columns:\n      id: { type: [int] }\n', 4, 19, 'tables.a.columns.id.type', 'must be a string'],
  ['column-type-map', 'tables:\n  a:\n    columns:\n      id: { type: { a: 1 } }\n', 4, 19, 'tables.a.columns.id.type', 'must be a string'],
  ['column-bare-number', 'tables:\n  a:\n    columns:\n      id: 5\n', 4, 11, 'tables.a.columns.id', 'must be'],
  ['not-null-string', 'tables:\n  a:\n    columns:\n      id: { type: int, not_null: yes please }\n', 4, 34, 'tables.a.columns.id.not_null', 'must be true or false'],
  ['not-null-number', 'tables:\n  a:\n    columns:\n      id: { type: int, not_null: 1 }\n', 4, 34, 'tables.a.columns.id.not_null', 'must be true or false'],
  ['primary-key-string', 'tables:\n  a:\n    columns:\n      id: { type: int, primary_key: "yes" }\n', 4, 37, 'tables.a.columns.id.primary_key', 'must be true or false'],
  ['unique-number', 'tables:\n  a:\n    columns:\n      id: { type: int, unique: 3 }\n', 4, 32, 'tables.a.columns.id.unique', 'must be'],
  ['default-map', 'tables:\n  a:\n    columns:\n      id: { type: int, default: { a: 1 } }\n', 4, 33, 'tables.a.columns.id.default', 'must be'],
  ['identity-bad', 'tables:\n  a:\n    columns:\n      id: { type: int, identity: sometimes }\n', 4, 34, 'tables.a.columns.id.identity', 'must be one of'],
  ['on-delete-bad', 'tables:\n  a:\n    columns:\n      b: { type: int, references: { table: a, on_delete: explode } }\n', 4, 58, 'tables.a.columns.b.references.on_delete', 'must be one of'],
  ['index-columns-string', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: { columns: id }\n', 5, 21, 'tables.a.indexes.i.columns', 'must be'],
  ['index-unique-string', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: { columns: [id], unique: sure }\n', 5, 35, 'tables.a.indexes.i.unique', 'must be true or false'],
  ['index-number', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: 7\n', 5, 10, 'tables.a.indexes.i', 'must be'],
  ['checks-list', 'tables:\n  a:\n    columns: { id: int }\n    checks: [id > 0]\n', 4, 13, 'tables.a.checks', 'must be a mapping'],
  ['check-number', 'tables:\n  a:\n    columns: { id: int }\n    checks:\n      c: 5\n', 5, 10, 'tables.a.checks.c', 'must be'],
  ['view-query-number', 'views:\n  v: { query: 5 }\n', 2, 15, 'views.v.query', 'must be a string'],
  ['view-query-list', 'views:\n  v: { query: [a] }\n', 2, 15, 'views.v.query', 'must be a string'],
  ['view-string', 'views:\n  v: SELECT 1\n', 2, 6, 'views.v', 'must be'],
  ['enum-number', 'types:\n  t: 5\n', 2, 6, 'types.t', 'must be a list or a mapping'],
  ['enum-label-map', 'types:\n  t: [a, { b: 1 }]\n', 2, 10, 'types.t[1]', 'must be'],
  ['enum-label-list', 'types:\n  t: [a, [b]]\n', 2, 10, 'types.t[1]', 'must be'],
  ['function-returns-number', 'functions:\n  f: { returns: 5, body: SELECT 1 }\n', 2, 17, 'functions.f.returns', 'must be a string'],
  ['function-body-map', 'functions:\n  f: { returns: int, body: { a: 1 } }\n', 2, 28, 'functions.f.body', 'must be'],
  ['function-volatility-bad', 'functions:\n  f: { returns: int, body: SELECT 1, volatility: maybe }\n', 2, 50, 'functions.f.volatility', 'must be one of'],
  ['role-login-string', 'roles:\n  r: { login: maybe }\n', 2, 15, 'roles.r.login', 'must be true or false'],
  ['sequence-increment-string', 'sequences:\n  s: { increment: fast }\n', 2, 19, 'sequences.s.increment', 'must be'],
  ['extensions-list', 'extensions: [pgcrypto]\n', 1, 13, 'extensions', 'must be'],
  ['schemas-number', 'schemas: 5\n', 1, 10, 'schemas', 'must be'],
  ['policy-for-bad', 'tables:\n  a:\n    columns: { id: int }\n    policies:\n      p: { for: everything, using: "true" }\n', 5, 17, 'tables.a.policies.p.for', 'must be one of'],
  ['policy-to-number', 'tables:\n  a:\n    columns: { id: int }\n    policies:\n      p: { to: 5, using: "true" }\n', 5, 16, 'tables.a.policies.p.to', 'must be'],
  ['trigger-events-string', 'tables:\n  a:\n    columns: { id: int }\n    triggers:\n      t: { timing: after, events: sometimes, function: f }\n', 5, 35, 'tables.a.triggers.t.events', 'must be'],
  ['trigger-timing-bad', 'tables:\n  a:\n    columns: { id: int }\n    triggers:\n      t: { timing: whenever, events: [insert], function: f }\n', 5, 20, 'tables.a.triggers.t.timing', 'must be one of'],
  ['grants-string', 'tables:\n  a:\n    columns: { id: int }\n    grants: everyone\n', 4, 13, 'tables.a.grants', 'must be'],
  ['data-string', 'tables:\n  a:\n    columns: { id: { type: int, primary_key: true } }\n    data: lots\n', 4, 11, 'tables.a.data', 'must be'],
  ['data-row-string', 'tables:\n  a:\n    columns: { id: { type: int, primary_key: true } }\n    data: [ row ]\n', 4, 13, 'tables.a.data[0]', 'must be'],
  ['comment-map', 'tables:\n  a:\n    columns: { id: int }\n    comment: { a: 1 }\n', 4, 14, 'tables.a.comment', 'must be'],
  ['renamed-from-number', 'tables:\n  a:\n    columns: { id: int }\n    renamed_from: 5\n', 4, 19, 'tables.a.renamed_from', 'must be a string'],
  ['partition-by-number', 'tables:\n  a:\n    columns: { id: int }\n    partition_by: 5\n', 4, 19, 'tables.a.partition_by', 'must be'],
  ['hypertable-string', 'extensions: { timescaledb: {} }\ntables:\n  a:\n    columns: { ts: timestamptz }\n    hypertable: yes\n', 5, 17, 'tables.a.hypertable', 'must be'],
];
for (const [n, body, l, c, p, m] of wrong) add(`wrong-type-${n}`, body, l, c, p, m);

// Duplicate keys.
const dup: [string, string, number, number][] = [
  ['top', 'tables: {}\ntables: {}\n', 2, 1],
  ['table', 'tables:\n  a:\n    columns: { id: int }\n  a:\n    columns: { id: int }\n', 4, 3],
  ['column', 'tables:\n  a:\n    columns:\n      id: int\n      id: text\n', 5, 7],
  ['column-flow', 'tables:\n  a:\n    columns: { id: int, id: text }\n', 3, 25],
  ['column-key', 'tables:\n  a:\n    columns:\n      id: { type: int, type: text }\n', 4, 24],
  ['index', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: [id]\n      i: [id]\n', 6, 7],
  ['view', 'views:\n  v: { query: SELECT 1 }\n  v: { query: SELECT 2 }\n', 3, 3],
  ['function', 'functions:\n  f: { returns: int, body: SELECT 1 }\n  f: { returns: int, body: SELECT 2 }\n', 3, 3],
  ['role', 'roles:\n  r: {}\n  r: {}\n', 3, 3],
  ['enum', 'types:\n  t: [a]\n  t: [b]\n', 3, 3],
  ['policy', 'tables:\n  a:\n    columns: { id: int }\n    policies:\n      p: { using: "true" }\n      p: { using: "false" }\n', 6, 7],
  ['extension', 'extensions:\n  pgcrypto: {}\n  pgcrypto: {}\n', 3, 3],
  ['schema', 'schemas:\n  app: {}\n  app: {}\n', 3, 3],
  ['sequence', 'sequences:\n  s: {}\n  s: {}\n', 3, 3],
  ['check', 'tables:\n  a:\n    columns: { id: int }\n    checks:\n      c: id > 0\n      c: id > 1\n', 6, 7],
  ['quoted-vs-plain', 'tables:\n  a:\n    columns: { id: int }\n  "a":\n    columns: { id: int }\n', 4, 3],
];
for (const [n, body, l, c] of dup) add(`duplicate-key-${n}`, body, l, c, '-', 'Map keys must be unique');

// Aliases: expansion bombs, cycles, merges into the wrong place.
const laughs = (levels: number, width: number) => {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\ntables: *l${levels - 1}\n`;
};
add('alias-billion-laughs-9x9', laughs(9, 9), 2, 10, '-', 'Excessive alias count|resource exhaustion');
add('alias-billion-laughs-12x10', laughs(12, 10), 2, 10, '-', 'Excessive alias count|resource exhaustion');
add('alias-billion-laughs-wide', laughs(4, 200), 2, 10, '-', 'Excessive alias count|resource exhaustion');
add('alias-quadratic-map', `x: &x { ${Array.from({ length: 40 }, (_, i) => `k${i}: v`).join(', ')} }\n${Array.from({ length: 1500 }, (_, i) => `y${i}: *x`).join('\n')}\n`, 2, 5, '-', 'Excessive alias count|resource exhaustion|unknown key');
add('alias-unknown-anchor', 'tables:\n  a: *missing\n', 2, 6, '-', 'Unresolved alias');
add('alias-anchor-after-use', 'tables:\n  a: *later\n  b: &later { columns: { id: int } }\n', 2, 6, '-', 'Unresolved alias');
add('alias-merge-list-of-scalars', 'base: &b [1, 2]\ntables:\n  a:\n    <<: *b\n    columns: { id: int }\n', 4, 9, '-', 'Merge sources must be maps');
add('alias-merge-into-unknown', 'x: &x { colums: { id: int } }\ntables:\n  a:\n    <<: *x\n', 1, 1, 'x', 'unknown key `x`');
add('alias-self-reference', 'a: &a [*a]\n', 1, 8, '-', 'refers to the collection that contains it|Unresolved alias');

// Deep nesting.
add('deep-flow-seq-5000', `tables: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 1, 826, '-', 'nested too deeply');
add('deep-flow-map-3000', `tables: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`, 1, 3277, '-', 'nested (more than|too) deep');
add('deep-block-map-300', `tables:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`, 66, 131, '-', 'nested (more than|too) deep');
add('deep-block-seq-300', `tables:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i + 1)}-`).join('\n')} 1\n`, 66, 131, '-', 'nested (more than|too) deep');
add('deep-column-default-map-200', `tables:\n  a:\n    columns:\n      id: { type: int, default: ${'{a: '.repeat(200)}1${'}'.repeat(200)} }\n`, 4, 273, '-', 'nested (more than|too) deep');

// Large files (a few hundred KB each; the test generates larger ones).
add('huge-comment-value', `tables:\n  a:\n    columns: { id: int }\n    comment: ${JSON.stringify('x'.repeat(300_000))}\n    colour: red\n`, 5, 5, 'tables.a.colour', 'unknown key `colour`');
add('huge-many-columns-one-bad', `tables:\n  a:\n    columns:\n${Array.from({ length: 1000 }, (_, i) => `      c${i}: int`).join('\n')}\n      bad: { type: 7 }\n`, 1004, 20, 'tables.a.columns.bad.type', 'must be a string');

// Encodings.
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
add('encoding-latin1-name', bytes('tables:\n  caf', [0xe9], ':\n    columns: { id: int }\n'), 2, 6, '-', 'not valid UTF-8');
add('encoding-latin1-comment', bytes('tables:\n  a:\n    columns: { id: int }\n    comment: na', [0xef, 0x76, 0x65], '\n'), 4, 16, '-', 'not valid UTF-8');
add('encoding-utf16le-bom', bytes([0xff, 0xfe], 't\0a\0b\0'), 1, 1, '-', 'not valid UTF-8');
add('encoding-utf16be-bom', bytes([0xfe, 0xff], '\0t\0a'), 1, 1, '-', 'not valid UTF-8');
add('encoding-overlong-slash', bytes('tables:\n  a', [0xc0, 0xaf], 'b:\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8');
add('encoding-lone-continuation', bytes('tables:\n  a', [0x80], ':\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8');
add('encoding-truncated-sequence', bytes('tables:\n  a', [0xe2, 0x82], ':\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8');
add('encoding-surrogate-bytes', bytes('tables:\n  a', [0xed, 0xa0, 0x80], ':\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8');
add('encoding-nul-byte-raw', bytes('tables:\n  a', [0x00], 'b:\n    columns: { id: int }\n'), 2, 4, '-', 'NUL|U\\+0000|control character|.+');
add('encoding-nul-escape-in-name', 'tables:\n  "a\\0b":\n    columns: { id: int }\n', 2, 3, 'tables', 'NUL|U\\+0000');
add('encoding-nul-escape-in-column', 'tables:\n  a:\n    columns:\n      "x\\0": int\n', 4, 7, 'tables.a.columns', 'NUL|U\\+0000');
add('encoding-nul-in-comment', 'tables:\n  a:\n    columns: { id: int }\n    comment: "a\\0b"\n', 4, 14, 'tables.a.comment', 'NUL|U\\+0000');
add('encoding-nul-in-default', 'tables:\n  a:\n    columns:\n      id: { type: text, default: "\'a\\0\'" }\n', 4, 34, 'tables.a.columns.id.default', 'NUL|U\\+0000');
add('encoding-nul-in-enum-label', 'types:\n  t: ["a\\0"]\n', 2, 7, 'types.t[0]', 'NUL|U\\+0000');
add('encoding-replacement-char-name', 'tables:\n  "a\\uFFFDb":\n    columns: { id: int }\n', 2, 3, 'tables', 'U\\+FFFD');

// Hostile names.
const names: [string, string, number, number, string, string][] = [
  ['list-as-table-key', 'tables:\n  [a, b]:\n    columns: { id: int }\n', 2, 3, 'tables', 'key must be|list|mapping'],
  ['map-as-table-key', 'tables:\n  { a: 1 }:\n    columns: { id: int }\n', 2, 3, 'tables', 'key must be|list|mapping'],
  ['list-as-column-key', 'tables:\n  a:\n    columns:\n      [x, y]: int\n', 4, 7, 'tables.a.columns', 'key must be|list|mapping'],
  ['complex-key-explicit', 'tables:\n  ? [a, b]\n  : { columns: { id: int } }\n', 2, 5, 'tables', 'key must be|list|mapping'],
  ['null-key', 'tables:\n  ~:\n    columns: { id: int }\n', 2, 3, 'tables', 'empty|null|key must be|must not'],
  ['empty-table-name', 'tables:\n  "":\n    columns: { id: int }\n', 2, 3, 'tables', 'empty'],
  ['empty-column-name', 'tables:\n  a:\n    columns:\n      "": int\n', 4, 7, 'tables.a.columns', 'empty'],
  ['empty-index-name', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      "": [id]\n', 5, 7, 'tables.a.indexes', 'empty'],
  ['empty-view-name', 'views:\n  "": { query: SELECT 1 }\n', 2, 3, 'views', 'empty'],
  ['empty-schema-name', 'schemas:\n  "": {}\n', 2, 3, 'schemas', 'empty'],
  ['empty-role-name', 'roles:\n  "": {}\n', 2, 3, 'roles', 'empty'],
  ['long-table-name', `tables:\n  ${'x'.repeat(70)}:\n    columns: { id: int }\n`, 2, 3, `tables.${'x'.repeat(70)}`, 'is 70 bytes long'],
  ['long-column-name', `tables:\n  a:\n    columns:\n      ${'c'.repeat(64)}: int\n`, 4, 7, `tables.a.columns.${'c'.repeat(64)}`, 'is 64 bytes long'],
  ['long-multibyte-name', `tables:\n  ${'é'.repeat(32)}:\n    columns: { id: int }\n`, 2, 3, `tables.${'é'.repeat(32)}`, 'is 64 bytes long'],
  ['long-index-name', `tables:\n  a:\n    columns: { id: int }\n    indexes:\n      ${'i'.repeat(80)}: [id]\n`, 5, 7, `tables.a.indexes.${'i'.repeat(80)}`, 'is 80 bytes long'],
  ['long-enum-label', `types:\n  t: [${'l'.repeat(64)}]\n`, 2, 7, 'types.t[0]', 'is 64 bytes long|63 bytes'],
  ['long-schema-name', `schemas:\n  ${'s'.repeat(64)}: {}\n`, 2, 3, `schemas.${'s'.repeat(64)}`, 'is 64 bytes long'],
  ['long-role-name', `roles:\n  ${'r'.repeat(64)}: {}\n`, 2, 3, `roles.${'r'.repeat(64)}`, 'is 64 bytes long'],
  ['long-function-name', `functions:\n  ${'f'.repeat(64)}: { returns: int, body: SELECT 1 }\n`, 2, 3, `functions.${'f'.repeat(64)}`, 'is 64 bytes long'],
  ['escape-in-table-name', 'tables:\n  "a\\x1b[31mred":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u001b[31mred.colour', 'unknown key `colour`'],
  ['bell-in-column-name', 'tables:\n  a:\n    columns:\n      "b\\x07": { type: 9 }\n', 4, 24, 'tables.a.columns.b\\u0007.type', 'must be a string'],
  ['newline-in-name-unknown-key', 'tables:\n  "a\\nb":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u000ab.colour', 'unknown key `colour`'],
  ['bidi-override-in-name', 'tables:\n  "a\\u202Eb":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u202eb.colour', 'unknown key `colour`'],
  ['fk-to-missing-table', 'tables:\n  a:\n    columns:\n      b_id: { type: int, references: { table: nope } }\n', 4, 47, 'tables.a.columns.b_id.references.table', 'table `public.nope` is not declared'],
  ['index-on-missing-column', 'tables:\n  a:\n    columns: { id: int }\n    indexes:\n      i: [nope]\n', 5, 11, 'tables.a.indexes.i[0]', 'has no column `nope`'],
  ['clash-table-sequence', 'sequences:\n  a: {}\ntables:\n  a:\n    columns: { id: int }\n', 4, 3, 'tables.a', 'clashes with sequence'],
  ['clash-table-view', 'views:\n  a: { query: SELECT 1 }\ntables:\n  a:\n    columns: { id: int }\n', 4, 3, 'tables.a', 'clashes with view'],
  ['proto-unknown-key', 'tables:\n  a:\n    columns: { id: int }\n    __proto__: { columns: { x: int } }\n', 4, 5, 'tables.a.__proto__', 'unknown key `__proto__`'],
  ['constructor-unknown-key', 'tables:\n  a:\n    columns: { id: int }\n    constructor: 1\n', 4, 5, 'tables.a.constructor', 'unknown key `constructor`'],
  ['proto-top-level', '__proto__:\n  a: 1\n', 1, 1, '__proto__', 'unknown key `__proto__`'],
  ['toString-column-option', 'tables:\n  a:\n    columns:\n      id: { type: int, toString: 1 }\n', 4, 24, 'tables.a.columns.id.toString', 'unknown key `toString`'],
  ['hasOwnProperty-option', 'tables:\n  a:\n    columns:\n      id: { type: int, hasOwnProperty: 1 }\n', 4, 24, 'tables.a.columns.id.hasOwnProperty', 'unknown key `hasOwnProperty`'],
];
for (const [n, body, l, c, p, m] of names) add(`name-${n}`, body, l, c, p, m);

// Injection attempts, one for every kind of SQL fragment: each would end pgform's statement and
// start another, or change the statement's shape, and is refused at load with its key path.
const T = 'tables:\n  a:\n    columns:\n';
const injections: [string, string, number, number, string, string][] = [
  ['column-default-semicolon', `${T}      id: { type: int, default: "0; CREATE ROLE pwned" }\n`, 4, 33, 'tables.a.columns.id.default', 'must be one SQL expression, but it contains `;`'],
  ['column-default-comment', `${T}      id: { type: int, default: "0 -- rest" }\n`, 4, 33, 'tables.a.columns.id.default', 'must be one SQL expression, but it contains a `--` comment'],
  ['column-default-close-paren', `${T}      id: { type: int, default: "0) , pwned int DEFAULT (1" }\n`, 4, 33, 'tables.a.columns.id.default', 'must be one SQL expression'],
  ['column-default-from-clause', `${T}      id: { type: int, default: "1 FROM pg_authid" }\n`, 4, 33, 'tables.a.columns.id.default', 'must be one SQL expression'],
  ['column-default-dollar-quote', `${T}      id: { type: text, default: "$$x$$; CREATE ROLE pwned" }\n`, 4, 34, 'tables.a.columns.id.default', 'must be one SQL expression, but it contains `;`'],
  ['column-default-block-comment', `${T}      id: { type: int, default: "0 /* */; CREATE ROLE pwned" }\n`, 4, 33, 'tables.a.columns.id.default', 'must be one SQL expression, but it contains `;`'],
  ['column-generated', `${T}      id: int\n      g: { type: int, generated: "id * 2) STORED; CREATE ROLE pwned; --" }\n`, 5, 34, 'tables.a.columns.g.generated', 'must be one SQL expression'],
  ['column-check', `${T}      id: { type: int, check: "id > 0) NOT VALID; CREATE ROLE pwned; --" }\n`, 4, 31, 'tables.a.columns.id.check', 'must be one SQL expression'],
  ['column-using', `${T}      id: { type: int, using: "id::int; CREATE ROLE pwned" }\n`, 4, 31, 'tables.a.columns.id.using', 'must be one SQL expression'],
  ['column-backfill', `${T}      id: { type: int, not_null: true, backfill: "1; UPDATE pg_authid SET rolsuper = true" }\n`, 4, 50, 'tables.a.columns.id.backfill', 'must be one SQL expression'],
  ['column-backfill-where', `${T}      id: { type: int, backfill: { value: "1", where: "true; DELETE FROM a" } }\n`, 4, 55, 'tables.a.columns.id.backfill.where', 'must be one SQL expression'],
  ['column-type-statement', `${T}      id: "int; DROP TABLE users"\n`, 4, 11, 'tables.a.columns.id', 'must be one SQL type'],
  ['column-type-default-clause', `${T}      id: { type: "int DEFAULT pg_sleep(10)" }\n`, 4, 19, 'tables.a.columns.id.type', 'must be one SQL type'],
  ['column-collation', `${T}      id: { type: text, collation: 'C"; CREATE ROLE pwned; --' }\n`, 4, 36, 'tables.a.columns.id.collation', 'must be one collation name'],
  ['table-check', `${T}      id: int\n    checks:\n      c: "true); CREATE ROLE pwned; --"\n`, 6, 10, 'tables.a.checks.c', 'must be one SQL expression'],
  ['table-check-modifying', `${T}      id: int\n    checks:\n      c: "(DELETE FROM a RETURNING true)"\n`, 6, 10, 'tables.a.checks.c', 'must be one SQL expression, but it does not parse'],
  ['index-where', `${T}      id: int\n    indexes:\n      i: { columns: [id], where: "true; CREATE ROLE pwned" }\n`, 6, 34, 'tables.a.indexes.i.where', 'must be one SQL expression'],
  ['index-expression', `${T}      id: int\n    indexes:\n      i: { columns: ["(id)); CREATE ROLE pwned; --"] }\n`, 6, 22, 'tables.a.indexes.i.columns[0]', 'must be one SQL expression'],
  ['index-using', `${T}      id: int\n    indexes:\n      i: { columns: [id], using: "btree (id); CREATE ROLE pwned; --" }\n`, 6, 34, 'tables.a.indexes.i.using', 'must be one index method name'],
  ['index-opclass', `${T}      id: int\n    indexes:\n      i: { columns: [{ expression: "id", opclass: "int4_ops); CREATE ROLE pwned; --" }] }\n`, 6, 51, 'tables.a.indexes.i.columns[0].opclass', 'must be one operator class name'],
  ['exclusion-where', `${T}      id: int\n    exclusions:\n      x: { elements: "id WITH =", where: "true); CREATE ROLE pwned; --" }\n`, 6, 42, 'tables.a.exclusions.x.where', 'must be one SQL expression'],
  ['exclusion-elements', `${T}      id: int\n    exclusions:\n      x: { elements: "id WITH =); CREATE ROLE pwned; --" }\n`, 6, 22, 'tables.a.exclusions.x.elements', 'must be exclusion elements'],
  ['policy-using', `${T}      id: int\n    row_level_security: true\n    policies:\n      p: { using: "true); CREATE ROLE pwned; --" }\n`, 7, 19, 'tables.a.policies.p.using', 'must be one SQL expression'],
  ['policy-with-check', `${T}      id: int\n    row_level_security: true\n    policies:\n      p: { for: insert, with_check: "true) ; GRANT ALL ON a TO PUBLIC; --" }\n`, 7, 37, 'tables.a.policies.p.with_check', 'must be one SQL expression'],
  ['policy-using-subquery-modifying', `${T}      id: int\n    policies:\n      p: { using: "EXISTS (UPDATE a SET id = 1 RETURNING 1)" }\n`, 6, 19, 'tables.a.policies.p.using', 'must be one SQL expression, but it does not parse'],
  ['trigger-when', `${T}      id: int\n    triggers:\n      t: { timing: before, events: [update], function: f, when: "true) EXECUTE FUNCTION evil(); --" }\n`, 6, 65, 'tables.a.triggers.t.when', 'must be one SQL expression'],
  ['partition-bound', `${T}      id: int\n    partition_by: { range: [id] }\n    partitions:\n      p: "FOR VALUES FROM (1) TO (2); CREATE ROLE pwned"\n`, 7, 10, 'tables.a.partitions.p', 'must be one partition bound'],
  ['partition-bound-function', `${T}      id: int\n    partition_by: { range: [id] }\n    partitions:\n      p: "FOR VALUES FROM (f()) TO (MAXVALUE)"\n`, 7, 10, 'tables.a.partitions.p', 'calls function `f`, which PostgreSQL would run when the partition is created'],
  ['partition-by', `${T}      id: int\n    partition_by: "RANGE (id); CREATE ROLE pwned"\n`, 5, 19, 'tables.a.partition_by', 'must be one partitioning'],
  ['data-sql-value', `${T}      id: { type: int, primary_key: true }\n      at: timestamptz\n    data:\n      - { id: 1, at: { sql: "now()); CREATE ROLE pwned; --" } }\n`, 7, 29, 'tables.a.data[0].at.sql', 'must be one SQL expression'],
  ['data-int-value', `${T}      id: { type: int, primary_key: true }\n    data:\n      - { id: "1); DROP TABLE a; --" }\n`, 6, 15, 'tables.a.data[0].id', 'is not an integer'],
  ['view-two-statements', 'views:\n  v:\n    query: SELECT 1 AS x; CREATE ROLE pwned\n', 3, 12, 'views.v.query', 'must be one query'],
  ['view-select-into', 'views:\n  v:\n    query: SELECT 1 AS x INTO pwned\n', 3, 12, 'views.v.query', 'must be one query'],
  ['view-modifying-cte', 'views:\n  v:\n    query: WITH d AS (DELETE FROM a RETURNING *) SELECT * FROM d\n', 3, 12, 'views.v.query', 'must be one query'],
  ['view-trailing-comment', 'views:\n  v:\n    query: "SELECT 1 AS x -- WITH CHECK OPTION"\n', 3, 12, 'views.v.query', 'ends with a `--` comment'],
  ['view-not-a-query', 'views:\n  v:\n    query: CREATE ROLE pwned\n', 3, 12, 'views.v.query', 'must be one query'],
  ['matview-two-statements', 'materialized_views:\n  m:\n    query: "SELECT 1 AS x WITH NO DATA; CREATE ROLE pwned"\n', 3, 12, 'materialized_views.m.query', 'must be one query'],
  ['function-sql-standard-body', 'functions:\n  f:\n    returns: int\n    language: sql\n    body: "RETURN 1; CREATE ROLE pwned"\n', 5, 11, 'functions.f.body', 'must be'],
  ['function-returns', 'functions:\n  f:\n    returns: "int LANGUAGE sql AS $$ SELECT 1 $$; CREATE ROLE pwned; --"\n    body: SELECT 1\n', 3, 14, 'functions.f.returns', 'must be one return type'],
  ['function-argument-default', 'functions:\n  f:\n    returns: int\n    arguments:\n      x: { type: int, default: "1) RETURNS int AS $$ SELECT 1 $$; CREATE ROLE pwned; --" }\n    body: SELECT x\n', 5, 32, 'functions.f.arguments.x.default', 'must be one SQL expression'],
  ['function-argument-type', 'functions:\n  f:\n    returns: int\n    arguments:\n      x: "int) RETURNS int AS $$ SELECT 1 $$; CREATE ROLE pwned; --"\n    body: SELECT x\n', 5, 10, 'functions.f.arguments.x', 'must be one SQL type'],
  ['function-cost', 'functions:\n  f:\n    returns: int\n    body: SELECT 1\n    cost: "1; CREATE ROLE pwned"\n', 5, 11, 'functions.f.cost', 'must be|number'],
  ['function-sql-body-unparsable', 'functions:\n  f:\n    returns: int\n    language: sql\n    body: "SELECT 1; $$; CREATE ROLE pwned; $$"\n', 5, 11, 'functions.f.body', 'does not parse|must be'],
  ['procedure-body-escape', 'procedures:\n  p:\n    language: sql\n    body: "BEGIN ATOMIC SELECT 1; END; CREATE ROLE pwned"\n', 4, 11, 'procedures.p.body', 'must be'],
  ['domain-default', 'types:\n  d: { domain: int, default: "0; CREATE ROLE pwned" }\n', 2, 30, 'types.d.default', 'must be one SQL expression'],
  ['domain-check', 'types:\n  d:\n    domain: int\n    checks:\n      c: "VALUE > 0); CREATE ROLE pwned; --"\n', 5, 10, 'types.d.checks.c', 'must be one SQL expression'],
  ['domain-base-type', 'types:\n  d: { domain: "int; CREATE ROLE pwned" }\n', 2, 16, 'types.d.domain', 'must be one SQL type'],
  ['composite-attribute-type', 'types:\n  c:\n    composite:\n      x: "int); CREATE ROLE pwned; --"\n', 4, 10, 'types.c.composite.x', 'must be one SQL type'],
  ['view-trigger-when', 'views:\n  v:\n    query: SELECT 1 AS x\n    triggers:\n      t: { timing: instead_of, events: [insert], function: f, when: "true); CREATE ROLE pwned; --" }\n', 5, 69, 'views.v.triggers.t.when', 'must be one SQL expression'],
];
for (const [n, body, l, c, p, m] of injections) add(`inject-${n}`, body, l, c, p, m);

// Views that read each other in a circle can never be created.
add('view-cycle-two', 'views:\n  v1:\n    query: SELECT x FROM v2\n  v2:\n    query: SELECT x FROM v1\n', 3, 12, 'views.v1.query', 'views read each other in a cycle \\(public\\.v1 -> public\\.v2 -> public\\.v1\\)');
add('view-cycle-through-matview', 'views:\n  v:\n    query: SELECT x FROM app.m\nmaterialized_views:\n  app.m:\n    query: SELECT x FROM public.v\n', 3, 12, 'views.v.query', 'views read each other in a cycle \\(public\\.v -> app\\.m -> public\\.v\\)');

// More hostile names and encodings: the name is printed escaped in the key path, never run.
const more: [string, string | Buffer, number, number, string, string][] = [
  ['name-quote-injection', 'tables:\n  \'a";DROP/**/TABLE/**/b;--\':\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a";DROP/**/TABLE/**/b;--.colour', 'unknown key `colour`'],
  ['name-carriage-return', 'tables:\n  "a\\rb":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u000db.colour', 'unknown key `colour`'],
  ['name-del-char', 'tables:\n  "a\\x7fb":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u007fb.colour', 'unknown key `colour`'],
  ['name-osc-title-escape', 'tables:\n  "\\e]0;pwned\\a":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.\\u001b]0;pwned\\u0007.colour', 'unknown key `colour`'],
  ['name-bidi-isolate', 'tables:\n  "a\\u202Ab":\n    columns: { id: int }\n    colour: x\n', 4, 5, 'tables.a\\u202ab.colour', 'unknown key `colour`'],
  ['name-long-quote-chars', `tables:\n  '${'"'.repeat(64)}':\n    columns: { id: int }\n`, 2, 3, `tables.${'"'.repeat(64)}`, 'is 64 bytes long'],
  ['name-emoji-too-long', `tables:\n  ${'😀'.repeat(16)}:\n    columns: { id: int }\n`, 2, 3, `tables.${'😀'.repeat(16)}`, 'is 64 bytes long'],
  ['encoding-overlong-nul', bytes('tables:\n  a', [0xc0, 0x80], 'b:\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8'],
  ['encoding-beyond-unicode', bytes('tables:\n  a', [0xf4, 0x90, 0x80, 0x80], ':\n    columns: { id: int }\n'), 2, 4, '-', 'not valid UTF-8'],
  ['encoding-ff-byte', bytes('views:\n  v:\n    query: SELECT ', [0xff], ' AS x\n'), 3, 19, '-', 'not valid UTF-8'],
  ['encoding-latin1-in-default', bytes('tables:\n  a:\n    columns:\n      id: { type: text, default: "\'caf', [0xe9], '\'" }\n'), 4, 39, '-', 'not valid UTF-8'],
  ['encoding-utf32le-bom', bytes([0xff, 0xfe, 0x00, 0x00], 't\0\0\0'), 1, 1, '-', 'not valid UTF-8'],
  ['encoding-nul-in-view-query', 'views:\n  v:\n    query: "SELECT 1\\0; CREATE ROLE pwned"\n', 3, 12, 'views.v.query', 'NUL|U\\+0000'],
];
for (const [n, body, l, c, p, m] of more) add(n, body, l, c, p, m);

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
cases.forEach((c, i) => {
  const header = `# expect: ${c.line + 1}:${c.column} ${c.path} /${c.message}/\n`;
  const body = typeof c.body === 'string' ? Buffer.from(c.body, 'utf8') : c.body;
  writeFileSync(join(DIR, `${String(i + 1).padStart(3, '0')}-${c.name}.yaml`), Buffer.concat([Buffer.from(header, 'utf8'), body]));
});
console.log(`${cases.length} cases written to ${DIR}`);
