import type { Column } from '../../model/column.ts';
import type { Index, IndexKey } from '../../model/index.ts';
import { deparseIdent, identifierOf, isParenthesized, tokenize, type Token } from '../../diff/sql-text.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';

/**
 * What pgvector (0.8) refuses when an ivfflat or hnsw index is built, checked while the YAML loads
 * so the error points at the file and line instead of failing half-way through an apply.
 */

export type VectorTypeName = 'vector' | 'halfvec' | 'sparsevec' | 'bit';

export interface VectorType {
  readonly name: VectorTypeName;
  /** The type modifier, e.g. 3072 for `vector(3072)`; null when none is given. */
  readonly dimensions: number | null;
}

export type VectorIndexMethod = 'hnsw' | 'ivfflat';

/**
 * The most dimensions ivfflat and hnsw index per type. sparsevec has none: hnsw limits its
 * non-zero elements (1,000) row by row as rows are written, which no plan can know.
 */
export const INDEX_DIMENSION_LIMITS: Readonly<Record<Exclude<VectorTypeName, 'sparsevec'>, number>> = {
  vector: 2000,
  halfvec: 4000,
  bit: 64000,
};

/** The most dimensions a vector or halfvec column can have at all. */
export const COLUMN_DIMENSION_LIMIT = 16000;

/** pgvector's operator classes per access method; each name starts with the type it indexes. */
export const OPERATOR_CLASSES: Readonly<Record<VectorIndexMethod, readonly string[]>> = {
  hnsw: [
    'vector_l2_ops', 'vector_ip_ops', 'vector_cosine_ops', 'vector_l1_ops',
    'halfvec_l2_ops', 'halfvec_ip_ops', 'halfvec_cosine_ops', 'halfvec_l1_ops',
    'sparsevec_l2_ops', 'sparsevec_ip_ops', 'sparsevec_cosine_ops', 'sparsevec_l1_ops',
    'bit_hamming_ops', 'bit_jaccard_ops',
  ],
  ivfflat: ['vector_l2_ops', 'vector_ip_ops', 'vector_cosine_ops', 'halfvec_l2_ops', 'halfvec_ip_ops', 'halfvec_cosine_ops', 'bit_hamming_ops'],
};

/** The only default operator class: everything else must name one. */
const DEFAULT_OPERATOR_CLASS: Readonly<Partial<Record<`${VectorIndexMethod}:${VectorTypeName}`, string>>> = {
  'ivfflat:vector': 'vector_l2_ops',
};

/** Storage parameters and their bounds (inclusive). */
export const INDEX_PARAMETERS: Readonly<Record<VectorIndexMethod, Readonly<Record<string, { readonly min: number; readonly max: number }>>>> = {
  hnsw: { m: { min: 2, max: 100 }, ef_construction: { min: 4, max: 1000 } },
  ivfflat: { lists: { min: 1, max: 32768 } },
};

/** What hnsw builds with when `m` or `ef_construction` is left out. */
const HNSW_DEFAULTS = { m: 16, ef_construction: 64 } as const;

/** The distance operator each operator-class family orders by, for the query hint. */
const DISTANCE_OPERATORS: Readonly<Record<string, string>> = {
  l2: '<->', ip: '<#>', cosine: '<=>', l1: '<+>', hamming: '<~>', jaccard: '<%>',
};

const VECTOR_TYPES: ReadonlySet<string> = new Set(['vector', 'halfvec', 'sparsevec', 'bit']);

const significant = (toks: readonly Token[]) => toks.filter((t) => t.kind !== 'space');

/**
 * The pgvector type a column type (or a cast's target type) names: `vector(3)`,
 * `public.halfvec(3072)`, `sparsevec`, `bit(64)`. Null for anything else, arrays included.
 * Text after the type (`vector(3) not null`) is allowed when `rest` is true.
 */
