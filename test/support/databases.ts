import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { openPostgres } from '../../src/db/postgres.ts';
import { openPglite, pgliteBuildFor } from '../../src/db/pglite.ts';
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

let template: Promise<Blob> | undefined;

/** A fresh in-memory PGlite, started from a data-directory dump made once per test file (skips initdb). */
export async function freshPglite(extensions: readonly string[] = []): Promise<Connection> {
  template ??= (async () => {
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('none');
    await db.close();
    return dump;
  })();
  // The template is a dump of the standard build; the TimescaleDB build starts from its own initdb.
  if (pgliteBuildFor(extensions) !== 'standard') return openPglite({ dataDir: null, extensions });
  return openPglite({ dataDir: null, extensions, loadDataDir: await template });
}
