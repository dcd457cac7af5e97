import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import type { Connection } from './connection.ts';

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
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, EXTENSIONS_FILE);
    if (existsSync(file)) for (const e of JSON.parse(readFileSync(file, 'utf8')) as string[]) wanted.add(e);
  }
  const db = await PGlite.create({
    dataDir: opts.dataDir ?? undefined,
    extensions: await loadExtensions(wanted),
    loadDataDir: opts.loadDataDir,
  });
  if (opts.dataDir) writeFileSync(join(opts.dataDir, EXTENSIONS_FILE), JSON.stringify([...wanted].sort()));
  return wrapPglite(db, opts.dataDir ? `pglite:${opts.dataDir}` : 'pglite:memory');
}

export function wrapPglite(db: PGlite, description: string): Connection & { readonly raw: PGlite } {
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
      if (!db.closed) await db.close();
    },
  };
}
