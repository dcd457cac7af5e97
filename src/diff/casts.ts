import type { DatabaseModel } from '../model/database.ts';
import { parseType } from './types.ts';
import { splitArrayType, typeRefersTo } from './sql-text.ts';

/**
 * How PostgreSQL converts a column's values from one type to another in ALTER COLUMN ... TYPE:
 * - `assignment`: on its own (an implicit or assignment cast, or the length coercion of one type);
 * - `explicit`: only when asked, `USING col::newtype` (an explicit cast; a string read through the
 *   new type's input function, which fails on a value that is not one; an enum through its text);
 * - `none`: no cast exists, the change needs a `using` expression;
 * - `unknown`: a type this table does not know (from an extension): left to PostgreSQL.
 */
export type CastPath =
  | { readonly kind: 'assignment' }
  | { readonly kind: 'explicit'; readonly via: 'cast' | 'input' | 'text'; readonly checks: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

/**
 * The built-in casts between ordinary types of PostgreSQL 15 (`pg_cast`, source -> `target:context`,
 * i implicit, a assignment, e explicit). Casts to and from string types through the types' output
 * and input functions are not listed: they are rules (see `castPath`).
 */
const BUILT_IN_CASTS: Readonly<Record<string, string>> = {
  'bigint': 'bit:e,double precision:i,integer:a,money:a,numeric:i,oid:i,real:i,smallint:a',
  'bit': 'bigint:e,bit varying:i,integer:e',
  'bit varying': 'bit:i',
  'boolean': 'character:a,character varying:a,integer:e,text:a',
  'box': 'circle:e,lseg:e,point:e,polygon:a',
  'character': 'character varying:i,name:i,text:i,xml:e',
  'character varying': 'character:i,name:i,text:i,xml:e',
  'circle': 'box:e,point:e,polygon:e',
  'date': 'timestamp with time zone:i,timestamp without time zone:i',
  'double precision': 'bigint:a,integer:a,numeric:a,real:a,smallint:a',
  'inet': 'character:a,character varying:a,text:a',
  'integer': 'bigint:i,bit:e,boolean:e,double precision:i,money:a,numeric:i,oid:i,real:i,smallint:a',
  'interval': 'time without time zone:a',
  'json': 'jsonb:a',
  'jsonb': 'bigint:e,boolean:e,double precision:e,integer:e,json:a,numeric:e,real:e,smallint:e',
  'lseg': 'point:e',
  'macaddr': 'macaddr8:i',
  'macaddr8': 'macaddr:i',
  'money': 'numeric:a',
  'name': 'character:a,character varying:a,text:i',
  'numeric': 'bigint:a,double precision:i,integer:a,money:a,real:i,smallint:a',
  'oid': 'bigint:a,integer:a',
  'path': 'polygon:a',
  'point': 'box:a',
  'polygon': 'box:e,circle:e,path:a,point:e',
  'real': 'bigint:a,double precision:i,integer:a,numeric:a,smallint:a',
  'smallint': 'bigint:i,double precision:i,integer:i,numeric:i,oid:i,real:i',
  'text': 'character:i,character varying:i,name:i,xml:e',
  'time with time zone': 'time without time zone:a',
  'time without time zone': 'interval:i,time with time zone:i',
  'timestamp with time zone': 'date:a,time with time zone:a,time without time zone:a,timestamp without time zone:a',
  'timestamp without time zone': 'date:a,time without time zone:a,timestamp with time zone:i',
  'xml': 'character:a,character varying:a,text:a',
};

const CASTS = new Map<string, Map<string, string>>(
  Object.entries(BUILT_IN_CASTS).map(([s, list]) => [s, new Map(list.split(',').map((e) => e.split(':') as [string, string]))]),
);

/** Built-in types (as `parseType` names them) whose casts are all known here. */
const KNOWN_TYPES = new Set([
  ...Object.keys(BUILT_IN_CASTS),
  ...[...CASTS.values()].flatMap((m) => [...m.keys()]),
  'uuid', 'bytea', 'cidr', 'tsvector', 'tsquery', 'line', 'int4range', 'int8range', 'numrange', 'tsrange',
  'tstzrange', 'daterange', 'pg_lsn',
]);

/** Output as strings is an assignment cast to these; their values go into any type through its input function. */
const STRING_TYPES = new Set(['text', 'character varying', 'character', 'name', 'citext']);

type Resolved = { readonly kind: 'builtin' | 'enum' | 'composite' | 'other'; readonly name: string; readonly domain: boolean };

function resolve(m: DatabaseModel, type: string): Resolved {
  const { base, arraySuffix } = splitArrayType(type);
  const domain = (m.domains ?? []).find((d) => typeRefersTo(base, d));
  if (domain && !arraySuffix) return { ...resolve(m, domain.type), domain: true };
  if (m.enums.some((e) => typeRefersTo(base, e))) return { kind: 'enum', name: base, domain: false };
  if ((m.compositeTypes ?? []).some((c) => typeRefersTo(base, c))) return { kind: 'composite', name: base, domain: false };
  const name = parseType(base).name;
  return { kind: KNOWN_TYPES.has(name) || STRING_TYPES.has(name) ? 'builtin' : 'other', name, domain: false };
}

/** The cast path of a column's values from `fromType` (a type of `from`) to `toType` (of `to`). */
export function castPath(from: DatabaseModel, to: DatabaseModel, fromType: string, toType: string): CastPath {
  const fromArray = splitArrayType(fromType).arraySuffix;
  const toArray = splitArrayType(toType).arraySuffix;
  const a = resolve(from, fromType);
  const b = resolve(to, toType);
  const toString = b.kind === 'builtin' && STRING_TYPES.has(b.name) && !toArray;
  const fromString = a.kind === 'builtin' && STRING_TYPES.has(a.name) && !fromArray;
  const checked = (p: CastPath): CastPath => (b.domain && p.kind === 'explicit' ? { ...p, checks: true } : p);
  // A domain checks every value it receives.
  if (b.domain) {
    const p = castPath(from, modelWithout(to), fromType, b.name + toArray);
    if (p.kind === 'assignment') return { kind: 'explicit', via: 'cast', checks: true };
    return checked(p);
  }
  // Arrays of the same depth are converted element by element, with the elements' cast.
  if (fromArray === toArray && fromArray !== '' && !a.domain && !b.domain) {
    return castPath(from, to, splitArrayType(fromType).base, splitArrayType(toType).base);
  }
  if (fromArray !== toArray) {
    if (toString) return { kind: 'assignment' };
    if (fromString) return { kind: 'explicit', via: 'input', checks: true };
    return a.kind === 'other' || b.kind === 'other' ? { kind: 'unknown' } : { kind: 'none' };
  }
  if (a.kind === b.kind && a.name === b.name) return { kind: 'assignment' };
  if (toString) return a.kind === 'other' && b.name === 'citext' ? { kind: 'unknown' } : { kind: 'assignment' };
  if (fromString && b.kind !== 'other') return { kind: 'explicit', via: 'input', checks: true };
  if (a.kind === 'enum' && b.kind === 'enum') return { kind: 'explicit', via: 'text', checks: true };
  if (a.kind === 'builtin' && b.kind === 'builtin') {
    const context = CASTS.get(a.name)?.get(b.name);
    if (context === 'i' || context === 'a') return { kind: 'assignment' };
    if (context === 'e') return { kind: 'explicit', via: 'cast', checks: false };
    return { kind: 'none' };
  }
  if (a.kind === 'other' || b.kind === 'other') return { kind: 'unknown' };
  return { kind: 'none' };
}

function modelWithout(m: DatabaseModel): DatabaseModel {
  return { ...m, domains: [] };
}
