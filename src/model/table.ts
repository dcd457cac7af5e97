import type { QualifiedName } from './names.ts';
import type { Column } from './column.ts';
import type { Constraint } from './constraint.ts';
import type { Index } from './index.ts';

export interface Table extends QualifiedName {
  /** In column order (attnum). */
  readonly columns: readonly Column[];
  /** Sorted by name. */
  readonly constraints: readonly Constraint[];
  /** Sorted by name; constraint-backing indexes are not listed here. */
  readonly indexes: readonly Index[];
  readonly comment: string | null;
  /** ALTER TABLE ... ENABLE ROW LEVEL SECURITY. */
  readonly rowSecurity: boolean;
  /** ALTER TABLE ... FORCE ROW LEVEL SECURITY (the owner is subject to the policies too). */
  readonly forceRowSecurity: boolean;
  /** Managed only when the YAML names one (null: left as it is). */
  readonly owner: string | null;
  /** Desired-state only: previous name in the same schema; turns drop+create into RENAME. */
  readonly renamedFrom?: string | null;
  /**
   * INHERITS (...): the parents, in order; left out when none. The table's `columns` and check
   * constraints are its own; those it inherits are the parents'.
   */
  readonly inherits?: readonly { readonly schema: string; readonly table: string }[];
  /** CREATE UNLOGGED TABLE (relpersistence 'u'); left out for logged tables. */
  readonly unlogged?: boolean;
  /**
   * Storage parameters (`fillfactor`, `autovacuum_*`, and the TOAST table's as `toast.*`), values
   * as PostgreSQL keeps them in reloptions; left out when none are set.
   */
  readonly with?: Readonly<Record<string, string>>;
  /** A partitioned table (relkind 'p'); left out for ordinary tables. */
  readonly partitionBy?: PartitionBy | null;
  /**
   * A partition of another table. Its columns, and the constraints, indexes and triggers it has
   * because its parent has them, are not listed here: only what is its own.
   */
  readonly partitionOf?: PartitionOf | null;
  /**
   * A partition's own settings of its parent's columns, sorted by name (`CREATE TABLE ... PARTITION
   * OF parent (priority DEFAULT 10, notes NOT NULL)`); left out when it has none.
   */
  readonly partitionColumns?: readonly PartitionColumn[];
  /** Desired-state only: the rolling rule that generated this partitioned table's partitions. */
  readonly partitionRule?: PartitionRule | null;
  /**
   * Desired-state only: consent to turn the existing ordinary table of this name into this
   * partitioned one (a new table, rows copied in batches, names swapped; see src/diff/conversions.ts).
   */
  readonly convertToPartitioned?: { readonly batchSize: number } | null;
}

export interface PartitionBy {
  readonly strategy: 'range' | 'list' | 'hash';
  /** The key list inside the parentheses of `pg_get_partkeydef`, e.g. `created_at` or `region, lower(name)`. */
  readonly key: string;
}

export interface PartitionOf {
  readonly schema: string;
  readonly table: string;
  /** `pg_get_expr(relpartbound)`: `FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`, `FOR VALUES IN (...)`, `DEFAULT`. */
  readonly bound: string;
}

/** What a partition sets on a column of its parent for itself. */
export interface PartitionColumn {
  readonly name: string;
  /** The partition's default where it is not the parent's (null: none); left out: the parent's. */
  readonly default?: string | null;
  /** NOT NULL on the partition while the parent's column allows NULL; left out otherwise. */
  readonly notNull?: boolean;
}

/**
 * A rolling partition rule of a partitioned table (desired state only): partitions for the period
 * of `today` and `premake` periods after it; live ones back to `retain` periods before it are kept.
 */
export interface PartitionRule {
  readonly period: 'daily' | 'monthly' | 'yearly';
  readonly premake: number;
  /** Periods before the current one whose partitions are kept; null keeps every one. */
  readonly retain: number | null;
  /** The date the rule was evaluated for (`YYYY-MM-DD`, UTC). */
  readonly today: string;
}
