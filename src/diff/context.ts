import type { DatabaseModel } from '../model/database.ts';
import type { PartitionOf, Table } from '../model/table.ts';
import type { Column } from '../model/column.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import type { Hazard, HazardKind } from '../plan/hazard.ts';
import type { Step } from '../plan/step.ts';
import { literal } from '../sql/quote.ts';
import { sha256 } from '../model/fingerprint.ts';
import { detachedForm } from './detached-partition.ts';
import type { Replacement } from './replaced-tables.ts';
import { substituteIdentifiers, type FunctionCall, type VolatilityOf } from './sql-text.ts';
import type { Volatility } from '../model/function.ts';
import { statementLocks } from '../plan/locks.ts';

/** A table present on both sides: same name, or renamed from `from.name` to `to.name`. */
export interface TablePair {
  readonly from: Table;
  readonly to: Table;
  readonly renamed: boolean;
  /** Columns present on both sides (renamed ones included). */
  readonly columns: readonly ColumnPair[];
  /** Old identifier -> new identifier, for comparing expressions written under the old names. */
  readonly identifierRenames: ReadonlyMap<string, string>;
  /**
   * Set when the `from` table was a partition of this parent and the `to` table is an ordinary
   * one: it is detached first, and `from` is the table it is then (detached-partition.ts).
   */
  readonly detachedFrom?: PartitionOf;
}

export interface ColumnPair {
  readonly from: Column;
  readonly to: Column;
  readonly renamed: boolean;
}

/** Everything the per-kind diffs share: both states, the online flag and the matched tables. */
export interface DiffContext {
  readonly from: DatabaseModel;
  readonly to: DatabaseModel;
  readonly online: boolean;
  /**
   * The plan is online, but this table's indexes are built plainly (a partitioned table, a
   * hypertable): a changed index is still built under a temporary name before the old one goes,
   * so the table never lacks it, whatever transactions the steps end up in.
   */
  readonly plainSwaps?: boolean;
  /** DETACH PARTITION ... CONCURRENTLY is available (PostgreSQL 14+, online plans). */
  readonly detachConcurrently: boolean;
  readonly pairs: readonly TablePair[];
  /** Tables of `to` that do not exist yet. */
  readonly createdTables: readonly Table[];
  /** Tables of `from` that go away (not renamed). */
  readonly droppedTables: readonly Table[];
  /** Dropped tables that `to` creates again under the same name (replaced-tables.ts), by `schema.name`. */
  readonly replacements: ReadonlyMap<string, Replacement>;
  /** The `from` table's name once renames ran, or null when it is dropped. */
  currentTableName(schema: string, fromName: string): string | null;
  /** The `from` column's name once renames ran, or null when it (or its table) is dropped. */
  currentColumnName(schema: string, fromTable: string, fromColumn: string): string | null;
  pairOfFrom(schema: string, fromName: string): TablePair | undefined;
  pairOfTo(schema: string, toName: string): TablePair | undefined;
  /** `schema.name` of a `from` sequence -> its new name, for sequences that follow a renamed owner. */
  readonly sequenceRenames: ReadonlyMap<string, string>;
  /** Steps computed once and shared between kinds (see constraints.ts). */
  readonly memo: Map<string, unknown>;
  /** Catalog volatility of a function a default calls: the desired routines, then pg_proc facts. */
  readonly volatilityOf: VolatilityOf;
}

const VOLATILITY_RANK: Readonly<Record<Volatility, number>> = { immutable: 0, stable: 1, volatile: 2 };

/**
 * Resolves a call the way the plan's session does (search_path `public`, after pg_catalog):
 * the routines of the desired state first (they may not exist yet), then `catalog`, which maps
 * `schema.name` to the most volatile of its overloads as pg_proc has it.
 */
