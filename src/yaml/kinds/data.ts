import type { Column } from '../../model/column.ts';
import type { DataValue, Row, TableData } from '../../model/data.ts';
import { rowKey } from '../../model/data.ts';
import type { Table } from '../../model/table.ts';
import type { EnumType } from '../../model/enum.ts';
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
    const bad = typeof v === 'string' ? textProblem(column, v, ctx.model.enums) : null;
    if (bad !== null) {
      ctx.problem(at, bad);
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

const INTEGER_RANGES: ReadonlyMap<string, readonly [bigint, bigint]> = new Map([
  ...['smallint', 'int2', 'smallserial', 'serial2'].map((t) => [t, [-(2n ** 15n), 2n ** 15n - 1n]] as const),
  ...['integer', 'int', 'int4', 'serial', 'serial4'].map((t) => [t, [-(2n ** 31n), 2n ** 31n - 1n]] as const),
  ...['bigint', 'int8', 'bigserial', 'serial8'].map((t) => [t, [-(2n ** 63n), 2n ** 63n - 1n]] as const),
]);
const NUMERIC_TYPE = /^(numeric|decimal)\s*(\(\s*\d+\s*(,\s*-?\d+\s*)?\))?$|^(real|float4|float8|double precision|float(\s*\(\s*\d+\s*\))?)$/;
const NUMBER = /^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)(e[+-]?\d+)?$|^[+-]?(nan|inf|infinity)$/i;
const INTEGER = /^[+-]?(\d+(_\d+)*|0x[0-9a-f]+(_[0-9a-f]+)*|0o[0-7]+(_[0-7]+)*|0b[01]+(_[01]+)*)$/i;
// PostgreSQL's boolean input: any unique prefix of true/false/yes/no/on/off, or 1/0.
const BOOLEAN = /^(t(r(ue?)?)?|f(a(l(se?)?)?)?|y(es?)?|no?|on|off?|1|0)$/i;
const UUID = /^\{?[0-9a-f]{4}(-?[0-9a-f]{4}){7}\}?$/i;

/**
 * What is wrong with a value for the column's type, found without a database for the types whose
 * input is fixed (integers, numbers, booleans, uuid) and for enums declared in the YAML; null when
 * it is fine or the type is not one of these (the database checks it at apply).
 */
function textProblem(column: Column, text: string, enums: readonly EnumType[]): string | null {
  const type = column.type.trim().toLowerCase().replace(/\s+/g, ' ');
  const value = text.trim();
  const bad = (what: string) => `\`${text}\` is not ${what} (column \`${column.name}\` is ${column.type})`;
  const range = INTEGER_RANGES.get(type);
  if (range !== undefined) {
    if (!INTEGER.test(value)) return bad('an integer');
    const digits = value.replace(/_/g, '');
    const n = /^[+-]?0[xob]/i.test(digits) ? (digits.startsWith('-') ? -BigInt(digits.slice(1)) : BigInt(digits.replace(/^\+/, ''))) : BigInt(digits);
    return n < range[0] || n > range[1] ? bad(`within the range of ${column.type} (${range[0]} to ${range[1]})`) : null;
  }
  if (NUMERIC_TYPE.test(type)) return NUMBER.test(value) ? null : bad('a number');
  if (type === 'boolean' || type === 'bool') return BOOLEAN.test(value) ? null : bad('a boolean (true, false, yes, no, on, off, 1, 0)');
  if (type === 'uuid') return UUID.test(value) ? null : bad('a uuid');
  const e = enumNamed(column.type.trim(), enums);
  if (e !== undefined && !e.labels.includes(text)) {
    return `\`${text}\` is not a label of enum \`${display(e)}\` (column \`${column.name}\`); its labels: ${e.labels.map((l) => `\`${l}\``).join(', ')}`;
  }
  return null;
}

/** The declared enum a column type names (`mood`, `app.mood`, `"Mood"`), if any. */
function enumNamed(type: string, enums: readonly EnumType[]): EnumType | undefined {
  const part = (p: string) => (p.startsWith('"') && p.endsWith('"') && p.length >= 2 ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase());
  const m = /^("(?:[^"]|"")+"|[^."]+)(?:\.("(?:[^"]|"")+"|[^."]+))?$/.exec(type);
  if (m === null) return undefined;
  const [schema, name] = m[2] === undefined ? [null, part(m[1]!)] : [part(m[1]!), part(m[2])];
  return enums.find((e) => e.name === name && (schema === null ? e.schema === 'public' : e.schema === schema));
}
