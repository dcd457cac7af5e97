import type { QualifiedName } from '../../model/names.ts';
import { DEFAULT_SCHEMA } from '../names.ts';

/** A YAML mapping under construction; keys appear in insertion order. */
export type YamlMap = Record<string, unknown>;

/**
 * A new, empty YAML mapping without a prototype: names from the database become its keys, and a
 * table, column or index named `__proto__` must stay a key instead of replacing the prototype.
 */
export function yamlMap(): YamlMap {
  return Object.create(null) as YamlMap;
}

/**
 * The key under which an object is written, and the `schema:` field it needs when the key cannot
 * say it: `name` in public, `schema.name` elsewhere (the loader splits at the first dot), or the
 * bare name plus `schema:` when the schema name itself has a dot.
 */
export function objectKey(n: QualifiedName): { key: string; schemaField: string | undefined } {
  const plain = n.schema === DEFAULT_SCHEMA && !n.name.includes('.');
  if (plain) return { key: n.name, schemaField: undefined };
  if (!n.schema.includes('.')) return { key: `${n.schema}.${n.name}`, schemaField: undefined };
  return { key: n.name, schemaField: n.schema };
}

/** Sets `key` only when the value says something (not null/undefined/false/empty). */
export function setIf(m: YamlMap, key: string, value: unknown): void {
  if (value === null || value === undefined || value === false) return;
  if (Array.isArray(value) && value.length === 0) return;
  m[key] = value;
}

/** A decimal string as a YAML integer: a number when exact, else a bigint (written as digits). */
export function integer(decimal: string): number | bigint {
  const n = Number(decimal);
  return Number.isSafeInteger(n) && String(n) === decimal ? n : BigInt(decimal);
}

/** SQL text (a default) as a YAML scalar: numbers and booleans bare when they read back the same. */
export function sqlScalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text) return Number(text);
  return text;
}

const groupCache = new WeakMap<readonly unknown[], WeakMap<(x: never) => string, Map<string, unknown[]>>>();

/**
 * The items of `list` whose `keyOf` is `key`. The list is grouped once (per list and key
 * function), so emitting N tables that each look up their policies, triggers or grants costs N
 * lookups, not N scans of every list.
 */
export function itemsWithKey<T>(list: readonly T[], keyOf: (x: T) => string, key: string): readonly T[] {
  let byFn = groupCache.get(list);
  if (byFn === undefined) groupCache.set(list, (byFn = new WeakMap()));
  let groups = byFn.get(keyOf as (x: never) => string);
  if (groups === undefined) {
    groups = new Map();
    for (const x of list) {
      const k = keyOf(x);
      const g = groups.get(k);
      if (g === undefined) groups.set(k, [x]);
      else g.push(x);
    }
    byFn.set(keyOf as (x: never) => string, groups);
  }
  return (groups.get(key) as T[] | undefined) ?? [];
}

/** The identity key `itemsWithKey` groups objects of a table by. */
export const tableKey = (schema: string, table: string): string => `${schema}\u0000${table}`;
