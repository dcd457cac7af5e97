import type { TestProject } from 'vitest/node';
import { DEFAULT_PG_BIN, SERVER_EXTENSIONS, startTestServer, type TestServer } from './postgres-server.ts';

let server: TestServer | undefined;

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
  project.provide('postgresExtensions', [...server.extensions]);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** Of timescaledb and vector, those the suite's server can create (TimescaleDB preloaded). */
    postgresExtensions: string[];
  }
}
