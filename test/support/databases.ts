import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../src/db/postgres.ts';
import { openPglite } from '../../src/db/pglite.ts';
import type { Connection } from '../../src/db/connection.ts';
import { ident } from '../../src/sql/quote.ts';

/** URL of a fresh, empty database on the suite's PostgreSQL server. */
export async function freshPostgresDatabase(prefix = 't'): Promise<string> {
  const base = inject('postgresUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(base);
  try {
    await admin.exec(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await admin.close();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function freshPostgres(prefix = 't'): Promise<Connection> {
  return openPostgres(await freshPostgresDatabase(prefix));
}

/** A fresh in-memory PGlite of the build the extensions need (started from the engine's initdb copy). */
export async function freshPglite(extensions: readonly string[] = []): Promise<Connection> {
  return openPglite({ dataDir: null, extensions });
}

/**
 * Whether the suite's server can create these extensions. When it cannot (only outside CI: there
 * global setup fails), says so loudly, once per reason, so a skip is never silent.
 */
export function serverHas(...extensions: string[]): boolean {
  const available = inject('postgresExtensions');
  const missing = extensions.filter((e) => !available.includes(e));
  if (missing.length === 0) return true;
  console.warn(`SKIPPED: the test server lacks ${missing.join(', ')} (run scripts/ensure-test-server.sh)`);
  return false;
}
