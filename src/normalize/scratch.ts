import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { Connection } from '../db/connection.ts';
import { majorVersion, serverVersionNum } from '../db/connection.ts';
import { openPglite, pgliteSupportsExtension } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { ident } from '../sql/quote.ts';
import { UserError } from '../errors.ts';

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
}

const PGLITE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export async function scratchEngineId(opts: Pick<ScratchOptions, 'devUrl'>): Promise<string> {
  if (!opts.devUrl) return `pglite-${PGLITE_VERSION}`;
  const conn = await openPostgres(opts.devUrl);
  try {
    return `postgres-${majorVersion(await serverVersionNum(conn))}`;
  } finally {
    await conn.close();
  }
}

export async function openScratch(opts: ScratchOptions): Promise<ScratchDatabase> {
  return opts.devUrl ? openServerScratch(opts.devUrl) : openPgliteScratch(opts);
}

async function openPgliteScratch(opts: ScratchOptions): Promise<ScratchDatabase> {
  const missing = opts.extensions.filter((e) => !pgliteSupportsExtension(e));
  if (missing.length > 0) {
    throw new UserError(
      `the embedded scratch engine cannot load extension(s) ${missing.join(', ')}; ` +
        'give --dev-url with a scratch database on a server that has them',
    );
  }
  const template = await pgliteTemplate(opts.cacheDir);
  const conn = await openPglite({ dataDir: null, extensions: opts.extensions, loadDataDir: template ?? undefined });
  return {
    conn,
    engineId: `pglite-${PGLITE_VERSION}`,
    major: majorVersion(await serverVersionNum(conn)),
    dispose: () => conn.close(),
  };
}

/**
 * A dump of a freshly initialized PGlite data directory: starting from it skips initdb, which is
 * most of PGlite's start-up time.
 */
async function pgliteTemplate(cacheDir: string | null): Promise<Blob | null> {
  if (!cacheDir) return null;
  const file = join(cacheDir, `pglite-template-${PGLITE_VERSION}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir('none');
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    return dump;
  } finally {
    await db.close();
  }
}

async function openServerScratch(devUrl: string): Promise<ScratchDatabase> {
  const admin = await openPostgres(devUrl);
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
