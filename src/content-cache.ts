import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Results kept by content hash under the project's cache folder (`.pgform/cache/<shelf>/<key>.json`):
 * the same input never costs twice. Entries are plain JSON, written atomically (a reader never
 * sees half a file); a missing, torn or foreign entry is a cache miss.
 */
export function readCached<T>(cacheDir: string | null, shelf: string, key: string): T | null {
  if (!cacheDir) return null;
  const file = join(cacheDir, shelf, `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeCached(cacheDir: string | null, shelf: string, key: string, text: string): void {
  if (!cacheDir) return;
  const dir = join(cacheDir, shelf);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, `${key}.json`));
}
