import { isSyntaxError, type ParseNode, type SqlParse, type SqlParser } from './parser.ts';
import { dollarTag, ident } from './quote.ts';

/**
 * Confinement of SQL fragments: every piece of SQL text a schema file gives (a default, a check, a
 * view's query, a routine body...) is parsed by PostgreSQL's parser, wrapped the way pgform embeds
 * it, and must be exactly what its key allows. A fragment that closes its surroundings and goes on
 * (`true); CREATE ROLE x; --`) parses as a second statement, or as a different shape, and is refused
 * before any database sees it. Pure: nothing here runs SQL.
 */
export type FragmentKind =
  | 'expression'
  | 'query'
  | 'type'
  | 'argument_type'
  | 'returns'
  | 'collation'
  | 'opclass'
  | 'method'
  | 'exclusion'
  | 'exclusion_elements'
  | 'partition_bound'
  | 'partition_by'
  | 'partition_key'
  | 'number'
  | 'sql_body';

/** What each kind of fragment may be, as error messages say it. */
export const FRAGMENT_ALLOWS: Readonly<Record<FragmentKind, string>> = {
  expression: 'must be one SQL expression',
  query: 'must be one query (SELECT, VALUES or WITH ... SELECT)',
  type: 'must be one SQL type',
  argument_type: 'must be one SQL type',
  returns: 'must be one return type (a type, SETOF type or TABLE(...))',
  collation: 'must be one collation name',
  opclass: 'must be one operator class name',
  method: 'must be one index method name (e.g. btree, gist, gin)',
  exclusion: 'must be one exclusion constraint (`USING method (element WITH operator, ...) [WHERE (predicate)]`)',
  exclusion_elements: 'must be exclusion elements (`column WITH operator, ...`)',
  partition_bound: 'must be one partition bound (`FOR VALUES ...` or `DEFAULT`)',
  partition_by: 'must be one partitioning (`RANGE (...)`, `LIST (...)` or `HASH (...)`)',
  partition_key: 'must be one column or expression of the partition key',
  number: 'must be a number',
  sql_body: 'must be one routine body',
};

const DATA_MODIFYING = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

function typeOf(node: ParseNode): string {
  return Object.keys(node)[0] ?? '';
}

function fieldsOf(node: ParseNode): Readonly<Record<string, unknown>> {
  return (node[typeOf(node)] ?? {}) as Readonly<Record<string, unknown>>;
}

function list(v: unknown): readonly ParseNode[] {
  return Array.isArray(v) ? (v as ParseNode[]) : [];
}

/** `CreateRoleStmt` -> `CREATE ROLE`: how a statement is named to the user. */
function statementName(node: ParseNode): string {
  return typeOf(node).replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

/** Any node below `node` of one of `types`, depth first. */
function findNode(node: unknown, types: ReadonlySet<string>): string | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = findNode(n, types);
      if (found !== null) return found;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  for (const [k, v] of Object.entries(node)) {
    if (types.has(k)) return k;
    const found = findNode(v, types);
    if (found !== null) return found;
  }
  return null;
}

/** The single statement `sql` parses to, or what is wrong with it. */
function oneStatement(parse: SqlParse, sql: string): { stmt: ParseNode } | { problem: string } {
  const r = parse(sql);
  if (isSyntaxError(r)) return { problem: `it does not parse where pgform puts it: ${r.message}` };
  if (r.statements.length === 0) return { problem: 'it is empty' };
  if (r.statements.length > 1) {
    const extra = r.statements.slice(1).map(statementName).join(', ');
    return { problem: `it ends its statement early and goes on with another (${extra})` };
  }
  return { stmt: r.statements[0]! };
}

/** Statement fields that are only position bookkeeping or defaults. */
const SELECT_DEFAULTS = new Set(['limitOption', 'op']);

/** A SELECT with exactly one unnamed output and nothing else: `SELECT <expression>`. */
function singleTarget(stmt: ParseNode): { value: ParseNode } | { problem: string } {
  if (typeOf(stmt) !== 'SelectStmt') return { problem: `it is a ${statementName(stmt)} statement` };
  const f = fieldsOf(stmt);
  const extra = Object.keys(f).filter((k) => k !== 'targetList' && !SELECT_DEFAULTS.has(k));
  if (extra.length > 0) return { problem: `it adds clauses around the expression (${extra.join(', ')})` };
  const targets = list(f.targetList);
  if (targets.length !== 1) return { problem: `it is ${targets.length} expressions` };
  const target = fieldsOf(targets[0]!);
  if (target.name !== undefined) return { problem: 'it names its result (`AS ...`)' };
  return { value: (target.val ?? {}) as ParseNode };
}

