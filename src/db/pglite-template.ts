import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EmbeddedPglite } from './pglite.ts';

/**
 * A freshly initialized PGlite data directory, as a tar dump, per build. Starting an instance
 * from it skips initdb, which is most of PGlite's start-up time (about 3 s against 0.5 s). Kept in
 * memory for the process and, gzipped, in the user's cache directory for the next process.
 */
const inProcess = new Map<string, Promise<Blob | null>>();

/** `$PGFORM_ENGINE_CACHE`, else `$XDG_CACHE_HOME/pgform`, else `~/.cache/pgform`. */
export function engineCacheDir(): string {
  const own = process.env.PGFORM_ENGINE_CACHE;
  if (own) return own;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pgform');
}

/**
 * The dump for a build (`key` names build and package version), made with `initialize` when neither
 * memory nor disk has it. Null when none can be made: the caller then lets PGlite run initdb.
 */
export function initialDataDir(key: string, initialize: () => Promise<EmbeddedPglite>): Promise<Blob | null> {
  let pending = inProcess.get(key);
  if (!pending) {
    pending = loadOrMake(key, initialize).catch(() => null);
    inProcess.set(key, pending);
  }
  return pending;
}

async function loadOrMake(key: string, initialize: () => Promise<EmbeddedPglite>): Promise<Blob> {
  const file = join(engineCacheDir(), `pglite-initdb-${key}.tar.gz`);
  if (existsSync(file)) {
    try {
      return new Blob([gunzipSync(readFileSync(file))]);
    } catch {
      rmSync(file, { force: true }); // a damaged file is made again below
    }
  }
  const db = await initialize();
  let dump: Blob;
  try {
    dump = await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
  saveQuietly(file, Buffer.from(await dump.arrayBuffer()));
  return dump;
}

/** The disk copy only saves time: a cache directory that cannot be written is not an error. */
function saveQuietly(file: string, tar: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(tmp, gzipSync(tar, { level: 1 }));
    renameSync(tmp, file); // atomic: a concurrent process reads the old file or the whole new one
  } catch {
    rmSync(tmp, { force: true });
  }
}
