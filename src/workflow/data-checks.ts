import type { Connection } from '../db/connection.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import { ident, literal, qname } from '../sql/quote.ts';
import { identifierOf, parenthesize, tokenize } from '../diff/sql-text.ts';
import { UserError } from '../errors.ts';
import type { PlanDataCheck } from '../plan/plan.ts';
import { isReplacement } from '../diff/replaced-tables.ts';

/**
 * Facts about the live rows that decide whether a plan can run at all: a step that would fail on
 * the data (a NOT NULL column added to a table with rows, SET NOT NULL over NULLs, a unique key
 * over duplicates, a check existing rows violate) is found at plan time instead of half-way
 * through apply. `checksFor` is pure; `runDataChecks` runs the queries, bounded by a timeout.
 */
export type DataCheck = PlanDataCheck;

/** Default bound on each check's query. */
export const DATA_CHECK_TIMEOUT = '30s';

const sameNames = (t: Table) => `${t.schema}.${t.name}`;

function mentions(text: string): Set<string> {
  return new Set(tokenize(text).map(identifierOf).filter((x): x is string => x !== null));
}

/** The checks of every table present on both sides (renamed tables and columns are not checked). */
export function checksFor(live: DatabaseModel, desired: DatabaseModel): DataCheck[] {
  const liveTables = new Map(live.tables.map((t) => [sameNames(t), t]));
  const out: DataCheck[] = [];
  for (const to of desired.tables) {
    const from = liveTables.get(sameNames(to));
    if (!from || to.columns.some((c) => c.renamedFrom) || from.partitionOf) continue;
    if (isReplacement(from, to)) {
      // Replaced (diff/replaced-tables.ts): created again empty, so only the old rows matter.
      if (!from.partitionBy) out.push(replacedTableCheck(from));
      continue;
    }
    out.push(...tableChecks(from, to));
  }
  return out;
}

/** An ordinary table that becomes partitioned without `convert_to_partitioned` is replaced: it must be empty. */
function replacedTableCheck(from: Table): DataCheck {
  const name = sameNames(from);
  return {
    table: name,
    change: `replaces ${name} by a partitioned table (PostgreSQL cannot partition an existing table in place)`,
    sql: `SELECT count(*)::bigint AS n FROM ${qname(from)} HAVING count(*) > 0`,
    kind: 'rows',
    fix: `add \`convert_to_partitioned: true\` to the table to keep its rows (copied in batches into the new partitioned table), or empty it first`,
  };
}

function tableChecks(from: Table, to: Table): DataCheck[] {
  const out: DataCheck[] = [];
  const t = qname(from);
  const name = sameNames(from);
  const liveColumns = new Set(from.columns.map((c) => c.name));
  const onLiveColumns = (names: Iterable<string>) => [...names].every((n) => !mentionsColumn(to, n) || liveColumns.has(n));
  for (const c of to.columns) {
    const was = from.columns.find((x) => x.name === c.name);
    // A backfill fills the rows before NOT NULL is checked (added nullable, filled, then NOT NULL).
    const filled = c.backfill !== undefined && c.backfill !== null && c.backfill.where === null;
    if (!was && c.notNull && c.default === null && c.identity === null && c.generated === null && !c.backfill) {
      out.push({
        table: name,
        change: `adds NOT NULL column ${name}.${c.name} without a default`,
        sql: `SELECT count(*)::bigint AS n FROM ${t} HAVING count(*) > 0`,
        kind: 'rows',
        fix: `give ${c.name} a default, or add it nullable, fill it, then make it not_null in a later plan`,
      });
    } else if (was && !was.notNull && c.notNull && !filled) {
      out.push({
        table: name,
        change: `makes ${name}.${c.name} NOT NULL`,
        sql: `SELECT count(*)::bigint AS n FROM ${t} WHERE ${ident(c.name)} IS NULL HAVING count(*) > 0`,
        kind: 'nulls',
        fix: `fill the NULLs of ${c.name} first (an UPDATE, or a default and a backfill), then plan again`,
      });
    }
  }
  const byName = new Map(from.constraints.map((c) => [c.name, c]));
  for (const c of to.constraints) {
    const was = byName.get(c.name);
    if (c.kind === 'check') {
      if (was?.kind === 'check' && was.expression === c.expression) continue;
      if (!onLiveColumns(mentions(c.expression))) continue;
      out.push({
        table: name,
        change: `adds check ${c.name} (${c.expression}) to ${name}`,
        sql: `SELECT count(*)::bigint AS n FROM ${t} WHERE NOT ${parenthesize(c.expression)} HAVING count(*) > 0`,
        kind: 'violations',
        fix: `correct the rows that violate ${c.name}, or change the check, then plan again`,
      });
    } else if (c.kind === 'primary_key' || c.kind === 'unique') {
      const same = (was?.kind === 'primary_key' || was?.kind === 'unique') && was.columns.join('\u0000') === c.columns.join('\u0000');
      if (same || !c.columns.every((n) => liveColumns.has(n))) continue;
      const nnd = c.kind === 'primary_key' || c.nullsNotDistinct;
      out.push(duplicatesCheck(name, t, `${c.kind === 'primary_key' ? 'primary key' : 'unique constraint'} ${c.name}`, c.columns.map(ident), nnd ? [] : c.columns.map(ident), null));
    }
  }
  const indexes = new Map(from.indexes.map((i) => [i.name, i]));
  for (const i of to.indexes) {
    if (!i.unique || !i.keys.every((k) => k.isColumn) || !i.keys.every((k) => liveColumns.has(k.expression))) continue;
    const was = indexes.get(i.name);
    if (was?.unique && was.valid && was.keys.map((k) => k.expression).join('\u0000') === i.keys.map((k) => k.expression).join('\u0000') && was.where === i.where) continue;
    if (i.where !== null && !onLiveColumns(mentions(i.where))) continue;
    const cols = i.keys.map((k) => ident(k.expression));
    out.push(duplicatesCheck(name, t, `unique index ${i.name}`, cols, i.nullsNotDistinct ? [] : cols, i.where));
  }
  return out;
}

