import type { QualifiedName } from './names.ts';
import type { Index } from './index.ts';

/** An output column of a view or materialized view. */
export interface ViewColumn {
  readonly name: string;
  /** `format_type` of the column; CREATE OR REPLACE VIEW needs existing columns unchanged. */
  readonly type: string;
  /** COMMENT ON COLUMN. */
  readonly comment: string | null;
}

/**
 * Desired-state only: comments of output columns the raw state does not list (`columns` left
 * out), by column name; normalization reads them back onto `columns`.
 */
export type ColumnComments = Readonly<Record<string, string>>;

export type CheckOption = 'local' | 'cascaded';

export interface View extends QualifiedName {
  /** Output columns in order. */
  readonly columns: readonly ViewColumn[];
  /** The query as `pg_get_viewdef` prints it (no trailing semicolon). */
  readonly definition: string;
  readonly securityBarrier: boolean;
  readonly securityInvoker: boolean;
  readonly checkOption: CheckOption | null;
  readonly comment: string | null;
  /** Managed only when the YAML names one (null: left as it is). */
  readonly owner: string | null;
  /**
   * Objects the view uses, as `keys.*` keys (columns, tables, views, functions, types), read from
   * `pg_depend` through the view's rewrite rule. Empty in the raw desired state.
   */
  readonly dependsOn: readonly string[];
  /** Desired-state only: created with CREATE RECURSIVE VIEW (the query refers to the view by name). */
  readonly recursive?: boolean;
  readonly columnComments?: ColumnComments;
}

export interface MaterializedView extends QualifiedName {
  readonly columns: readonly ViewColumn[];
  readonly definition: string;
  /** Indexes on the materialized view, like a table's. */
  readonly indexes: readonly Index[];
  readonly comment: string | null;
  readonly owner: string | null;
  readonly dependsOn: readonly string[];
  /** Desired-state only: created `WITH NO DATA` (not populated until the first REFRESH). */
  readonly withNoData?: boolean;
  /** Storage parameters, as a table's (`fillfactor`, `autovacuum_*`, `toast.*`); left out when none. */
  readonly with?: Readonly<Record<string, string>>;
  readonly columnComments?: ColumnComments;
}
