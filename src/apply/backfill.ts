import type { Connection } from '../db/connection.ts';
import type { Step } from '../plan/step.ts';

/**
 * Runs a backfill step: its statement updates one batch of rows and returns their keys; each
 * batch commits on its own (the step runs outside a transaction block), and the step ends when a
 * batch finds no row left. Filled rows stop matching, so after a kill a re-run continues where it
 * stopped and nothing is written twice. A batch that returns the keys of the batch before it has
 * not moved on: its rows never stop matching, and running on would never end.
 */
export async function runBackfill(conn: Connection, step: Step, onBatch?: (rowsSoFar: number) => void): Promise<number> {
  let total = 0;
  let previous: string | null = null;
  for (;;) {
    const rows = await conn.query(step.sql);
    if (rows.length === 0) return total;
    const batch = rows.map((r) => JSON.stringify(Object.values(r))).sort().join('\n');
    if (batch === previous) {
      throw new Error(
        `the backfill of ${step.object} does not converge: the same ${rows.length} row(s) still need filling after being filled ` +
          '(its `where` must stop matching the rows it filled)',
      );
    }
    previous = batch;
    total += rows.length;
    onBatch?.(total);
  }
}