function checkExpression(parse: SqlParse, text: string): string | null {
  // Both as pgform writes it inside parentheses (CHECK (...), WHERE (...)) and bare (DEFAULT ...):
  // text balanced to close one and open another parenthesis passes only one of the two.
  for (const sql of [`SELECT (\n${text}\n)`, `SELECT\n${text}\n`]) {
    const one = oneStatement(parse, sql);
    if ('problem' in one) return one.problem;
    const target = singleTarget(one.stmt);
    if ('problem' in target) return target.problem;
    const modifying = findNode(one.stmt, DATA_MODIFYING);
    if (modifying !== null) return `it contains a data-modifying statement (${modifying.replace(/Stmt$/, '').toUpperCase()})`;
  }
  return null;
}

function checkQuery(parse: SqlParse, text: string): string | null {
  const one = oneStatement(parse, text);
  if ('problem' in one) return one.problem;
  if (typeOf(one.stmt) !== 'SelectStmt') return `it is a ${statementName(one.stmt)} statement`;
  if (fieldsOf(one.stmt).intoClause !== undefined) return 'it is SELECT ... INTO (which creates a table)';
  const modifying = findNode(one.stmt, DATA_MODIFYING);
  if (modifying !== null) return `it contains a data-modifying statement (${modifying.replace(/Stmt$/, '').toUpperCase()})`;
  return null;
}

function checkColumnType(parse: SqlParse, text: string): string | null {
  const one = oneStatement(parse, `CREATE TABLE t (c ${text}\n)`);
  if ('problem' in one) return one.problem;
  const f = fieldsOf(one.stmt);
  const elements = list(f.tableElts);
  if (typeOf(one.stmt) !== 'CreateStmt' || elements.length !== 1 || typeOf(elements[0]!) !== 'ColumnDef') {
    return 'it declares more than a type';
  }
  const extra = Object.keys(f).filter((k) => !['relation', 'tableElts', 'oncommit'].includes(k));
  if (extra.length > 0) return 'it declares more than a type';
  const col = fieldsOf(elements[0]!);
  if (col.constraints !== undefined) return 'it adds constraints or a default (use the column\'s own keys)';
  if (col.collClause !== undefined) return 'it adds a collation (use `collation`)';
  return null;
}

function createFunction(parse: SqlParse, sql: string): { f: Readonly<Record<string, unknown>> } | { problem: string } {
  const one = oneStatement(parse, sql);
  if ('problem' in one) return one;
  if (typeOf(one.stmt) !== 'CreateFunctionStmt') return { problem: `it is a ${statementName(one.stmt)} statement` };
  return { f: fieldsOf(one.stmt) };
}

function checkArgumentType(parse: SqlParse, text: string): string | null {
  const r = createFunction(parse, `CREATE FUNCTION f(${text}\n) RETURNS void LANGUAGE sql AS ''`);
  if ('problem' in r) return r.problem;
  const params = list(r.f.parameters);
  if (params.length !== 1) return `it is ${params.length} arguments`;
  const p = fieldsOf(params[0]!);
  if (p.name !== undefined || p.defexpr !== undefined || (p.mode !== undefined && p.mode !== 'FUNC_PARAM_DEFAULT')) {
    return 'it declares more than a type (name, mode and default have their own keys)';
  }
  return null;
}

function checkReturns(parse: SqlParse, text: string): string | null {
  const r = createFunction(parse, `CREATE FUNCTION f() RETURNS ${text}\nLANGUAGE sql AS ''`);
  if ('problem' in r) return r.problem;
  if (list(r.f.options).length !== 2) return 'it adds routine options after the type';
  if (list(r.f.parameters).some((p) => fieldsOf(p).mode !== 'FUNC_PARAM_TABLE')) return 'it declares more than a type';
  return null;
}

function checkCollation(parse: SqlParse, text: string): string | null {
  const one = oneStatement(parse, `SELECT (NULL COLLATE ${text}\n)`);
  if ('problem' in one) return one.problem;
  const target = singleTarget(one.stmt);
  if ('problem' in target) return target.problem;
  if (typeOf(target.value) !== 'CollateClause' || typeOf((fieldsOf(target.value).arg ?? {}) as ParseNode) !== 'A_Const') {
    return 'it is more than a collation name';
  }
  return null;
}

function indexElement(parse: SqlParse, sql: string): { elem: Readonly<Record<string, unknown>> } | { problem: string } {
  const one = oneStatement(parse, sql);
  if ('problem' in one) return one;
  const f = fieldsOf(one.stmt);
  const params = list(f.indexParams);
  if (typeOf(one.stmt) !== 'IndexStmt' || params.length !== 1 || f.whereClause !== undefined || f.options !== undefined || f.indexIncludingParams !== undefined) {
    return { problem: 'it is more than that' };
  }
  return { elem: fieldsOf(params[0]!) };
}