function vectorTypeOfTokens(toks: readonly Token[], rest: boolean): VectorType | null {
  let i = 0;
  if (toks.length >= 3 && toks[1]!.text === '.' && identifierOf(toks[0]!) !== null) i = 2;
  const name = toks[i] === undefined ? null : identifierOf(toks[i]!);
  if (name === null || !VECTOR_TYPES.has(name)) return null;
  i++;
  let dimensions: number | null = name === 'bit' ? 1 : null; // plain `bit` is bit(1)
  if (toks[i]?.text === '(') {
    const n = toks[i + 1];
    if (n === undefined || !/^\d+$/.test(n.text) || toks[i + 2]?.text !== ')') return null;
    dimensions = Number(n.text);
    i += 3;
  }
  const next = toks[i];
  if (next === undefined) return { name: name as VectorTypeName, dimensions };
  if (!rest || next.kind !== 'word' || next.text.toLowerCase() === 'varying') return null;
  return { name: name as VectorTypeName, dimensions };
}

/** Tokens: numbers are words to the tokenizer only after a letter, so digits come one by one; join them. */
function lex(sql: string): Token[] {
  const out: Token[] = [];
  for (const t of significant(tokenize(sql))) {
    const last = out[out.length - 1];
    if (/^\d$/.test(t.text) && last !== undefined && /^\d+$/.test(last.text)) out[out.length - 1] = { kind: 'other', text: last.text + t.text };
    else out.push(t);
  }
  return out;
}

export function vectorTypeOf(sqlType: string): VectorType | null {
  return vectorTypeOfTokens(lex(sqlType), true);
}

/** What an index key indexes: a column, or an expression whose outermost operation is a cast. */
export interface IndexedValue {
  readonly type: VectorType;
  /** SQL of the value the type applies to before any cast: a column name or the cast's operand. */
  readonly source: string;
  /** The column when the key is one (or a parenthesized column name). */
  readonly column: string | null;
}

function unwrap(sql: string): string {
  let s = sql.trim();
  while (isParenthesized(s)) s = s.slice(1, -1).trim();
  return s;
}

/** Index of the token after which `toks` holds a top-level `::`, scanning from the end; -1 if none. */
function lastTopLevelCast(toks: readonly Token[]): number {
  let depth = 0;
  for (let i = toks.length - 1; i > 0; i--) {
    const t = toks[i]!.text;
    if (t === ')') depth++;
    else if (t === '(') depth--;
    else if (depth === 0 && t === ':' && toks[i - 1]!.text === ':') return i - 1;
  }
  return -1;
}

export function indexedValue(columns: readonly Column[], key: IndexKey): IndexedValue | null {
  const ofColumn = (name: string): IndexedValue | null => {
    const col = columns.find((c) => c.name === name);
    const type = col === undefined ? null : vectorTypeOf(col.type);
    return type === null ? null : { type, source: deparseIdent(name), column: name };
  };
  if (key.isColumn) return ofColumn(key.expression);
  const expr = unwrap(key.expression);
  const toks = lex(expr);
  if (toks.length === 1) {
    const name = identifierOf(toks[0]!);
    return name === null ? null : ofColumn(toks[0]!.kind === 'word' ? toks[0]!.text : name);
  }
  const cast = lastTopLevelCast(toks);
  if (cast > 0) {
    const type = vectorTypeOfTokens(toks.slice(cast + 2), false);
    // The type after the last top-level `::` holds no `::`: the operand is the text before it.
    return type === null ? null : { type, source: expr.slice(0, expr.lastIndexOf('::')).trim(), column: null };
  }
  // CAST(x AS type)
  if (toks[0] !== undefined && identifierOf(toks[0]) === 'cast' && toks[1]?.text === '(' && toks[toks.length - 1]!.text === ')') {
    let depth = 0;
    for (let i = toks.length - 2; i > 1; i--) {
      const t = toks[i]!.text;
      if (t === ')') depth++;
      else if (t === '(') depth--;
      else if (depth === 0 && identifierOf(toks[i]!) === 'as') {
        const type = vectorTypeOfTokens(toks.slice(i + 1, -1), false);
        return type === null ? null : { type, source: toks.slice(2, i).map((x) => x.text).join(' '), column: null };
      }
    }
  }
  return null;
}

/** Where in the index declaration a problem is. */
export type ProblemPlace =
  | { readonly kind: 'index' }
  | { readonly kind: 'key'; readonly position: number }
  | { readonly kind: 'with'; readonly name: string };

