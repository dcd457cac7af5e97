import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import type { Column } from '../model/column.ts';
import type { Volatility } from '../model/function.ts';
import { PGFORM_VERSION } from '../version.ts';
import { diffModels } from '../diff/index.ts';
import { orderSteps } from './order.ts';
import type { Plan, PlanSettings } from './plan.ts';
import { DEFAULT_SETTINGS } from './plan.ts';
import { planTransactions } from './transactions.ts';
import { withEmptyTableLocks } from './empty-tables.ts';

export interface MakePlanArgs {
  readonly from: DatabaseModel;
  readonly to: DatabaseModel;
  readonly sourceFingerprint: string;
  readonly targetFingerprint: string;
  readonly settings?: PlanSettings;
  /** Non-blocking forms of changes to existing tables (default true). */
  readonly online?: boolean;
  /** DETACH PARTITION ... CONCURRENTLY is available (PostgreSQL 14+; default: as `online`). */
  readonly detachConcurrently?: boolean;
  readonly managedSchemas?: readonly string[];
  /** pg_proc volatility of functions the desired defaults call (`readCalledVolatility`). */
  readonly catalogVolatility?: ReadonlyMap<string, Volatility>;
}

/** Diff, order, and wrap: the plan from `from` to `to`. */
export function makePlan(args: MakePlanArgs): Plan {
  const steps = withEmptyTableLocks(orderSteps(
    diffModels(args.from, args.to, {
      online: args.online ?? true,
      catalogVolatility: args.catalogVolatility,
      detachConcurrently: (args.online ?? true) && (args.detachConcurrently ?? true),
    }),
  ));
  const { mode = 'online', ...settings } = args.settings ?? DEFAULT_SETTINGS;
  return {
    pgformVersion: PGFORM_VERSION,
    sourceFingerprint: args.sourceFingerprint,
    targetFingerprint: args.targetFingerprint,
    settings,
    steps,
    mode,
    transactions: planTransactions(steps, mode),
    notes: [],
    ...(args.managedSchemas ? { managedSchemas: [...args.managedSchemas] } : {}),
  };
}

function withoutAnnotations(m: DatabaseModel): DatabaseModel {
  return {
    ...m,
    tables: m.tables.map(({ renamedFrom: _r, ...t }) => ({
      ...t,
      columns: t.columns.map(({ renamedFrom: _c, using: _u, reverseUsing: _r, backfill: _b, irreversible: _i, ...c }) => c),
    })),
  };
}

/**
 * `from` annotated as the desired state of the way back from `to`: a table or column that `to`
 * renames gets `renamedFrom` = its name in `to`, so the rollback renames it back instead of
 * dropping and creating it. A type change's `reverse_using` becomes the way back's `using`; a type
 * change with `using` but no `reverse_using` is marked irreversible; a `reverse_backfill` runs on
 * the way back.
 */
export function reverseModelAnnotations(from: DatabaseModel, to: DatabaseModel): DatabaseModel {
  const fromTables = new Map(from.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const toTables = new Map(to.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  /** `from` table key -> the `to` table it becomes. */
  const becomes = new Map<string, { table: Table; renamed: boolean }>();
  for (const t of to.tables) {
    if (fromTables.has(`${t.schema}.${t.name}`)) becomes.set(`${t.schema}.${t.name}`, { table: t, renamed: false });
    else if (t.renamedFrom && fromTables.has(`${t.schema}.${t.renamedFrom}`) && !toTables.has(`${t.schema}.${t.renamedFrom}`)) {
      becomes.set(`${t.schema}.${t.renamedFrom}`, { table: t, renamed: true });
    }
  }
  const base = withoutAnnotations(from);
  return {
    ...base,
    tables: base.tables.map((t) => {
      const target = becomes.get(`${t.schema}.${t.name}`);
      if (!target) return t;
      const names = new Set(t.columns.map((c) => c.name));
      const targetNames = new Set(target.table.columns.map((c) => c.name));
      const columns = t.columns.map((c) => {
        const renamer = target.table.columns.find((tc) => tc.renamedFrom === c.name && !names.has(tc.name));
        const renamed = renamer && !targetNames.has(c.name) ? { ...c, renamedFrom: renamer.name } : c;
        const later = renamer && !targetNames.has(c.name) ? renamer : target.table.columns.find((tc) => tc.name === c.name);
        return later ? withReverseAnnotations(renamed, later) : renamed;
      });
      return { ...t, columns, ...(target.renamed ? { renamedFrom: target.table.name } : {}) };
    }),
  };
}

/** The annotations of the way back for column `c`, which the forward plan turns into `later`. */
function withReverseAnnotations(c: Column, later: Column): Column {
  let out = c;
  if (later.reverseUsing) out = { ...out, using: later.reverseUsing };
  else if (later.using) {
    out = {
      ...out,
      irreversible:
        `${later.name} was converted with \`using: ${later.using}\` and has no \`reverse_using\`: ` +
        'PostgreSQL\'s own cast back may fail or give other values than the rows had',
    };
  }
  if (later.backfill?.reverse) {
    out = { ...out, backfill: { value: later.backfill.reverse, where: null, batchSize: later.backfill.batchSize, reverse: null, always: true } };
  }
  return out;
}

/**
 * For a rollback plan (desired -> live): `from` is the desired state without annotations, `to` the
 * live state annotated so that renames are turned back into renames.
 */
export function reverseAnnotations(desired: DatabaseModel, live: DatabaseModel): { from: DatabaseModel; to: DatabaseModel } {
  return { from: withoutAnnotations(desired), to: reverseModelAnnotations(live, desired) };
}
