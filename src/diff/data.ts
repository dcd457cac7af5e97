import type { Column } from '../model/column.ts';
import type { DataValue, Row, TableData } from '../model/data.ts';
import { isSqlValue, rowKey, tableDataKey } from '../model/data.ts';
import type { EnumType } from '../model/enum.ts';
import { keys } from '../model/keys.ts';
import type { Table } from '../model/table.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, literal, qname } from '../sql/quote.ts';
import { edges, hazard, step, type DiffContext } from './context.ts';

/** Ordering key: a table's reference rows are written (or, for `removes`, its extra rows deleted). */
export const dataEdge = (schema: string, table: string) => `data:${schema}.${table}`;

/**
 * Reference rows: INSERT the keys the database lacks, UPDATE the named columns that differ, and
 * for fully managed tables DELETE the rows not listed. Rows are compared only where the live
 * rows were read (`from.data` present): a state read without them (a scratch database) plans none.
 * Values of `{ sql }` are written at INSERT only and never compared.
 */
export function diffData(ctx: DiffContext): Step[] {
  if (ctx.from.data === undefined) return [];
  const live = new Map((ctx.from.data ?? []).map((d) => [tableDataKey(d), d]));
  const declared = new Set((ctx.to.data ?? []).map(tableDataKey));
  const out: Step[] = [];
  for (const want of ctx.to.data ?? []) {
    const table = ctx.to.tables.find((t) => t.schema === want.schema && t.name === want.table);
    if (table === undefined) continue;
    const have = live.get(tableDataKey(want));
    const refs = referencedDataTables(table, declared);
    const referencing = referencingDataTables(ctx, want, declared);
    out.push(...writeSteps(ctx, table, want, have, refs));
    if (want.full && have !== undefined) out.push(...deleteSteps(want, have, referencing));
  }
  return out;
}

function writeSteps(ctx: DiffContext, table: Table, want: TableData, have: TableData | undefined, refs: readonly string[]): Step[] {
  const haveByKey = new Map((have?.rows ?? []).map((r) => [rowKey(have!.key, r), r]));
  const inserts: Row[] = [];
  const out: Step[] = [];
  const requiresFor = (columns: readonly string[], rows: readonly Row[]) => [
    keys.table(table.schema, table.name),
    ...columns.map((c) => keys.column(table.schema, table.name, c)),
    ...table.constraints.filter((c) => c.name !== '').map((c) => keys.constraint(table.schema, table.name, c.name)),
    ...ctx.to.triggers.filter((t) => t.schema === table.schema && t.table === table.name).map((t) => keys.trigger(t.schema, t.table, t.name)),
    ...enumLabelEdges(ctx.to.enums, table, rows),
    ...refs,
  ];
  for (const row of want.rows) {
    const current = haveByKey.get(rowKey(want.key, row));
    if (current === undefined) {
      inserts.push(row);
      continue;
    }
    const changed = Object.keys(row).filter((c) => !want.key.includes(c) && !isSqlValue(row[c]) && (!(c in current) || current[c] !== row[c]));
    if (changed.length === 0) continue;
    const columns = inTableOrder(table, changed);
    out.push(
      step({
        kind: 'data',
        object: `${displayTable(want)} ${keyDisplay(want.key, row)}`,
        operation: 'update',
        sql: `UPDATE ${qname({ schema: want.schema, name: want.table })} SET ${columns.map((c) => `${ident(c)} = ${valueSql(row[c]!)}`).join(', ')}\nWHERE ${keyCondition(want.key, row)}`,
        reason: `differs from the data declared for ${displayTable(want)}: ${columns.join(', ')}`,
        phase: PHASES.writeData,
        provides: [dataEdge(want.schema, want.table)],
        requires: requiresFor(columns, [row]),
      }),
    );
  }
  // One INSERT per set of named columns: a multi-row statement checks foreign keys at its end,
  // so rows referencing rows of the same table need no particular order.
  const groups = new Map<string, Row[]>();
  for (const row of inserts) {
    const cols = inTableOrder(table, Object.keys(row)).join('\u0000');
    groups.set(cols, [...(groups.get(cols) ?? []), row]);
  }
  for (const [cols, rows] of groups) {
    const columns = cols.split('\u0000');
    const overriding = columns.some((c) => table.columns.find((x) => x.name === c)?.identity?.generation === 'always');
    out.push(
      step({
        kind: 'data',
        object: displayTable(want),
        operation: 'insert',
        sql:
          `INSERT INTO ${qname({ schema: want.schema, name: want.table })} (${columns.map(ident).join(', ')})` +
          `${overriding ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES\n` +
          rows.map((r) => `  (${columns.map((c) => valueSql(r[c]!)).join(', ')})`).join(',\n'),
        reason: `${rows.length} declared row(s) missing: ${rows.map((r) => keyDisplay(want.key, r)).join(' ')}`,
        phase: PHASES.writeData,
        provides: [dataEdge(want.schema, want.table)],
        requires: requiresFor(columns, rows),
      }),
    );
  }
  return out;
}

