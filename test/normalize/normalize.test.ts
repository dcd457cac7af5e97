import { describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.ts';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { normalizeWithStats } from '../../src/normalize/normalize.ts';
import { stateText } from '../../src/model/fingerprint.ts';
import type { DatabaseModel } from '../../src/model/database.ts';

function model(extra: { cNote?: boolean; aKeyType?: string } = {}): DatabaseModel {
  const yaml = `
types:
  mood: [sad, happy]
tables:
  a:
    columns:
      id: { type: ${extra.aKeyType ?? 'int'}, primary_key: true }
      name: varchar(20)
  b:
    columns:
      id: serial
      a_id: { type: ${extra.aKeyType ?? 'int'}, references: a }
      feeling: { type: mood, default: "'happy'" }
  c:
    columns:
      id: { type: bigint, identity: always, primary_key: true }
      at: { type: timestamptz, default: CURRENT_TIMESTAMP }${extra.cNote ? '\n      note: text' : ''}
`;
  return loadSchemaFiles([{ path: 's.yaml', text: yaml }]).model;
}

describe('normalization', () => {
  it('puts types and expressions into PostgreSQL canonical form', async () => {
    const { model: m } = await normalizeWithStats(model(), { cacheDir: null, managedSchemas: ['public'] });
    const b = m.tables.find((t) => t.name === 'b')!;
    expect(b.columns.map((c) => [c.name, c.type, c.default])).toEqual([
      ['id', 'integer', "nextval('b_id_seq'::regclass)"],
      ['a_id', 'integer', null],
      ['feeling', 'mood', "'happy'::mood"],
    ]);
    expect(m.sequences.map((s) => [s.name, s.ownedBy?.table])).toEqual([['b_id_seq', 'b']]);
    const fk = b.constraints.find((c) => c.kind === 'foreign_key');
    expect(fk?.name).toBe('b_a_id_fkey');
    expect(m.tables.find((t) => t.name === 'c')!.columns[1]!.default).toBe('CURRENT_TIMESTAMP');
  });

  it('normalizes only the tables that changed, and gives the same result as a full run', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'pgform-norm-'));
    const opts = { cacheDir, managedSchemas: ['public'] };
    expect((await normalizeWithStats(model(), opts)).stats).toEqual({ tablesNormalized: 3, tablesFromCache: 0 });
    expect((await normalizeWithStats(model(), opts)).stats).toEqual({ tablesNormalized: 0, tablesFromCache: 3 });

    const changed = await normalizeWithStats(model({ cNote: true }), opts);
    expect(changed.stats).toEqual({ tablesNormalized: 1, tablesFromCache: 2 });
    const full = await normalizeWithStats(model({ cNote: true }), { cacheDir: null, managedSchemas: ['public'] });
    expect(stateText(changed.model)).toBe(stateText(full.model));

    // A referenced key's type is part of what the referencing table's normal form depends on.
    const keyChanged = await normalizeWithStats(model({ aKeyType: 'bigint' }), opts);
    expect(keyChanged.stats).toEqual({ tablesNormalized: 2, tablesFromCache: 1 });
    const fullKey = await normalizeWithStats(model({ aKeyType: 'bigint' }), { cacheDir: null, managedSchemas: ['public'] });
    expect(stateText(keyChanged.model)).toBe(stateText(fullKey.model));
  });

  it('creates a referenced table as a stub of its keys only: a foreign key to a unique key or a unique index', async () => {
    const yaml = (note: boolean) => `
tables:
  a:
    comment: referenced
    columns:
      id: { type: bigint, identity: always, primary_key: true }
      code: { type: varchar(20), not_null: true, unique: true, default: "'x'" }
      tag: { type: text, collation: C, not_null: true }
      other: jsonb
    indexes:
      a_tag_key: { columns: [tag], unique: true }
      a_other_idx: { columns: [other], using: gin }
  b:
    columns:
      id: { type: int, primary_key: true }
      a_code: { type: varchar(20) }
      a_tag: { type: text, collation: C }${note ? '\n      note: text' : ''}
    foreign_keys:
      b_code_fkey: { columns: [a_code], references: { table: a, columns: [code] } }
      b_tag_fkey: { columns: [a_tag], references: { table: a, columns: [tag] }, on_delete: cascade }
`;
    const load = (note: boolean) => loadSchemaFiles([{ path: 's.yaml', text: yaml(note) }]).model;
    const cacheDir = mkdtempSync(join(tmpdir(), 'pgform-norm-'));
    const opts = { cacheDir, managedSchemas: ['public'] };
    await normalizeWithStats(load(false), opts);
    const changed = await normalizeWithStats(load(true), opts);
    expect(changed.stats).toEqual({ tablesNormalized: 1, tablesFromCache: 1 });
    const full = await normalizeWithStats(load(true), { cacheDir: null, managedSchemas: ['public'] });
    expect(stateText(changed.model)).toBe(stateText(full.model));
  });

  it('normalizes a normalized state (the second pass) table by table too, public schema grant and all', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'pgform-norm-'));
    const opts = { cacheDir, managedSchemas: ['public'] };
    const once = (await normalizeWithStats(model(), opts)).model;
    expect(once.grants.map((g) => [g.objectKind, g.schema, g.grantee, g.privilege])).toContainEqual(['schema', 'public', 'PUBLIC', 'USAGE']);
    expect((await normalizeWithStats(once, opts)).stats).toEqual({ tablesNormalized: 3, tablesFromCache: 0 });
    const onceChanged = (await normalizeWithStats(model({ cNote: true }), opts)).model;
    const twice = await normalizeWithStats(onceChanged, opts);
    expect(twice.stats).toEqual({ tablesNormalized: 1, tablesFromCache: 2 });
    expect(stateText(twice.model)).toBe(stateText((await normalizeWithStats(onceChanged, { cacheDir: null, managedSchemas: ['public'] })).model));
  });

  it('normalizes on a --dev-url server in a scratch database it drops afterwards', async () => {
    // A login role of this test's own: other files normalize on the same server at the same time, so
    // "no scratch database left" is asked of the databases this role created, not of the whole server.
    const serverUrl = inject('postgresUrl');
    const role = `norm_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(serverUrl);
    try {
      await admin.exec(`CREATE ROLE ${role} LOGIN CREATEDB`);
      const devUrl = new URL(serverUrl);
      devUrl.username = role;
      const onServer = await normalizeWithStats(model(), { cacheDir: null, devUrl: devUrl.toString(), managedSchemas: ['public'] });
      const embedded = await normalizeWithStats(model(), { cacheDir: null, managedSchemas: ['public'] });
      expect(onServer.model.tables.map((t) => t.columns.map((c) => c.type))).toEqual(
        embedded.model.tables.map((t) => t.columns.map((c) => c.type)),
      );
      const left = `SELECT datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = $1`;
      expect(await admin.query(left, [role])).toEqual([]);
    } finally {
      await admin.exec(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await admin.close();
    }
  });

});
