import type { TestProject } from 'vitest/node';
import { startTestServer, type TestServer } from './postgres-server.ts';

let server: TestServer | undefined;

/** Starts one PostgreSQL 15 cluster for the whole run; tests create their own databases in it. */
export async function setup(project: TestProject): Promise<void> {
  server = await startTestServer();
  project.provide('postgresUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
