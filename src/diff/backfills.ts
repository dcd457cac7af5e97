import type { Backfill, Column } from '../model/column.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Table } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, qname } from '../sql/quote.ts';
import { display, edges, hazard, step, type DiffContext, type TablePair } from './context.ts';
import { constraintColumns } from './constraints.ts';
import { identifierOf, isVolatileExpression, parenthesize, tokenize } from './sql-text.ts';

/** Ordering edge: the backfill of a column has run. */
function backfilledEdge(schema: string, table: string, column: string): string {
  return edges.chain(`backfilled:${keys.column(schema, table, column)}`);
}

function sameConstraint(a: Constraint, b: Constraint): boolean {
  return a.kind === b.kind && (a.name !== '' && a.name === b.name);
}

/** Constraints of `to` on the column that the table does not have yet: they will check existing rows. */
function introducesConstraint(pair: TablePair, column: Column, fromColumn: Column): boolean {
  if (column.notNull && !fromColumn.notNull) return true;
  return pair.to.constraints.some(
    (c) => constraintColumns(pair.to, c).includes(column.name) && !pair.from.constraints.some((f) => sameConstraint(f, c)),
  );
}

/** The key batches are taken by: the primary key the table has on both sides, else `ctid`. */
function batchKey(pair: TablePair): string[] | null {
  const pk = pair.to.constraints.find((c) => c.kind === 'primary_key');
  const before = pair.from.constraints.find((c) => c.kind === 'primary_key');
  if (!pk || pk.kind !== 'primary_key' || !before || before.kind !== 'primary_key') return null;
  const now = new Map(pair.columns.map((c) => [c.from.name, c.to.name]));
  const renamed = before.columns.map((c) => now.get(c));
  return renamed.length === pk.columns.length && renamed.every((c, i) => c === pk.columns[i]) ? [...pk.columns] : null;
}

/**
 * One batch of a backfill, as the applier repeats it: the rows still to fill, at most `batchSize`
 * of them in key order, updated and their keys returned. Rows stop matching once filled (the
 * default test compares with the value cast to the column's type), so a re-run continues where a
 * stopped one left off. A volatile value fills only the rows still NULL.
 */
export function backfillSql(table: Table, column: Column, b: Backfill, key: readonly string[] | null): string {
  const target = qname(table);
  const col = ident(column.name);
  const value = parenthesize(b.value);
  const pending =
    b.where !== null ? parenthesize(b.where) : isVolatileExpression(b.value) ? `${col} IS NULL` : `${col} IS DISTINCT FROM ${value}::${column.type}`;
  const k = key === null ? 'ctid' : identList(key);
  const order = key === null ? '' : ` ORDER BY ${k}`;
  return (
    `UPDATE ${target} SET ${col} = ${value}\n` +
    `WHERE (${k}) IN (SELECT ${k} FROM ${target} WHERE ${pending}${order} LIMIT ${b.batchSize})\n` +
    `RETURNING ${k}`
  );
}

function backfillStep(pair: TablePair, column: Column, b: Backfill, why: string): Step {
  const t = pair.to;
  const obj = display(t.schema, t.name, column.name);
  const mentioned = new Set(tokenize(`${b.value} ${b.where ?? ''}`).map(identifierOf));
  const uses = t.columns.filter((c) => c.name !== column.name && mentioned.has(c.name)).map((c) => keys.column(t.schema, t.name, c.name));
  const s = step({
    kind: 'column',
    object: obj,
    operation: 'update',
    sql: backfillSql(t, column, b, batchKey(pair)),
    hazards: [
      hazard(
        'data_change',
        `writes ${b.value} into ${obj} for every existing row (${why}), ${b.batchSize} rows per transaction: rows are locked only for their batch`,
      ),
    ],
    transactional: false,
    phase: PHASES.backfill,
    requires: [keys.column(t.schema, t.name, column.name), ...uses],
    requiresRemoved: [edges.typeOf(t.schema, t.name, column.name)],
    provides: [backfilledEdge(t.schema, t.name, column.name)],
  });
  return { ...s, backfill: { batchSize: b.batchSize } };
}

/**
 * Backfills of the tables present on both sides (a new table has no rows): a column's backfill
 * runs when the column is added, when a constraint on it is introduced, or (`always`, a down
 * plan's reverse backfill) whenever the column stays.
 */
export function diffBackfills(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  for (const pair of ctx.pairs) {
    const existing = new Map(pair.columns.map((c) => [c.to.name, c.from]));
    for (const c of pair.to.columns) {
      if (!c.backfill) continue;
      const from = existing.get(c.name);
      if (from === undefined) out.push(backfillStep(pair, c, c.backfill, 'the column is new'));
      else if (c.backfill.always) out.push(backfillStep(pair, c, c.backfill, 'the reverse of the backfill of the plan rolled back'));
      else if (introducesConstraint(pair, c, from)) out.push(backfillStep(pair, c, c.backfill, 'a constraint on it is introduced'));
    }
  }
  return out;
}

/** A step that checks the column's existing rows: it must wait for the column's backfill. */
function checksRows(s: Step, columnKey: string, notNull: string): boolean {
  if (s.provides?.includes(notNull)) return true;
  if (!s.requires?.includes(columnKey)) return false;
  // A constraint added NOT VALID is validated by a step that waits for its creation.
  return (s.kind === 'index' || s.kind === 'constraint') && (s.operation === 'create' || s.operation === 'validate');
}

/** The steps validating constraints on backfilled columns, ordered after the backfills. */
export function afterBackfills(steps: readonly Step[]): Step[] {
  const backfilled = steps.filter((s) => s.backfill).flatMap((s) => s.provides ?? []);
  if (backfilled.length === 0) return [...steps];
  return steps.map((s) => {
    if (s.backfill) return s;
    const waits = backfilled.filter((edge) => {
      const columnKey = edge.slice(edges.chain('backfilled:').length);
      return checksRows(s, columnKey, `not-null:${columnKey}`);
    });
    return waits.length ? { ...s, requires: [...(s.requires ?? []), ...waits] } : s;
  });
}
