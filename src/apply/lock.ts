import type { Connection } from '../db/connection.ts';
import { UserError } from '../errors.ts';

/** One key for all pgform applies on a database (the 64-bit value of 'pgform' as bytes). */
const LOCK_KEY = '123589402522221'; // 0x7067666f726d, the bytes of "pgform" (decimal: PG15 has no hex literals)

/**
 * Session-level advisory lock so that two applies never run at once. Waits up to `waitMs`, then
 * fails clearly. Embedded databases are additionally locked per process by their data directory.
 */
export async function acquireApplyLock(conn: Connection, waitMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [row] = await conn.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}::bigint) AS ok`);
    if (row?.ok) break;
    if (Date.now() >= deadline) {
      throw new UserError(
        `another pgform apply holds the lock on ${conn.description}; waited ${Math.round(waitMs / 1000)}s (see --lock-wait)`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return async () => {
    await conn.query(`SELECT pg_advisory_unlock(${LOCK_KEY}::bigint)`).catch(() => undefined);
  };
}
