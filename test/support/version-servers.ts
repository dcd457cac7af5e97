import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/db/postgres.ts';
import { ident } from '../../src/sql/quote.ts';
import { sharedServerUrl } from './postgres-server.ts';

/**
 * The suite's server of PostgreSQL `major` (14, 16, 17 or 18; binaries from the pinned npm packages),
 * started once for the whole run by the first test process that asks. Null when it cannot start
 * outside CI (said loudly); under CI=true that is a failure.
 */
export async function versionServer(major: number): Promise<string | null> {
  try {
    return await sharedServerUrl(inject('sharedServersDir'), major);
  } catch (e) {
    if (process.env.CI === 'true') throw e;
    console.warn(`SKIPPED: no PostgreSQL ${major} server for the tests (${(e as Error).message.split('\n')[0]}); npm ci installs its package`);
    return null;
  }
}

/** URL of a fresh, empty database on a server given by its `postgres` database URL. */
export async function freshDatabaseOn(serverUrl: string, prefix = 't'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(serverUrl);
  try {
    await admin.exec(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await admin.close();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