function deleteSteps(want: TableData, have: TableData, referencing: readonly string[]): Step[] {
  const wanted = new Set(want.rows.map((r) => rowKey(want.key, r)));
  const extra = have.rows.filter((r) => !wanted.has(rowKey(have.key, r)));
  if (extra.length === 0) return [];
  const where =
    want.key.length === 1
      ? `${ident(want.key[0]!)} IN (${extra.map((r) => valueSql(r[want.key[0]!] ?? null)).join(', ')})`
      : extra.map((r) => `(${keyCondition(want.key, r)})`).join('\n   OR ');
  const shown = extra.map((r) => keyDisplay(want.key, r)).join(' ');
  return [
    step({
      kind: 'data',
      object: displayTable(want),
      operation: 'delete',
      sql: `DELETE FROM ${qname({ schema: want.schema, name: want.table })}\nWHERE ${where}`,
      hazards: [hazard('data_loss', `deletes ${extra.length} row(s) of ${displayTable(want)} not in its declared data (delete_others: true): ${shown}`)],
      phase: PHASES.deleteData,
      removes: [dataEdge(want.schema, want.table)],
      // Rows referencing these go first.
      requiresRemoved: [...referencing],
    }),
  ];
}

/** Data edges of the other declared tables this table's foreign keys point at. */
function referencedDataTables(table: Table, declared: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const c of table.constraints) {
    if (c.kind !== 'foreign_key') continue;
    const { schema, table: name } = c.references;
    if ((schema !== table.schema || name !== table.name) && declared.has(`${schema}.${name}`)) out.push(dataEdge(schema, name));
  }
  return out;
}

/** Data edges of the other declared tables whose foreign keys point at this one. */
function referencingDataTables(ctx: DiffContext, d: TableData, declared: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of ctx.to.tables) {
    if ((t.schema === d.schema && t.name === d.table) || !declared.has(`${t.schema}.${t.name}`)) continue;
    if (t.constraints.some((c) => c.kind === 'foreign_key' && c.references.schema === d.schema && c.references.table === d.table)) {
      out.push(dataEdge(t.schema, t.name));
    }
  }
  return out;
}

/** Labels of enum-typed columns the rows use: an added label must be committed before use. */
function enumLabelEdges(enums: readonly EnumType[], table: Table, rows: readonly Row[]): string[] {
  const out: string[] = [];
  for (const col of table.columns) {
    const e = enumOf(enums, col);
    if (e === undefined) continue;
    for (const r of rows) {
      const v = r[col.name];
      if (typeof v === 'string' && e.labels.includes(v)) out.push(edges.enumLabel(e.schema, e.name, v));
    }
  }
  return out;
}

function enumOf(enums: readonly EnumType[], col: Column): EnumType | undefined {
  const unquote = (s: string) => s.replace(/"/g, '');
  const type = unquote(col.type);
  return enums.find((e) => type === `${e.schema}.${e.name}` || type === e.name);
}

function inTableOrder(table: Table, columns: readonly string[]): string[] {
  const order = new Map(table.columns.map((c, i) => [c.name, i]));
  return [...columns].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** A value in SQL: a string literal (PostgreSQL reads it as the column's type), NULL or the expression. */
export function valueSql(v: DataValue): string {
  if (v === null) return 'NULL';
  if (isSqlValue(v)) return `(${v.sql})`;
  return literal(v);
}

function keyCondition(key: readonly string[], row: Row): string {
  return key.map((k) => `${ident(k)} = ${valueSql(row[k] ?? null)}`).join(' AND ');
}

function displayTable(d: TableData): string {
  return `${d.schema}.${d.table}`;
}

/** `(id=1)`, `(code="a b")`: how plans and drift reports name a row. */
export function keyDisplay(key: readonly string[], row: Row): string {
  const show = (v: DataValue | undefined) => (typeof v === 'string' && /^[\w.:@/-]+$/.test(v) ? v : JSON.stringify(v ?? null));
  return `(${key.map((k) => `${k}=${show(row[k])}`).join(', ')})`;
}