function checkOpclass(parse: SqlParse, text: string): string | null {
  const r = indexElement(parse, `CREATE INDEX ON t (c ${text}\n)`);
  if ('problem' in r) return r.problem;
  const e = r.elem;
  const plain = (e.ordering ?? 'SORTBY_DEFAULT') === 'SORTBY_DEFAULT' && (e.nulls_ordering ?? 'SORTBY_NULLS_DEFAULT') === 'SORTBY_NULLS_DEFAULT';
  if (list(e.opclass).length === 0 || e.opclassopts !== undefined || e.collation !== undefined || !plain) return 'it is more than an operator class';
  return null;
}

const METHOD_NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

function checkExclusion(parse: SqlParse, sql: string, withWhere: boolean): string | null {
  const one = oneStatement(parse, sql);
  if ('problem' in one) return one.problem;
  const cmds = list(fieldsOf(one.stmt).cmds);
  const cmd = cmds.length === 1 ? fieldsOf(cmds[0]!) : null;
  const def = cmd?.subtype === 'AT_AddConstraint' ? fieldsOf((cmd.def ?? {}) as ParseNode) : null;
  if (typeOf(one.stmt) !== 'AlterTableStmt' || def === null || def.contype !== 'CONSTR_EXCLUSION') return 'it is more than an exclusion constraint';
  if (!withWhere && def.where_clause !== undefined) return 'it adds a WHERE clause (use `where`)';
  return null;
}

function checkPartitionBound(parse: SqlParse, text: string): string | null {
  const one = oneStatement(parse, `CREATE TABLE p PARTITION OF t ${text}\n`);
  if ('problem' in one) return one.problem;
  const f = fieldsOf(one.stmt);
  if (typeOf(one.stmt) !== 'CreateStmt' || f.partbound === undefined) return 'it is not a partition bound';
  const extra = Object.keys(f).filter((k) => !['relation', 'inhRelations', 'partbound', 'oncommit'].includes(k));
  if (extra.length > 0) return 'it adds more than the bound';
  // PostgreSQL evaluates a bound when the partition is created (also in the scratch database, while
  // a plan is made): a function call there would run. Bounds are constants; pull writes them so.
  const call = firstCall(f.partbound);
  if (call !== null) return `it ${call}, which PostgreSQL would run when the partition is created (a bound is constants: literals, casts, MINVALUE, MAXVALUE)`;
  return null;
}

/** The first function call (or subquery) in a parse tree, named for a message; null when none. */
function firstCall(n: unknown): string | null {
  if (Array.isArray(n)) {
    for (const x of n) {
      const found = firstCall(x);
      if (found !== null) return found;
    }
    return null;
  }
  if (n === null || typeof n !== 'object') return null;
  const node = n as Record<string, unknown>;
  if (node.SubLink !== undefined) return 'holds a subquery';
  const fn = node.FuncCall as { funcname?: { String?: { sval?: string } }[] } | undefined;
  if (fn !== undefined) return `calls function \`${(fn.funcname ?? []).map((p) => p.String?.sval ?? '?').join('.')}\``;
  for (const v of Object.values(node)) {
    const found = firstCall(v);
    if (found !== null) return found;
  }
  return null;
}

/** `CREATE TABLE t (c int) PARTITION BY <text>`: one statement with its partition key, `keyItems` long when given. */
function checkPartitionBy(parse: SqlParse, sql: string, keyItems: number | null): string | null {
  const one = oneStatement(parse, sql);
  if ('problem' in one) return one.problem;
  const f = fieldsOf(one.stmt);
  const spec = f.partspec === undefined ? null : fieldsOf({ PartitionSpec: f.partspec });
  if (typeOf(one.stmt) !== 'CreateStmt' || spec === null || list(f.tableElts).length !== 1) return 'it is more than that';
  const extra = Object.keys(f).filter((k) => !['relation', 'tableElts', 'partspec', 'oncommit'].includes(k));
  if (extra.length > 0) return 'it adds more than the partitioning';
  if (keyItems !== null && list(spec.partParams).length !== keyItems) return `it is ${list(spec.partParams).length} key items`;
  return null;
}

