import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPgform } from '../support/cli.ts';

describe('pgform init and finding the project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgform-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the project, keeps what exists, and adds .pgform/ to an existing .gitignore once', () => {
    writeFileSync(join(dir, '.gitignore'), 'node_modules/');
    const first = runPgform(dir, ['init']);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, 'pgform.yaml'), 'utf8')).toMatch(/^schema_dir: schema$/m);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n.pgform/\n');
    writeFileSync(join(dir, 'schema', 'schema.yaml'), 'tables:\n  items:\n    columns:\n      id: bigint\n');
    const again = runPgform(dir, ['init']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to do');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n.pgform/\n');
    expect(readFileSync(join(dir, 'schema', 'schema.yaml'), 'utf8')).toContain('items');
  });

  it('finds pgform.yaml in a parent directory, and refuses an empty DATABASE_URL', () => {
    const deep = join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    const validate = runPgform(deep, ['validate']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/^ok: 1 file\(s\), 1 table\(s\)/);
    const empty = runPgform(deep, ['history'], { DATABASE_URL: '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: DATABASE_URL is set but empty/);
  });
});
