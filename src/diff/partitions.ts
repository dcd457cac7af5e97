import type { Table, PartitionOf } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { unpartitionedName } from './conversions.ts';
import { partitionColumnClauses, partitionColumnOrder } from './partition-columns.ts';
import { breakingChange, display, hazard, NON_TRANSACTIONAL, step, type DiffContext, type TablePair } from './context.ts';
import type { QualifiedName } from '../model/names.ts';
import type { Hazard } from '../plan/hazard.ts';

/**
 * Partitioned tables and their partitions. A partition is created with CREATE TABLE ... PARTITION
 * OF (its columns, and the indexes, constraints and triggers its parent has, come from the
 * parent); one that goes away is detached, then dropped; a changed bound is a detach and an
 * attach with the new bound. A table cannot become partitioned, or stop being, in place.
 */

/** Made ready when a partition is detached from its parent (before it is dropped). */
const detachedEdge = (schema: string, name: string) => `detached:${keys.table(schema, name)}`;

/** Made ready when the partitions of a parent that change bound or parent are all detached. */
const movedEdge = (schema: string, name: string) => `partitions-detached:${keys.table(schema, name)}`;

/** ` PARTITION BY RANGE (created_at)` for the CREATE TABLE of a partitioned table; '' otherwise. */
export function partitionByClause(t: Table): string {
  return t.partitionBy ? ` PARTITION BY ${t.partitionBy.strategy.toUpperCase()} (${t.partitionBy.key})` : '';
}

const parentName = (p: PartitionOf) => ({ schema: p.schema, name: p.table });

/** `FOR VALUES ...` or `DEFAULT`, as written after the parent's name. */
function boundSql(p: PartitionOf): string {
  return p.bound;
}

/** The `from` state's partitions of a table (by its `from` name). */
function partitionsOf(tables: readonly Table[], schema: string, name: string): Table[] {
  return tables.filter((t) => t.partitionOf?.schema === schema && t.partitionOf.table === name);
}

/**
 * `CREATE TABLE child PARTITION OF parent [ (own column settings, constraints) ] FOR VALUES ...`. A new partition of a
 * parent that exists already takes ACCESS EXCLUSIVE on the parent for a catalog change; when the
 * parent has a default partition, PostgreSQL also scans it under that lock for rows that would
 * belong to the new partition (and fails if it finds any).
 */
export function createPartitionStep(ctx: DiffContext, t: Table, inlineConstraints: readonly string[], provides: readonly string[]): Step {
  const p = t.partitionOf!;
  const parent = parentName(p);
  const items = [...partitionColumnClauses(t), ...inlineConstraints];
  const body = items.length ? ` (\n  ${items.join(',\n  ')}\n)` : '';
  const columnOrder = partitionColumnOrder(ctx, t);
  const fromParent = ctx.pairOfTo(p.schema, p.table)?.from;
  const defaultPartition = fromParent
    ? partitionsOf(ctx.from.tables, fromParent.schema, fromParent.name).find((x) => x.partitionOf!.bound === 'DEFAULT' && ctx.pairOfFrom(x.schema, x.name)?.to.partitionOf?.bound === 'DEFAULT')
    : undefined;
  const hazards = defaultPartition && p.bound !== 'DEFAULT'
    ? [hazard('long_lock', `scans the default partition ${display(defaultPartition.schema, defaultPartition.name)} for rows of the new bound while ${display(parent.schema, parent.name)} is locked (ACCESS EXCLUSIVE); fails if it holds any`)]
    : [];
  return step({
    kind: 'table',
    object: display(t.schema, t.name),
    operation: 'create',
    sql: `CREATE TABLE ${qname(t)} PARTITION OF ${qname(parent)}${body} ${boundSql(p)}`,
    hazards,
    reason: fromParent ? `a new partition of ${display(parent.schema, parent.name)} (a brief ACCESS EXCLUSIVE lock on it)` : undefined,
    phase: PHASES.createTable,
    provides,
    requires: [keys.schema(t.schema), keys.table(parent.schema, parent.name), ...columnOrder.requires],
    requiresRemoved: [keys.table(t.schema, t.name), ...columnOrder.requiresRemoved],
  });
}

/**
 * The DETACH before a partition that goes away is dropped: its rows stop being rows of the
 * parent. Left out when the parent is dropped too (its DROP takes the partitions along).
 */
export function detachBeforeDrop(ctx: DiffContext, t: Table): Step[] {
  const p = t.partitionOf;
  if (!p) return [];
  const parentDropped = ctx.droppedTables.some((d) => d.schema === p.schema && d.name === p.table);
  if (parentDropped) return [];
  const parentNow = ctx.currentTableName(p.schema, p.table) ?? p.table;
  const parent = { schema: p.schema, name: parentNow };
  const rule = ctx.pairOfFrom(p.schema, p.table)?.to.partitionRule;
  if (rule) return [retireStep(ctx, t, parent)];
  return [
    step({
      kind: 'table',
      object: display(t.schema, t.name),
      operation: 'alter',
      sql: `ALTER TABLE ${qname(parent)} DETACH PARTITION ${qname(t)}`,
      hazards: [hazard('data_loss', `rows of ${display(t.schema, t.name)} leave ${display(parent.schema, parent.name)} (the partition is then dropped)`)],
      reason: `${display(t.schema, t.name)} is no longer a partition of ${display(parent.schema, parent.name)}`,
      phase: PHASES.dropTable,
      requires: [keys.table(parent.schema, parent.name)],
      removes: [detachedEdge(t.schema, t.name)],
    }),
  ];
}

