import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { UserError } from '../errors.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, literal, qname } from '../sql/quote.ts';
import { breakingChange, commentSql, display, hazard, step, type DiffContext, type TablePair } from './context.ts';
import { columnCommentStep, columnDefinition, columnStorageStep, columnEdges, columnRequirements, diffColumns, ownedSequenceEdges, withDisrupts } from './columns.ts';
import {
  addConstraintSteps,
  constraintCommentStep,
  constraintMentions,
  diffConstraints,
  foreignKeysReferencing,
  liveForeignKeys,
  matchConstraints,
  namedConstraint,
} from './constraints.ts';
import { createIndexStep, diffIndexes, indexColumns, indexCommentStep, matchIndexes } from './indexes.ts';
import { policiesUsingDroppedTable } from './policies.ts';
import { replacedTableDrop } from './replaced-tables.ts';
import { diffPartitionColumns } from './partition-columns.ts';
import { createPartitionStep, detachBeforeDrop, diffPartitioning, dropTableWaitsFor, partitionByClause, retiredByRule } from './partitions.ts';

function tableCommentStep(t: Table, comment: string | null): Step {
  return step({
    kind: 'table',
    object: display(t.schema, t.name),
    operation: 'comment',
    sql: commentSql(`TABLE ${qname(t)}`, comment),
    phase: PHASES.comment,
    requires: [keys.table(t.schema, t.name)],
  });
}

/** CREATE TABLE with its columns and non-FK constraints inline; FKs, indexes and comments follow as steps. */
function createTableSteps(ctx: DiffContext, t: Table): Step[] {
  const inline = t.constraints.filter((c) => c.kind !== 'foreign_key');
  const lines = [...t.columns.map(columnDefinition), ...inline.map(namedConstraint)];
  const body = lines.length ? `\n  ${lines.join(',\n  ')}\n` : '';
  const tkey = keys.table(t.schema, t.name);
  const provides = [
    tkey,
    ...columnEdges(t),
    ...inline.filter((c) => c.name).flatMap((c) => [keys.constraint(t.schema, t.name, c.name), keys.index(t.schema, t.name, c.name)]),
  ];
  const out: Step[] = [
    t.partitionOf
      ? createPartitionStep(ctx, t, inline.map(namedConstraint), provides)
      : step({
          kind: 'table',
          object: display(t.schema, t.name),
          operation: 'create',
          sql: `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${qname(t)} (${body})${inheritsClause(t)}${partitionByClause(t)}${withClause(t.with)}`,
          phase: PHASES.createTable,
          provides,
          requires: [keys.schema(t.schema), ...t.columns.flatMap((c) => columnRequirements(ctx, c)), ...(t.inherits ?? []).map((p) => keys.table(p.schema, p.table))],
          requiresRemoved: [tkey],
        }),
  ];
  for (const c of t.columns) out.push(...columnStorageStep(t, null, c));
  for (const c of t.constraints) if (c.kind === 'foreign_key') out.push(...addConstraintSteps(ctx, t, c, false));
  for (const i of t.indexes) out.push(createIndexStep(ctx, t, i, false));
  if (t.comment !== null) out.push(tableCommentStep(t, t.comment));
  for (const c of t.columns) if (c.comment !== null) out.push(columnCommentStep(t, c, c.comment));
  for (const c of t.constraints) if (c.comment !== null && c.name) out.push(constraintCommentStep(t, c, c.comment));
  for (const i of t.indexes) if (i.comment !== null && i.name) out.push(indexCommentStep(t, i, i.comment));
  return out;
}

/**
 * FKs between tables that are all dropped are dropped first as their own steps, so that the
 * table drops need no order among themselves (circular references included).
 */
function foreignKeysBetweenDropped(ctx: DiffContext): { table: Table; name: string; key: string }[] {
  const dropped = new Set(ctx.droppedTables.map((t) => `${t.schema}.${t.name}`));
  return liveForeignKeys(ctx)
    .filter(
      (f) =>
        dropped.has(`${f.table.schema}.${f.table.name}`) &&
        dropped.has(`${f.fk.references.schema}.${f.fk.references.table}`) &&
        !(f.fk.references.schema === f.table.schema && f.fk.references.table === f.table.name),
    )
    .map((f) => ({ table: f.table, name: f.fk.name, key: f.key }));
}

