import { readCached as readShelf, writeCached as writeShelf } from '../content-cache.ts';

/**
 * Normalized states by content hash: the same YAML on the same engine never needs a scratch
 * database twice. Entries are plain JSON (a whole model, or one part of one).
 */
export function readCached<T>(cacheDir: string | null, key: string): T | null {
  return readShelf<T>(cacheDir, 'normalized', key);
}

export function writeCached(cacheDir: string | null, key: string, value: unknown): void {
  writeShelf(cacheDir, 'normalized', key, JSON.stringify(value));
}
