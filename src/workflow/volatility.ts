import type { Connection } from '../db/connection.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { Volatility } from '../model/function.ts';
import { functionCalls } from '../diff/sql-text.ts';

const BY_CODE: Readonly<Record<string, Volatility>> = { i: 'immutable', s: 'stable', v: 'volatile' };

/**
 * pg_proc's volatility of every function the column defaults of `model` call, keyed
 * `schema.name` (the most volatile of its overloads): what decides whether adding a column with
 * that default rewrites the table. Functions the model declares itself are judged from the model.
 */
export async function readCalledVolatility(conn: Connection, model: DatabaseModel): Promise<Map<string, Volatility>> {
  const names = new Set<string>();
  for (const t of model.tables) for (const c of t.columns) if (c.default !== null) for (const call of functionCalls(c.default)) names.add(call.name);
  const out = new Map<string, Volatility>();
  if (names.size === 0) return out;
  const rows = await conn.query<{ schema: string; name: string; volatility: string }>(
    `SELECT n.nspname AS schema, p.proname AS name,
            CASE WHEN bool_or(p.provolatile = 'v') THEN 'v' WHEN bool_or(p.provolatile = 's') THEN 's' ELSE 'i' END AS volatility
       FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE p.proname = ANY($1::text[])
      GROUP BY n.nspname, p.proname`,
    [[...names]],
  );
  for (const r of rows) out.set(`${r.schema}.${r.name}`, BY_CODE[r.volatility] ?? 'volatile');
  return out;
}
