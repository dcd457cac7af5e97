import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The form of what the shelves hold: raised whenever a cached model would read differently with
 * the current code (a kind gains a field, a default becomes part of the model, as types'
 * privileges did in form 2), so entries written by an older pgform are never taken for current.
 */
const CACHE_FORM = 2;

/** The folder of one shelf: `<cacheDir>/<shelf>.v<form>`. */
export function shelfDir(cacheDir: string, shelf: string): string {
  return join(cacheDir, `${shelf}.v${CACHE_FORM}`);
}

/**
 * Results kept by content hash under the project's cache folder (`.pgform/cache/<shelf>.v<form>/<key>.json`):
 * the same input never costs twice. Entries are plain JSON, written atomically (a reader never
 * sees half a file); a missing, torn or foreign entry is a cache miss.
 */
export function readCached<T>(cacheDir: string | null, shelf: string, key: string): T | null {
  if (!cacheDir) return null;
  const file = join(shelfDir(cacheDir, shelf), `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeCached(cacheDir: string | null, shelf: string, key: string, text: string): void {
  if (!cacheDir) return;
  const dir = shelfDir(cacheDir, shelf);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, `${key}.json`));
}