/**
 * A partition a rolling rule no longer keeps: detached (see `detachStep`), then dropped, the
 * data_loss of the DROP.
 */
function retireStep(ctx: DiffContext, t: Table, parent: { schema: string; name: string }): Step {
  return detachStep(ctx, t, parent, (why) => `${display(t.schema, t.name)} is older than the retention of the rolling partition rule of ${display(parent.schema, parent.name)}${why}`, []);
}

/**
 * ALTER TABLE ... DETACH PARTITION, CONCURRENTLY where PostgreSQL allows it (14+, outside a
 * transaction, and only while the parent has no default partition, which PostgreSQL refuses), so
 * inserts into the parent go on; `mayBeConcurrent` false: always the plain form.
 */
function detachStep(
  ctx: DiffContext,
  t: QualifiedName,
  parent: { schema: string; name: string },
  reason: (why: string) => string,
  hazards: readonly Hazard[],
  mayBeConcurrent = true,
): Step {
  const hasDefault = [ctx.from.tables, ctx.to.tables].some((tables) =>
    tables.some((x) => x.partitionOf?.schema === parent.schema && x.partitionOf.table === parent.name && x.partitionOf.bound === 'DEFAULT'),
  );
  const concurrently = mayBeConcurrent && ctx.detachConcurrently && !hasDefault;
  const why = concurrently || !mayBeConcurrent ? '' : hasDefault ? ' (not CONCURRENTLY: PostgreSQL refuses it while the table has a default partition)' : ' (not CONCURRENTLY: it needs PostgreSQL 14 and an online plan)';
  return step({
    kind: 'table',
    object: display(t.schema, t.name),
    operation: 'alter',
    sql: `ALTER TABLE ${qname(parent)} DETACH PARTITION ${qname(t)}${concurrently ? ' CONCURRENTLY' : ''}`,
    hazards: [...hazards, ...(concurrently ? [NON_TRANSACTIONAL] : [])],
    transactional: !concurrently,
    reason: reason(why),
    phase: PHASES.dropTable,
    // A parent the plan replaces exists now; the key is the new table's, which comes after.
    requires: ctx.replacements.has(`${parent.schema}.${parent.name}`) ? [] : [keys.table(parent.schema, parent.name)],
    removes: [detachedEdge(t.schema, t.name)],
  });
}

/**
 * A partition the `to` state declares as an ordinary table: detached before anything else
 * changes, so that what the plan then does to the parent (a column added or dropped, a check, an
 * index) does not reach it. Its rows stay in it and are no longer rows of the parent.
 */
function detachToOrdinary(ctx: DiffContext, pair: TablePair, of: PartitionOf): Step {
  const parent = { schema: of.schema, name: of.table };
  const t = pair.from;
  const what = display(t.schema, t.name);
  const parentText = display(parent.schema, parent.name);
  return {
    ...detachStep(
      ctx,
      t,
      parent,
      (why) => `${what} is declared as an ordinary table: it leaves ${parentText} with its rows${why}`,
      [
        breakingChange(
          `queries and writes through ${parentText} no longer see or reach the rows of ${what}; rows of its range written to ${parentText} after this step fail or go elsewhere`,
          `move code that reads ${what}'s rows through ${parentText} to ${what} first`,
        ),
      ],
      // Not CONCURRENTLY: that form leaves a CHECK constraint of the old bound on the table, named
      // by PostgreSQL, which the table declared here does not have. The plain form is a catalog
      // change under a brief ACCESS EXCLUSIVE lock on both tables.
      false,
    ),
    phase: PHASES.detachPartition,
  };
}

/**
 * A partition its parent's rolling rule retires: its DROP is the rule's retention at work, no
 * breaking change (code reads and writes the parent, whose other partitions stay).
 */
export function retiredByRule(ctx: DiffContext, t: Table): boolean {
  const p = t.partitionOf;
  return !!p && !!ctx.pairOfFrom(p.schema, p.table)?.to.partitionRule;
}

/** What the DROP TABLE of `t` waits for: its detach, or (a partitioned table) its partitions' drops. */
export function dropTableWaitsFor(ctx: DiffContext, t: Table): string[] {
  const own = t.partitionOf ? [detachedEdge(t.schema, t.name)] : [];
  const children = t.partitionBy ? partitionsOf(ctx.from.tables, t.schema, t.name).filter((c) => ctx.droppedTables.includes(c)).map((c) => keys.table(c.schema, c.name)) : [];
  // Partitions that become ordinary tables leave it before it goes (its DROP would take them along).
  const leaving = ctx.pairs.filter((p) => p.detachedFrom?.schema === t.schema && p.detachedFrom.table === t.name).map((p) => detachedEdge(p.from.schema, p.from.name));
  return [...own, ...children, ...leaving];
}

