import { notTimescaleTrigger } from './timescale.ts';
import type { Connection } from '../db/connection.ts';
import { keys } from '../model/keys.ts';
import type { Trigger, TriggerEnabled, TriggerEvent, TriggerTiming } from '../model/trigger.ts';
import { dependsOnOf, type Dependencies } from './dependencies.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

export interface TriggerRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** pg_trigger.tgtype bits. */
  readonly type: number;
  readonly update_columns: readonly string[] | null;
  readonly function_schema: string;
  readonly function_name: string;
  readonly arg_count: number;
  /** tgargs as hex: the arguments, each followed by a NUL byte. */
  readonly args_hex: string;
  readonly is_constraint: boolean;
  readonly deferrable: boolean;
  readonly initially_deferred: boolean;
  readonly old_table: string | null;
  readonly new_table: string | null;
  /** tgenabled: O, D, R or A. */
  readonly enabled: string;
  /** Full pg_get_triggerdef text. */
  readonly triggerdef: string;
  readonly comment: string | null;
}

/**
 * User triggers (not the internal ones behind foreign keys and deferred uniqueness) on managed
 * tables, views and foreign tables. The copies PostgreSQL makes of a partitioned table's trigger on
 * each partition (`tgparentid`, PostgreSQL 13+) and triggers on partitions, which are not modelled,
 * are left out.
 */
export function triggersSql(serverVersion: number): string {
  const notClone = serverVersion >= 130000 ? 'AND t.tgparentid = 0' : '';
  return `
SELECT n.nspname AS schema, c.relname AS "table", t.tgname AS name, t.tgtype::int AS type,
  (SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord)
     FROM pg_catalog.unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum) AS update_columns,
  fn.nspname AS function_schema, f.proname AS function_name,
  t.tgnargs::int AS arg_count, pg_catalog.encode(t.tgargs, 'hex') AS args_hex,
  t.tgconstraint <> 0 AS is_constraint, t.tgdeferrable AS deferrable, t.tginitdeferred AS initially_deferred,
  t.tgoldtable AS old_table, t.tgnewtable AS new_table,
  t.tgenabled::text AS enabled,
  pg_catalog.pg_get_triggerdef(t.oid) AS triggerdef,
  ${commentOf('pg_trigger', 't.oid')} AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
WHERE NOT t.tgisinternal ${notClone} AND ${notTimescaleTrigger('t')}
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
  AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}
  AND ${notExtensionMember('pg_trigger', 't.oid')}
ORDER BY n.nspname, c.relname, t.tgname`;
}

/** tgtype bits (pg_trigger.h). */
const TRIGGER_TYPE = { row: 1, before: 2, insert: 4, delete: 8, update: 16, truncate: 32, instead: 64 } as const;

export function timingOf(type: number): TriggerTiming {
  if (type & TRIGGER_TYPE.instead) return 'instead of';
  return type & TRIGGER_TYPE.before ? 'before' : 'after';
}

export function eventsOf(type: number): TriggerEvent[] {
  const out: TriggerEvent[] = [];
  if (type & TRIGGER_TYPE.insert) out.push('insert');
  if (type & TRIGGER_TYPE.update) out.push('update');
  if (type & TRIGGER_TYPE.delete) out.push('delete');
  if (type & TRIGGER_TYPE.truncate) out.push('truncate');
  return out;
}

const ENABLED: Readonly<Record<string, TriggerEnabled>> = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' };

export function enabledOf(letter: string): TriggerEnabled {
  const e = ENABLED[letter];
  if (!e) throw new Error(`unknown trigger enabled code '${letter}'`);
  return e;
}

/** The arguments stored in tgargs (hex of NUL-terminated UTF-8 strings). */
export function triggerArguments(hex: string, count: number): string[] {
  const bytes = Buffer.from(hex, 'hex');
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && out.length < count; i++) {
    if (bytes[i] === 0) {
      out.push(bytes.subarray(start, i).toString('utf8'));
      start = i + 1;
    }
  }
  return out;
}

