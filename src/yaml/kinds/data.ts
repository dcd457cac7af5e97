import type { Column } from '../../model/column.ts';
import type { DataValue, Row, TableData } from '../../model/data.ts';
import { rowKey } from '../../model/data.ts';
import type { Table } from '../../model/table.ts';
import { below, shortPosition, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { display } from '../names.ts';

/** `data:` of a table: the rows, or `{ rows, delete_others }`. */
export type TableDataYaml = readonly unknown[] | { readonly rows: readonly unknown[]; readonly delete_others?: boolean };

const JSON_TYPE = /^\s*jsonb?\s*$/i;
const ARRAY_TYPE = /(\[\s*\d*\s*\]|\sarray)\s*$/i;

/**
 * Loads a table's reference rows (after the table itself): each row is keyed by the primary key,
 * names only columns of the table, and gives values its columns can take. Problems are reported
 * at the row or value they concern.
 */
export function loadTableData(ctx: LoadContext, table: Table, yaml: TableDataYaml, loc: Loc): void {
  const short = Array.isArray(yaml);
  const rowsYaml = short ? yaml : (yaml as { rows: readonly unknown[] }).rows;
  const rowsLoc = short ? loc : below(loc, 'rows');
  const pk = table.constraints.find((c) => c.kind === 'primary_key');
  if (pk === undefined) {
    ctx.problem(loc, `table \`${display(table)}\` has no primary key; reference rows are keyed by it`);
    return;
  }
  const key = pk.columns;
  const columns = new Map(table.columns.map((c) => [c.name, c]));
  const seen = new Map<string, Loc>();
  const rows: Row[] = [];
  rowsYaml.forEach((item, i) => {
    const rowLoc = below(rowsLoc, i);
    const row = loadRow(ctx, table, columns, key, item as Readonly<Record<string, unknown>>, rowLoc);
    if (row === null) return;
    const k = rowKey(key, row);
    const first = seen.get(k);
    if (first !== undefined) {
      ctx.problem(valueOf(rowLoc), `a row with key ${keyText(key, row)} is already given at ${shortPosition(first)}`);
      return;
    }
    seen.set(k, valueOf(rowLoc));
    rows.push(row);
  });
  const data: TableData = { schema: table.schema, table: table.name, key, rows, full: !short && (yaml as { delete_others?: boolean }).delete_others === true };
  ctx.model.data.push(data);
}

function keyText(key: readonly string[], row: Row): string {
  return `(${key.map((k) => `${k}=${String(row[k])}`).join(', ')})`;
}

function loadRow(
  ctx: LoadContext,
  table: Table,
  columns: ReadonlyMap<string, Column>,
  key: readonly string[],
  item: Readonly<Record<string, unknown>>,
  rowLoc: Loc,
): Row | null {
  let ok = true;
  // Null prototype: a column named `__proto__` or `constructor` is a key like any other.
  const row: Record<string, DataValue> = Object.create(null);
  for (const [name, value] of Object.entries(item)) {
    const column = columns.get(name);
    if (column === undefined) {
      ctx.problem(below(rowLoc, name), `table \`${display(table)}\` has no column \`${name}\``);
      ok = false;
      continue;
    }
    const at = valueOf(below(rowLoc, name));
    if (column.generated !== null) {
      ctx.problem(below(rowLoc, name), `column \`${name}\` is generated; it cannot be given a value`);
      ok = false;
      continue;
    }
    const v = dataValue(column, value);
    if (typeof v === 'object' && v !== null && 'problem' in v) {
      ctx.problem(at, v.problem);
      ok = false;
      continue;
    }
    if (key.includes(name) && (v === null || typeof v === 'object')) {
      ctx.problem(at, `key column \`${name}\` needs a value (not null, not an SQL expression)`);
      ok = false;
      continue;
    }
    row[name] = v;
  }
  for (const k of key) {
    if (!Object.hasOwn(item, k)) {
      ctx.problem(valueOf(rowLoc), `the row has no value for key column \`${k}\``);
      ok = false;
    }
  }
  return ok ? row : null;
}

/** A YAML value as the text PostgreSQL reads for the column, or what is wrong with it. */
function dataValue(column: Column, value: unknown): DataValue | { readonly problem: string } {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isSqlMapping(value)) return { sql: value.sql };
  if (JSON_TYPE.test(column.type)) return JSON.stringify(value);
  if (Array.isArray(value) && ARRAY_TYPE.test(column.type)) {
    const elements: string[] = [];
    for (const e of value) {
      if (e === null) elements.push('NULL');
      else if (typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean') elements.push(arrayElement(String(e)));
      else return { problem: `column \`${column.name}\` (${column.type}) takes a list of scalars (one dimension)` };
    }
    return `{${elements.join(',')}}`;
  }
  return {
    problem: `column \`${column.name}\` (${column.type}) takes a scalar; lists and mappings are for json/jsonb and array columns, \`{ sql: ... }\` for an SQL expression`,
  };
}

function isSqlMapping(v: unknown): v is { readonly sql: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === 'sql' && typeof (v as { sql: unknown }).sql === 'string';
}

/** An element of an array literal, always double-quoted (so `NULL`, commas and braces stay text). */
function arrayElement(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
