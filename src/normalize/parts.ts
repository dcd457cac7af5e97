import type { DatabaseModel } from '../model/database.ts';
import { canonicalize, modelOf } from '../model/database.ts';
import type { Sequence } from '../model/sequence.ts';
import type { Table } from '../model/table.ts';
import { sha256, stateText } from '../model/fingerprint.ts';
import { canonicalJson } from '../model/canonical-json.ts';

/**
 * A state split for incremental normalization: the environment every table may depend on
 * (schemas, extensions, types, free-standing sequences), and one group per table (the table and
 * the sequences it owns). Each part is normalized and cached on its own, so a change to one table
 * sends only that table (and stubs of the tables it references) through the scratch database.
 */
export interface TableGroup {
  readonly table: Table;
  readonly sequences: readonly Sequence[];
}

export interface ModelParts {
  readonly env: DatabaseModel;
  readonly groups: readonly TableGroup[];
}

const tableKeyOf = (schema: string, name: string) => `${schema}.${name}`;

export function splitModel(m: DatabaseModel): ModelParts {
  const tables = new Set(m.tables.map((t) => tableKeyOf(t.schema, t.name)));
  const owned = (s: Sequence) => s.ownedBy !== null && tables.has(tableKeyOf(s.ownedBy.schema, s.ownedBy.table));
  return {
    env: { ...m, tables: [], sequences: m.sequences.filter((s) => !owned(s)) },
    groups: m.tables.map((t) => ({
      table: t,
      sequences: m.sequences.filter((s) => owned(s) && s.ownedBy!.schema === t.schema && s.ownedBy!.table === t.name),
    })),
  };
}

export function joinParts(env: DatabaseModel, groups: readonly TableGroup[]): DatabaseModel {
  return canonicalize({
    ...env,
    sequences: [...env.sequences, ...groups.flatMap((g) => g.sequences)],
    tables: groups.map((g) => g.table),
  });
}

/** Tables a group's foreign keys point at (other than itself). */
export function referencedTables(t: Table): { schema: string; name: string }[] {
  const out = new Map<string, { schema: string; name: string }>();
  for (const c of t.constraints) {
    if (c.kind !== 'foreign_key') continue;
    const k = tableKeyOf(c.references.schema, c.references.table);
    if (k !== tableKeyOf(t.schema, t.name)) out.set(k, { schema: c.references.schema, name: c.references.table });
  }
  return [...out.values()];
}

/**
 * What of a referenced table a foreign key's normalized form depends on: its name, its keys
 * (an FK without columns points at the primary key) and the types of the key columns.
 */
function referenceShape(t: Table): unknown {
  const keyed = t.constraints.filter((c) => c.kind === 'primary_key' || c.kind === 'unique');
  const cols = new Set(keyed.flatMap((c) => (c.kind === 'primary_key' || c.kind === 'unique' ? c.columns : [])));
  return { schema: t.schema, name: t.name, keyed, columns: t.columns.filter((c) => cols.has(c.name)) };
}

/**
 * A referenced table reduced to what a foreign key to it needs: the columns of its keys (primary,
 * unique, and unique indexes over plain columns), with their types and collations, and those keys;
 * no foreign keys of its own, identity, defaults, other indexes or comments. It is created only
 * so that the referencing tables can be, and costs a fraction of the whole table.
 */
export function referenceStub(g: TableGroup): TableGroup {
  const t = g.table;
  const constraints = t.constraints.filter((c) => c.kind === 'primary_key' || c.kind === 'unique');
  const indexes = t.indexes.filter((i) => i.unique && i.where === null && i.keys.every((k) => k.isColumn));
  const keyColumns = new Set([...constraints.flatMap((c) => c.columns), ...indexes.flatMap((i) => [...i.keys.map((k) => k.expression), ...i.include])]);
  return {
    table: {
      ...t,
      comment: null,
      columns: t.columns
        .filter((c) => keyColumns.has(c.name))
        .map((c) => ({ ...c, default: null, identity: null, generated: null, notNull: c.notNull || c.identity !== null, comment: null })),
      constraints: constraints.map((c) => ({ ...c, comment: null })),
      indexes: indexes.map((i) => ({ ...i, comment: null })),
    },
    sequences: [],
  };
}

export function envKey(engineId: string, managed: readonly string[], env: DatabaseModel): string {
  return sha256(['env', engineId, [...managed].sort().join(','), stateText(env)].join('\n'));
}

export function groupKey(env: string, g: TableGroup, byKey: ReadonlyMap<string, TableGroup>): string {
  const refs = referencedTables(g.table).map((r) => {
    const target = byKey.get(tableKeyOf(r.schema, r.name));
    return target ? referenceShape(target.table) : r;
  });
  const self = stateText(modelOf({ sequences: g.sequences, tables: [g.table] }));
  return sha256(['table', env, self, canonicalJson(refs)].join('\n'));
}

export function groupsByKey(groups: readonly TableGroup[]): Map<string, TableGroup> {
  return new Map(groups.map((g) => [tableKeyOf(g.table.schema, g.table.name), g]));
}