function mentionsColumn(t: Table, name: string): boolean {
  return t.columns.some((c) => c.name === name);
}

function duplicatesCheck(
  name: string,
  t: string,
  what: string,
  columns: readonly string[],
  notNull: readonly string[],
  where: string | null,
): DataCheck {
  const filters = [...notNull.map((c) => `${c} IS NOT NULL`), ...(where !== null ? [parenthesize(where)] : [])];
  const key = columns.length === 1 ? `(${columns[0]})::text` : `concat_ws(', ', ${columns.map((c) => `(${c})::text`).join(', ')})`;
  return {
    table: name,
    change: `adds ${what} on ${name} (${columns.join(', ')})`,
    sql:
      `SELECT ${key} AS key, count(*)::bigint AS n FROM ${t}` +
      `${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''} GROUP BY ${columns.join(', ')} HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
    kind: 'duplicates',
    fix: `remove or merge the duplicate rows first, then plan again`,
  };
}

/** One problem found: the change, what the rows hold, the fix. */
function describe(check: DataCheck, rows: readonly Record<string, unknown>[]): string {
  const n = (r: Record<string, unknown>) => String(r.n);
  switch (check.kind) {
    case 'rows':
      return `${check.change}, but ${check.table} has ${n(rows[0]!)} row(s): the step would fail. Fix: ${check.fix}`;
    case 'nulls':
      return `${check.change}, but ${n(rows[0]!)} row(s) hold NULL there: the step would fail. Fix: ${check.fix}`;
    case 'violations':
      return `${check.change}, but ${n(rows[0]!)} row(s) violate it: the step would fail. Fix: ${check.fix}`;
    case 'duplicates':
      return (
        `${check.change}, but values repeat (showing up to 5): ${rows.map((r) => `(${String(r.key)}) x${n(r)}`).join(', ')}: the step would fail. ` +
        `Fix: ${check.fix}`
      );
  }
}

/**
 * Runs the checks, each bounded by `timeout` (a statement_timeout), and throws one error naming
 * every change the live rows would make fail. A check that times out says so and how to skip it.
 */
export async function runDataChecks(conn: Connection, checks: readonly DataCheck[], timeout: string = DATA_CHECK_TIMEOUT): Promise<void> {
  const problems = await dataCheckProblems(conn, checks, timeout);
  if (problems.length > 0) {
    throw new UserError(
      [`the plan would fail on the data in the database (${problems.length} problem(s)):`, ...problems.map((p) => `  - ${p}`), '(--skip-data-checks plans without looking at the rows)'].join(
        '\n',
      ),
    );
  }
}

/** Runs the checks; one message per check the rows fail (none: the plan can run on them). */
export async function dataCheckProblems(conn: Connection, checks: readonly DataCheck[], timeout: string = DATA_CHECK_TIMEOUT): Promise<string[]> {
  const problems: string[] = [];
  for (const check of checks) {
    // Read only: a check only looks (and one read back from a plan file can do nothing else).
    await conn.exec('BEGIN TRANSACTION READ ONLY');
    try {
      await conn.query(`SELECT set_config('statement_timeout', ${literal(timeout)}, true)`);
      const rows = await conn.query(check.sql);
      if (rows.length > 0) problems.push(describe(check, rows));
    } catch (e) {
      const message = (e as Error).message;
      if (!/statement timeout/i.test(message)) throw e;
      problems.push(`${check.change}: checking the rows of ${check.table} took longer than ${timeout}; pass --skip-data-checks to plan without it`);
    } finally {
      await conn.exec('ROLLBACK');
    }
  }
  return problems;
}

/** The plan note that says the data was not looked at. */
export const SKIPPED_DATA_CHECKS_NOTE = 'data checks skipped (--skip-data-checks): a step may still fail on the rows it meets';
