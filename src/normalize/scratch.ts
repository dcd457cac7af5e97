import { randomBytes } from 'node:crypto';
import type { Connection } from '../db/connection.ts';
import { majorVersion, serverVersionNum } from '../db/connection.ts';
import { openPglite, pgliteBuildFor, pgliteEngineId, unsupportedExtensions } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { stopEmbeddedServers } from '../db/embedded-server.ts';
import { ident } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { keys } from '../model/keys.ts';
import { SCRATCH_ROLE_PREFIX } from '../model/role.ts';
import { formatPosition, type SourcePosition } from '../model/source.ts';

/** A throwaway database that PostgreSQL itself uses to put the desired state into canonical form. */
export interface ScratchDatabase {
  readonly conn: Connection;
  /** Identifies the engine for cache keys: normalized text depends on the major version. */
  readonly engineId: string;
  readonly major: number;
  /**
   * The role the state's steps run as (`SET ROLE`), when the session's own role is a superuser:
   * it owns the scratch database and nothing else. Null: the steps run as the session's role.
   */
  readonly stepRole: string | null;
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
  /** On a server: give the scratch database a role of its own to run the state's steps as. */
  readonly stepRole?: boolean;
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
  return opts.devUrl ? openServerScratch(opts.devUrl, opts.stepRole ?? false) : openPgliteScratch(opts);
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
  const conn = await openPglite({ dataDir: null, extensions: opts.extensions, scratch: true });
  return {
    conn,
    engineId: pgliteEngineId(build),
    major: majorVersion(await serverVersionNum(conn)),
    // The embedded engine is a throwaway instance inside this process, with no files, programs
    // or network of the machine to reach: its superuser is no more than the database itself.
    stepRole: null,
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

/**
 * A scratch database on the --dev-url server. With `stepRole`, when the URL's role is a superuser,
 * the database belongs to a role made for it (no connections, no attributes, no memberships): the state's
 * steps run as that role, so SQL from the schema files never runs with the superuser's rights on a
 * real server. Both are dropped with the scratch.
 */
async function openServerScratch(devUrl: string, stepRole: boolean): Promise<ScratchDatabase> {
  const admin = await openPostgres(serverUrl(devUrl));
  const name = `${SCRATCH_ROLE_PREFIX}${randomBytes(6).toString('hex')}`;
  let role: string | null = null;
  try {
    if (stepRole && (await admin.query<{ s: boolean }>('SELECT rolsuper AS s FROM pg_catalog.pg_roles WHERE rolname = current_user'))[0]?.s === true) {
      role = name;
      // LOGIN because TimescaleDB gives jobs only to roles that may log in; CONNECTION LIMIT 0 so
      // that nobody (and no background job) ever connects as it.
      await admin.exec(`CREATE ROLE ${ident(role)} LOGIN CONNECTION LIMIT 0 NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
    }
    await admin.exec(`CREATE DATABASE ${ident(name)}${role === null ? '' : ` OWNER ${ident(role)}`}`);
  } catch (e) {
    if (role !== null) await admin.exec(`DROP ROLE IF EXISTS ${ident(role)}`).catch(() => undefined);
    await admin.close();
    throw new UserError(`cannot create a scratch database on the --dev-url server: ${(e as Error).message}`);
  }
  const dropAll = async (): Promise<void> => {
    // FORCE (PostgreSQL 13+): a backend of ours still exiting after its close must not keep the scratch alive.
    const force = majorVersion(await serverVersionNum(admin).catch(() => 0)) >= 13 ? ' WITH (FORCE)' : '';
    await admin.exec(`DROP DATABASE IF EXISTS ${ident(name)}${force}`).catch(() => undefined);
    if (role !== null) await admin.exec(`DROP ROLE IF EXISTS ${ident(role)}`).catch(() => undefined);
    await admin.close();
  };
  const url = new URL(devUrl);
  url.pathname = `/${name}`;
  let conn: Connection;
  try {
    conn = await openPostgres(url.toString());
  } catch (e) {
    await dropAll();
    throw e;
  }
  const major = majorVersion(await serverVersionNum(conn));
  // Before PostgreSQL 15 the public schema belongs to the bootstrap superuser, not to the
  // database's owner: the step role needs it to comment on it and grant on it.
  if (role !== null && major < 15) await conn.exec(`ALTER SCHEMA public OWNER TO ${ident(role)}`);
  return {
    conn,
    engineId: `postgres-${major}`,
    major,
    stepRole: role,
    async dispose() {
      await conn.close();
      await dropAll();
    },
  };
}
