import { yamlMap } from './common.ts';
import type { Hypertable } from '../../model/timescale.ts';
import { hypertableYaml } from './timescale.ts';
import type { Column, Identity } from '../../model/column.ts';
import type { Constraint, ForeignKeyConstraint, ReferentialAction } from '../../model/constraint.ts';
import type { Index, IndexKey } from '../../model/index.ts';
import type { Table } from '../../model/table.ts';
import { canonicalJson } from '../../model/canonical-json.ts';
import { parseIndexKeyString } from '../index-keys.ts';
import { collationYaml } from '../names.ts';
import { DEFAULT_INDEX_METHOD } from '../kinds/table-indexes.ts';
import { integer, objectKey, setIf, sqlScalar, itemsWithKey, tableKey } from './common.ts';
import type { YamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import type { Policy } from '../../model/policy.ts';
import type { Trigger } from '../../model/trigger.ts';
import { setGrants } from './grants.ts';
import { policiesYaml, triggersYaml } from './triggers.ts';
import { partitionByYaml, partitionsYaml } from './partitions.ts';

/**
 * Tables with every name explicit (constraint and index names are PostgreSQL's own after a pull),
 * in the shortest form that loads back to the same model.
 */
export function tablesYaml(tables: readonly Table[], related: RelatedObjects = { grants: [], policies: [], triggers: [] }): YamlMap {
  const out: YamlMap = yamlMap();
  const all = related.partitions ?? tables;
  const present = new Set(all.map((t) => `${t.schema}.${t.name}`));
  for (const t of tables) {
    // A partition is written inside its parent's `partitions:`.
    if (t.partitionOf && present.has(`${t.partitionOf.schema}.${t.partitionOf.table}`)) continue;
    const { key, schemaField } = objectKey(t);
    out[key] = tableYaml(t, schemaField, related, all);
  }
  return out;
}

/** What the model keeps in lists of its own but the YAML writes inside each table. */
export interface RelatedObjects {
  readonly grants: readonly Grant[];
  readonly policies: readonly Policy[];
  readonly triggers: readonly Trigger[];
  readonly hypertables?: readonly Hypertable[];
  /** Every table of the model, where partitions of `tables` are looked for (default: `tables`). */
  readonly partitions?: readonly Table[];
}

function tableYaml(t: Table, schemaField: string | undefined, related: RelatedObjects, all: readonly Table[]): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  setIf(m, 'comment', t.comment);
  setIf(m, 'owner', t.owner);
  setIf(m, 'renamed_from', t.renamedFrom);
  setIf(m, 'unlogged', t.unlogged);
  if (t.inherits !== undefined && t.inherits.length > 0) {
    m.inherits = t.inherits.map((p) => (p.schema === 'public' && !p.table.includes('.') ? p.table : `${p.schema}.${p.table}`));
  }
  if (t.with !== undefined && Object.keys(t.with).length > 0) {
    m.with = Object.fromEntries(Object.entries(t.with).map(([k, v]) => [k, sqlScalar(v)]));
  }
  if (t.forceRowSecurity) m.row_level_security = { enabled: t.rowSecurity, forced: true };
  else if (t.rowSecurity) m.row_level_security = true;
  const columnLevel = columnLevelConstraints(t);
  const columns: YamlMap = yamlMap();
  for (const c of t.columns) columns[c.name] = columnYaml(c, columnLevel.get(c.name) ?? {});
  m.columns = columns;

  const unique: YamlMap = yamlMap();
  const foreignKeys: YamlMap = yamlMap();
  const checks: YamlMap = yamlMap();
  const exclusions: YamlMap = yamlMap();
  for (const c of t.constraints) {
    if (c.name === '' && c.kind !== 'primary_key') continue; // written on its column
    switch (c.kind) {
      case 'primary_key': {
        const pk: YamlMap = yamlMap();
        if (c.name !== '') pk.name = c.name;
        pk.columns = [...c.columns];
        constraintOptions(pk, c);
        m.primary_key = Object.keys(pk).length === 1 ? pk.columns : pk;
        break;
      }
      case 'unique': {
        const u: YamlMap = { columns: [...c.columns] };
        setIf(u, 'nulls_not_distinct', c.nullsNotDistinct);
        constraintOptions(u, c);
        unique[c.name] = Object.keys(u).length === 1 ? u.columns : u;
        break;
      }
      case 'foreign_key':
        foreignKeys[c.name] = foreignKeyYaml(t, c);
        break;
      case 'check': {
        const ch: YamlMap = { expression: c.expression };
        setIf(ch, 'no_inherit', c.noInherit);
        setIf(ch, 'comment', c.comment);
        checks[c.name] = Object.keys(ch).length === 1 ? c.expression : ch;
        break;
      }
      case 'exclusion': {
        const text = c.definition.replace(/^EXCLUDE\s+/i, '');
        const ex: YamlMap = { definition: text };
        constraintOptions(ex, c);
        exclusions[c.name] = Object.keys(ex).length === 1 ? text : ex;
        break;
      }
    }
  }
  setIf(m, 'unique', nonEmpty(unique));
  setIf(m, 'foreign_keys', nonEmpty(foreignKeys));
  setIf(m, 'checks', nonEmpty(checks));
  setIf(m, 'exclusions', nonEmpty(exclusions));
  const indexes: YamlMap = yamlMap();
  for (const i of t.indexes) indexes[i.name] = indexYaml(i);
  setIf(m, 'indexes', nonEmpty(indexes));
  const mine = <T extends { schema: string; table: string }>(list: readonly T[]) => [...itemsWithKey(list, ownTable, tableKey(t.schema, t.name))];
  setIf(m, 'policies', policiesYaml(mine(related.policies)));
  setIf(m, 'triggers', triggersYaml(mine(related.triggers)));
  setIf(m, 'hypertable', hypertableYaml(related.hypertables, t.schema, t.name));
  if (t.partitionBy) {
    m.partition_by = partitionByYaml(t.partitionBy, t.columns.map((c) => c.name));
    setIf(m, 'partitions', nonEmpty(partitionsYaml(t, all)));
  }
  setGrants(m, related.grants, { objectKind: 'table', schema: t.schema, name: t.name, arguments: null });
  return m;
}

