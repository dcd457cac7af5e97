export type IdentityGeneration = 'always' | 'by default';

export interface Identity {
  readonly generation: IdentityGeneration;
  /** Options of the identity's implicit sequence, as decimal strings (canonical after normalization). */
  readonly start: string | null;
  readonly increment: string | null;
  readonly minValue: string | null;
  readonly maxValue: string | null;
  readonly cache: string | null;
  readonly cycle: boolean;
}

export type ColumnStorage = 'plain' | 'external' | 'extended' | 'main';

export interface Column {
  readonly name: string;
  /** Type as PostgreSQL formats it (`format_type`), e.g. `character varying(255)`, `text[]`. */
  readonly type: string;
  readonly notNull: boolean;
  /** Default expression as PostgreSQL deparses it; null when none. */
  readonly default: string | null;
  readonly identity: Identity | null;
  /** Expression of a `GENERATED ALWAYS AS (...) STORED` column. */
  readonly generated: string | null;
  /** Collation when it differs from the type's default, e.g. `"C"`. */
  readonly collation: string | null;
  readonly comment: string | null;
  /** SET STORAGE, left out when it is the type's own (`typstorage`). */
  readonly storage?: ColumnStorage;
  /** SET COMPRESSION, left out when the column uses the server's `default_toast_compression`. */
  readonly compression?: string;
  /**
   * Functions, sequences and types the default or generation expression uses, as `keys.*` keys
   * (from `pg_depend`); left out when none.
   */
  readonly dependsOn?: readonly string[];
  /** Desired-state only: the column's previous name; turns drop+add into RENAME. */
  readonly renamedFrom?: string | null;
  /** Desired-state only: expression for ALTER COLUMN ... TYPE ... USING when the type changes. */
  readonly using?: string | null;
  /** Desired-state only: expression that turns the new type's values back, for the down plan. */
  readonly reverseUsing?: string | null;
  /** Desired-state only (the way back): why a type change cannot be undone by PostgreSQL's cast. */
  readonly irreversible?: string;
  /** Desired-state only: values to give existing rows (see `Backfill`). */
  readonly backfill?: Backfill | null;
}

/**
 * Values written into existing rows, in batches by primary key, when the column is added or a
 * constraint on it (NOT NULL, a check, a foreign key, unique) is introduced over existing rows.
 */
export interface Backfill {
  /** SQL expression over the row, e.g. `lower(name)`. */
  readonly value: string;
  /** Rows still to fill; default: the column differs from `value`. Must stop matching once filled. */
  readonly where: string | null;
  readonly batchSize: number;
  /** Expression the down plan writes back; null: the down plan leaves the values as they are. */
  readonly reverse: string | null;
  /** Run on every plan that reaches this column, not only when it is added or constrained (down plans). */
  readonly always?: boolean;
}

export const DEFAULT_BACKFILL_BATCH_SIZE = 10_000;
