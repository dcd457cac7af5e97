import type { Index, IndexKey } from '../../model/index.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { indexKeyFromObject, parseIndexKeyString } from '../index-keys.ts';
import type { IndexKeyYaml } from '../index-keys.ts';
import { identifierOf, isParenthesized, tokenize, type Token } from '../../diff/sql-text.ts';

interface IndexYaml {
  readonly columns: readonly (string | IndexKeyYaml)[];
  readonly unique?: boolean;
  readonly using?: string;
  readonly include?: readonly string[];
  readonly where?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly nulls_not_distinct?: boolean;
  readonly comment?: string | null;
  readonly transaction_per_chunk?: boolean;
}

export const DEFAULT_INDEX_METHOD = 'btree';

/** One entry of a table's `indexes:`: a list of keys, or the mapping form. */
export function loadIndex(ctx: LoadContext, name: string, value: unknown, loc: Loc): Index {
  const v: IndexYaml = Array.isArray(value) ? { columns: value } : (value as IndexYaml);
  const keysLoc = Array.isArray(value) ? loc : below(loc, 'columns');
  const keys = v.columns.map((k, i) => {
    const at = below(keysLoc, i);
    const key = typeof k === 'string' ? withExpressionOpclass(parseIndexKeyString(k)) : keyFromObject(ctx, k, at);
    return ctx.mark(key, valueOf(at));
  });
  const index: Index = {
    name,
    unique: v.unique ?? false,
    method: v.using ?? DEFAULT_INDEX_METHOD,
    keys,
    include: [...(v.include ?? [])],
    where: v.where ?? null,
    with: Object.fromEntries(Object.entries(v.with ?? {}).map(([k, x]) => [k, String(x)])),
    nullsNotDistinct: v.nulls_not_distinct ?? false,
    definition: '',
    valid: true,
    comment: v.comment ?? null,
    ...(v.transaction_per_chunk === true ? { transactionPerChunk: true as const } : {}),
  };
  ctx.mark(index, loc);
  if (v.include !== undefined) ctx.mark(index.include, below(loc, 'include'));
  return index;
}

/**
 * `transaction_per_chunk` is TimescaleDB's, for a hypertable's index: on anything else PostgreSQL
 * rejects the option, and TimescaleDB refuses it for a unique index. `notHypertable`: why the
 * relation is not a hypertable, or null when it is.
 */
export function checkPerChunk(ctx: LoadContext, index: Index, notHypertable: string | null, loc: Loc): void {
  const at = below(loc, 'transaction_per_chunk');
  if (notHypertable !== null) ctx.problem(at, `transaction_per_chunk applies to an index on a TimescaleDB hypertable only: ${notHypertable}`);
  else if (index.unique) ctx.problem(at, 'TimescaleDB refuses transaction_per_chunk for a unique index');
}

function keyFromObject(ctx: LoadContext, k: IndexKeyYaml, loc: Loc): IndexKey {
  if ((k.column === undefined) === (k.expression === undefined)) {
    ctx.problem(loc, 'an index key needs exactly one of `column` and `expression`');
  }
  return indexKeyFromObject(k);
}

/** Words that can follow an expression and are not an operator class (`(a) ISNULL` is an expression). */
const POSTFIX_KEYWORDS = new Set(['isnull', 'notnull']);

/**
 * An expression key written as text with an operator class after it, the way CREATE INDEX takes
 * one: `(embedding::halfvec(3072)) halfvec_cosine_ops` or `lower(email) text_pattern_ops`. The
 * expression must be parenthesized or a function call, as in CREATE INDEX; other keys are kept.
 */
export function withExpressionOpclass(key: IndexKey): IndexKey {
  if (key.isColumn || key.opclass !== null) return key;
  const toks = tokenize(key.expression.trim());
  const isName = (t: Token | undefined) => t !== undefined && identifierOf(t) !== null;
  // The operator class: `name` or `schema.name`, after a space.
  let i = toks.length - 1;
  if (!isName(toks[i])) return key;
  if (toks[i - 1]?.text === '.' && isName(toks[i - 2])) i -= 2;
  if (toks[i - 1]?.kind !== 'space') return key;
  if (i === toks.length - 1 && POSTFIX_KEYWORDS.has(identifierOf(toks[i]!)!)) return key;
  const expression = toks.slice(0, i - 1).map((t) => t.text).join('');
  const opclass = toks.slice(i).map((t) => t.text).join('');
  return isParenthesized(expression) || isFunctionCall(expression) ? { ...key, expression, opclass } : key;
}

/** `name(...)` or `schema.name(...)` with the call's parentheses around all the rest. */
function isFunctionCall(sql: string): boolean {
  const toks = tokenize(sql).filter((t) => t.kind !== 'space');
  const isName = (t: Token | undefined) => t !== undefined && identifierOf(t) !== null;
  const i = toks[1]?.text === '.' ? 2 : 0;
  if (!isName(toks[0]) || !isName(toks[i]) || toks[i + 1]?.text !== '(') return false;
  const rest = toks.slice(i + 1).map((t) => t.text).join(' ');
  return isParenthesized(rest);
}