const ownTable = (x: { schema: string; table: string }) => tableKey(x.schema, x.table);

function nonEmpty(m: YamlMap): YamlMap | undefined {
  return Object.keys(m).length > 0 ? m : undefined;
}

function constraintOptions(m: YamlMap, c: Constraint): void {
  setIf(m, 'deferrable', c.deferrable);
  setIf(m, 'initially_deferred', c.initiallyDeferred);
  setIf(m, 'comment', c.comment);
}

/**
 * Unnamed constraints (a model as loaded, before PostgreSQL names them) are written on their
 * column, the only place the format has for them; pulled models have every name.
 */
function columnLevelConstraints(t: Table): Map<string, YamlMap> {
  const out = new Map<string, YamlMap>();
  const on = (column: string) => out.get(column) ?? out.set(column, {}).get(column)!;
  for (const c of t.constraints) {
    if (c.name !== '' || c.kind === 'primary_key') continue;
    const plain = !c.deferrable && !c.initiallyDeferred && c.comment === null;
    if (c.kind === 'unique' && c.columns.length === 1 && plain && !c.nullsNotDistinct) on(c.columns[0]!).unique = true;
    else if (c.kind === 'check' && c.comment === null && !c.noInherit) {
      // The model does not say which column declared it: the first one its expression mentions.
      const holder = t.columns.find((col) => new RegExp(`\\b${escapeRegExp(col.name)}\\b`).test(c.expression)) ?? t.columns[0];
      if (holder === undefined || on(holder.name).check !== undefined) throw unrepresentable(t, c);
      on(holder.name).check = c.expression;
    } else if (c.kind === 'foreign_key' && c.columns.length === 1 && c.references.columns.length <= 1) {
      const r = foreignKeyYaml(t, c);
      const ref: YamlMap = { table: c.references.table };
      setIf(ref, 'column', c.references.columns[0]);
      setIf(ref, 'schema', (r.references as YamlMap).schema);
      for (const k of ['on_delete', 'on_update', 'match', 'deferrable', 'initially_deferred', 'comment']) setIf(ref, k, r[k]);
      on(c.columns[0]!).references = Object.keys(ref).length === 1 && c.references.columns.length === 0 ? c.references.table : ref;
    } else throw unrepresentable(t, c);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unrepresentable(t: Table, c: Constraint): Error {
  return new Error(`internal: unnamed ${c.kind} constraint on ${t.schema}.${t.name} cannot be written as YAML`);
}

/** A column is just its type when nothing else is set. */
function columnYaml(c: Column, constraints: YamlMap): unknown {
  const m: YamlMap = { type: c.type };
  setIf(m, 'not_null', c.notNull);
  Object.assign(m, constraints);
  if (c.default !== null) m.default = sqlScalar(c.default);
  if (c.identity !== null) m.identity = identityYaml(c.identity);
  setIf(m, 'generated', c.generated);
  if (c.collation !== null) m.collation = collationYaml(c.collation);
  setIf(m, 'storage', c.storage);
  setIf(m, 'compression', c.compression);
  setIf(m, 'comment', c.comment);
  setIf(m, 'renamed_from', c.renamedFrom);
  setIf(m, 'using', c.using);
  return Object.keys(m).length === 1 ? c.type : m;
}

function identityYaml(i: Identity): unknown {
  const generation = i.generation === 'always' ? 'always' : 'by_default';
  const m: YamlMap = { generation };
  const options: [string, string | null][] = [
    ['start', i.start],
    ['increment', i.increment],
    ['min', i.minValue],
    ['max', i.maxValue],
    ['cache', i.cache],
  ];
  for (const [k, v] of options) if (v !== null) m[k] = integer(v);
  setIf(m, 'cycle', i.cycle);
  return Object.keys(m).length === 1 ? generation : m;
}

function action(a: ReferentialAction): string {
  return a.replace(' ', '_');
}

function foreignKeyYaml(t: Table, c: ForeignKeyConstraint): YamlMap {
  const references: YamlMap = { table: c.references.table };
  setIf(references, 'columns', [...c.references.columns]);
  if (c.references.schema !== t.schema) references.schema = c.references.schema;
  const m: YamlMap = { columns: [...c.columns], references };
  if (c.onDelete !== 'no action') m.on_delete = action(c.onDelete);
  if (c.onUpdate !== 'no action') m.on_update = action(c.onUpdate);
  if (c.match !== 'simple') m.match = c.match;
  constraintOptions(m, c);
  return m;
}

/** An index: the short list form when it is a plain btree index on keys. */
export function indexYaml(i: Index): unknown {
  const keys = i.keys.map(indexKeyYaml);
  const m: YamlMap = { columns: keys };
  setIf(m, 'unique', i.unique);
  if (i.method !== DEFAULT_INDEX_METHOD) m.using = i.method;
  setIf(m, 'include', [...i.include]);
  setIf(m, 'where', i.where);
  if (Object.keys(i.with).length > 0) {
    m.with = Object.fromEntries(Object.entries(i.with).map(([k, v]) => [k, sqlScalar(v)]));
  }
  setIf(m, 'nulls_not_distinct', i.nullsNotDistinct);
  setIf(m, 'comment', i.comment);
  return Object.keys(m).length === 1 ? keys : m;
}

/** `col`, `col DESC NULLS LAST`, `lower(email)` when that text reads back the same; else the structured form. */
export function indexKeyYaml(k: IndexKey): unknown {
  const order = k.descending ? ' DESC' : '';
  const nulls = k.nullsFirst === k.descending ? '' : k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  if (k.opclass === null && k.collation === null) {
    const text = `${k.expression}${order}${nulls}`;
    if (canonicalJson(parseIndexKeyString(text)) === canonicalJson(k)) return text;
  }
  const m: YamlMap = k.isColumn ? { column: k.expression } : { expression: k.expression };
  setIf(m, 'opclass', k.opclass);
  if (k.descending) m.order = 'desc';
  if (k.nullsFirst !== k.descending) m.nulls = k.nullsFirst ? 'first' : 'last';
  if (k.collation !== null) m.collation = collationYaml(k.collation);
  return m;
}
