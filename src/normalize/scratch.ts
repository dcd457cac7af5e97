import { randomBytes } from 'node:crypto';
import type { Connection } from '../db/connection.ts';
import { majorVersion, serverVersionNum } from '../db/connection.ts';
import { openPglite, pgliteBuildFor, pgliteEngineId, unsupportedExtensions } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { stopEmbeddedServers } from '../db/embedded-server.ts';
import { ident } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { keys } from '../model/keys.ts';
import { formatPosition, type SourcePosition } from '../model/source.ts';

/** A throwaway database that PostgreSQL itself uses to put the desired state into canonical form. */
export interface ScratchDatabase {
  readonly conn: Connection;
  /** Identifies the engine for cache keys: normalized text depends on the major version. */
  readonly engineId: string;
  readonly major: number;
  dispose(): Promise<void>;
}

export interface ScratchOptions {
  /** Where the pre-initialized PGlite data directory is kept; null: no cache (initdb every time). */
  readonly cacheDir: string | null;
  /** A server to create scratch databases on, instead of embedded PGlite. */
  readonly devUrl?: string | null;
  readonly extensions: readonly string[];
  /** Where the YAML declared each object (src/model/keys.ts keys), to locate what cannot be loaded. */
  readonly sources?: ReadonlyMap<string, SourcePosition>;
}

/**
 * The engine normalization runs on: the embedded build is chosen by the declared extensions (the
 * TimescaleDB build for timescaledb or vector), so `extensions` is part of the id when no server is given.
 */
export async function scratchEngineId(opts: Pick<ScratchOptions, 'devUrl'> & { readonly extensions?: readonly string[] }): Promise<string> {
  if (!opts.devUrl) return pgliteEngineId(pgliteBuildFor(opts.extensions ?? []));
  const conn = await openPostgres(serverUrl(opts.devUrl));
  try {
    return `postgres-${majorVersion(await serverVersionNum(conn))}`;
  } finally {
    await conn.close();
  }
}

/** Warm embedded scratch instances, one per set of extensions, kept for the life of the process. */
const warm = new Map<string, Promise<ScratchDatabase>>();
/** One rolled-back use at a time: the instances are single-session. */
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs `use` inside a transaction of a warm embedded scratch database and rolls it back: nothing
 * `use` creates survives, so the next caller finds the instance as fresh as a new one, without
 * paying PGlite's start-up again. An instance whose rollback fails is thrown away.
 */
export function inRolledBackScratch<T>(opts: Omit<ScratchOptions, 'devUrl'>, use: (s: ScratchDatabase) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const key = [...opts.extensions].sort().join(',');
    let pending = warm.get(key);
    if (!pending) {
      pending = openPgliteScratch(opts);
      warm.set(key, pending);
      pending.catch(() => warm.delete(key));
    }
    const scratch = await pending;
    await scratch.conn.exec('BEGIN');
    try {
      return await use(scratch);
    } finally {
      try {
        await scratch.conn.exec('ROLLBACK');
      } catch {
        warm.delete(key);
        await scratch.dispose().catch(() => undefined);
      }
    }
  };
  const result = turn.then(run, run);
  turn = result.catch(() => undefined);
  return result;
}

/** Closes the warm instances (the CLI calls it before exiting). */
export async function closeWarmScratches(): Promise<void> {
  const all = [...warm.values()];
  warm.clear();
  for (const p of all) await (await p.catch(() => null))?.dispose();
  await stopEmbeddedServers();
}

export async function openScratch(opts: ScratchOptions): Promise<ScratchDatabase> {
  return opts.devUrl ? openServerScratch(opts.devUrl) : openPgliteScratch(opts);
}

async function openPgliteScratch(opts: ScratchOptions): Promise<ScratchDatabase> {
  const missing = unsupportedExtensions(opts.extensions);
  const build = pgliteBuildFor(opts.extensions);
  if (missing.length > 0) {
    const engine = `the embedded scratch engine${build === 'timescaledb' ? ' (TimescaleDB build)' : ''}`;
    const lines = missing.map((name) => {
      const at = opts.sources?.get(keys.extension(name));
      return `${at === undefined ? '' : `${formatPosition(at)}: `}${engine} cannot load extension ${name}`;
    });
    throw new UserError(`${lines.join('\n')}\ngive --dev-url with a scratch database on a server that has ${missing.length === 1 ? 'it' : 'them'}`);
  }
  const conn = await openPglite({ dataDir: null, extensions: opts.extensions });
  return {
    conn,
    engineId: pgliteEngineId(build),
    major: majorVersion(await serverVersionNum(conn)),
    dispose: () => conn.close(),
  };
}

/**
 * `--dev-url embedded` is replaced by the embedded server's URL once the live database is open
 * (workflow/dev-url.ts); left as it is, the command has no live database to take the version from.
 */
function serverUrl(devUrl: string): string {
  if (devUrl === 'embedded') {
    throw new UserError('--dev-url embedded takes the version of the live database, and this command has none: give --dev-url postgres://... instead');
  }
  return devUrl;
}

async function openServerScratch(devUrl: string): Promise<ScratchDatabase> {
  const admin = await openPostgres(serverUrl(devUrl));
  const name = `pgform_scratch_${randomBytes(6).toString('hex')}`;
  try {
    await admin.exec(`CREATE DATABASE ${ident(name)}`);
  } catch (e) {
    await admin.close();
    throw new UserError(`cannot create a scratch database on the --dev-url server: ${(e as Error).message}`);
  }
  const url = new URL(devUrl);
  url.pathname = `/${name}`;
  let conn: Connection;
  try {
    conn = await openPostgres(url.toString());
  } catch (e) {
    await admin.exec(`DROP DATABASE IF EXISTS ${ident(name)}`).catch(() => undefined);
    await admin.close();
    throw e;
  }
  const major = majorVersion(await serverVersionNum(conn));
  return {
    conn,
    engineId: `postgres-${major}`,
    major,
    async dispose() {
      await conn.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${ident(name)}`).catch(() => undefined);
      await admin.close();
    },
  };
}