function dropTableSteps(ctx: DiffContext, t: Table, separateFks: readonly { table: Table; key: string }[]): Step[] {
  const ownFks = separateFks.filter((f) => f.table === t).map((f) => f.key);
  const separate = new Set(separateFks.map((f) => f.key));
  const referencing = foreignKeysReferencing(ctx, t)
    .filter((f) => f.table !== t)
    .map((f) => f.key);
  // Views and routines of the live state that use the table are dropped first (see dependents.ts).
  const drop = withDisrupts(keys.table(t.schema, t.name), step({
      kind: 'table',
      object: display(t.schema, t.name),
      operation: 'drop',
      sql: `DROP TABLE ${qname(t)}`,
      hazards: [
        hazard('data_loss', `drops table ${display(t.schema, t.name)} and all its rows`),
        ...(retiredByRule(ctx, t)
          ? []
          : [
              breakingChange(
                `code that reads or writes ${display(t.schema, t.name)} fails after this step`,
                `release code that no longer uses the table first, then drop it in a later plan`,
              ),
            ]),
      ],
      phase: PHASES.dropTable,
      removes: [
        keys.table(t.schema, t.name),
        ...columnEdges(t),
        ...t.constraints.map((c) => keys.constraint(t.schema, t.name, c.name)).filter((k) => !separate.has(k)),
        ...t.indexes.map((i) => keys.index(t.schema, t.name, i.name)),
      ],
      requiresRemoved: [
        ...ownFks,
        ...referencing,
        ...ownedSequenceEdges(ctx, t, null),
        ...dropTableWaitsFor(ctx, t),
        ...policiesUsingDroppedTable(ctx, t).map((p) => keys.policy(p.schema, p.table, p.name)),
        // Tables that inherit from it go first (PostgreSQL refuses to drop a parent).
        ...ctx.from.tables.filter((c) => (c.inherits ?? []).some((p) => p.schema === t.schema && p.table === t.name)).map((c) => keys.table(c.schema, c.name)),
      ],
    }));
  const replacement = ctx.replacements.get(`${t.schema}.${t.name}`);
  return [...detachBeforeDrop(ctx, t), ...(replacement ? replacedTableDrop(replacement, drop) : [drop])];
}


/** Edges that must be gone before column `column` of the pair's table is dropped. */
function columnDependents(ctx: DiffContext, pair: TablePair): (column: string) => string[] {
  const t = pair.to;
  const cm = matchConstraints(ctx, pair);
  const im = matchIndexes(ctx, pair);
  const goneConstraints = [...cm.dropped, ...cm.changed.map(([f]) => f)];
  const goneIndexes = [...im.dropped, ...im.changed.map(([f]) => f)];
  return (column) => {
    const fromName = pair.columns.find((c) => c.to.name === column)?.from.name ?? column;
    const own = [
      ...goneConstraints.filter((c) => constraintMentions(c, fromName)).map((c) => keys.constraint(t.schema, t.name, c.name)),
      ...goneIndexes.filter((i) => indexColumns(pair.from, i).includes(fromName)).map((i) => keys.index(t.schema, t.name, i.name)),
    ];
    const others = foreignKeysReferencing(ctx, pair.from, [fromName]).map((f) => f.key);
    return [...own, ...others];
  };
}

function diffTablePair(ctx: DiffContext, pair: TablePair): Step[] {
  const { from, to } = pair;
  const out: Step[] = [];
  if (pair.renamed) {
    out.push(
      step({
        kind: 'table',
        object: display(to.schema, to.name),
        operation: 'rename',
        sql: `ALTER TABLE ${qname(from)} RENAME TO ${ident(to.name)}`,
        hazards: [
          breakingChange(
            `code that uses ${display(from.schema, from.name)} fails after this step (it becomes ${to.name})`,
            `keep a view named ${from.name} over ${to.name} until no code uses the old name, or copy the data to a new table written by both`,
          ),
        ],
        phase: PHASES.rename,
        removes: [keys.table(from.schema, from.name)],
        provides: [keys.table(to.schema, to.name)],
        requiresRemoved: [keys.table(to.schema, to.name)],
      }),
    );
  }
  const parents = (x: Table) => (x.inherits ?? []).map((p) => `${p.schema}.${p.table}`).join(', ');
  if (parents(from) !== parents(to)) {
    throw new UserError(
      `table ${display(to.schema, to.name)} changes its parents (INHERITS ${parents(from) || 'none'} -> ${parents(to) || 'none'}): ` +
        'pgform does not plan INHERIT / NO INHERIT on an existing table; create the table under a new name with the parents it needs, or run ALTER TABLE ... INHERIT yourself first',
    );
  }
  out.push(...diffPartitioning(ctx, pair));
  out.push(...diffColumns(ctx, pair, columnDependents(ctx, pair)));
  out.push(...diffPartitionColumns(ctx, pair));
  // PostgreSQL builds a partitioned table's indexes on every partition and refuses CONCURRENTLY,
  // NOT VALID foreign keys and ADD CONSTRAINT ... USING INDEX there; TimescaleDB refuses
  // CREATE/DROP INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX on a hypertable (one it is
  // or becomes in this plan): the plain forms are used, and their hazards say writes wait.
  const hypertable =
    (ctx.to.hypertables ?? []).some((h) => h.schema === to.schema && h.table === to.name) ||
    (ctx.from.hypertables ?? []).some((h) => h.schema === from.schema && h.table === from.name);
  const keyed = to.partitionBy || hypertable ? { ...ctx, online: false, plainSwaps: ctx.online } : ctx;
  out.push(...diffConstraints(keyed, pair));
  out.push(...diffIndexes(keyed, pair));
  if (from.comment !== to.comment) out.push(tableCommentStep(to, to.comment));
  out.push(...storageParameterSteps(from, to));
  if ((from.unlogged ?? false) !== (to.unlogged ?? false)) out.push(persistenceStep(to));
  return out;
}

