import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Normalized states by content hash: the same YAML on the same engine never needs a scratch
 * database twice. Entries are plain JSON (a whole model, or one part of one).
 */
export function readCached<T>(cacheDir: string | null, key: string): T | null {
  if (!cacheDir) return null;
  const file = join(cacheDir, 'normalized', `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // a torn or foreign file is just a cache miss
  }
}

export function writeCached(cacheDir: string | null, key: string, value: unknown): void {
  if (!cacheDir) return;
  const dir = join(cacheDir, 'normalized');
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, join(dir, `${key}.json`));
}