export interface VectorIndexProblem {
  readonly place: ProblemPlace;
  readonly message: string;
}

/** The operator class name without schema or quotes, lower-cased when it was not quoted. */
function opclassName(opclass: string): string {
  const toks = lex(opclass);
  const last = toks[toks.length - 1];
  return last === undefined ? opclass : (identifierOf(last) ?? opclass);
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** `(embedding::halfvec(3072))`, or with the operand parenthesized when it is not a plain name. */
function castSql(source: string, type: string): string {
  const simple = lex(source).length === 1;
  return `(${simple ? source : `(${source})`}::${type})`;
}

function tooManyDimensions(method: VectorIndexMethod, value: IndexedValue, opclass: string | null): string {
  const { name, dimensions } = value.type;
  const n = dimensions!;
  const limit = INDEX_DIMENSION_LIMITS[name as keyof typeof INDEX_DIMENSION_LIMITS];
  const what = value.column === null ? `\`${value.source}::${name}(${n})\` has ${thousands(n)}` : `\`${value.column}\` is ${name}(${n})`;
  const head = `pgvector's ${method} indexes ${name} of at most ${thousands(limit)} dimensions and ${what}`;
  if (name === 'vector' && n <= INDEX_DIMENSION_LIMITS.halfvec) {
    const family = /^vector_(\w+)_ops$/.exec(opclass ?? '')?.[1] ?? 'l2';
    const halfvec = `halfvec(${n})`;
    const expression = castSql(value.source, halfvec);
    const operator = DISTANCE_OPERATORS[family] ?? '<->';
    return (
      `${head}; index it as halfvec (up to ${thousands(INDEX_DIMENSION_LIMITS.halfvec)}) instead: ` +
      `columns: [{ expression: "${expression}", opclass: halfvec_${family}_ops }] ` +
      `(queries use the index when they order by ${expression.slice(1, -1)} ${operator} $1::${halfvec})`
    );
  }
  if (name === 'bit') return `${head}; store fewer dimensions`;
  return (
    `${head}; index its binary quantization instead (bit, up to ${thousands(INDEX_DIMENSION_LIMITS.bit)}): ` +
    `columns: [{ expression: "(binary_quantize(${value.source})::bit(${n}))", opclass: bit_hamming_ops }], or store fewer dimensions`
  );
}

function checkParameters(method: VectorIndexMethod, index: Index): VectorIndexProblem[] {
  const out: VectorIndexProblem[] = [];
  const allowed = INDEX_PARAMETERS[method];
  for (const [name, raw] of Object.entries(index.with)) {
    const place: ProblemPlace = { kind: 'with', name };
    const bounds = allowed[name]; // names are quoted in the SQL: `M` is not `m`
    if (bounds === undefined) {
      out.push({ place, message: `${method} indexes take ${Object.keys(allowed).join(' and ')}; \`${name}\` is not one of them` });
      continue;
    }
    const n = Number(raw);
    if (!/^\s*\d+\s*$/.test(raw) || n < bounds.min || n > bounds.max) {
      out.push({ place, message: `${method}'s \`${name}\` must be a whole number from ${bounds.min} to ${thousands(bounds.max)}` });
    }
  }
  if (method === 'hnsw' && out.length === 0) {
    const m = Number(index.with.m ?? HNSW_DEFAULTS.m);
    const ef = Number(index.with.ef_construction ?? HNSW_DEFAULTS.ef_construction);
    if (ef < 2 * m) {
      const name = index.with.ef_construction === undefined ? 'm' : 'ef_construction';
      out.push({ place: { kind: 'with', name }, message: `hnsw's \`ef_construction\` (${ef}${name === 'm' ? ', the default' : ''}) must be at least twice \`m\` (${m})` });
    }
  }
  return out;
}

/** Everything pgvector would refuse about one index of a table; none for other access methods. */
export function vectorIndexProblems(columns: readonly Column[], index: Index): VectorIndexProblem[] {
  const method = index.method.toLowerCase();
  if (method !== 'hnsw' && method !== 'ivfflat') return [];
  const out: VectorIndexProblem[] = [];
  const here: ProblemPlace = { kind: 'index' };
  if (index.keys.length !== 1) out.push({ place: here, message: `${method} indexes have exactly one key (pgvector does not index several columns together)` });
  if (index.unique) out.push({ place: here, message: `${method} indexes cannot be unique` });
  if (index.include.length > 0) out.push({ place: here, message: `${method} indexes cannot have included columns` });
  out.push(...checkParameters(method, index));

  index.keys.forEach((key, position) => {
    const value = indexedValue(columns, key);
    if (value === null) return;
    const { name, dimensions } = value.type;
    const opclass = key.opclass === null ? null : opclassName(key.opclass);
    const keyPlace: ProblemPlace = { kind: 'key', position };
    if (opclass !== null && /^(vector|halfvec|sparsevec|bit)_/.test(opclass)) {
      if (!opclass.startsWith(`${name}_`)) {
        out.push({ place: keyPlace, message: `operator class ${opclass} is not for ${name}; ${method} on ${name} takes: ${familyOf(method, name).join(', ')}` });
        return;
      }
      if (!OPERATOR_CLASSES[method].includes(opclass)) {
        const others = familyOf(method, name);
        out.push({
          place: keyPlace,
          message: others.length === 0 ? `${method} cannot index ${name}` : `${method} has no operator class ${opclass}; on ${name} it takes: ${others.join(', ')}`,
        });
        return;
      }
    }
    if (opclass === null) {
      const family = familyOf(method, name);
      if (family.length === 0) {
        out.push({ place: keyPlace, message: `${method} cannot index ${name}${name === 'sparsevec' ? ' (use hnsw)' : ''}` });
        return;
      }
      if (DEFAULT_OPERATOR_CLASS[`${method}:${name}`] === undefined) {
        out.push({ place: keyPlace, message: `${method} has no default operator class for ${name}: name one of ${family.join(', ')} (\`opclass:\`)` });
      }
    }
    if (name === 'sparsevec') return;
    if (dimensions === null) {
      const what = value.column === null ? `\`${value.source}::${name}\`` : `\`${value.column}\` (${name})`;
      out.push({ place: here, message: `pgvector indexes only ${name} with a number of dimensions, and ${what} has none: declare ${name}(n)` });
      return;
    }
    if (dimensions > INDEX_DIMENSION_LIMITS[name]) {
      out.push({ place: here, message: tooManyDimensions(method, value, opclass) });
    }
  });
  return out;
}

function familyOf(method: VectorIndexMethod, type: VectorTypeName): string[] {
  return OPERATOR_CLASSES[method].filter((o) => o.startsWith(`${type}_`));
}

/** A vector or halfvec column declared with more dimensions than pgvector stores. */
export function vectorColumnProblem(column: Column): string | null {
  const type = vectorTypeOf(column.type);
  if (type === null || (type.name !== 'vector' && type.name !== 'halfvec') || type.dimensions === null) return null;
  if (type.dimensions < 1) return `${type.name} needs at least 1 dimension`;
  if (type.dimensions > COLUMN_DIMENSION_LIMIT) return `${type.name} has at most ${thousands(COLUMN_DIMENSION_LIMIT)} dimensions`;
  return null;
}

function placeLoc(ctx: LoadContext, index: Index, place: ProblemPlace): Loc {
  const loc = ctx.locOf(index);
  if (place.kind === 'key') return ctx.tryLocOf(index.keys[place.position]!) ?? loc;
  if (place.kind === 'with') {
    const declared = Object.keys(index.with).includes(place.name);
    return declared ? valueOf(below(loc, 'with', place.name)) : loc;
  }
  return loc;
}

/** Runs in the tables kind's check: reports pgvector's refusals at the index (or key) that causes them. */
export function checkVectorIndexes(ctx: LoadContext): void {
  for (const table of ctx.model.tables) {
    for (const column of table.columns) {
      const problem = vectorColumnProblem(column);
      const loc = ctx.tryLocOf(column);
      if (problem !== null && loc !== undefined) ctx.problem(loc, problem);
    }
    for (const index of table.indexes) {
      for (const p of vectorIndexProblems(table.columns, index)) ctx.problem(placeLoc(ctx, index, p.place), p.message);
    }
  }
}
