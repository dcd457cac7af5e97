import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadSchemaFiles, YamlError } from '../../src/yaml/load.ts';
import type { Problem } from '../../src/yaml/problems.ts';
import { FRAGMENT_ALLOWS, type FragmentKind } from '../../src/sql/fragments.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { runPgform } from '../support/cli.ts';
import { freshPostgresDatabase } from '../support/databases.ts';

/**
 * Injection attempts in every kind of SQL fragment. `$V` is where the hostile value goes (written
 * as a YAML double-quoted string), `$N` makes names unique per case so all cases fit one directory.
 */
interface InjectionCase {
  readonly name: string;
  readonly yaml: string;
  readonly value: string;
  readonly path: string;
  readonly kind: FragmentKind;
}

const TABLE = (body: string) => `tables:\n  t$N:\n    columns:\n      id: { type: integer, primary_key: true }\n      a: integer\n${body}`;
const ESCAPE = '); CREATE ROLE pwned; --';

const CASES: readonly InjectionCase[] = [
  { name: 'column default closing its parenthesis', yaml: TABLE('      b: { type: integer, default: $V }\n'), value: `1${ESCAPE}`, path: 'tables.t$N.columns.b.default', kind: 'expression' },
  { name: 'column default with a second statement', yaml: TABLE('      b: { type: integer, default: $V }\n'), value: '1; CREATE ROLE pwned', path: 'tables.t$N.columns.b.default', kind: 'expression' },
  { name: 'column default adding a FROM clause', yaml: TABLE('      b: { type: integer, default: $V }\n'), value: '1 FROM pg_sleep(5)', path: 'tables.t$N.columns.b.default', kind: 'expression' },
  { name: 'column default with a data-modifying CTE', yaml: TABLE('      b: { type: integer, default: $V }\n'), value: '(WITH d AS (DELETE FROM t RETURNING 1) SELECT 1)', path: 'tables.t$N.columns.b.default', kind: 'expression' },
  { name: 'column default balanced to reopen', yaml: TABLE('      b: { type: integer, default: $V }\n'), value: '1) + (2', path: 'tables.t$N.columns.b.default', kind: 'expression' },
  { name: 'column check', yaml: TABLE('      b: { type: integer, check: $V }\n'), value: `b > 0${ESCAPE}`, path: 'tables.t$N.columns.b.check', kind: 'expression' },
  { name: 'generated column', yaml: TABLE('      b: { type: integer, generated: $V }\n'), value: `a * 2) STORED${ESCAPE}`, path: 'tables.t$N.columns.b.generated', kind: 'expression' },
  { name: 'USING of a type change', yaml: TABLE('      b: { type: integer, using: $V }\n'), value: 'b::integer; CREATE ROLE pwned', path: 'tables.t$N.columns.b.using', kind: 'expression' },
  { name: 'USING of the down plan', yaml: TABLE('      b: { type: integer, using: b::integer, reverse_using: $V }\n'), value: `b::text${ESCAPE}`, path: 'tables.t$N.columns.b.reverse_using', kind: 'expression' },
  { name: 'backfill expression', yaml: TABLE('      b: { type: integer, backfill: $V }\n'), value: 'a + 1; CREATE ROLE pwned', path: 'tables.t$N.columns.b.backfill', kind: 'expression' },
  { name: 'backfill condition', yaml: TABLE('      b: { type: integer, backfill: { value: a + 1, where: $V } }\n'), value: `b IS NULL${ESCAPE}`, path: 'tables.t$N.columns.b.backfill.where', kind: 'expression' },
  { name: 'column type, short form', yaml: TABLE('      b: $V\n'), value: 'integer); CREATE ROLE pwned; CREATE TABLE x (y int', path: 'tables.t$N.columns.b', kind: 'type' },
  { name: 'column type with a constraint', yaml: TABLE('      b: { type: $V }\n'), value: 'integer PRIMARY KEY', path: 'tables.t$N.columns.b.type', kind: 'type' },
  { name: 'column collation', yaml: TABLE('      b: { type: text, collation: $V }\n'), value: `"C"${ESCAPE}`, path: 'tables.t$N.columns.b.collation', kind: 'collation' },
  { name: 'table check, short form', yaml: TABLE('    checks:\n      c: $V\n'), value: `a > 0${ESCAPE}`, path: 'tables.t$N.checks.c', kind: 'expression' },
  { name: 'table check expression', yaml: TABLE('    checks:\n      c: { expression: $V }\n'), value: `a > 0) NOT VALID${ESCAPE}`, path: 'tables.t$N.checks.c.expression', kind: 'expression' },
  { name: 'exclusion definition', yaml: TABLE('    exclusions:\n      x: $V\n'), value: 'USING gist (a WITH =); CREATE ROLE pwned', path: 'tables.t$N.exclusions.x', kind: 'exclusion' },
  { name: 'exclusion elements', yaml: TABLE('    exclusions:\n      x: { elements: $V }\n'), value: `a WITH =${ESCAPE}`, path: 'tables.t$N.exclusions.x.elements', kind: 'exclusion_elements' },
  { name: 'exclusion method', yaml: TABLE('    exclusions:\n      x: { using: $V, elements: a WITH = }\n'), value: 'gist (a WITH =); CREATE ROLE pwned; --', path: 'tables.t$N.exclusions.x.using', kind: 'method' },
  { name: 'exclusion predicate', yaml: TABLE('    exclusions:\n      x: { elements: a WITH =, where: $V }\n'), value: `a > 0${ESCAPE}`, path: 'tables.t$N.exclusions.x.where', kind: 'expression' },
  { name: 'index predicate', yaml: TABLE('    indexes:\n      i: { columns: [a], where: $V }\n'), value: `a > 0${ESCAPE}`, path: 'tables.t$N.indexes.i.where', kind: 'expression' },
  { name: 'index expression key, short form', yaml: TABLE('    indexes:\n      i: [$V]\n'), value: `lower(a::text)${ESCAPE}`, path: 'tables.t$N.indexes.i[0]', kind: 'expression' },
  { name: 'index expression key', yaml: TABLE('    indexes:\n      i: { columns: [{ expression: $V }] }\n'), value: `(a + 1)${ESCAPE}`, path: 'tables.t$N.indexes.i.columns[0].expression', kind: 'expression' },
  { name: 'index operator class', yaml: TABLE('    indexes:\n      i: { columns: [{ column: a, opclass: $V }] }\n'), value: `int4_ops${ESCAPE}`, path: 'tables.t$N.indexes.i.columns[0].opclass', kind: 'opclass' },
  { name: 'index key collation', yaml: TABLE('    indexes:\n      i: { columns: [{ column: a, collation: $V }] }\n'), value: `"C"${ESCAPE}`, path: 'tables.t$N.indexes.i.columns[0].collation', kind: 'collation' },
  { name: 'index method', yaml: TABLE('    indexes:\n      i: { columns: [a], using: $V }\n'), value: 'btree (a); CREATE ROLE pwned; --', path: 'tables.t$N.indexes.i.using', kind: 'method' },
  { name: 'policy USING', yaml: TABLE('    row_level_security: true\n    policies:\n      p: { using: $V }\n'), value: `true${ESCAPE}`, path: 'tables.t$N.policies.p.using', kind: 'expression' },
  { name: 'policy WITH CHECK', yaml: TABLE('    row_level_security: true\n    policies:\n      p: { for: insert, with_check: $V }\n'), value: `true${ESCAPE}`, path: 'tables.t$N.policies.p.with_check', kind: 'expression' },
  { name: 'policy USING hiding the rest of its line', yaml: TABLE('    row_level_security: true\n    policies:\n      p: { using: $V, with_check: a > 0 }\n'), value: 'true --', path: 'tables.t$N.policies.p.using', kind: 'expression' },
  { name: 'trigger WHEN', yaml: TABLE('    triggers:\n      tr: { timing: before, events: [update], for_each: row, function: f, when: $V }\n'), value: `NEW.a > 0) EXECUTE FUNCTION f()${ESCAPE}`, path: 'tables.t$N.triggers.tr.when', kind: 'expression' },
  { name: 'data value given as SQL', yaml: TABLE('    data:\n      - { id: 1, a: { sql: $V } }\n'), value: `1${ESCAPE}`, path: 'tables.t$N.data[0].a.sql', kind: 'expression' },
  { name: 'data value given as SQL, long form', yaml: TABLE('    data:\n      rows:\n        - { id: 1, a: { sql: $V } }\n'), value: '1; CREATE ROLE pwned', path: 'tables.t$N.data.rows[0].a.sql', kind: 'expression' },
  { name: 'partition key expression', yaml: TABLE('    partition_by: { range: [$V] }\n'), value: `(a + 1)${ESCAPE}`, path: 'tables.t$N.partition_by.range[0]', kind: 'partition_key' },
  { name: 'partitioning as text', yaml: TABLE('    partition_by: $V\n'), value: 'RANGE (a); CREATE ROLE pwned', path: 'tables.t$N.partition_by', kind: 'partition_by' },
  { name: 'partition bound, short form', yaml: TABLE('    partition_by: { list: [a] }\n    partitions:\n      t$N_other: $V\n'), value: 'DEFAULT; CREATE ROLE pwned', path: 'tables.t$N.partitions.t$N_other', kind: 'partition_bound' },
  { name: 'partition bound', yaml: TABLE('    partition_by: { list: [a] }\n    partitions:\n      t$N_one: { bound: $V }\n'), value: 'FOR VALUES IN (1); CREATE ROLE pwned', path: 'tables.t$N.partitions.t$N_one.bound', kind: 'partition_bound' },
  { name: 'partition column default', yaml: TABLE('    partition_by: { list: [a] }\n    partitions:\n      t$N_one: { in: [1], columns: { b: { default: $V } } }\n'), value: '1) FOR VALUES IN (2); CREATE ROLE pwned; --', path: 'tables.t$N.partitions.t$N_one.columns.b.default', kind: 'expression' },
  { name: 'view query with a second statement', yaml: 'views:\n  v$N: { query: $V }\n', value: 'SELECT 1 AS x; CREATE ROLE pwned', path: 'views.v$N.query', kind: 'query' },
  { name: 'view query that is not a query', yaml: 'views:\n  v$N: { query: $V }\n', value: 'CREATE ROLE pwned', path: 'views.v$N.query', kind: 'query' },
  { name: 'view query with a data-modifying CTE', yaml: 'views:\n  v$N: { query: $V }\n', value: 'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', path: 'views.v$N.query', kind: 'query' },
  { name: 'view query creating a table', yaml: 'views:\n  v$N: { query: $V }\n', value: 'SELECT 1 AS x INTO pwned_table', path: 'views.v$N.query', kind: 'query' },
  { name: 'view query hiding its CHECK OPTION', yaml: 'views:\n  v$N: { query: $V, check_option: local }\n', value: 'SELECT 1 AS x --', path: 'views.v$N.query', kind: 'query' },
  { name: 'view trigger WHEN', yaml: 'views:\n  v$N:\n    query: SELECT 1 AS x\n    triggers:\n      tr: { timing: after, events: [insert], function: f, when: $V }\n', value: `true${ESCAPE}`, path: 'views.v$N.triggers.tr.when', kind: 'expression' },
  { name: 'materialized view query', yaml: 'materialized_views:\n  m$N: { query: $V }\n', value: 'SELECT 1 AS x; CREATE ROLE pwned', path: 'materialized_views.m$N.query', kind: 'query' },
  { name: 'materialized view index predicate', yaml: 'materialized_views:\n  m$N:\n    query: SELECT 1 AS x\n    indexes:\n      i: { columns: [x], where: $V }\n', value: `x > 0${ESCAPE}`, path: 'materialized_views.m$N.indexes.i.where', kind: 'expression' },
  { name: 'continuous aggregate query', yaml: 'continuous_aggregates:\n  c$N: { query: $V }\n', value: "SELECT time_bucket('1 day', ts) AS d FROM m GROUP BY 1; CREATE ROLE pwned", path: 'continuous_aggregates.c$N.query', kind: 'query' },
  { name: 'domain base type', yaml: 'types:\n  d$N: { domain: $V }\n', value: 'integer; CREATE ROLE pwned', path: 'types.d$N.domain', kind: 'type' },
  { name: 'domain default', yaml: 'types:\n  d$N: { domain: integer, default: $V }\n', value: '0; CREATE ROLE pwned', path: 'types.d$N.default', kind: 'expression' },
  { name: 'domain check', yaml: 'types:\n  d$N: { domain: integer, checks: { positive: $V } }\n', value: `VALUE > 0${ESCAPE}`, path: 'types.d$N.checks.positive', kind: 'expression' },
  { name: 'composite attribute type', yaml: 'types:\n  c$N: { composite: { a: $V } }\n', value: `integer${ESCAPE}`, path: 'types.c$N.composite.a', kind: 'type' },
  { name: 'function return type', yaml: 'functions:\n  f$N: { returns: $V, body: SELECT 1 }\n', value: 'integer LANGUAGE sql AS $x$ SELECT 1 $x$; CREATE ROLE pwned; --', path: 'functions.f$N.returns', kind: 'returns' },
  { name: 'function argument type', yaml: 'functions:\n  f$N: { arguments: { a: $V }, returns: integer, body: SELECT 1 }\n', value: `integer) RETURNS integer LANGUAGE sql AS 'SELECT 1'${ESCAPE}`, path: 'functions.f$N.arguments.a', kind: 'argument_type' },
  { name: 'function argument default', yaml: 'functions:\n  f$N: { arguments: { a: { type: integer, default: $V } }, returns: integer, body: SELECT 1 }\n', value: `1) RETURNS integer LANGUAGE sql AS 'SELECT 1'${ESCAPE}`, path: 'functions.f$N.arguments.a.default', kind: 'expression' },
  { name: 'SQL-standard RETURN body', yaml: 'functions:\n  f$N: { returns: integer, body: $V }\n', value: 'RETURN 1; CREATE ROLE pwned', path: 'functions.f$N.body', kind: 'sql_body' },
  { name: 'BEGIN ATOMIC body', yaml: 'functions:\n  f$N: { returns: integer, body: $V }\n', value: 'BEGIN ATOMIC SELECT 1; END; CREATE ROLE pwned', path: 'functions.f$N.body', kind: 'sql_body' },
  { name: 'SQL body that does not parse', yaml: 'functions:\n  f$N: { returns: integer, body: $V }\n', value: 'SELEC 1', path: 'functions.f$N.body', kind: 'sql_body' },
  { name: 'function COST', yaml: 'functions:\n  f$N: { returns: integer, body: SELECT 1, cost: $V }\n', value: '100 AS $$ SELECT 1 $$; CREATE ROLE pwned; --', path: 'functions.f$N.cost', kind: 'number' },
  { name: 'procedure BEGIN ATOMIC body', yaml: 'procedures:\n  p$N: { body: $V }\n', value: 'BEGIN ATOMIC SELECT 1; END; CREATE ROLE pwned', path: 'procedures.p$N.body', kind: 'sql_body' },
  { name: 'overloaded function argument type', yaml: 'functions:\n  f$N:\n    - { arguments: [$V], returns: integer, body: SELECT 1 }\n', value: `text${ESCAPE}`, path: 'functions.f$N[0].arguments[0]', kind: 'argument_type' },
];

