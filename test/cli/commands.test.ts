import { describe, expect, it, beforeAll } from 'vitest';
import { runPgform } from '../support/cli.ts';
import { runCacheDir } from '../support/run-cache.ts';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';

// The run's normalization cache (test/support/run-cache.ts): every invocation normalizes what an
// earlier one (or another file) already did only once, as a user's project cache does.
const cache = runCacheDir();
const pgform = (cwd: string, args: string[], env: Record<string, string> = {}) => runPgform(cwd, args, { PGFORM_CACHE_DIR: cache, ...env });

const V1 = `tables:
  items:
    columns:
      id: { type: bigint, primary_key: true }
      name: { type: text, not_null: true }
      price: numeric(10,2)
`;
const V2 = `tables:
  items:
    columns:
      id: { type: bigint, primary_key: true }
      name: { type: text, not_null: true }
      sku: varchar(40)
    indexes:
      items_sku_idx: { columns: [sku], unique: true }
`;

function project(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pgform-cli-'));
  mkdirSync(join(dir, 'schema'));
  writeFileSync(join(dir, 'schema', 'items.yaml'), yaml);
  return dir;
}

describe('pgform on the embedded default database', () => {
  let dir: string;
  beforeAll(() => {
    dir = project(V1);
  });

  it('validates, plans, applies, reports no drift and an empty second plan', () => {
    expect(pgform(dir, ['validate']).stdout).toMatch(/^ok: 1 file\(s\), 1 table\(s\)/);
    const plan = pgform(dir, ['plan', '--exit-code']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('CREATE TABLE "public"."items"');
    const apply = pgform(dir, ['apply', '--yes']);
    expect(apply.stderr).toMatch(/\[1\/1\] create table public\.items done in/);
    expect(apply.code).toBe(0);
    expect(pgform(dir, ['drift']).code).toBe(0);
    expect(pgform(dir, ['plan', '--exit-code']).code).toBe(0);
  });

  it('applies exactly a reviewed plan file, refuses it edited or stale, and keeps history', () => {
    writeFileSync(join(dir, 'schema', 'items.yaml'), V2);
    const plan = pgform(dir, ['plan', '--out', 'next.sql', '--rollback-out', 'back.sql']);
    expect(plan.code).toBe(0);
    const text = readFileSync(join(dir, 'next.sql'), 'utf8');
    expect(text).toContain('DROP COLUMN "price"');
    expect(readFileSync(join(dir, 'back.sql'), 'utf8')).toContain('DROP COLUMN "sku"');

    writeFileSync(join(dir, 'edited.sql'), text.replace('varchar(40)', 'varchar(41)').replace('character varying(40)', 'character varying(41)'));
    const edited = pgform(dir, ['apply', 'edited.sql', '--allow-hazards', 'all']);
    expect(edited.code).toBe(5);
    expect(edited.stderr).toMatch(/edited\.sql was edited after it was planned/);

    const refused = pgform(dir, ['apply', 'next.sql']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/drop column public\.items\.price: data_loss/);
    expect(refused.stderr).toMatch(/--allow-hazards breaking_change,data_loss/);

    const ok = pgform(dir, ['apply', 'next.sql', '--allow-hazards', 'all']);
    expect(ok.code, ok.stderr).toBe(0);
    const again = pgform(dir, ['apply', 'next.sql', '--allow-hazards', 'all']);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/the plan is stale/);

    const history = pgform(dir, ['history']);
    expect(history.stdout.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(2);
    expect(history.stdout).toMatch(/^#2 .* succeeded next\.sql/m);
  });

  it('refuses to apply without confirmation when there is no terminal', () => {
    writeFileSync(join(dir, 'schema', 'items.yaml'), V1);
    const r = pgform(dir, ['apply']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no terminal to ask on \(pass --yes\)/);
    writeFileSync(join(dir, 'schema', 'items.yaml'), V2);
  });

  it('pull writes YAML that plans empty against the same database', () => {
    const pulled = join(dir, 'pulled');
    expect(pgform(dir, ['pull', '--out', pulled]).code).toBe(0);
    const r = pgform(dir, ['plan', '--schema', pulled, '--exit-code']);
    expect(r.stdout).toMatch(/no changes/);
    expect(r.code).toBe(0);
  });
});

describe('drift on the PostgreSQL server', () => {
  it('exits 2 and names the object that changed by hand, 0 once it is back', async () => {
    const dir = project(V1);
    const url = await freshPostgresDatabase('drift');
    expect(pgform(dir, ['apply', '--yes', '--db', url]).code).toBe(0);
    const conn = await openPostgres(url);
    try {
      await conn.exec('ALTER TABLE items ADD COLUMN rogue int; ALTER TABLE items ALTER COLUMN name DROP NOT NULL');
      const drift = pgform(dir, ['drift', '--db', url]);
      expect(drift.code).toBe(2);
      expect(drift.stdout).toMatch(/column public\.items\.rogue: in the database but not in the schema/);
      expect(drift.stdout).toMatch(/column public\.items\.name: differs/);
      expect(drift.stdout).toMatch(/^\s+- notNull: false$/m);
      expect(drift.stdout).toMatch(/^\s+\+ notNull: true$/m);
      const json = JSON.parse(pgform(dir, ['drift', '--db', url, '--format', 'json']).stdout) as { drifted: boolean; objects: unknown[] };
      expect(json.drifted).toBe(true);
      const objects = json.objects as { kind: string; object: string; status: string }[];
      expect(objects).toContainEqual(expect.objectContaining({ kind: 'column', object: 'public.items.rogue', status: 'unexpected' }));
      expect(objects).toContainEqual(expect.objectContaining({ kind: 'column', object: 'public.items.name', status: 'changed' }));
      await conn.exec('ALTER TABLE items DROP COLUMN rogue; ALTER TABLE items ALTER COLUMN name SET NOT NULL');
      expect(pgform(dir, ['drift', '--db', url]).code).toBe(0);
    } finally {
      await conn.close();
    }
  });
});

describe('errors for people', () => {
  it('lists YAML errors with file, line, column and key path, without a stack trace', () => {
    const dir = project(`tables:\n  items:\n    columns:\n      id: { type: bigint, primary_key: true, nullable: false }\n`);
    const r = pgform(dir, ['validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/items\.yaml:4:46: tables\.items\.columns\.id\.nullable: .*not_null/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the YAML source of SQL that PostgreSQL rejects at plan time', () => {
    const dir = project(`tables:\n  items:\n    columns:\n      id: bigint\n      due: { type: timestamptz, default: "no_such_function()" }\n`);
    const r = pgform(dir, ['plan', '--db', 'pglite:memory']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/items\.yaml:5:7 \(tables\.items\.columns\.due\): PostgreSQL rejected table public\.items: function no_such_function\(\) does not exist/);
  });

  it('names the YAML value of a SQL fragment that does not parse, before any database', () => {
    const dir = project(`tables:\n  items:\n    columns:\n      id: bigint\n      due: { type: timestamptz, default: "now() +" }\n`);
    const r = pgform(dir, ['plan', '--db', 'pglite:memory']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/items\.yaml:5:42: tables\.items\.columns\.due\.default: must be one SQL expression, but it does not parse where pgform puts it: syntax error/);
  });

  it('never prints a password from a connection URL', () => {
    const dir = project(V1);
    const r = pgform(dir, ['plan', '--db', 'postgres://alice:hunter2secret@127.0.0.1:1/nodb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to postgres:\/\/alice:\*\*\*@127\.0\.0\.1:1\/nodb/);
    expect(r.stdout + r.stderr).not.toContain('hunter2secret');
  });
});
