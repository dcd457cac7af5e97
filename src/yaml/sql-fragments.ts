import { checkFragment, checkRoutine, type FragmentKind } from '../sql/fragments.ts';
import type { SqlParser } from '../sql/parser.ts';
import { ident } from '../sql/quote.ts';
import { formatPath, locate } from './documents.ts';
import type { KeyPath, ParsedDocument } from './documents.ts';
import { parseIndexKeyString } from './index-keys.ts';
import { withExpressionOpclass } from './kinds/table-indexes.ts';
import { isSqlStandardBody, DEFAULT_LANGUAGE } from './kinds/routines.ts';
import { collationSql } from './names.ts';
import type { Problem } from './problems.ts';

/**
 * Finds every SQL fragment in a (JSON Schema valid) document, with its key path, and checks each
 * with PostgreSQL's parser (src/sql/fragments.ts). Short forms are read as the loaders read them.
 */
export function checkSqlFragments(d: ParsedDocument, parse: SqlParser): Problem[] {
  const problems: Problem[] = [];
  const report = (path: KeyPath, message: string) => {
    const at = locate(d, path, 'value');
    problems.push({ file: d.file, line: at.line, column: at.column, path: formatPath(path), message });
  };
  const check = (path: KeyPath, kind: FragmentKind, text: unknown): boolean => {
    if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') return true;
    const message = checkFragment(parse, kind, String(text));
    if (message !== null) report(path, message);
    return message === null;
  };
  const top = record(d.value);
  for (const [name, t] of entries(top.tables)) checkTable(check, ['tables', name], record(t));
  for (const key of ['views', 'materialized_views', 'continuous_aggregates']) {
    for (const [name, v] of entries(top[key])) {
      const view = record(v);
      check([key, name, 'query'], 'query', view.query);
      for (const [i, index] of entries(view.indexes)) checkIndex(check, [key, name, 'indexes', i], index);
      for (const [t, trigger] of entries(view.triggers)) check([key, name, 'triggers', t, 'when'], 'expression', record(trigger).when);
    }
  }
  for (const [name, t] of entries(top.types)) {
    const type = record(t);
    const at = (...rest: (string | number)[]): KeyPath => ['types', name, ...rest];
    check(at('domain'), 'type', type.domain);
    check(at('default'), 'expression', type.default);
    if (typeof type.collation === 'string') check(at('collation'), 'collation', collationSql(type.collation));
    for (const [c, expr] of entries(type.checks)) check(at('checks', c), 'expression', expr);
    for (const [a, attr] of entries(type.composite)) {
      if (typeof attr === 'string') check(at('composite', a), 'type', attr);
      else {
        check(at('composite', a, 'type'), 'type', record(attr).type);
        const collation = record(attr).collation;
        if (typeof collation === 'string') check(at('composite', a, 'collation'), 'collation', collationSql(collation));
      }
    }
  }
  for (const key of ['functions', 'procedures'] as const) {
    for (const [name, value] of entries(top[key])) {
      const overloads: [KeyPath, unknown][] = Array.isArray(value) ? value.map((v, i) => [[key, name, i], v]) : [[[key, name], value]];
      for (const [path, v] of overloads) checkRoutineEntry(check, report, parse, key === 'functions' ? 'function' : 'procedure', path, record(v));
    }
  }
  return problems;
}

/** Checks one fragment if `text` is one (a scalar); false when it was refused. */
type Check = (path: KeyPath, kind: FragmentKind, text: unknown) => boolean;

function record(v: unknown): Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A mapping's entries, or a list's (by index); nothing for anything else. */
function entries(v: unknown): [string | number, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  return Object.entries(record(v));
}

function checkTable(check: Check, path: KeyPath, t: Readonly<Record<string, unknown>>): void {
  const columns = new Set<string>();
  for (const [name, c] of entries(t.columns)) {
    columns.add(String(name));
    const at = [...path, 'columns', name];
    if (typeof c === 'string') {
      check(at, 'type', c);
      continue;
    }
    const col = record(c);
    check([...at, 'type'], 'type', col.type);
    for (const key of ['default', 'generated', 'check', 'using', 'reverse_using', 'reverse_backfill']) check([...at, key], 'expression', col[key]);
    if (typeof col.backfill === 'string') check([...at, 'backfill'], 'expression', col.backfill);
    for (const key of ['value', 'where']) check([...at, 'backfill', key], 'expression', record(col.backfill)[key]);
    if (typeof col.collation === 'string') check([...at, 'collation'], 'collation', collationSql(col.collation));
  }
  for (const [name, c] of entries(t.checks)) {
    if (typeof c === 'string') check([...path, 'checks', name], 'expression', c);
    else check([...path, 'checks', name, 'expression'], 'expression', record(c).expression);
  }
  for (const [name, x] of entries(t.exclusions)) {
    const at = [...path, 'exclusions', name];
    if (typeof x === 'string') {
      check(at, 'exclusion', x);
      continue;
    }
    const ex = record(x);
    check([...at, 'definition'], 'exclusion', ex.definition);
    check([...at, 'elements'], 'exclusion_elements', ex.elements);
    check([...at, 'using'], 'method', ex.using);
    check([...at, 'where'], 'expression', ex.where);
  }
  for (const [name, index] of entries(t.indexes)) checkIndex(check, [...path, 'indexes', name], index);
  for (const [name, p] of entries(t.policies)) {
    check([...path, 'policies', name, 'using'], 'expression', record(p).using);
    check([...path, 'policies', name, 'with_check'], 'expression', record(p).with_check);
  }
  for (const [name, trigger] of entries(t.triggers)) check([...path, 'triggers', name, 'when'], 'expression', record(trigger).when);
  checkPartitioning(check, path, t, columns);
  const rows = Array.isArray(t.data) ? t.data : record(t.data).rows;
  for (const [i, row] of entries(rows)) {
    for (const [column, value] of entries(row)) {
      const sql = record(value);
      if (Object.keys(sql).length === 1 && typeof sql.sql === 'string') check([...path, 'data', ...(Array.isArray(t.data) ? [] : ['rows']), i, column, 'sql'], 'expression', sql.sql);
    }
  }
}

