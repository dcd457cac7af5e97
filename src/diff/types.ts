import { splitArrayType } from './sql-text.ts';

/** What `ALTER COLUMN ... TYPE` costs, judged from the two type texts. */
export interface TypeChangeCost {
  /** The table and its indexes are rewritten under ACCESS EXCLUSIVE. */
  readonly rewrite: boolean;
  /** The new type may not hold every old value (the step fails or values change). */
  readonly narrowing: boolean;
  /** PostgreSQL has an assignment cast between the types (no USING needed). */
  readonly knownCast: boolean;
}

interface ParsedType {
  readonly name: string;
  /** Type modifiers, e.g. [10, 2] for numeric(10,2); [] when unconstrained. */
  readonly mods: readonly number[];
  readonly array: string;
}

/** Spellings of built-in types mapped to the names `format_type` prints. */
const ALIASES: Readonly<Record<string, string>> = {
  varchar: 'character varying',
  'char varying': 'character varying',
  char: 'character',
  bpchar: 'character',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
  decimal: 'numeric',
  bool: 'boolean',
  float8: 'double precision',
  float: 'double precision',
  float4: 'real',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  varbit: 'bit varying',
};

export function parseType(text: string): ParsedType {
  const { base, arraySuffix } = splitArrayType(text);
  let name = base.toLowerCase().replace(/\s+/g, ' ');
  const mods: number[] = [];
  // Modifiers sit after the name, or inside it for `timestamp(3) with time zone`.
  name = name.replace(/\s*\(([\d\s,]+)\)/, (_m, inner: string) => {
    for (const p of inner.split(',')) mods.push(Number(p.trim()));
    return '';
  });
  name = ALIASES[name] ?? name;
  if (name === 'timestamp with time zone' || name === 'timestamp without time zone') name = name.trim();
  return { name, mods, array: arraySuffix };
}

const INTEGER_RANK: Readonly<Record<string, number>> = { smallint: 1, integer: 2, bigint: 3 };
const TEXT_TYPES = new Set(['text', 'character varying']);
const STRING_TYPES = new Set(['text', 'character varying', 'character', 'citext', 'name']);
const NUMERIC_TYPES = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);

/**
 * Only a cast PostgreSQL can prove binary coercible skips the rewrite; shortening a length
 * limit calls the length-check function on every row, which is a rewrite too.
 *
 * The documented table of type changes (anything not listed is a rewrite that may not hold the
 * values and may need USING):
 *
 * | from                    | to                             | cost                         |
 * |-------------------------|--------------------------------|------------------------------|
 * | varchar(n)              | varchar(m >= n), varchar, text | none (binary coercible)      |
 * | varchar, text           | text, varchar (no length)      | none                         |
 * | text, varchar(n)        | varchar(m < n)                 | rewrite (length checked), narrowing |
 * | numeric(p,s)            | numeric(p2 >= p, s), numeric   | none                         |
 * | varbit(n)               | varbit(m >= n), varbit         | none                         |
 * | timestamp(p)/tz/time    | same type, higher precision    | none                         |
 * | smallint/integer        | integer/bigint/numeric         | rewrite                      |
 * | bigint -> integer etc.  | smaller integer                | rewrite, narrowing           |
 * | timestamp               | timestamptz                    | rewrite (unless TimeZone UTC)|
 * | any string, number, ... | text / varchar (no length)     | rewrite                      |
 */
export function classifyTypeChange(fromText: string, toText: string): TypeChangeCost {
  const a = parseType(fromText);
  const b = parseType(toText);
  const none: TypeChangeCost = { rewrite: false, narrowing: false, knownCast: true };
  const rewrite = (narrowing: boolean, knownCast = true): TypeChangeCost => ({ rewrite: true, narrowing, knownCast });
  if (a.array !== b.array) return rewrite(true, false);

  if (a.name === b.name && a.mods.join(',') === b.mods.join(',')) return none;

  if (TEXT_TYPES.has(a.name) && TEXT_TYPES.has(b.name)) {
    const fromLen = a.name === 'character varying' && a.mods.length ? a.mods[0]! : Infinity;
    const toLen = b.name === 'character varying' && b.mods.length ? b.mods[0]! : Infinity;
    return toLen >= fromLen ? none : rewrite(true);
  }
  if (a.name === 'numeric' && b.name === 'numeric') {
    if (b.mods.length === 0) return none;
    if (a.mods.length === 0) return rewrite(true);
    const [p1, s1 = 0] = a.mods;
    const [p2, s2 = 0] = b.mods;
    if (s1 === s2 && p2! >= p1!) return none;
    // More scale digits keep every value only if the integer part keeps its room.
    return rewrite(!(s2 >= s1 && p2! - s2 >= p1! - s1));
  }
  if (a.name === 'bit varying' && b.name === 'bit varying') {
    return b.mods.length === 0 || (a.mods.length > 0 && b.mods[0]! >= a.mods[0]!) ? none : rewrite(true);
  }
  if (a.name === b.name && /^(timestamp|time|interval)/.test(a.name)) {
    const p1 = a.mods[0] ?? 6;
    const p2 = b.mods[0] ?? 6;
    return p2 >= p1 ? none : rewrite(true);
  }
  if (a.name === b.name && a.name === 'character') {
    const n1 = a.mods[0] ?? 1;
    const n2 = b.mods[0] ?? 1;
    return rewrite(n2 < n1);
  }
  const ra = INTEGER_RANK[a.name];
  const rb = INTEGER_RANK[b.name];
  if (ra !== undefined && rb !== undefined) return rewrite(rb < ra);
  if (ra !== undefined && b.name === 'numeric') return rewrite(b.mods.length > 0 && b.mods[0]! - (b.mods[1] ?? 0) < [0, 5, 10, 19][ra]!);
  if (ra !== undefined && b.name === 'double precision') return rewrite(ra === 3);
  if (ra !== undefined && b.name === 'real') return rewrite(ra >= 2);
  if (a.name === 'real' && b.name === 'double precision') return rewrite(false);
  if (a.name === 'timestamp without time zone' && b.name === 'timestamp with time zone') return rewrite(false);
  if (a.name === 'timestamp with time zone' && b.name === 'timestamp without time zone') return rewrite(false);
  if (a.name === 'date' && /^timestamp/.test(b.name)) return rewrite(false);
  if (b.name === 'text' || (b.name === 'character varying' && b.mods.length === 0)) {
    return rewrite(false, STRING_TYPES.has(a.name) || NUMERIC_TYPES.has(a.name) || a.name === 'boolean');
  }
  if (STRING_TYPES.has(a.name) && STRING_TYPES.has(b.name)) return rewrite(true);
  if (NUMERIC_TYPES.has(a.name) && NUMERIC_TYPES.has(b.name)) return rewrite(true);
  return rewrite(true, false);
}
