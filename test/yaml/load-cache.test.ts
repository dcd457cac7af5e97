import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSchemaFiles, readSchemaDir, YamlError } from '../../src/yaml/load.ts';
import { loadSchemaFilesCached } from '../../src/yaml/load-cache.ts';
import { shelfDir } from '../../src/content-cache.ts';
import type { DatabaseModel } from '../../src/model/database.ts';

const SCHEMAS = join(import.meta.dirname, '..', '..', 'schema');
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pgform-load-cache-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function entries(cacheDir: string): string[] {
  try {
    return readdirSync(shelfDir(cacheDir, 'loaded'));
  } catch {
    return [];
  }
}

describe('the loaded model cached by file contents', () => {
  // phase-c holds two states (base/ and target/), the others one.
  const schemaDirs = readdirSync(SCHEMAS).flatMap((n) => (n === 'phase-c' ? ['phase-c/base', 'phase-c/target'] : [n]));
  it.each(schemaDirs)('reads back exactly what loading %s gives', (name) => {
    const files = readSchemaDir(join(SCHEMAS, name));
    const cache = tempDir();
    const fresh = loadSchemaFilesCached(files, cache);
    expect(entries(cache)).toHaveLength(1);
    const cached = loadSchemaFilesCached(files, cache);
    expect(cached.model).toEqual(loadSchemaFiles(files).model);
    expect(cached.model).toEqual(fresh.model);
    expect([...cached.sources]).toEqual([...fresh.sources]);
    expect(cached.files).toEqual(fresh.files);
  });

  it('takes an unchanged file from the cache, and parses a changed one again', () => {
    const cache = tempDir();
    const files = [{ path: 'schema/a.yaml', text: 'tables:\n  users:\n    columns:\n      id: bigint\n' }];
    loadSchemaFilesCached(files, cache);
    // Rewrite the entry: a second load of the same bytes returns it, so it did not parse again.
    const [entry] = entries(cache);
    const file = join(shelfDir(cache, 'loaded'), entry!);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { model: DatabaseModel };
    writeFileSync(file, JSON.stringify({ ...stored, model: { ...stored.model, tables: stored.model.tables.map((t) => ({ ...t, name: 'from_cache' })) } }));
    expect(loadSchemaFilesCached(files, cache).model.tables.map((t) => t.name)).toEqual(['from_cache']);
    // One byte changed: parsed again, a second entry.
    const changed = [{ path: 'schema/a.yaml', text: files[0]!.text.replace('users', 'members') }];
    expect(loadSchemaFilesCached(changed, cache).model.tables.map((t) => t.name)).toEqual(['members']);
    expect(entries(cache)).toHaveLength(2);
  });

  it('keys entries by path too: the same bytes elsewhere point their positions at the new file', () => {
    const cache = tempDir();
    const text = 'tables:\n  users:\n    columns:\n      id: bigint\n';
    loadSchemaFilesCached([{ path: 'one/a.yaml', text }], cache);
    const moved = loadSchemaFilesCached([{ path: 'two/a.yaml', text }], cache);
    expect(moved.files).toEqual(['two/a.yaml']);
    expect([...moved.sources.values()].every((p) => p.file === 'two/a.yaml')).toBe(true);
  });

  it('keys entries by the date planned for: a rolling partition rule unfolds anew when the date moves', () => {
    const cache = tempDir();
    const files = [
      {
        path: 'a.yaml',
        text: 'tables:\n  logs:\n    columns: { id: bigint, at: date }\n    partition_by: { range: [at] }\n    partitions:\n      monthly: { premake: 1 }\n',
      },
    ];
    const partitionsOn = (today: string) => {
      vi.stubEnv('PGFORM_TODAY', today);
      try {
        return loadSchemaFilesCached(files, cache).model.tables.filter((t) => t.partitionOf).map((t) => t.name);
      } finally {
        vi.unstubAllEnvs();
      }
    };
    expect(partitionsOn('2026-12-04')).toEqual(['logs_2026_12', 'logs_2027_01']);
    expect(partitionsOn('2027-03-15')).toEqual(['logs_2027_03', 'logs_2027_04']);
    expect(partitionsOn('2026-12-04')).toEqual(['logs_2026_12', 'logs_2027_01']);
    expect(entries(cache)).toHaveLength(2);
  });

  it('never keeps a failed load: its problems are reported on every run', () => {
    const cache = tempDir();
    const files = [{ path: 'a.yaml', text: 'tables:\n  users:\n    colums:\n      id: bigint\n' }];
    for (let i = 0; i < 2; i++) expect(() => loadSchemaFilesCached(files, cache)).toThrow(YamlError);
    expect(entries(cache)).toEqual([]);
  });

  it('a torn entry is a miss, and the next load writes it whole again', () => {
    const cache = tempDir();
    const files = [{ path: 'a.yaml', text: 'tables:\n  users:\n    columns:\n      id: bigint\n' }];
    loadSchemaFilesCached(files, cache);
    const file = join(shelfDir(cache, 'loaded'), entries(cache)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    expect(loadSchemaFilesCached(files, cache).model.tables.map((t) => t.name)).toEqual(['users']);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });
});