function checkPartitioning(check: Check, path: KeyPath, t: Readonly<Record<string, unknown>>, columns: ReadonlySet<string>): void {
  const by = t.partition_by;
  if (typeof by === 'string') check([...path, 'partition_by'], 'partition_by', by);
  for (const [strategy, items] of Object.entries(record(by))) {
    const at = [...path, 'partition_by', strategy];
    const list: [KeyPath, unknown][] = Array.isArray(items) ? items.map((x, i) => [[...at, i], x]) : [[at, items]];
    // A column of the table is quoted by the loader; anything else is an expression, verbatim.
    for (const [p, item] of list) if (!columns.has(String(item).trim())) check(p, 'partition_key', item);
  }
  for (const [name, p] of entries(t.partitions)) {
    if (typeof p === 'string') check([...path, 'partitions', name], 'partition_bound', p);
    else check([...path, 'partitions', name, 'bound'], 'partition_bound', record(p).bound);
    for (const [column, c] of entries(record(p).columns)) check([...path, 'partitions', name, 'columns', column, 'default'], 'expression', record(c).default);
  }
}

function checkIndex(check: Check, path: KeyPath, value: unknown): void {
  const index = record(value);
  const keysPath = Array.isArray(value) ? path : [...path, 'columns'];
  for (const [i, k] of entries(Array.isArray(value) ? value : index.columns)) {
    const at = [...keysPath, i];
    if (typeof k === 'string') {
      // Column keys (`col`, `col DESC`, `col COLLATE "C"`, `col opclass`) are names the loader
      // matched exactly; anything else is an expression, perhaps with an operator class after it.
      const key = withExpressionOpclass(parseIndexKeyString(k));
      if (!key.isColumn) check(at, 'expression', key.expression);
      continue;
    }
    const key = record(k);
    check([...at, 'expression'], 'expression', key.expression);
    check([...at, 'opclass'], 'opclass', key.opclass);
    if (typeof key.collation === 'string') check([...at, 'collation'], 'collation', collationSql(key.collation));
  }
  check([...path, 'using'], 'method', index.using);
  check([...path, 'where'], 'expression', index.where);
}

interface ArgumentParts {
  readonly path: KeyPath;
  readonly name: string | null;
  readonly type: unknown;
  readonly mode: string;
  readonly default: unknown;
}

function routineArguments(path: KeyPath, value: unknown): ArgumentParts[] {
  if (Array.isArray(value)) {
    return value.map((a, i) => {
      const arg = typeof a === 'string' ? { type: a } : record(a);
      return { path: [...path, i], name: typeof arg.name === 'string' ? arg.name : null, type: arg.type, mode: String(arg.mode ?? 'in'), default: arg.default };
    });
  }
  return Object.entries(record(value)).map(([name, a]) => {
    const arg = typeof a === 'string' ? { type: a } : record(a);
    return { path: [...path, name], name, type: arg.type, mode: String(arg.mode ?? 'in'), default: arg.default };
  });
}

function checkRoutineEntry(
  check: Check,
  report: (path: KeyPath, message: string) => void,
  parse: SqlParser,
  kind: 'function' | 'procedure',
  path: KeyPath,
  r: Readonly<Record<string, unknown>>,
): void {
  const args = routineArguments([...path, 'arguments'], r.arguments);
  let partsFine = true;
  for (const a of args) {
    partsFine = check(isTypeOnly(r.arguments, a) ? a.path : [...a.path, 'type'], 'argument_type', a.type) && partsFine;
    partsFine = check([...a.path, 'default'], 'expression', a.default) && partsFine;
  }
  if (kind === 'function') partsFine = check([...path, 'returns'], 'returns', r.returns) && partsFine;
  partsFine = check([...path, 'cost'], 'number', r.cost) && partsFine;
  partsFine = check([...path, 'rows'], 'number', r.rows) && partsFine;
  const language = typeof r.language === 'string' ? r.language : DEFAULT_LANGUAGE;
  const body = typeof r.body === 'string' ? r.body : '';
  const sqlBody = isSqlStandardBody(language, body);
  if (language.toLowerCase() === 'sql' && !sqlBody && body.trim() !== '') partsFine = check([...path, 'body'], 'sql_body', body) && partsFine;
  // Each part is fine on its own: the statement pgform composes from them must be one statement too.
  if (!partsFine) return;
  const message = checkRoutine(parse, {
    kind,
    arguments: args.map((a) => {
      const parts = [a.mode === 'in' ? '' : a.mode.toUpperCase(), a.name === null ? '' : ident(a.name), String(a.type ?? '')];
      if (a.default !== undefined) parts.push(`DEFAULT ${String(a.default)}`);
      return parts.filter((p) => p !== '').join(' ');
    }),
    returns: kind === 'function' && typeof r.returns === 'string' ? r.returns : null,
    language,
    body,
    sqlBody,
  });
  if (message !== null) report([...path, 'body'], message);
}

/** Whether an argument was written as just its type (`- integer`, `name: integer`). */
function isTypeOnly(all: unknown, a: ArgumentParts): boolean {
  const seg = a.path[a.path.length - 1]!;
  const raw = Array.isArray(all) ? all[seg as number] : record(all)[String(seg)];
  return typeof raw === 'string';
}
