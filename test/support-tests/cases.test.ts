import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseFormatError, caseNumber, extensionsOf, loadCase, loadCases } from '../support/cases.ts';

const cases = loadCases();
/** The extensions the corpus may use: available on both engines (timescaledb: the embedded TimescaleDB build). */
const CORPUS_EXTENSIONS = ['btree_gist', 'citext', 'pg_trgm', 'pgcrypto', 'timescaledb', 'uuid-ossp'];

describe('the corpus', () => {
  it('has at least 45 cases, named NN-name, numbered uniquely and in order', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    for (const c of cases) expect(c.name).toMatch(/^\d{2,3}-[a-z0-9-]+$/);
    const numbers = cases.map((c) => caseNumber(c.name));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(cases.length);
  });

  it('uses only the extensions available on both engines', () => {
    for (const c of cases) for (const e of c.extensions) expect(CORPUS_EXTENSIONS, `${c.name}`).toContain(e);
  });

  it('keeps its annotations consistent: renames and USING name objects of the right state', () => {
    for (const c of cases) {
      for (const [k, old] of Object.entries(c.renames.tables)) {
        expect(c.reverseRenames.tables, `${c.name}: reverse of table rename ${k}`).toHaveProperty([`${k.split('.')[0]}.${old}`]);
      }
      for (const [k, old] of Object.entries(c.renames.columns)) {
        const [s, t] = k.split('.');
        const reverseTable = c.renames.tables[`${s}.${t}`] ?? t;
        expect(c.reverseRenames.columns, `${c.name}: reverse of column rename ${k}`).toHaveProperty([`${s}.${reverseTable}.${old}`]);
      }
    }
  });
});

describe('loadCase', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgform-cases-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, yaml: string, files: Partial<Record<'before.sql' | 'after.sql', string>> = {}): string {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'case.yaml'), yaml);
    writeFileSync(join(d, 'before.sql'), files['before.sql'] ?? '');
    writeFileSync(join(d, 'after.sql'), files['after.sql'] ?? 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\ncreate extension Citext;\n-- CREATE EXTENSION pg_trgm;\n');
    return d;
  }

  it('applies defaults', () => {
    const c = loadCase(write('01-minimal', 'description: minimal\n'));
    expect(c).toMatchObject({
      name: '01-minimal',
      description: 'minimal',
      renames: { tables: {}, columns: {} },
      reverseRenames: { tables: {}, columns: {} },
      using: {},
      reverseUsing: {},
      plan: { contains: [], notContains: [], hazards: [], hazardsExact: false },
      data: [],
      reverse: true,
      engines: ['pglite', 'postgres'],
      extensions: ['citext', 'uuid-ossp'],
    });
  });

  it('reads every field', () => {
    const c = loadCase(write('02-full', `
description: full
renames: { tables: { public.b: a }, columns: { public.b.y: x } }
reverse_renames: { tables: { public.a: b }, columns: { public.a.x: y } }
using: { public.b.y: "y::int" }
reverse_using: { public.a.x: "x::text" }
plan: { contains: [ RENAME ], not_contains: [ DROP ], hazards: [ data_loss ], hazards_exact: true }
data: [ { sql: SELECT 1 AS n, rows: [ { n: 1 } ] } ]
reverse: false
engines: [ postgres ]
`));
    expect(c.renames).toEqual({ tables: { 'public.b': 'a' }, columns: { 'public.b.y': 'x' } });
    expect(c.reverseUsing).toEqual({ 'public.a.x': 'x::text' });
    expect(c.plan).toEqual({ contains: ['RENAME'], notContains: ['DROP'], hazards: ['data_loss'], hazardsExact: true });
    expect(c.data).toEqual([{ sql: 'SELECT 1 AS n', rows: [{ n: 1 }], error: null, role: null, settings: {} }]);
    expect(c.reverse).toBe(false);
    expect(c.engines).toEqual(['postgres']);
  });

  it('reads data checks with an expected error, a role and settings, and the roles a case creates', () => {
    const d = write('63-roles', `
description: roles
data:
  - { sql: UPDATE t SET x = 1, error: "append-only" }
  - { sql: SELECT 1 AS n, role: c63_app, settings: { app.current_user_id: "7" }, rows: [ { n: 1 } ] }
`);
    writeFileSync(join(d, 'before.sql'), `DO $$ BEGIN CREATE ROLE c63_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);
    writeFileSync(join(d, 'after.sql'), `-- CREATE ROLE other\nCREATE USER "c63_Login";`);
    const c = loadCase(d);
    expect(c.data).toEqual([
      { sql: 'UPDATE t SET x = 1', rows: null, error: 'append-only', role: null, settings: {} },
      { sql: 'SELECT 1 AS n', rows: [{ n: 1 }], error: null, role: 'c63_app', settings: { 'app.current_user_id': '7' } },
    ]);
    expect(c.rolePrefix).toBe('c63_');
    expect(c.roles).toEqual(['c63_Login', 'c63_app']);
    writeFileSync(join(d, 'after.sql'), `CREATE ROLE reader;`);
    expect(() => loadCase(d)).toThrow(/role reader must be named with the case's prefix c63_/);
  });

  it.each([
    ['data row with rows and error', 'description: x\ndata: [ { sql: SELECT 1, rows: [], error: x } ]\n', /rows and error exclude each other/],
    ['unknown top-level key', 'description: x\nrevers: false\n', /03-bad: case\.yaml: revers: unknown key/],
    ['missing description', 'reverse: true\n', /description: a non-empty string is required/],
    ['unknown hazard', 'description: x\nplan: { hazards: [ dataloss ] }\n', /unknown hazard kind dataloss/],
    ['unknown engine', 'description: x\nengines: [ mysql ]\n', /unknown engine mysql/],
    ['non-boolean reverse', 'description: x\nreverse: nope\n', /reverse: must be true or false/],
    ['bad rename key', 'description: x\nrenames: { tables: { users: people } }\n', /renames\.tables\.users: key must be schema-qualified/],
    ['data row without sql', 'description: x\ndata: [ { rows: [] } ]\n', /data\[0\]\.sql/],
    ['invalid YAML', 'description: [x\n', /not valid YAML/],
    ['a list at top level', '- x\n', /top level: must be a mapping/],
  ])('rejects %s with a clear error', (_what, yaml, message) => {
    const d = write('03-bad', yaml);
    expect(() => loadCase(d)).toThrow(CaseFormatError);
    expect(() => loadCase(d)).toThrow(message);
  });

  it('names a missing file', () => {
    const d = join(dir, '04-missing');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'case.yaml'), 'description: x\n');
    expect(() => loadCase(d)).toThrow(/04-missing: missing before\.sql/);
  });

  it('finds extensions in SQL, ignoring comments', () => {
    expect(extensionsOf('CREATE EXTENSION IF NOT EXISTS pgcrypto; /* CREATE EXTENSION ltree */ create extension "uuid-ossp" WITH SCHEMA x')).toEqual(['pgcrypto', 'uuid-ossp']);
  });
});