/** The case's file text and where its value starts (1-based line and column). */
function render(c: InjectionCase, n: number): { text: string; line: number; column: number; path: string } {
  const template = c.yaml.replace(/\$N/g, String(n));
  const before = template.slice(0, template.indexOf('$V')).split('\n');
  return {
    text: template.replace('$V', () => JSON.stringify(c.value)),
    line: before.length,
    column: before[before.length - 1]!.length + 1,
    path: c.path.replace(/\$N/g, String(n)),
  };
}

function problemsOf(files: { path: string; text: string }[]): readonly Problem[] {
  try {
    loadSchemaFiles(files);
  } catch (e) {
    if (e instanceof YamlError) return e.problems;
    throw e;
  }
  return [];
}

describe('SQL fragments from schema files', () => {
  it('has injection attempts for every kind of fragment', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const kind of Object.keys(FRAGMENT_ALLOWS)) expect(kinds, kind).toContain(kind);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('refuses %s, at the value, saying what the key allows', (_name, c, i) => {
    const r = render(c, i);
    const problems = problemsOf([{ path: `case-${i}.yaml`, text: r.text }]);
    // Some loaders refuse a malformed value on their own too; the parser's verdict is there as well.
    const mine = problems.filter((p) => p.path === r.path && p.message.startsWith(`${FRAGMENT_ALLOWS[c.kind]}, but `));
    expect(mine, JSON.stringify(problems)).toHaveLength(1);
    expect(mine[0]).toMatchObject({ file: `case-${i}.yaml`, line: r.line, column: r.column });
  });

  it('loads the legitimate forms of every kind of fragment', () => {
    const text = `
types:
  positive: { domain: integer, default: 1, checks: { above_zero: VALUE > 0 } }
  pair: { composite: { a: integer, b: { type: text, collation: C } } }
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
      email: { type: text, collation: '"C"', check: "email <> ''" }
      price: { type: "numeric(12,2)", default: 0, using: price::numeric }
      double: { type: numeric, generated: price * 2 }
      during: tstzrange
      tags: "text[]"
      created: { type: timestamptz, default: "now() - interval '1 day'" }
      note: { type: text, default: "'-- inside a string; not a comment'" }
    checks:
      positive: price >= 0
      named: { expression: "EXISTS (SELECT 1) AND price < 1e9" }
    exclusions:
      no_overlap: USING gist (during WITH &&) WHERE (price > 0)
      by_elements: { using: gist, elements: during WITH &&, where: price > 0 }
    indexes:
      by_email: [lower(email) text_pattern_ops, email DESC NULLS LAST, "(price + 1)"]
      by_email_c: { columns: [{ column: email, collation: C, opclass: text_pattern_ops }, { expression: upper(email) }], where: price > 0, using: btree }
    row_level_security: true
    policies:
      mine: { using: "email = current_user", with_check: "price >= 0" }
    triggers:
      touch: { timing: before, events: [update], for_each: row, function: touch, when: OLD.price IS DISTINCT FROM NEW.price }
    data:
      - { id: 1, email: "a'); CREATE ROLE pwned; --", price: 1, created: { sql: "now()" } }
  events:
    columns:
      id: integer
      at: timestamptz
      region: text
    partition_by: { range: [at, "date_trunc('day', at)"] }
    partitions:
      events_all: DEFAULT
views:
  cheap: { query: "WITH c AS (SELECT * FROM items) SELECT id FROM c WHERE price < 10;", check_option: local }
  listed: { query: "SELECT 1 AS x -- a comment inside\\nUNION SELECT 2" }
materialized_views:
  totals: { query: SELECT count(*) AS n FROM items, indexes: { by_n: { columns: [n], where: n > 0 } } }
functions:
  touch: { returns: trigger, language: plpgsql, body: "BEGIN NEW.price := NEW.price; RETURN NEW; END $$; CREATE ROLE pwned; --" }
  add: { arguments: { a: integer, b: { type: integer, default: 1 } }, returns: integer, body: RETURN a + b }
  many: { returns: "TABLE(id integer, email text)", body: "SELECT id, email FROM items; SELECT 1", cost: "10" }
  atomic: { returns: "SETOF integer", body: "BEGIN ATOMIC SELECT 1; SELECT 2; END" }
procedures:
  tidy: { arguments: ["integer"], body: "BEGIN ATOMIC DELETE FROM items WHERE id = $1; END" }
`;
    const problems = problemsOf([{ path: 'ok.yaml', text }]);
    expect(problems).toEqual([]);
  });

  it('refuses every case from the command line with exit code 1, before any database is touched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-injection-'));
    const schema = join(dir, 'schema');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(schema);
    const expected = CASES.map((c, i) => {
      const r = render(c, i);
      writeFileSync(join(schema, `case-${String(i).padStart(2, '0')}.yaml`), r.text);
      return `case-${String(i).padStart(2, '0')}.yaml:${r.line}:${r.column}: ${r.path}: ${FRAGMENT_ALLOWS[c.kind]}, but `;
    });
    const url = await freshPostgresDatabase('inject');
    const admin = await openPostgres(inject('postgresUrl'));
    try {
      // The --dev-url names a server nothing listens on: a refusal that came after pgform reached
      // for its scratch database would be a connection error instead of the located ones.
      const run = runPgform(dir, ['plan', '--schema', 'schema', '--db', url, '--dev-url', 'postgres://pgform@127.0.0.1:1/scratch']);
      expect(run.code).toBe(1);
      for (const e of expected) expect(run.stderr).toContain(e);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      const roles = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = 'pwned'");
      expect(roles).toEqual([]);
      expect(run.stderr).not.toMatch(/ECONNREFUSED|connect|scratch database/i);
      // Embedded: the refusal comes before the default database is even created.
      const embedded = runPgform(dir, ['plan', '--schema', 'schema']);
      expect(embedded.code).toBe(1);
      expect(embedded.stderr).toContain(expected[0]);
      expect(existsSync(join(dir, '.pgform', 'db'))).toBe(false);
    } finally {
      await admin.close();
    }
  });
});
