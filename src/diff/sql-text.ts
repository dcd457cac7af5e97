import type { QualifiedName } from '../model/names.ts';
import { ident } from '../sql/quote.ts';

/**
 * Just enough SQL lexing to compare and rewrite expressions that come from the model: identifiers
 * are told apart from string literals, quoted identifiers and comments, nothing more.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'space' | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(sql[i]!)) i++;
      out.push({ kind: 'space', text: sql.slice(start, i) });
    } else if (c === "'" || ((c === 'E' || c === 'e') && sql[i + 1] === "'")) {
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") {
          i++;
          break;
        } else i++;
      }
      out.push({ kind: 'string', text: sql.slice(start, i) });
    } else if (c === '"') {
      i++;
      while (i < n) {
        if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
        else if (sql[i] === '"') {
          i++;
          break;
        } else i++;
      }
      out.push({ kind: 'quoted', text: sql.slice(start, i) });
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? n : end + tag.length;
      out.push({ kind: 'string', text: sql.slice(start, i) });
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      out.push({ kind: 'space', text: sql.slice(start, i) });
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out.push({ kind: 'space', text: sql.slice(start, i) });
    } else if (WORD_START.test(c)) {
      while (i < n && WORD_PART.test(sql[i]!)) i++;
      out.push({ kind: 'word', text: sql.slice(start, i) });
    } else {
      i++;
      out.push({ kind: 'other', text: c });
    }
  }
  return out;
}

/** The identifier a word or quoted token names (unquoted words fold to lower case), else null. */
export function identifierOf(t: Token): string | null {
  if (t.kind === 'word') return t.text.toLowerCase();
  if (t.kind === 'quoted') return t.text.slice(1, -1).replace(/""/g, '"');
  return null;
}

/** Keywords PostgreSQL's quote_ident quotes (reserved and type/function-name keywords). */
const QUOTED_KEYWORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast char ' +
    'character check coalesce collate collation column concurrently constraint create cross current_catalog current_date ' +
    'current_role current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct do ' +
    'else end except exists extract false fetch float for foreign freeze from full grant greatest group grouping having ilike ' +
    'in initially inner inout int integer intersect interval into is isnull join json lateral leading least left like limit ' +
    'localtime localtimestamp national natural nchar none normalize not notnull null nullif numeric offset on only or order ' +
    'out outer overlaps overlay placing position precision primary real references returning right row select session_user ' +
    'setof similar smallint some substring symmetric system_user table tablesample then time timestamp to trailing treat trim ' +
    'true union unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement ' +
    'xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** An identifier spelled the way PostgreSQL deparses it: bare when that reads back the same. */
export function deparseIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !QUOTED_KEYWORDS.has(name)) return name;
  return ident(name);
}

/**
 * Replaces identifiers (bare or quoted, outside literals) named in `renames` by their new name.
 * Texts equal after this substitution describe the same thing under the new names.
 */
export function substituteIdentifiers(sql: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return sql;
  return tokenize(sql)
    .map((t) => {
      const id = identifierOf(t);
      const renamed = id === null ? undefined : renames.get(id);
      return renamed === undefined ? t.text : deparseIdent(renamed);
    })
    .join('');
}

/** Whether the expression mentions the identifier (outside string literals). */
export function mentionsIdentifier(sql: string, name: string): boolean {
  return tokenize(sql).some((t) => identifierOf(t) === name);
}

/** Whether the whole text is one parenthesized group, e.g. `(lower(email))`. */
export function isParenthesized(sql: string): boolean {
  const toks = tokenize(sql.trim());
  if (toks.length < 2 || toks[0]!.text !== '(' || toks[toks.length - 1]!.text !== ')') return false;
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'other') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      depth--;
      if (depth === 0 && i !== toks.length - 1) return false;
    }
  }
  return depth === 0;
}

export function parenthesize(sql: string): string {
  return isParenthesized(sql) ? sql.trim() : `(${sql})`;
}

/**
 * Parses a possibly schema-qualified name, `a`, `s.a`, `"S"."A"`; unqualified names resolve to
 * `public` (the canonical search_path). Null when the text is not a name.
 */
export function parseQualifiedName(text: string): QualifiedName | null {
  const toks = tokenize(text.trim()).filter((t) => t.kind !== 'space');
  const names: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i % 2 === 1) {
      if (t.text !== '.') return null;
      continue;
    }
    const id = identifierOf(t);
    if (id === null) return null;
    names.push(id);
  }
  if (toks.length % 2 === 0) return null;
  if (names.length === 1) return { schema: 'public', name: names[0]! };
  if (names.length === 2) return { schema: names[0]!, name: names[1]! };
  return null;
}

