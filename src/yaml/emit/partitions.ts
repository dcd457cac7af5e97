import { yamlMap } from './common.ts';
import type { PartitionBy, Table } from '../../model/table.ts';
import { splitTopLevel } from '../kinds/partitions.ts';
import { setIf, sqlScalar, itemsWithKey, tableKey } from './common.ts';
import type { YamlMap } from './common.ts';

/** A quoted identifier's name, or null. */
function unquoted(item: string): string | null {
  return /^"(?:[^"]|"")+"$/.test(item) ? item.slice(1, -1).replace(/""/g, '"') : null;
}

/** `{ range: [created_at] }`: columns by name, expressions as PostgreSQL wrote them. */
export function partitionByYaml(by: PartitionBy, columns: readonly string[]): YamlMap {
  const items = splitTopLevel(by.key).map((item) => {
    const name = unquoted(item) ?? item;
    return columns.includes(name) ? name : item;
  });
  return { [by.strategy]: items };
}

/** A bound value as PostgreSQL prints it (`'2026-01-01'`, `5`, `MINVALUE`, `NULL`) as a YAML scalar; undefined when not one. */
function boundScalar(sql: string): string | number | boolean | null | undefined {
  if (/^'(?:[^']|'')*'$/.test(sql)) {
    const text = sql.slice(1, -1).replace(/''/g, "'");
    // A string spelled like the keywords would load back as the keyword.
    return /^(minvalue|maxvalue)$/i.test(text.trim()) ? undefined : text;
  }
  if (/^(MINVALUE|MAXVALUE)$/.test(sql)) return sql;
  if (sql === 'NULL') return null;
  if (sql === 'true' || sql === 'false') return sql === 'true';
  if (/^-?\d+(\.\d+)?$/.test(sql)) {
    const n = sqlScalar(sql);
    return typeof n === 'number' ? n : undefined;
  }
  return undefined;
}

function scalars(list: string): (string | number | boolean | null)[] | undefined {
  const values = splitTopLevel(list).map(boundScalar);
  return values.some((v) => v === undefined) ? undefined : (values as (string | number | boolean | null)[]);
}

/**
 * A partition bound (`pg_get_expr(relpartbound)`) in the YAML's structured form when it reads
 * back the same, else the SQL text.
 */
export function boundYaml(bound: string): string | YamlMap {
  if (bound === 'DEFAULT') return 'default';
  const range = /^FOR VALUES FROM \((.*)\) TO \((.*)\)$/s.exec(bound);
  if (range) {
    const from = scalars(range[1]!);
    const to = scalars(range[2]!);
    if (from && to && !from.includes(null) && !to.includes(null)) {
      return { from: from.length === 1 ? from[0] : from, to: to.length === 1 ? to[0] : to };
    }
    return bound;
  }
  const list = /^FOR VALUES IN \((.*)\)$/s.exec(bound);
  if (list) {
    const values = scalars(list[1]!);
    return values ? { in: values } : bound;
  }
  const hash = /^FOR VALUES WITH \(modulus (\d+), remainder (\d+)\)$/i.exec(bound);
  if (hash) return { modulus: Number(hash[1]), remainder: Number(hash[2]) };
  return bound;
}

/** The `partitions:` of a partitioned table: each partition of `all` whose parent it is. */
/** The parent a partition belongs to ('' for a table that is not a partition). */
const parentOf = (p: Table) => (p.partitionOf ? tableKey(p.partitionOf.schema, p.partitionOf.table) : '');

export function partitionsYaml(parent: Table, all: readonly Table[]): YamlMap {
  const out: YamlMap = yamlMap();
  const mine = itemsWithKey(all, parentOf, tableKey(parent.schema, parent.name));
  for (const p of mine) {
    const bound = boundYaml(p.partitionOf!.bound);
    const extra: YamlMap = yamlMap();
    setIf(extra, 'schema', p.schema !== parent.schema ? p.schema : undefined);
    setIf(extra, 'comment', p.comment);
    if (p.owner !== null && p.owner !== parent.owner) extra.owner = p.owner;
    if (p.partitionColumns && p.partitionColumns.length > 0) extra.columns = partitionColumnsYaml(p);
    if (Object.keys(extra).length === 0) out[p.name] = bound;
    else if (bound === 'default') out[p.name] = { default: true, ...extra };
    else if (typeof bound === 'string') out[p.name] = { bound, ...extra };
    else out[p.name] = { ...bound, ...extra };
  }
  return out;
}

/** A partition's own defaults and NOT NULLs, as `columns:` of its entry. */
function partitionColumnsYaml(p: Table): YamlMap {
  const out: YamlMap = yamlMap();
  for (const c of p.partitionColumns ?? []) {
    const m: YamlMap = yamlMap();
    if (c.default !== undefined) m.default = c.default === null ? null : sqlScalar(c.default);
    if (c.notNull) m.not_null = true;
    out[c.name] = m;
  }
  return out;
}
