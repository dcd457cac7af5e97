export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

/** A row level security policy on a table. */
export interface Policy {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** False: RESTRICTIVE. */
  readonly permissive: boolean;
  readonly command: PolicyCommand;
  /** Role names, sorted; `PUBLIC` for everyone. */
  readonly roles: readonly string[];
  /** USING expression as PostgreSQL deparses it. */
  readonly using: string | null;
  readonly withCheck: string | null;
  readonly comment: string | null;
  /** Columns and functions the expressions use, as `keys.*` keys. */
  readonly dependsOn: readonly string[];
}
