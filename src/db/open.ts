import { isAbsolute, join } from 'node:path';
import type { Connection } from './connection.ts';
import { openPostgres } from './postgres.ts';
import { openPglite } from './pglite.ts';
import { UserError } from '../errors.ts';
import { redactUrl } from './redact.ts';
import type { ReadTimeouts } from './timeouts.ts';

/** The embedded default database of a project directory. */
export const DEFAULT_DB_DIR = join('.pgform', 'db');

/**
 * Which database a command talks to: `--db`, else DATABASE_URL, else the project file's URL, else
 * the embedded PGlite database in `.pgform/db` of the project (`cwd`). An empty DATABASE_URL is an error.
 */
export function resolveDatabaseUrl(args: { cli?: string | null; projectUrl?: string | null; cwd: string }): string {
  if (args.cli) return args.cli;
  const env = process.env.DATABASE_URL;
  if (env !== undefined && env.trim() === '') {
    // A CI secret that did not reach the job: never fall back to an empty embedded database.
    throw new UserError(
      'DATABASE_URL is set but empty: set it to the database (postgres://...), or unset it to use pgform.yaml\'s database_url or the embedded .pgform/db',
    );
  }
  if (env !== undefined) return env;
  if (args.projectUrl) return args.projectUrl;
  return `pglite:${join(args.cwd, DEFAULT_DB_DIR)}`;
}

export interface OpenOptions {
  readonly cwd: string;
  /** Extensions an embedded database must be able to create (PGlite loads them at start). */
  readonly extensions?: readonly string[];
  /** Bounds of every read on a server (an embedded database has no other sessions to wait for). */
  readonly readTimeouts?: ReadTimeouts;
}

export async function openDatabase(url: string, opts: OpenOptions): Promise<Connection> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, opts.readTimeouts);
  if (url === 'pglite:memory') return openPglite({ dataDir: null, extensions: opts.extensions });
  if (url.startsWith('pglite:')) {
    const path = url.slice('pglite:'.length);
    if (path.length === 0) throw new UserError('pglite: needs a path, e.g. pglite:.pgform/db, or pglite:memory');
    return openPglite({ dataDir: isAbsolute(path) ? path : join(opts.cwd, path), extensions: opts.extensions });
  }
  throw new UserError(`unsupported database URL ${redactUrl(url)}: use postgres://..., pglite:PATH or pglite:memory`);
}
