import type { Column } from '../model/column.ts';
import type { PartitionColumn, Table } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { columnRequirements, comparableDefault, notNullSteps } from './columns.ts';
import { display, edges, step, type DiffContext, type TablePair } from './context.ts';

/**
 * A partition's own defaults and NOT NULLs on its parent's columns (`CREATE TABLE ... PARTITION
 * OF parent (priority DEFAULT 10, notes NOT NULL)`). PostgreSQL copies the parent's defaults into
 * each partition, and SET/DROP DEFAULT and SET/DROP NOT NULL on the parent reach every partition:
 * a partition's own settings are written when it is created, and written again after a change of
 * its parent's column has reached it.
 */

/** What a partition has on one column: its default and whether it is NOT NULL. */
interface Setting {
  readonly default: string | null;
  readonly notNull: boolean;
}

function settingOf(parentColumn: Pick<Column, 'default' | 'notNull'>, own: PartitionColumn | undefined): Setting {
  return {
    default: own?.default !== undefined ? own.default : parentColumn.default,
    notNull: parentColumn.notNull || own?.notNull === true,
  };
}

const ownOf = (t: Table, column: string) => t.partitionColumns?.find((c) => c.name === column);

/** The column clauses of `CREATE TABLE ... PARTITION OF parent (...)`: the partition's own settings. */
export function partitionColumnClauses(t: Table): string[] {
  return (t.partitionColumns ?? []).map((c) => {
    const parts = [ident(c.name)];
    if (c.default !== undefined) parts.push(`DEFAULT ${c.default ?? 'NULL'}`);
    if (c.notNull) parts.push('NOT NULL');
    return parts.join(' ');
  });
}

/**
 * What the CREATE of a new partition waits for: the parent's columns it sets, and any change of
 * their default or NOT NULL on the parent (which would reach the new partition and undo its own).
 */
export function partitionColumnOrder(ctx: DiffContext, t: Table): { requires: string[]; requiresRemoved: string[] } {
  const p = t.partitionOf;
  if (!p || !t.partitionColumns || t.partitionColumns.length === 0) return { requires: [], requiresRemoved: [] };
  const parent = ctx.to.tables.find((x) => x.schema === p.schema && x.name === p.table);
  return {
    requires: t.partitionColumns.flatMap((c) => {
      const column = parent?.columns.find((x) => x.name === c.name);
      return [keys.column(p.schema, p.table, c.name), ...(column && c.default !== undefined ? columnRequirements(ctx, { ...column, default: c.default }) : [])];
    }),
    requiresRemoved: t.partitionColumns.flatMap((c) => [edges.default(p.schema, p.table, c.name), edges.notNull(p.schema, p.table, c.name)]),
  };
}

/**
 * The steps that bring an existing partition's own settings to the declared ones: each column is
 * compared as it will be once the parent's steps have reached it (a changed default or NOT NULL of
 * the parent replaces the partition's), and set after them.
 */
export function diffPartitionColumns(ctx: DiffContext, pair: TablePair): Step[] {
  const { from, to } = pair;
  const fromOf = from.partitionOf;
  const toOf = to.partitionOf;
  if (!fromOf || !toOf) return [];
  const parentPair = ctx.pairOfTo(toOf.schema, toOf.table);
  if (!parentPair) return [];
  const sameParent = parentPair.from.schema === fromOf.schema && parentPair.from.name === fromOf.table;
  const oldParent = sameParent ? parentPair.from : ctx.from.tables.find((x) => x.schema === fromOf.schema && x.name === fromOf.table);
  if (!oldParent) return [];
  const out: Step[] = [];
  for (const column of parentPair.to.columns) {
    if (column.identity !== null || column.generated !== null) continue;
    const wanted = settingOf(column, ownOf(to, column.name));
    const paired = sameParent ? parentPair.columns.find((c) => c.to.name === column.name) : undefined;
    const oldName = paired?.from.name ?? column.name;
    const oldColumn = paired?.from ?? oldParent.columns.find((c) => c.name === column.name);
    // A column new to the parent reaches the partition as the parent declares it.
    if (!oldColumn) continue;
    const live = settingOf(oldColumn, ownOf(from, oldName));
    const parentDefaultChanges = paired !== undefined
      && (comparableDefault(ctx, parentPair, paired.from.default) !== column.default || (paired.from.type !== column.type && paired.from.default !== null));
    const parentNotNullChanges = paired !== undefined && paired.from.notNull !== column.notNull;
    const after: Setting = {
      default: parentDefaultChanges ? column.default : live.default,
      notNull: parentNotNullChanges ? column.notNull : live.notNull,
    };
    const order = {
      requires: [keys.column(toOf.schema, toOf.table, column.name), keys.table(to.schema, to.name)],
      requiresRemoved: [edges.default(toOf.schema, toOf.table, column.name), edges.notNull(toOf.schema, toOf.table, column.name)],
    };
    if (after.default !== wanted.default) {
      const col = `${qname(to)} ALTER COLUMN ${ident(column.name)}`;
      out.push(
        step({
          kind: 'column',
          object: display(to.schema, to.name, column.name),
          operation: 'alter',
          sql: wanted.default === null ? `ALTER TABLE ${col} DROP DEFAULT` : `ALTER TABLE ${col} SET DEFAULT ${wanted.default}`,
          reason: ownOf(to, column.name)?.default !== undefined ? `the partition's own default of ${column.name}` : `the partition takes the default of ${display(toOf.schema, toOf.table, column.name)}`,
          phase: PHASES.alterColumn,
          requires: [...order.requires, ...(wanted.default === null ? [] : columnRequirements(ctx, { ...column, default: wanted.default }))],
          requiresRemoved: order.requiresRemoved,
          removes: [edges.default(to.schema, to.name, column.name)],
        }),
      );
    }
    if (after.notNull !== wanted.notNull) {
      out.push(...notNullSteps(ctx, to, { name: column.name, notNull: wanted.notNull }).map((s) => ({
        ...s,
        requires: [...(s.requires ?? []), ...order.requires],
        requiresRemoved: [...(s.requiresRemoved ?? []), ...order.requiresRemoved],
      })));
    }
  }
  return out;
}
