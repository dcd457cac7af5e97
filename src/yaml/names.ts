import type { QualifiedName } from '../model/names.ts';
import { ident } from '../sql/quote.ts';
import type { Loc } from './context.ts';
import type { LoadContext } from './context.ts';

export const DEFAULT_SCHEMA = 'public';

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so they are refused. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * The object's schema and name from its key: `name` or `schema.name` (split at the first dot).
 * With an explicit `schema:` field the key is the name as written, dots and all.
 */
export function qualifiedFromKey(key: string, schemaField: string | undefined): QualifiedName {
  if (schemaField !== undefined) return { schema: schemaField, name: key };
  const dot = key.indexOf('.');
  if (dot <= 0 || dot === key.length - 1) return { schema: DEFAULT_SCHEMA, name: key };
  return { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** Reports an identifier PostgreSQL would truncate. */
export function checkIdentifier(ctx: LoadContext, name: string, loc: Loc): void {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_IDENTIFIER_BYTES) {
    ctx.problem(loc, `\`${name}\` is ${bytes} bytes long; PostgreSQL identifiers are at most ${MAX_IDENTIFIER_BYTES} bytes (longer ones are truncated)`);
  }
}

/** Checks both parts of an object's qualified name (the key names the schema too). */
export function checkQualified(ctx: LoadContext, n: QualifiedName, loc: Loc): void {
  checkIdentifier(ctx, n.schema, loc);
  checkIdentifier(ctx, n.name, loc);
}

/** `schema.name` for messages. */
export function display(n: QualifiedName): string {
  return `${n.schema}.${n.name}`;
}

/** Words that cannot be a bare collation name in SQL (the ones a collation might plausibly be called). */
const RESERVED = new Set(['default', 'user', 'all', 'and', 'or', 'not', 'null', 'true', 'false', 'order', 'table', 'collate', 'check', 'primary', 'unique', 'select', 'from', 'where', 'end', 'case', 'when', 'then', 'else', 'as', 'on', 'to', 'for', 'with', 'both', 'binary']);

/** A name as PostgreSQL's quote_ident writes it: bare when lower case and not reserved. */
export function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : ident(name);
}

/**
 * A collation as SQL text. Names in YAML are case-sensitive like every other name, so `C` or
 * `en_US` become `"C"`, `"en_US"` (`ucs_basic` stays bare); text with quotes is SQL verbatim.
 */
export function collationSql(text: string): string {
  if (text.includes('"')) return text;
  return text.split('.').map(quoteIfNeeded).join('.');
}

/** Inverse of `collationSql` where lossless: `"C"` -> `C`; otherwise the SQL text as it is. */
export function collationYaml(sql: string): string {
  const parts = sql.includes('"') ? splitQuotedParts(sql) : sql.split('.');
  if (parts === null || parts.some((p) => p.includes('.') || p.includes('"'))) return sql;
  const bare = parts.join('.');
  return collationSql(bare) === sql ? bare : sql;
}

/** `"a".b` -> ['a', 'b']; null when `sql` is not a dotted list of (possibly quoted) identifiers. */
function splitQuotedParts(sql: string): string[] | null {
  const re = /(?:"((?:[^"]|"")*)"|([^".]+))(\.|$)/y;
  const parts: string[] = [];
  let pos = 0;
  while (pos < sql.length) {
    re.lastIndex = pos;
    const m = re.exec(sql);
    if (m === null) return null;
    parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    pos = re.lastIndex;
    if (m[3] === '') break;
  }
  return pos === sql.length && parts.length > 0 ? parts : null;
}

/** True when `sql` is entirely enclosed in one pair of matching parentheses. */
export function isParenthesized(sql: string): boolean {
  const s = sql.trim();
  if (!s.startsWith('(') || !s.endsWith(')')) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i < s.length - 1) return false;
    }
  }
  return depth === 0;
}

export function parenthesize(sql: string): string {
  return isParenthesized(sql) ? sql.trim() : `(${sql})`;
}
