import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_PG_BIN, SERVER_EXTENSIONS, startTestServer, stopSharedServers, type TestServer } from './postgres-server.ts';

let server: TestServer | undefined;
let sharedServers: string | undefined;

/**
 * Starts one PostgreSQL 15 cluster for the whole run (TimescaleDB preloaded, pgvector available
 * when scripts/ensure-test-server.sh built them); tests create their own databases in it.
 */
export async function setup(project: TestProject): Promise<void> {
  server = await startTestServer();
  const missing = SERVER_EXTENSIONS.filter((e) => !server!.extensions.includes(e));
  if (missing.length > 0) {
    const why = `the test server (${DEFAULT_PG_BIN}) lacks ${missing.join(' and ')}: run scripts/ensure-test-server.sh (npm test does)`;
    if (process.env.CI === 'true') {
      await server.stop();
      throw new Error(why);
    }
    console.warn(`\nWARNING: ${why}; the server tests that need them are skipped.\n`);
  }
  project.provide('postgresUrl', server.url);
  // The other majors start when a test first asks for one (test/support/version-servers.ts).
  sharedServers = mkdtempSync(join(tmpdir(), 'pgform-servers-'));
  chmodSync(sharedServers, 0o755); // the servers run as the postgres OS user when the suite runs as root
  project.provide('sharedServersDir', sharedServers);
  project.provide('postgresExtensions', [...server.extensions]);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (sharedServers) stopSharedServers(sharedServers);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** Of timescaledb and vector, those the suite's server can create (TimescaleDB preloaded). */
    postgresExtensions: string[];
    /** Where the servers of the other majors, started on first use, keep their clusters. */
    sharedServersDir: string;
  }
}
