import type { Column } from '../../model/column.ts';
import type { Constraint } from '../../model/constraint.ts';
import type { Index } from '../../model/index.ts';
import { keys } from '../../model/keys.ts';
import type { QualifiedName } from '../../model/names.ts';
import type { Table } from '../../model/table.ts';
import { below, positionOf, shortPosition, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, checkQualified, display, qualifiedFromKey } from '../names.ts';
import { loadColumn } from './table-columns.ts';
import type { LocatedConstraint } from './table-columns.ts';
import { loadTableConstraints } from './table-constraints.ts';
import type { TableConstraintsYaml } from './table-constraints.ts';
import { checkPerChunk, loadIndex } from './table-indexes.ts';
import { checkVectorIndexes } from './vector-checks.ts';
import type { Kind } from './kind.ts';
import { loadGrants } from './grants.ts';
import type { GrantYaml } from './grants.ts';
import { loadPolicies, rowSecurityFromYaml } from './policies.ts';
import type { PolicyYaml, RowSecurityYaml } from './policies.ts';
import { loadTriggers } from './triggers.ts';
import type { TriggerYaml } from './triggers.ts';
import { loadHypertable, type HypertableYaml } from './timescale.ts';
import { loadTableData, type TableDataYaml } from './data.ts';
import { checkPartitionedKeys, loadPartitionBy, loadPartitions, type PartitionByYaml, type PartitionsYaml } from './partitions.ts';