/** The partitioning of a table on both sides: refused when PostgreSQL cannot change it in place, else the steps. */
export function diffPartitioning(ctx: DiffContext, pair: TablePair): Step[] {
  const { from, to } = pair;
  const name = display(to.schema, to.name);
  const fromBy = from.partitionBy ?? null;
  const toBy = to.partitionBy ?? null;
  if ((fromBy === null) !== (toBy === null)) {
    throw new UserError(
      fromBy === null
        ? `table ${name} would become partitioned; PostgreSQL cannot partition an existing table in place. Add \`convert_to_partitioned: true\` to the table to convert it (a new partitioned table, its rows copied in batches, the names swapped, the old table kept as ${unpartitionedName(to.name)})`
        : `table ${name} would stop being partitioned; PostgreSQL cannot do that in place. Declare a new ordinary table (another name), copy the rows into it, then drop the partitioned one`,
    );
  }
  if (fromBy !== null && toBy !== null && (fromBy.strategy !== toBy.strategy || fromBy.key !== toBy.key)) {
    throw new UserError(
      `the partition key of ${name} would change from ${fromBy.strategy.toUpperCase()} (${fromBy.key}) to ${toBy.strategy.toUpperCase()} (${toBy.key}); PostgreSQL cannot change a partition key. Declare a new partitioned table with the new key and copy the rows into it`,
    );
  }
  if (pair.detachedFrom) return [detachToOrdinary(ctx, pair, pair.detachedFrom)];
  const fromOf = from.partitionOf ?? null;
  const toOf = to.partitionOf ?? null;
  if ((fromOf === null) !== (toOf === null)) {
    throw new UserError(
      fromOf === null
        ? `table ${name} exists as an ordinary table and is declared as a partition of ${display(toOf!.schema, toOf!.table)}; drop it from the schema files first (or give the partition another name), pgform does not attach existing tables`
        : `table ${name} is a partition of ${display(fromOf.schema, fromOf.table)} and is declared as an ordinary table; remove it from the schema files (detach and drop), or keep it in its parent's partitions`,
    );
  }
  if (fromOf === null || toOf === null) return [];
  const fromParentNow = ctx.currentTableName(fromOf.schema, fromOf.table);
  const sameParent = fromOf.schema === toOf.schema && fromParentNow === toOf.table;
  if (sameParent && fromOf.bound === toOf.bound) return [];
  return reattach(ctx, pair, fromOf, toOf, fromParentNow);
}

/** DETACH from the old parent (or bound), then ATTACH with the new bound. */
function reattach(ctx: DiffContext, pair: TablePair, fromOf: PartitionOf, toOf: PartitionOf, fromParentNow: string | null): Step[] {
  const t = pair.to;
  const tkey = keys.table(t.schema, t.name);
  const edge = movedEdge(toOf.schema, toOf.table);
  const newParent = parentName(toOf);
  const out: Step[] = [];
  if (fromParentNow !== null) {
    const oldParent = { schema: fromOf.schema, name: fromParentNow };
    out.push(
      step({
        kind: 'table',
        object: display(t.schema, t.name),
        operation: 'alter',
        sql: `ALTER TABLE ${qname(oldParent)} DETACH PARTITION ${qname(t)}`,
        reason: `${display(t.schema, t.name)} is attached again ${fromOf.bound === toOf.bound ? `to ${display(newParent.schema, newParent.name)}` : `with the bound ${toOf.bound}`}`,
        phase: PHASES.rename,
        requires: [tkey, keys.table(oldParent.schema, oldParent.name)],
        provides: [edge],
      }),
    );
  }
  const what = display(t.schema, t.name);
  const parentText = display(newParent.schema, newParent.name);
  const message = toOf.bound === 'DEFAULT'
    ? `checks the rows of ${what} against the bounds of the other partitions of ${parentText}; fails if one belongs to them`
    : `scans ${what} (ACCESS EXCLUSIVE on it, SHARE UPDATE EXCLUSIVE on ${parentText}) to check every row fits ${toOf.bound}; fails if one does not`;
  const droppedSiblings = ctx.droppedTables
    .filter((d) => d.partitionOf?.schema === toOf.schema && ctx.currentTableName(d.partitionOf.schema, d.partitionOf.table) === toOf.table)
    .map((d) => detachedEdge(d.schema, d.name));
  out.push(
    step({
      kind: 'table',
      object: what,
      operation: 'alter',
      sql: `ALTER TABLE ${qname(newParent)} ATTACH PARTITION ${qname(t)} ${toOf.bound}`,
      hazards: [hazard('validation_scan', message)],
      reason: fromOf.bound === toOf.bound ? undefined : `the bound of ${what} changes from ${fromOf.bound}`,
      phase: PHASES.rename,
      // Every partition of the parent that moves is detached before any is attached again: one may take another's old range.
      requires: [tkey, keys.table(newParent.schema, newParent.name), movedEdge(newParent.schema, newParent.name)],
      requiresRemoved: droppedSiblings,
    }),
  );
  return out;
}
