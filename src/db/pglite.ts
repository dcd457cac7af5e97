import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import type { Connection } from './connection.ts';
import { UserError } from '../errors.ts';

/** Contrib extensions PGlite ships, by SQL name -> module and export name. */
const CONTRIB: Readonly<Record<string, string>> = {
  amcheck: 'amcheck', bloom: 'bloom', btree_gin: 'btree_gin', btree_gist: 'btree_gist', citext: 'citext',
  cube: 'cube', dict_int: 'dict_int', dict_xsyn: 'dict_xsyn', earthdistance: 'earthdistance',
  fuzzystrmatch: 'fuzzystrmatch', hstore: 'hstore', intarray: 'intarray', isn: 'isn', lo: 'lo', ltree: 'ltree',
  moddatetime: 'moddatetime', pg_trgm: 'pg_trgm', pgcrypto: 'pgcrypto', seg: 'seg', tablefunc: 'tablefunc',
  tcn: 'tcn', tsm_system_rows: 'tsm_system_rows', tsm_system_time: 'tsm_system_time', unaccent: 'unaccent',
  'uuid-ossp': 'uuid_ossp',
};

export function pgliteSupportsExtension(name: string): boolean {
  return name === 'plpgsql' || name in CONTRIB;
}

async function loadExtensions(names: Iterable<string>): Promise<Extensions> {
  const out: Record<string, Extensions[string]> = {};
  for (const name of [...new Set(names)].sort()) {
    const mod = CONTRIB[name];
    if (!mod) continue;
    const imported = (await import(`@electric-sql/pglite/contrib/${mod}`)) as Record<string, Extensions[string]>;
    const ext = imported[mod];
    if (ext) out[mod] = ext;
  }
  return out;
}

/** Remembers which extensions a PGlite data directory needs loaded, since PGlite loads them at start. */
const EXTENSIONS_FILE = 'pgform_extensions.json';

export interface PgliteOptions {
  /** A directory for a persistent database, or null for in-memory. */
  readonly dataDir: string | null;
  /** Extensions to make available (beyond those the data directory already uses). */
  readonly extensions?: readonly string[];
  /** A data directory dump (from `dumpDataDir`) to start from instead of running initdb. */
  readonly loadDataDir?: Blob;
}

export async function openPglite(opts: PgliteOptions): Promise<Connection> {
  const wanted = new Set(opts.extensions ?? []);
  let release = (): void => undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = lockDataDir(opts.dataDir);
    const file = join(opts.dataDir, EXTENSIONS_FILE);
    if (existsSync(file)) for (const e of JSON.parse(readFileSync(file, 'utf8')) as string[]) wanted.add(e);
  }
  try {
    const db = await PGlite.create({
      dataDir: opts.dataDir ?? undefined,
      extensions: await loadExtensions(wanted),
      loadDataDir: opts.loadDataDir,
    });
    if (opts.dataDir) writeFileSync(join(opts.dataDir, EXTENSIONS_FILE), JSON.stringify([...wanted].sort()));
    return wrapPglite(db, opts.dataDir ? `pglite:${opts.dataDir}` : 'pglite:memory', release);
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * An embedded database is one process's at a time: two processes writing one data directory would
 * corrupt it. A lock file holding the owner's pid; a lock whose owner is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'pgform.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch {
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new UserError(`the embedded database ${dataDir} is in use by another pgform process (pid ${pid}); wait for it to finish`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError(`cannot lock the embedded database ${dataDir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function wrapPglite(db: PGlite, description: string, release: () => void = () => undefined): Connection & { readonly raw: PGlite } {
  return {
    engine: 'pglite',
    description,
    raw: db,
    async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const res = await db.query<T>(sql, params ? [...params] : undefined);
      return res.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
    async close(): Promise<void> {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}
