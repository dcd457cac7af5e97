import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import type { Column } from '../model/column.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Index } from '../model/index.ts';
import { canonicalJson } from '../model/canonical-json.ts';

/**
 * The second normalization pass only has to re-read what PostgreSQL deparses from a stored
 * expression tree: that text is not always a fixed point (`varchar_col IN ('a', 'b')` reads back
 * as an ARRAY cast that deparses differently again). Everything else a table reads back is a
 * catalog fact (a type by `format_type`, NOT NULL, identity options, a foreign key's columns and
 * actions, an index's plain columns, opclasses and options), the same however it was spelled.
 *
 * The probe is the once-normalized state reduced to what its expressions need: tables keep their
 * columns (types, collations, defaults, generation expressions), checks, primary and unique keys
 * (a view may group by a key), exclusion constraints and the indexes with an expression or a
 * predicate; they lose foreign keys, identity (the column keeps its type and NOT NULL), plain
 * indexes and comments. Creating a table so reduced costs about a third of creating it whole.
 * Everything else (views, routines, triggers, policies, types) is kept as it is.
 *
 * Tables the first pass gave back unchanged are left out when nothing else can refer to them
 * (no views, routines, triggers, policies, partitions, inheritance or TimescaleDB objects): their
 * text was already PostgreSQL's own, so it is a fixed point.
 */
export function expressionProbe(once: DatabaseModel, raw: DatabaseModel): DatabaseModel {
  const standAlone = tablesStandAlone(once);
  const rawTables = new Map(raw.tables.map((t) => [tableKey(t), canonicalJson(t)]));
  const probed = once.tables.filter((t) => !standAlone || rawTables.get(tableKey(t)) !== canonicalJson(t));
  const kept = new Set(probed.map(tableKey));
  const { data: _rows, ...rest } = once; // rows are not normalized
  return {
    ...rest,
    tables: probed.map(reducedTable),
    sequences: once.sequences.filter((s) => s.ownedBy === null || kept.has(tableKey({ schema: s.ownedBy.schema, name: s.ownedBy.table }))),
    grants: once.grants.filter((g) => !(g.objectKind === 'table' || g.objectKind === 'column') || g.name === null || kept.has(tableKey({ schema: g.schema, name: g.name })) || !standAlone),
  };
}

/**
 * The once-normalized state with the expressions of its tables, views, routines, triggers,
 * policies and domains as the probe read them back; every fact as the first pass read it.
 */
export function withProbedExpressions(once: DatabaseModel, probe: DatabaseModel): DatabaseModel {
  const probedTables = new Map(probe.tables.map((t) => [tableKey(t), t]));
  return {
    ...once,
    views: probe.views,
    materializedViews: probe.materializedViews,
    routines: probe.routines,
    ...(probe.aggregates ? { aggregates: probe.aggregates } : {}),
    triggers: probe.triggers,
    policies: probe.policies,
    ...(probe.domains ? { domains: probe.domains } : {}),
    continuousAggregates: probe.continuousAggregates,
    tables: once.tables.map((t) => {
      const p = probedTables.get(tableKey(t));
      return p ? withExpressionsOf(t, p) : t;
    }),
  };
}

/** Nothing in the state but a table's own parts can name a table (so one can be left out). */
function tablesStandAlone(m: DatabaseModel): boolean {
  const referring = [m.views, m.materializedViews, m.routines, m.aggregates ?? [], m.triggers, m.policies, m.hypertables, m.continuousAggregates, m.jobs ?? [], m.domains ?? [], m.compositeTypes ?? []];
  return referring.every((l) => l.length === 0)
    && m.tables.every((t) => (t.partitionBy ?? null) === null && (t.partitionOf ?? null) === null && (t.inherits ?? []).length === 0);
}

const tableKey = (t: { readonly schema: string; readonly name: string }) => `${t.schema}\u0000${t.name}`;

function reducedTable(t: Table): Table {
  return {
    ...t,
    comment: null,
    columns: t.columns.map((c): Column => ({ ...c, identity: null, notNull: c.notNull || c.identity !== null, comment: null })),
    constraints: t.constraints.filter((c) => c.kind !== 'foreign_key').map((c) => ({ ...c, comment: null })),
    indexes: t.indexes.filter(hasExpression).map((i) => ({ ...i, comment: null })),
  };
}

function hasExpression(i: Index): boolean {
  return i.where !== null || i.keys.some((k) => !k.isColumn);
}

function withExpressionsOf(t: Table, p: Table): Table {
  const columns = new Map(p.columns.map((c) => [c.name, c]));
  const constraints = new Map(p.constraints.map((c) => [c.name, c]));
  const indexes = new Map(p.indexes.map((i) => [i.name, i]));
  const partitionColumns = new Map((p.partitionColumns ?? []).map((c) => [c.name, c]));
  return {
    ...t,
    columns: t.columns.map((c): Column => {
      const q = columns.get(c.name);
      if (!q || (c.default === null && c.generated === null && q.default === null && q.generated === null)) return c;
      const { dependsOn: _was, ...rest } = c;
      return { ...rest, default: q.default, generated: q.generated, ...(q.dependsOn ? { dependsOn: q.dependsOn } : {}) };
    }),
    constraints: t.constraints.map((c): Constraint => {
      const q = constraints.get(c.name);
      return q && q.kind === c.kind && (c.kind === 'check' || c.kind === 'exclusion') ? { ...q, valid: c.valid, comment: c.comment } : c;
    }),
    indexes: t.indexes.map((i): Index => {
      const q = indexes.get(i.name);
      return q ? { ...q, valid: i.valid, comment: i.comment, ...(i.transactionPerChunk ? { transactionPerChunk: true as const } : {}) } : i;
    }),
    ...(t.partitionColumns
      ? { partitionColumns: t.partitionColumns.map((c) => { const q = partitionColumns.get(c.name); return q && 'default' in c ? { ...c, default: q.default ?? null } : c; }) }
      : {}),
    ...(t.partitionBy && p.partitionBy ? { partitionBy: p.partitionBy } : {}),
    ...(t.partitionOf && p.partitionOf ? { partitionOf: p.partitionOf } : {}),
  };
}