/** Index of the quote closing the identifier or literal opened at `i` (doubled quotes continue it). */
function skipQuoted(sql: string, i: number): number {
  const q = sql[i]!;
  let j = i + 1;
  for (;;) {
    const close = sql.indexOf(q, j);
    if (close < 0) return sql.length;
    if (sql[close + 1] === q) j = close + 2;
    else return close;
  }
}

/** First index from `from` outside quotes and parentheses where `match` holds; -1 if none. */
function findTopLevel(sql: string, from: number, match: (i: number) => boolean): number {
  let depth = 0;
  for (let i = from; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '"' || ch === "'") i = skipQuoted(sql, i);
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && match(i)) return i;
  }
  return -1;
}

/** Index of the parenthesis closing the one at `open`. */
function closingParenthesis(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '"' || ch === "'") i = skipQuoted(sql, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in trigger definition: ${sql}`);
}

/** End of the identifier (quoted or bare) starting at `i`. */
function identifierEnd(sql: string, i: number): number {
  if (sql[i] === '"') {
    let j = i + 1;
    for (;;) {
      const close = sql.indexOf('"', j);
      if (close < 0) return sql.length;
      if (sql[close + 1] === '"') j = close + 2;
      else return close + 1;
    }
  }
  let j = i;
  while (j < sql.length && /[\w$]/.test(sql[j]!)) j++;
  return j;
}

/** End of a possibly schema-qualified name starting at `i`. */
function qualifiedNameEnd(sql: string, i: number): number {
  let end = identifierEnd(sql, i);
  while (sql[end] === '.') end = identifierEnd(sql, end + 1);
  return end;
}

/**
 * `pg_get_triggerdef` from the timing onwards, without the trigger's name and its ` ON relation`:
 * `AFTER UPDATE OF a ON public.t FOR EACH ROW ...` becomes `AFTER UPDATE OF a FOR EACH ROW ...`.
 */
export function triggerDefinition(triggerdef: string): string {
  const prefix = /^CREATE (?:CONSTRAINT )?TRIGGER /.exec(triggerdef);
  if (!prefix) throw new Error(`unexpected trigger definition: ${triggerdef}`);
  const rest = triggerdef.slice(identifierEnd(triggerdef, prefix[0].length)).trimStart();
  const on = findTopLevel(rest, 0, (i) => rest.startsWith(' ON ', i));
  if (on < 0) throw new Error(`cannot find ON in trigger definition: ${triggerdef}`);
  return rest.slice(0, on) + rest.slice(qualifiedNameEnd(rest, on + ' ON '.length));
}

/** The WHEN condition of a deparsed trigger, without `WHEN (...)`; null when there is none. */
export function triggerWhen(triggerdef: string): string | null {
  const at = findTopLevel(triggerdef, 0, (i) => triggerdef.startsWith(' WHEN (', i));
  if (at < 0) return null;
  const open = at + ' WHEN '.length;
  return triggerdef.slice(open + 1, closingParenthesis(triggerdef, open));
}

export function triggerFromRow(row: TriggerRow, deps: Dependencies = new Map()): Trigger {
  return {
    schema: row.schema,
    table: row.table,
    name: row.name,
    timing: timingOf(row.type),
    events: eventsOf(row.type),
    updateColumns: row.update_columns ?? [],
    forEachRow: (row.type & TRIGGER_TYPE.row) !== 0,
    when: triggerWhen(row.triggerdef),
    function: { schema: row.function_schema, name: row.function_name },
    arguments: triggerArguments(row.args_hex, row.arg_count),
    constraint: row.is_constraint ? { deferrable: row.deferrable, initiallyDeferred: row.initially_deferred } : null,
    oldTable: row.old_table,
    newTable: row.new_table,
    enabled: enabledOf(row.enabled),
    definition: triggerDefinition(row.triggerdef),
    comment: row.comment,
    dependsOn: dependsOnOf(deps, keys.trigger(row.schema, row.table, row.name)),
  };
}

export async function introspectTriggers(
  conn: Connection,
  scope: Scope,
  deps: Dependencies = new Map(),
): Promise<Trigger[]> {
  const rows = await conn.queryReused<TriggerRow>(triggersSql(scope.serverVersion), scopeParams(scope));
  return rows.map((r) => triggerFromRow(r, deps));
}