interface TableYaml extends TableConstraintsYaml {
  readonly schema?: string;
  readonly comment?: string | null;
  readonly renamed_from?: string;
  readonly columns?: Readonly<Record<string, unknown>>;
  readonly indexes?: Readonly<Record<string, unknown>>;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
  readonly row_level_security?: RowSecurityYaml;
  readonly policies?: Readonly<Record<string, PolicyYaml>>;
  readonly triggers?: Readonly<Record<string, TriggerYaml>>;
  readonly hypertable?: HypertableYaml;
  readonly partition_by?: PartitionByYaml;
  readonly partitions?: PartitionsYaml;
  /** Consent to turn the existing ordinary table into this partitioned one: `true` or `{ batch_size }`. */
  readonly convert_to_partitioned?: boolean | { readonly batch_size?: number };
  readonly data?: TableDataYaml;
  readonly unlogged?: boolean;
  readonly inherits?: string | readonly string[];
  readonly with?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Identity key under which a constraint's source position is recorded. Named constraints use
 * their name; unnamed ones (declared on a column, named by PostgreSQL) use `<kind>:<columns>`,
 * e.g. `constraint:public.users.unique:email` or `constraint:public.users.check:code`.
 */
export function constraintSourceKey(table: QualifiedName, c: Constraint, column?: string): string {
  if (c.name !== '') return keys.constraint(table.schema, table.name, c.name);
  const cols = column ?? ('columns' in c ? c.columns.join(',') : '');
  return keys.constraint(table.schema, table.name, `${c.kind}:${cols}`);
}

/** Kinds of constraint backed by an index, whose name therefore lives in the schema's relation namespace. */
export const INDEX_BACKED: ReadonlySet<Constraint['kind']> = new Set(['primary_key', 'unique', 'exclusion']);

export const tablesKind: Kind = {
  key: 'tables',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as TableYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    if (v.renamed_from === qn.name) ctx.problem(valueOf(below(loc, 'renamed_from')), 'is the table\'s own name');
    if (!ctx.declare(keys.table(qn.schema, qn.name), `table \`${display(qn)}\``, loc)) return;

    const columns: Column[] = [];
    const constraints: LocatedConstraint[] = [];
    for (const [colName, colValue] of Object.entries(v.columns ?? {})) {
      const colLoc = below(loc, 'columns', colName);
      const loaded = loadColumn(ctx, qn, colName, colValue, colLoc);
      columns.push(loaded.column);
      ctx.sources.set(keys.column(qn.schema, qn.name, colName), positionOf(colLoc));
      for (const c of loaded.constraints) {
        ctx.mark(c.constraint, c.loc);
        constraints.push(c);
        ctx.sources.set(constraintSourceKey(qn, c.constraint, colName), positionOf(c.loc));
      }
    }
    for (const c of loadTableConstraints(ctx, qn, v, loc)) {
      constraints.push(c);
      if (!ctx.sources.has(constraintSourceKey(qn, c.constraint))) {
        ctx.sources.set(constraintSourceKey(qn, c.constraint), positionOf(c.loc));
      }
    }
    const indexes: Index[] = [];
    for (const [indexName, indexValue] of Object.entries(v.indexes ?? {})) {
      const indexLoc = below(loc, 'indexes', indexName);
      checkIdentifier(ctx, indexName, indexLoc);
      const index = loadIndex(ctx, indexName, indexValue, indexLoc);
      if (index.transactionPerChunk) checkPerChunk(ctx, index, v.hypertable !== undefined ? null : `table \`${display(qn)}\` has no \`hypertable:\``, indexLoc);
      indexes.push(index);
      ctx.sources.set(keys.index(qn.schema, qn.name, indexName), positionOf(indexLoc));
    }

    const plain: Table = {
      schema: qn.schema,
      name: qn.name,
      columns,
      constraints: constraints.map((c) => c.constraint),
      indexes,
      comment: v.comment ?? null,
      ...rowSecurityFromYaml(v.row_level_security),
      owner: v.owner ?? null,
      ...(v.renamed_from !== undefined ? { renamedFrom: v.renamed_from } : {}),
      ...(v.unlogged ? { unlogged: true } : {}),
      ...(v.inherits !== undefined ? { inherits: (typeof v.inherits === 'string' ? [v.inherits] : v.inherits).map((p) => {
        const q = qualifiedFromKey(p, undefined);
        return { schema: q.schema, table: q.name };
      }) } : {}),
      ...(v.with !== undefined && Object.keys(v.with).length > 0
        ? { with: Object.fromEntries(Object.entries(v.with).map(([k, x]) => [k, String(x)])) }
        : {}),
    };
    const partitionBy = v.partition_by === undefined ? null : loadPartitionBy(ctx, plain, v.partition_by, below(loc, 'partition_by'));
    const conversion = v.convert_to_partitioned === undefined ? null : loadConversion(ctx, v.convert_to_partitioned, partitionBy !== null || v.partition_by === undefined, below(loc, 'convert_to_partitioned'));
    const table: Table = partitionBy === null ? plain : { ...plain, partitionBy, ...(conversion ? { convertToPartitioned: conversion } : {}) };
    ctx.mark(table, loc);
    checkTable(ctx, table, constraints, indexes);
    checkPartitionedKeys(ctx, table);
    ctx.model.tables.push(table);
    if (v.partitions !== undefined && (partitionBy !== null || v.partition_by === undefined)) {
      const rule = loadPartitions(ctx, table, v.partitions, below(loc, 'partitions'));
      if (rule !== null) {
        // The rule goes on the parent: the plan keeps its live partitions still within retention.
        const withRule: Table = { ...table, partitionRule: rule };
        ctx.replaceTable(table, withRule);
        ctx.mark(withRule, loc);
      }
    }
    if (v.hypertable !== undefined) loadHypertable(ctx, qn, v.hypertable, below(loc, 'hypertable'));
    const columnNames = columns.map((c) => c.name);
    const what = `table \`${display(qn)}\``;
    loadGrants(ctx, { objectKind: 'table', schema: qn.schema, name: qn.name, arguments: null, what, columns: columnNames }, v.grants, loc);
    loadPolicies(ctx, qn, v.policies, loc);
    loadTriggers(ctx, { ...qn, kind: 'table', columns: columnNames }, v.triggers, loc);
    if (v.data !== undefined) loadTableData(ctx, table, v.data, below(loc, 'data'));
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const loc = ctx.locOf(t);
      if (t.renamedFrom != null && t.renamedFrom !== t.name) {
        const other = ctx.declaredAt(keys.table(t.schema, t.renamedFrom));
        if (other !== undefined) {
          ctx.problem(valueOf(below(loc, 'renamed_from')), `table \`${t.schema}.${t.renamedFrom}\` is still declared at ${shortPosition(other)}; a renamed table's old name cannot be declared too`);
        }
      }
      for (const c of t.constraints) if (c.kind === 'foreign_key') checkForeignKeyTarget(ctx, c);
    }
    checkVectorIndexes(ctx);
  },
};

