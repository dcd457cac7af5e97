import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { introspect } from '../../src/introspect/index.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Table } from '../../src/model/table.ts';

export interface EngineContext {
  readonly engine: 'pglite' | 'postgres';
  /** The engine's connection, opened once for the whole describe block. */
  conn(): Connection;
}

/**
 * Runs the same tests against embedded PGlite (PostgreSQL 18) and the suite's PostgreSQL 15
 * server: one fresh database per engine, shared by the tests of the block.
 */
export function describeOnEngines(
  title: string,
  extensions: readonly string[],
  body: (ctx: EngineContext) => void,
): void {
  for (const engine of ['pglite', 'postgres'] as const) {
    describe(`${title} [${engine}]`, () => {
      let conn: Connection | undefined;
      beforeAll(async () => {
        conn = engine === 'pglite' ? await freshPglite(extensions) : await freshPostgres('introspect');
      });
      afterAll(async () => {
        await conn?.close();
      });
      body({
        engine,
        conn: () => {
          if (!conn) throw new Error('connection not open');
          return conn;
        },
      });
    });
  }
}

/** Introspects only the given schema(s): keeps tests sharing a database independent. */
export function introspectSchemas(conn: Connection, ...schemas: string[]): Promise<DatabaseModel> {
  return introspect(conn, { schemas });
}

export function tableOf(model: DatabaseModel, schema: string, name: string): Table {
  const t = model.tables.find((x) => x.schema === schema && x.name === name);
  if (!t) throw new Error(`table ${schema}.${name} not in model`);
  return t;
}

/** The role the connection runs as: the owner of everything a test creates. */
export async function currentUser(conn: Connection): Promise<string> {
  const [row] = await conn.query<{ name: string }>('SELECT current_user AS name');
  return row!.name;
}

/**
 * A role name no other test uses: roles are cluster-wide, and test files share the server.
 */
export function uniqueRole(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
