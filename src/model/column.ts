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
  /**
   * Functions, sequences and types the default or generation expression uses, as `keys.*` keys
   * (from `pg_depend`); left out when none.
   */
  readonly dependsOn?: readonly string[];
  /** Desired-state only: the column's previous name; turns drop+add into RENAME. */
  readonly renamedFrom?: string | null;
  /** Desired-state only: expression for ALTER COLUMN ... TYPE ... USING when the type changes. */
  readonly using?: string | null;
}
