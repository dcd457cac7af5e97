export interface IndexKey {
  /** A column name (unquoted) when `isColumn`, else the deparsed expression. */
  readonly expression: string;
  readonly isColumn: boolean;
  /** Operator class when not the type's default for the access method. */
  readonly opclass: string | null;
  readonly descending: boolean;
  /** NULLS FIRST/LAST when it differs from the default for the order (LAST for ASC, FIRST for DESC). */
  readonly nullsFirst: boolean;
  readonly collation: string | null;
}

/** A standalone index (indexes that back PRIMARY KEY/UNIQUE/EXCLUDE constraints belong to the constraint). */
export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  readonly where: string | null;
  /** Storage parameters, e.g. `{ fillfactor: '70' }`. */
  readonly with: Readonly<Record<string, string>>;
  readonly nullsNotDistinct: boolean;
  /**
   * Canonical text compared between states: `pg_get_indexdef` from ` USING ` onwards, with the
   * UNIQUE flag prefixed. It leaves out the index and table names so renames do not count as changes.
   */
  readonly definition: string;
  /** False for an index left invalid by a failed CREATE INDEX CONCURRENTLY (live state only). */
  readonly valid: boolean;
  readonly comment: string | null;
  /** Functions an expression or predicate uses, as `keys.*` keys; left out when none. */
  readonly dependsOn?: readonly string[];
  /**
   * Desired-state only: on an existing hypertable, built with TimescaleDB's
   * `timescaledb.transaction_per_chunk` (one transaction per chunk instead of one for the table).
   */
  readonly transactionPerChunk?: true;
}
