import type { Connection } from './connection.ts';
import { redactText, redactUrl } from './redact.ts';
import { timeoutOptions, type ReadTimeouts } from './timeouts.ts';

/** `readTimeouts`: every statement of the session waits at most so long (steps set their own). */
export async function openPostgres(url: string, readTimeouts?: ReadTimeouts): Promise<Connection> {
  // Loaded on first use: commands on the embedded database never pay for the driver.
  const { default: pg } = await import('pg');
  // Keep int8/numeric as strings (the default) but return dates as text: the model compares text.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 1082 || oid === 1114 || oid === 1184) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const password = passwordOf(url);
  const client = new pg.Client({
    connectionString: url,
    types,
    application_name: 'pgform',
    // Startup options, not SET: a step's RESET returns to these values.
    ...(readTimeouts ? { options: timeoutOptions(readTimeouts) } : {}),
  });
  // Errors on an idle connection (server restart) must not crash the process with a stack trace.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`cannot connect to ${redactUrl(url)}: ${redactText((e as Error).message, [password])}`);
  }
  const query = async <T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const res = await client.query(sql, params ? [...params] : undefined);
    return res.rows as T[];
  };
  return {
    engine: 'postgres',
    description: redactUrl(url),
    query,
    queryReused: query,
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
    async close(): Promise<void> {
      await client.end().catch(() => undefined);
    },
  };
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
