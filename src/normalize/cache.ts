import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseModel } from '../model/database.ts';

/** Normalized states by content hash: the same YAML on the same engine never needs a scratch database twice. */
export function readCachedModel(cacheDir: string | null, key: string): DatabaseModel | null {
  if (!cacheDir) return null;
  const file = join(cacheDir, 'normalized', `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DatabaseModel;
  } catch {
    return null; // a torn or foreign file is just a cache miss
  }
}

export function writeCachedModel(cacheDir: string | null, key: string, model: DatabaseModel): void {
  if (!cacheDir) return;
  const dir = join(cacheDir, 'normalized');
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(model));
  renameSync(tmp, join(dir, `${key}.json`));
}
