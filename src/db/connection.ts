/** One connection interface; PostgreSQL servers (pg) and embedded PGlite sit behind it. */
export interface Connection {
  readonly engine: 'postgres' | 'pglite';
  /** A description safe to print: never contains a password. */
  readonly description: string;
  /**
   * False where the engine cannot build or drop indexes CONCURRENTLY (the embedded TimescaleDB
   * build fails them); plans for it use the plain forms. Absent: it can.
   */
  readonly concurrentIndexBuilds?: boolean;
  /** Runs one statement with optional parameters and returns its rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * `query` for a statement this connection runs again and again (the catalog reads): the
   * embedded engine parses it once per session and plans it once (a generic plan), which is most
   * of a catalog read's cost there. A server runs it as `query` does: named statements break
   * behind a transaction-pooling connection pooler, and a server plans a catalog read quickly.
   */
  queryReused<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** server_version_num of the connected engine, e.g. 150018. */
export async function serverVersionNum(conn: Connection): Promise<number> {
  const rows = await conn.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  return Number(rows[0]!.v);
}

export function majorVersion(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}