/** Problems within one table: unknown or repeated columns, two primary keys, clashing names. */
function checkTable(ctx: LoadContext, table: Table, constraints: readonly LocatedConstraint[], indexes: readonly Index[]): void {
  const columnNames = new Set(table.columns.map((c) => c.name));
  const requireColumns = (list: readonly string[], fallback: Loc) => {
    const listLoc = ctx.tryLocOf(list);
    const seen = new Set<string>();
    list.forEach((col, i) => {
      const at = listLoc === undefined ? fallback : valueOf(below(listLoc, i));
      // An inheriting table's keys may name its parents' columns: PostgreSQL checks them at plan time.
      if (!columnNames.has(col)) {
        if ((table.inherits ?? []).length === 0) ctx.problem(at, `table \`${display(table)}\` has no column \`${col}\``);
      }
      else if (seen.has(col)) ctx.problem(at, `column \`${col}\` is listed twice`);
      seen.add(col);
    });
  };

  for (const col of table.columns) {
    if (col.renamedFrom != null && col.renamedFrom !== col.name && columnNames.has(col.renamedFrom)) {
      ctx.problem(valueOf(below(ctx.locOf(col), 'renamed_from')), `column \`${col.renamedFrom}\` is still declared in this table; a renamed column's old name cannot be declared too`);
    }
  }

  let primaryKey: Loc | null = null;
  const names = new Map<string, { loc: Loc; indexBacked: boolean }>();
  // In file order, so the later of two clashing declarations is the one reported.
  const inOrder = [...constraints].sort((a, b) => {
    const pa = positionOf(a.loc);
    const pb = positionOf(b.loc);
    return pa.line - pb.line || pa.column - pb.column;
  });
  for (const { constraint: c, loc } of inOrder) {
    if ('columns' in c) requireColumns(c.columns, loc);
    if (c.kind === 'primary_key') {
      if (primaryKey !== null) {
        ctx.problem(loc, `table \`${display(table)}\` already has a primary key (at ${shortPosition(primaryKey)}); list all its columns in the table's \`primary_key\``);
      }
      primaryKey ??= loc;
    }
    if (c.name === '') continue;
    const nameLoc = c.kind === 'primary_key' ? below(loc, 'name') : loc;
    checkIdentifier(ctx, c.name, nameLoc);
    const indexBacked = INDEX_BACKED.has(c.kind);
    const other = names.get(c.name);
    // Two index-backed names clash in the schema's relation namespace: reported there, once.
    if (other !== undefined && !(other.indexBacked && indexBacked)) {
      ctx.problem(nameLoc, `constraint name \`${c.name}\` is already used in table \`${display(table)}\` at ${shortPosition(other.loc)}`);
    }
    if (other === undefined) names.set(c.name, { loc: nameLoc, indexBacked });
  }

  for (const index of indexes) {
    const loc = ctx.locOf(index);
    index.keys.forEach((k) => {
      if (k.isColumn && !columnNames.has(k.expression)) {
        ctx.problem(ctx.locOf(k), `table \`${display(table)}\` has no column \`${k.expression}\``);
      }
    });
    requireColumns(index.include, loc);
  }
}

/** The referenced table is declared, has the referenced columns, and they match in number. */
function checkForeignKeyTarget(ctx: LoadContext, fk: Extract<Constraint, { kind: 'foreign_key' }>): void {
  const ref = fk.references;
  const at = ctx.locOf(ref);
  const target = ctx.declaredTable(ref.schema, ref.table);
  if (target === undefined) {
    ctx.problem(at, `table \`${ref.schema}.${ref.table}\` is not declared`);
    return;
  }
  let refColumns = ref.columns;
  if (refColumns.length === 0) {
    const pk = target.constraints.find((c) => c.kind === 'primary_key');
    if (pk === undefined) {
      ctx.problem(at, `table \`${display(target)}\` has no primary key; name the referenced column(s)`);
      return;
    }
    refColumns = pk.columns;
  } else {
    const listLoc = ctx.tryLocOf(ref.columns);
    ref.columns.forEach((col, i) => {
      if (!target.columns.some((c) => c.name === col)) {
        ctx.problem(listLoc === undefined ? at : valueOf(below(listLoc, i)), `table \`${display(target)}\` has no column \`${col}\``);
      }
    });
  }
  if (refColumns.length !== fk.columns.length) {
    ctx.problem(ctx.locOf(fk), `${fk.columns.length} column(s) reference ${refColumns.length} column(s) of \`${display(target)}\``);
  }
}

/**
 * `convert_to_partitioned: true` or `{ batch_size: 5000 }` (rows per copied batch, default 10000),
 * on a table with `partition_by`; `false` is the same as leaving it out.
 */
function loadConversion(ctx: LoadContext, value: unknown, partitioned: boolean, loc: Loc): { batchSize: number } | null {
  if (value === false) return null;
  const batch = value === true ? 10000 : typeof value === 'object' && value !== null ? (value as { batch_size?: unknown }).batch_size ?? 10000 : null;
  if (batch === null || !Number.isInteger(batch) || (batch as number) < 1) {
    ctx.problem(valueOf(loc), '`convert_to_partitioned` is `true` or `{ batch_size: N }` (N a whole number from 1)');
    return null;
  }
  if (!partitioned) {
    ctx.problem(loc, '`convert_to_partitioned` goes with `partition_by`: the table it converts to is partitioned');
    return null;
  }
  return { batchSize: batch as number };
}
