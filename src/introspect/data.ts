import type { Connection } from '../db/connection.ts';
import type { DataValue, Row, TableData } from '../model/data.ts';
import { isSqlValue, rowKey } from '../model/data.ts';
import { ident, qname } from '../sql/quote.ts';

const LIVE_COLUMNS_SQL = `
SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`;

/**
 * The live rows of the tables the desired state declares data for, and of no other table: for
 * each, the rows with a declared key (every row when `full`), with the declared columns. A value
 * equal to the desired one as PostgreSQL text of the live column's type (`col::text` against
 * `($1::type)::text`, in this session) is spelled as the desired state spells it, so the diff
 * compares plain strings. Columns the live table lacks are left out of the rows (they differ).
 * A declared table that does not exist yet reads as no rows.
 */
export async function readTableData(conn: Connection, desired: readonly TableData[]): Promise<TableData[]> {
  const out: TableData[] = [];
  for (const d of desired) out.push(await readOne(conn, d));
  return out;
}

async function readOne(conn: Connection, d: TableData): Promise<TableData> {
  const empty: TableData = { ...d, rows: [] };
  const types = new Map(
    (await conn.query<{ name: string; type: string }>(LIVE_COLUMNS_SQL, [d.schema, d.table])).map((r) => [r.name, r.type]),
  );
  if (d.key.some((k) => !types.has(k))) return empty;

  // Desired values of each column, respelled as the live column's type prints them.
  const declared = new Set<string>();
  for (const r of d.rows) for (const [c, v] of Object.entries(r)) if (!isSqlValue(v) && types.has(c)) declared.add(c);
  const canonical = new Map<string, Map<string, string>>();
  for (const c of declared) {
    const values = [...new Set(d.rows.map((r) => r[c]).filter((v): v is string => typeof v === 'string'))];
    canonical.set(c, await canonicalTexts(conn, types.get(c)!, values));
  }
  const canon = (c: string, v: DataValue | undefined): DataValue | undefined =>
    typeof v === 'string' ? (canonical.get(c)?.get(v) ?? v) : v;

  const byCanonicalKey = new Map<string, Row>();
  for (const r of d.rows) {
    const k = Object.fromEntries(d.key.map((c) => [c, canon(c, r[c]) ?? null]));
    byCanonicalKey.set(rowKey(d.key, k), r);
  }

  const columns = [...d.key, ...[...declared].filter((c) => !d.key.includes(c)).sort()];
  const select = columns.map((c, i) => `${ident(c)}::text AS c${i}`).join(', ');
  let sql = `SELECT ${select} FROM ${qname({ schema: d.schema, name: d.table })}`;
  const params: string[][] = [];
  if (!d.full) {
    // Only the declared keys: other rows of the table are none of pgform's business.
    const keyRows = [...byCanonicalKey.keys()].map((k) => JSON.parse(k) as (string | null)[]);
    if (keyRows.length === 0) return empty;
    d.key.forEach((_, i) => params.push(keyRows.map((k) => k[i] ?? '')));
    const keyList = d.key.map((c) => `${ident(c)}::text`).join(', ');
    const unnest = d.key.map((_, i) => `$${i + 1}::text[]`).join(', ');
    sql += ` WHERE (${keyList}) IN (SELECT * FROM unnest(${unnest}))`;
  }
  const liveRows = await conn.query<Record<string, string | null>>(sql, params);

  const rows: Row[] = liveRows.map((lr) => {
    const values: Record<string, string | null> = Object.fromEntries(columns.map((c, i) => [c, lr[`c${i}`] ?? null]));
    const want = byCanonicalKey.get(rowKey(d.key, values));
    if (want === undefined) return values;
    const row: Record<string, DataValue> = {};
    for (const k of d.key) row[k] = want[k]!;
    for (const [c, v] of Object.entries(want)) {
      if (d.key.includes(c) || isSqlValue(v) || !types.has(c)) continue;
      const liveValue = values[c] ?? null;
      row[c] = liveValue !== null && liveValue === canon(c, v) ? v : liveValue;
    }
    return row;
  });
  return { ...d, rows };
}

/**
 * raw text -> `(raw::type)::text`. A value the type does not accept (the column may be about to
 * change type) keeps its own spelling, so it shows as different.
 */
async function canonicalTexts(conn: Connection, type: string, values: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (values.length === 0) return out;
  const sql = `SELECT (u.v::${type})::text AS t FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY u.n`;
  try {
    const rows = await conn.query<{ t: string }>(sql, [values]);
    values.forEach((v, i) => out.set(v, rows[i]!.t));
    return out;
  } catch {
    for (const v of values) {
      try {
        out.set(v, (await conn.query<{ t: string }>(sql, [[v]]))[0]!.t);
      } catch {
        out.set(v, v);
      }
    }
    return out;
  }
}