const NUMBER = /^\s*[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Verdicts by kind and text: large schemas repeat the same types and defaults thousands of times. */
const verdicts = new Map<string, string | null>();
const MAX_REMEMBERED = 100_000;

/** Checks one fragment; the message (what the key allows, and what is wrong) or null when it is fine. */
export function checkFragment(parser: SqlParser, kind: FragmentKind, text: string): string | null {
  const key = `${kind}\u0000${text}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const problem = findProblem(parser, kind, text);
  const verdict = problem === null ? null : `${FRAGMENT_ALLOWS[kind]}, but ${problem}`;
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Kinds written as whole statements of their own, where `;` and line comments have their usual place. */
const STATEMENT_KINDS: ReadonlySet<FragmentKind> = new Set(['query', 'sql_body']);

function findProblem(parser: SqlParser, kind: FragmentKind, text: string): string | null {
  if (text.includes('\u0000')) return 'it contains a NUL character';
  if (text.trim() === '') return 'it is empty';
  if (!STATEMENT_KINDS.has(kind)) {
    // Said plainly before parsing: the usual ways out of a fragment's place in a statement.
    const tokens = parser.scan(text) ?? [];
    if (tokens.some((t) => t.kind === 'ASCII_59')) return 'it contains `;`, which would end pgform\'s statement and start another';
    if (tokens.some((t) => t.kind === 'SQL_COMMENT')) return 'it contains a `--` comment, which would hide the rest of the line pgform writes it on';
  }
  if (kind === 'query') {
    // pgform writes `WITH CHECK OPTION`, `WITH NO DATA` after the query, on its last line.
    const last = (parser.scan(text) ?? []).at(-1);
    if (last?.kind === 'SQL_COMMENT') return 'it ends with a `--` comment, which would hide what pgform writes after the query';
  }
  const parse = parser.parse;
  switch (kind) {
    case 'expression':
      return checkExpression(parse, text);
    case 'query':
      return checkQuery(parse, text);
    case 'type':
      return checkColumnType(parse, text);
    case 'argument_type':
      return checkArgumentType(parse, text);
    case 'returns':
      return checkReturns(parse, text);
    case 'collation':
      return checkCollation(parse, text);
    case 'opclass':
      return checkOpclass(parse, text);
    case 'method':
      return METHOD_NAME.test(text) ? null : 'it is not a plain name';
    case 'exclusion':
      return checkExclusion(parse, `ALTER TABLE t ADD CONSTRAINT c ${/^\s*EXCLUDE\b/i.test(text) ? text.trim() : `EXCLUDE ${text.trim()}`}\n`, true);
    case 'exclusion_elements':
      return checkExclusion(parse, `ALTER TABLE t ADD CONSTRAINT c EXCLUDE (${text}\n)`, false);
    case 'partition_bound':
      return checkPartitionBound(parse, text);
    case 'partition_by':
      return checkPartitionBy(parse, `CREATE TABLE t (c int) PARTITION BY ${text}\n`, null);
    case 'partition_key':
      return checkPartitionBy(parse, `CREATE TABLE t (c int) PARTITION BY RANGE (${text}\n)`, 1);
    case 'number':
      return NUMBER.test(text) ? null : 'it is not';
    case 'sql_body':
      return checkSqlBody(parse, text);
  }
}

/** A `language: sql` body between dollar quotes: SQL statements, each of which must parse. */
function checkSqlBody(parse: SqlParse, text: string): string | null {
  const r = parse(text);
  return isSyntaxError(r) ? `it does not parse: ${r.message}` : null;
}

/** A routine as pgform composes its CREATE statement (see diff/routines.ts createRoutineSql). */
export interface RoutineText {
  readonly kind: 'function' | 'procedure';
  /** Each argument as written: `[MODE] [name] type [DEFAULT expr]`, name already quoted. */
  readonly arguments: readonly string[];
  readonly returns: string | null;
  readonly language: string;
  readonly body: string;
  /** A SQL-standard body (`RETURN ...`, `BEGIN ATOMIC ... END`), written without quotes. */
  readonly sqlBody: boolean;
}

/**
 * The whole CREATE FUNCTION/PROCEDURE must be one statement: the body cannot leave its quoting,
 * nor a SQL-standard body run past its end. Null when it is.
 */
export function checkRoutine(parser: SqlParser, r: RoutineText): string | null {
  const parse = parser.parse;
  const head = `CREATE ${r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} f(${r.arguments.join(', ')}\n)`;
  const returns = r.returns === null ? '' : `\nRETURNS ${r.returns}`;
  const language = `\nLANGUAGE ${ident(r.language)}`;
  const body = r.sqlBody ? `\n${r.body.trim().replace(/;\s*$/, '')}\n` : `\nAS ${dollarTag(r.body)}${r.body}${dollarTag(r.body)}`;
  const one = oneStatement(parse, `${head}${returns}${language}${body}`);
  const problem = 'problem' in one ? one.problem : typeOf(one.stmt) !== 'CreateFunctionStmt' ? `it is a ${statementName(one.stmt)} statement` : null;
  return problem === null ? null : `${FRAGMENT_ALLOWS.sql_body}, but ${problem}`;
}

/**
 * How many statements `sql` holds; null when it does not parse (PostgreSQL then says why, with
 * its position, when the statement runs).
 */
export function statementCount(parser: SqlParser, sql: string): number | null {
  const r = parser.parse(sql);
  return isSyntaxError(r) ? null : r.statements.length;
}