/** ` INHERITS (parent, ...)`, or nothing. */
function inheritsClause(t: Table): string {
  const parents = t.inherits ?? [];
  return parents.length === 0 ? '' : ` INHERITS (${parents.map((p) => qname({ schema: p.schema, name: p.table })).join(', ')})`;
}

/** ` WITH (fillfactor = '70', ...)`, or nothing. */
export function withClause(options: Readonly<Record<string, string>> | undefined): string {
  const names = Object.keys(options ?? {});
  return names.length === 0 ? '' : ` WITH (${names.map((k) => `${optionName(k)} = ${literal(options![k]!)}`).join(', ')})`;
}

/** `toast.autovacuum_enabled` -> `"toast"."autovacuum_enabled"`: a namespace and a name. */
function optionName(name: string): string {
  return name.split('.').map(ident).join('.');
}

/** ALTER TABLE ... SET (...) for parameters added or changed, RESET (...) for those removed. */
function storageParameterSteps(from: Table, to: Table): Step[] {
  return storageParameterChange('table', from, to);
}

/** ALTER TABLE / MATERIALIZED VIEW ... SET (...) and RESET (...) between two parameter lists. */
export function storageParameterChange(
  kind: 'table' | 'materialized_view',
  from: { readonly with?: Readonly<Record<string, string>> },
  to: QualifiedName & { readonly with?: Readonly<Record<string, string>> },
): Step[] {
  const was = from.with ?? {};
  const now = to.with ?? {};
  const set = Object.keys(now).filter((k) => was[k] !== now[k]);
  const reset = Object.keys(was).filter((k) => !(k in now));
  const actions = [
    ...(set.length ? [`SET (${set.map((k) => `${optionName(k)} = ${literal(now[k]!)}`).join(', ')})`] : []),
    ...(reset.length ? [`RESET (${reset.map(optionName).join(', ')})`] : []),
  ];
  if (actions.length === 0) return [];
  return [
    step({
      kind,
      object: display(to.schema, to.name),
      operation: 'alter',
      sql: `ALTER ${kind === 'table' ? 'TABLE' : 'MATERIALIZED VIEW'} ${qname(to)} ${actions.join(', ')}`,
      reason: 'storage parameters apply to pages written and vacuums run from now on; existing pages are not rewritten',
      phase: kind === 'table' ? PHASES.alterColumn : PHASES.createMaterializedView,
      requires: [kind === 'table' ? keys.table(to.schema, to.name) : keys.materializedView(to.schema, to.name)],
    }),
  ];
}

/** SET LOGGED / SET UNLOGGED: PostgreSQL copies the whole table (and its indexes) to change it. */
function persistenceStep(t: Table): Step {
  const name = display(t.schema, t.name);
  return step({
    kind: 'table',
    object: name,
    operation: 'alter',
    sql: `ALTER TABLE ${qname(t)} SET ${t.unlogged ? 'UNLOGGED' : 'LOGGED'}`,
    hazards: [
      hazard('table_rewrite', `${t.unlogged ? 'SET UNLOGGED' : 'SET LOGGED'} rewrites ${name} and its indexes${t.unlogged ? '' : ', writing all of it to the WAL'}`),
      hazard('long_lock', `${name} is locked against reads and writes while it is rewritten`),
    ],
    reason: t.unlogged ? `an unlogged table is emptied after a crash and is not replicated to standbys` : undefined,
    phase: PHASES.alterColumn,
    requires: [keys.table(t.schema, t.name)],
  });
}

export function diffTables(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  for (const t of ctx.createdTables) out.push(...createTableSteps(ctx, t));
  for (const pair of ctx.pairs) out.push(...diffTablePair(ctx, pair));
  const separate = foreignKeysBetweenDropped(ctx);
  for (const f of separate) {
    out.push(
      step({
        kind: 'constraint',
        object: display(f.table.schema, f.table.name, f.name),
        operation: 'drop',
        sql: `ALTER TABLE ${qname(f.table)} DROP CONSTRAINT ${ident(f.name)}`,
        reason: 'dropped before the tables it links, which are dropped too',
        phase: PHASES.dropForeignKey,
        removes: [f.key],
      }),
    );
  }
  for (const t of ctx.droppedTables) out.push(...dropTableSteps(ctx, t, separate));
  return out;
}