/** `text[]` -> { base: 'text', arraySuffix: '[]' }. */
export function splitArrayType(type: string): { base: string; arraySuffix: string } {
  const m = /^(.*?)((?:\s*\[\d*\])*)$/s.exec(type.trim())!;
  return { base: m[1]!.trim(), arraySuffix: m[2]!.replace(/\s+/g, '') };
}

/**
 * The types a routine's result names: `SETOF t` gives `t`; `TABLE(a t1, b t2)` gives `t1` and `t2`
 * (its columns' types, which PostgreSQL resolves at creation like an argument's); else the type.
 */
export function resultTypes(result: string): string[] {
  const named = result.replace(/^\s*SETOF\s+/i, '');
  const table = /^TABLE\s*\((.*)\)\s*$/is.exec(named);
  if (!table) return [named];
  const columns: Token[][] = [[]];
  let depth = 0;
  for (const t of tokenize(table[1]!)) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (t.text === ',' && depth === 0) columns.push([]);
    else columns[columns.length - 1]!.push(t);
  }
  // Each column is `name type`: the type is what follows the name.
  return columns
    .map((c) => c.slice(c.findIndex((x) => x.kind !== 'space') + 1).map((t) => t.text).join('').trim())
    .filter((t) => t !== '');
}

/** Whether a column type (possibly an array of it) is the named user type. */
export function typeRefersTo(type: string, target: QualifiedName): boolean {
  const parsed = parseQualifiedName(splitArrayType(type).base);
  return parsed !== null && parsed.schema === target.schema && parsed.name === target.name;
}

const NEXTVAL = /nextval\s*\(\s*'((?:[^']|'')*)'/gi;

/** Sequences a default expression draws from (`nextval('seq'::regclass)`). */
export function sequencesInDefault(expr: string | null): QualifiedName[] {
  if (!expr) return [];
  const out: QualifiedName[] = [];
  for (const m of expr.matchAll(NEXTVAL)) {
    const q = parseQualifiedName(m[1]!.replace(/''/g, "'"));
    if (q) out.push(q);
  }
  return out;
}

/** Rewrites the sequence names inside `nextval('...')` calls. */
export function mapSequencesInDefault(expr: string, map: (q: QualifiedName) => QualifiedName | null): string {
  return expr.replace(NEXTVAL, (whole, lit: string) => {
    const q = parseQualifiedName(lit.replace(/''/g, "'"));
    const to = q ? map(q) : null;
    if (!to) return whole;
    const name = to.schema === 'public' ? deparseIdent(to.name) : `${deparseIdent(to.schema)}.${deparseIdent(to.name)}`;
    return whole.replace(`'${lit}'`, `'${name.replace(/'/g, "''")}'`);
  });
}

/**
 * Functions whose value differs per row: a column added with such a default makes PostgreSQL
 * rewrite the table. `now()`/CURRENT_TIMESTAMP are stable (evaluated once), so they do not.
 * Functions not listed (user-defined ones) cannot be judged from the text and are assumed stable.
 */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'gen_random_bytes',
  'txid_current',
]);

/** A function an expression calls: `name(` or `schema.name(`; `schema` null when unqualified. */
export interface FunctionCall {
  readonly schema: string | null;
  readonly name: string;
}

/** The functions an expression calls, by name (outside literals and quoted text). */
export function functionCalls(expr: string): FunctionCall[] {
  const toks = tokenize(expr).filter((t) => t.kind !== 'space');
  const out: FunctionCall[] = [];
  toks.forEach((t, i) => {
    const name = identifierOf(t);
    if (name === null || toks[i + 1]?.text !== '(') return;
    const qualified = toks[i - 1]?.text === '.' && i >= 2 ? identifierOf(toks[i - 2]!) : null;
    out.push({ schema: qualified, name });
  });
  return out;
}

/** Volatility of a called function as the catalog has it; undefined when not known. */
export type VolatilityOf = (call: FunctionCall) => 'immutable' | 'stable' | 'volatile' | undefined;

/**
 * Whether the expression calls a volatile function. With `volatilityOf` (from pg_proc and the
 * desired routines) every call is judged by its catalog volatility; calls it does not know, and
 * every call without it, fall back to the list of well-known volatile functions.
 */
export function isVolatileExpression(expr: string, volatilityOf?: VolatilityOf): boolean {
  return functionCalls(expr).some((call) => {
    const known = volatilityOf?.(call);
    return known !== undefined ? known === 'volatile' : VOLATILE_FUNCTIONS.has(call.name);
  });
}