export function volatilityResolver(to: DatabaseModel, catalog: ReadonlyMap<string, Volatility> | undefined): VolatilityOf {
  const own = new Map<string, Volatility>();
  for (const r of to.routines) {
    const k = `${r.schema}.${r.name}`;
    const v = own.get(k);
    if (v === undefined || VOLATILITY_RANK[r.volatility] > VOLATILITY_RANK[v]) own.set(k, r.volatility);
  }
  return (call: FunctionCall) => {
    const candidates = call.schema !== null ? [`${call.schema}.${call.name}`] : [`pg_catalog.${call.name}`, `public.${call.name}`];
    for (const k of candidates) {
      const v = own.get(k) ?? catalog?.get(k);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}

function tableKey(t: QualifiedName): string {
  return `${t.schema}.${t.name}`;
}

export function makeContext(
  from: DatabaseModel,
  to: DatabaseModel,
  online: boolean,
  catalogVolatility?: ReadonlyMap<string, Volatility>,
  detachConcurrently = online,
  replaced: readonly Replacement[] = [],
): DiffContext {
  const replacements = new Map(replaced.map((r) => [tableKey(r.old), r]));
  const fromTables = new Map(from.tables.map((t) => [tableKey(t), t]));
  const toTables = new Map(to.tables.map((t) => [tableKey(t), t]));
  const pairs: TablePair[] = [];
  const usedFrom = new Set<string>();
  const createdTables: Table[] = [];
  for (const t of to.tables) {
    let source = fromTables.get(tableKey(t));
    let renamed = false;
    if (!source && t.renamedFrom) {
      const old = fromTables.get(`${t.schema}.${t.renamedFrom}`);
      if (old && !toTables.has(tableKey(old)) && !usedFrom.has(tableKey(old))) {
        source = old;
        renamed = true;
      }
    }
    if (!source || replacements.has(tableKey(t))) {
      createdTables.push(t);
      continue;
    }
    usedFrom.add(tableKey(source));
    const of = source.partitionOf ?? null;
    if (of !== null && (t.partitionOf ?? null) === null) {
      const detached = detachedForm(source, fromTables.get(`${of.schema}.${of.table}`));
      pairs.push({ ...pairTables(detached, t, renamed), detachedFrom: of });
    } else pairs.push(pairTables(source, t, renamed));
  }
  const droppedTables = from.tables.filter((t) => !usedFrom.has(tableKey(t)));
  const byFrom = new Map(pairs.map((p) => [tableKey(p.from), p]));
  const byTo = new Map(pairs.map((p) => [tableKey(p.to), p]));
  const currentColumnName = (schema: string, table: string, column: string): string | null => {
    const p = byFrom.get(`${schema}.${table}`);
    if (!p) return null;
    return p.columns.find((c) => c.from.name === column)?.to.name ?? null;
  };
  return {
    detachConcurrently,
    from,
    to,
    online,
    pairs,
    createdTables,
    droppedTables,
    replacements,
    currentTableName: (schema, name) => byFrom.get(`${schema}.${name}`)?.to.name ?? null,
    currentColumnName,
    sequenceRenames: followingSequences(from, to, currentColumnName, (schema, name) => byFrom.get(`${schema}.${name}`)?.to.name ?? null),
    pairOfFrom: (schema, name) => byFrom.get(`${schema}.${name}`),
    pairOfTo: (schema, name) => byTo.get(`${schema}.${name}`),
    memo: new Map(),
    volatilityOf: volatilityResolver(to, catalogVolatility),
  };
}

/**
 * A sequence owned by a renamed table or column follows it: when `to` has, under another name, a
 * sequence owned by the same (renamed) column and `from` has no sequence of that name, it is a rename.
 */
function followingSequences(
  from: DatabaseModel,
  to: DatabaseModel,
  currentColumn: (schema: string, table: string, column: string) => string | null,
  currentTable: (schema: string, table: string) => string | null,
): Map<string, string> {
  const out = new Map<string, string>();
  const fromNames = new Set(from.sequences.map((s) => `${s.schema}.${s.name}`));
  const toNames = new Set(to.sequences.map((s) => `${s.schema}.${s.name}`));
  const taken = new Set<string>();
  for (const s of from.sequences) {
    if (toNames.has(`${s.schema}.${s.name}`) || !s.ownedBy) continue;
    const table = currentTable(s.ownedBy.schema, s.ownedBy.table);
    const column = currentColumn(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column);
    if (!table || !column) continue;
    const target = to.sequences.find(
      (t) =>
        t.schema === s.schema &&
        !fromNames.has(`${t.schema}.${t.name}`) &&
        !taken.has(t.name) &&
        t.ownedBy?.schema === s.ownedBy!.schema &&
        t.ownedBy.table === table &&
        t.ownedBy.column === column,
    );
    if (target) {
      out.set(`${s.schema}.${s.name}`, target.name);
      taken.add(target.name);
    }
  }
  return out;
}

function pairTables(from: Table, to: Table, renamed: boolean): TablePair {
  const fromCols = new Map(from.columns.map((c) => [c.name, c]));
  const toNames = new Set(to.columns.map((c) => c.name));
  const used = new Set<string>();
  const columns: ColumnPair[] = [];
  for (const c of to.columns) {
    const same = fromCols.get(c.name);
    if (same) {
      columns.push({ from: same, to: c, renamed: false });
      used.add(c.name);
      continue;
    }
    const old = c.renamedFrom ? fromCols.get(c.renamedFrom) : undefined;
    if (old && !toNames.has(old.name) && !used.has(old.name)) {
      columns.push({ from: old, to: c, renamed: true });
      used.add(old.name);
    }
  }
  const identifierRenames = new Map<string, string>();
  if (renamed) identifierRenames.set(from.name, to.name);
  for (const c of columns) if (c.renamed) identifierRenames.set(c.from.name, c.to.name);
  return { from, to, renamed, columns, identifierRenames };
}

/** A `from` expression of the pair's table as it reads under the new names. */
export function underNewNames(pair: TablePair, sql: string): string {
  return substituteIdentifiers(sql, pair.identifierRenames);
}

export function hazard(kind: HazardKind, message: string, opts: { readonly widensAccess?: boolean } = {}): Hazard {
  return opts.widensAccess ? { kind, message, widensAccess: true } : { kind, message };
}

/**
 * `breaking_change`: running code that uses `what` fails after the step. Worded by its effect,
 * with the expand/contract way of making the same change without breaking anyone.
 */
export function breakingChange(effect: string, alternative: string): Hazard {
  return hazard('breaking_change', `${effect}; to avoid it, expand/contract: ${alternative}`);
}

export const NON_TRANSACTIONAL = hazard(
  'non_transactional',
  'runs outside a transaction; re-running the plan completes it',
);

type StepInput = Omit<Step, 'hazards' | 'transactional'> & {
  readonly hazards?: readonly Hazard[];
  readonly transactional?: boolean;
};

/** A step with defaults filled in and empty edge lists left out, so rendered JSON stays small. */
export function step(s: StepInput): Step {
  const out: Record<string, unknown> = {
    kind: s.kind,
    object: s.object,
    operation: s.operation,
    sql: s.sql,
    hazards: s.hazards ?? [],
    transactional: s.transactional ?? true,
    // Declared where the form of the statement does not show them, else read from it.
    locks: s.locks ?? statementLocks(s.sql, s.hazards ?? []),
    phase: s.phase,
  };
  if (s.reason) out.reason = s.reason;
  for (const k of ['provides', 'requires', 'removes', 'requiresRemoved', 'disrupts'] as const) {
    const v = s[k];
    if (v && v.length > 0) out[k] = [...new Set(v)];
  }
  return out as unknown as Step;
}

/** `COMMENT ON <target> IS ...` or `IS NULL`. */
export function commentSql(target: string, comment: string | null): string {
  return `COMMENT ON ${target} IS ${comment === null ? 'NULL' : literal(comment)}`;
}

export function display(...parts: string[]): string {
  return parts.join('.');
}

/**
 * A name for an object pgform creates itself: `base` when it fits PostgreSQL's 63-byte limit,
 * otherwise a prefix and a hash of it, so it stays deterministic.
 */
export function generatedName(prefix: string, base: string): string {
  const full = `${prefix}${base}`;
  if (Buffer.byteLength(full, 'utf8') <= 63) return full;
  return `${prefix}${sha256(base).slice(0, 16)}`;
}

/** Edge names beyond object keys. */
export const edges = {
  /** A column's default is in place (or, when removed, gone). */
  default: (schema: string, table: string, column: string) => `default:${keys.column(schema, table, column)}`,
  /** A column's type (removed when the column stops using its old type). */
  typeOf: (schema: string, table: string, column: string) => `type-of:${keys.column(schema, table, column)}`,
  /** A column's NOT NULL is in place. */
  notNull: (schema: string, table: string, column: string) => `not-null:${keys.column(schema, table, column)}`,
  /** A sequence's OWNED BY link (removed before the owner goes, so the sequence survives). */
  ownedBy: (schema: string, name: string) => `owned-by:${keys.sequence(schema, name)}`,
  /** An enum label is in place. */
  enumLabel: (schema: string, name: string, label: string) => `enum-label:${keys.enum(schema, name)}:${label}`,
  /** Generic chaining of multi-step changes. */
  chain: (id: string) => `chain:${id}`,
} as const;
