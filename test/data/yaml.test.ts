import { describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { YamlError } from '../../src/yaml/problems.ts';

function problems(text: string): string[] {
  try {
    loadSchemaFiles([{ path: 'data.yaml', text }]);
  } catch (e) {
    if (e instanceof YamlError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a YamlError');
}

describe('data: YAML', () => {
  it('loads rows keyed by the primary key, values as PostgreSQL text', () => {
    const { model } = loadSchemaFiles([
      {
        path: 'a.yaml',
        text: `tables:
  app.roles:
    columns:
      id: { type: integer, primary_key: true }
      name: text
      level: int
      settings: jsonb
      labels: "text[]"
      active: boolean
      created_at: timestamptz
    data:
      delete_others: true
      rows:
        - { id: 2, name: viewer, level: 10, settings: null }
        - { id: 1, name: admin, level: 100, settings: { mfa: true, n: [1, 2] }, labels: [ops, 'a "b"', null], active: true, created_at: { sql: now() } }
  plain:
    columns:
      code: { type: text, primary_key: true }
    data: [ { code: x } ]
`,
      },
    ]);
    expect(model.data).toEqual([
      {
        schema: 'app',
        table: 'roles',
        key: ['id'],
        full: true,
        rows: [
          {
            id: '1',
            name: 'admin',
            level: '100',
            settings: '{"mfa":true,"n":[1,2]}',
            labels: '{"ops","a \\"b\\"",NULL}',
            active: 'true',
            created_at: { sql: 'now()' },
          },
          { id: '2', name: 'viewer', level: '10', settings: null },
        ],
      },
      { schema: 'public', table: 'plain', key: ['code'], full: false, rows: [{ code: 'x' }] },
    ]);
  });

  it('leaves data out of the model when no table declares any', () => {
    const { model } = loadSchemaFiles([{ path: 'a.yaml', text: 'tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n' }]);
    expect('data' in model).toBe(false);
  });

  it('reports every problem at its row or value', () => {
    expect(
      problems(`tables:
  roles:
    columns:
      id: { type: integer, primary_key: true }
      name: text
      total: { type: int, generated: "id * 2" }
    data:
      rows:
        - { id: 1, name: admin }
        - { name: nobody }
        - { id: 1, name: again }
        - { id: 3, nme: typo }
        - { id: 4, name: [a, b] }
        - { id: 5, total: 10 }
        - { id: null }
  nokey:
    columns:
      a: text
    data: [ { a: x } ]
`),
    ).toEqual([
      'data.yaml:10:11: tables.roles.data.rows[1]: the row has no value for key column `id`',
      'data.yaml:11:11: tables.roles.data.rows[2]: a row with key (id=1) is already given at data.yaml:9:11',
      'data.yaml:12:20: tables.roles.data.rows[3].nme: table `public.roles` has no column `nme`',
      'data.yaml:13:26: tables.roles.data.rows[4].name: column `name` (text) takes a scalar; lists and mappings are for json/jsonb and array columns, `{ sql: ... }` for an SQL expression',
      'data.yaml:14:20: tables.roles.data.rows[5].total: column `total` is generated; it cannot be given a value',
      'data.yaml:15:17: tables.roles.data.rows[6].id: key column `id` needs a value (not null, not an SQL expression)',
      'data.yaml:19:5: tables.nokey.data: table `public.nokey` has no primary key; reference rows are keyed by it',
    ]);
  });

  it('refuses values their column cannot take, at the value, before any database', () => {
    expect(
      problems(`types:
  mood: [sad, happy, '']
tables:
  t:
    columns:
      id: { type: integer, primary_key: true }
      small: smallint
      n: numeric(10,2)
      ok: boolean
      u: uuid
      m: mood
      note: text
    data:
      - { id: 1, small: 12, n: "1.5e3", ok: yes, u: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", m: '', note: abc }
      - { id: abc }
      - { id: 3, small: 40000 }
      - { id: 4, n: twelve, ok: maybe, u: "not-a-uuid", m: angry }
      - { id: "1_000", small: "0x7f" }
`),
    ).toEqual([
      'data.yaml:15:15: tables.t.data[1].id: `abc` is not an integer (column `id` is integer)',
      'data.yaml:16:25: tables.t.data[2].small: `40000` is not within the range of smallint (-32768 to 32767) (column `small` is smallint)',
      'data.yaml:17:21: tables.t.data[3].n: `twelve` is not a number (column `n` is numeric(10,2))',
      'data.yaml:17:33: tables.t.data[3].ok: `maybe` is not a boolean (true, false, yes, no, on, off, 1, 0) (column `ok` is boolean)',
      'data.yaml:17:43: tables.t.data[3].u: `not-a-uuid` is not a uuid (column `u` is uuid)',
      'data.yaml:17:60: tables.t.data[3].m: `angry` is not a label of enum `public.mood` (column `m`); its labels: `sad`, `happy`, ``',
    ]);
  });

  it('checks the shape with the JSON Schema', () => {
    const out = problems(`tables:
  roles:
    columns:
      id: { type: integer, primary_key: true }
    data: { rows: [ { id: 1 } ], delete_other: true }
`);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^data\.yaml:5:34: tables\.roles\.data\.delete_other: unknown key `delete_other`/);
  });
});
