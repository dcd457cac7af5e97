import type { QualifiedName } from './names.ts';

/**
 * CREATE AGGREGATE. Its key is `keys.routine` (aggregates share pg_proc with functions), its
 * privileges are `function` grants.
 */
export interface Aggregate extends QualifiedName {
  /** The argument list as `pg_get_function_arguments` prints it (`numeric`, `text ORDER BY integer`). */
  readonly arguments: string;
  /** `pg_get_function_identity_arguments`: what DROP, COMMENT and GRANT name it by. */
  readonly identityArguments: string;
  /**
   * CREATE AGGREGATE options by their lower-case names (`sfunc`, `stype`, `initcond`, ...), each
   * as SQL text except `initcond`/`minitcond` (the value) and flags (`true`); defaults left out.
   */
  readonly options: Readonly<Record<string, string>>;
  readonly comment: string | null;
}

/** The options CREATE AGGREGATE takes, in the order they are written. */
export const AGGREGATE_OPTIONS = [
  'sfunc',
  'stype',
  'sspace',
  'finalfunc',
  'finalfunc_extra',
  'finalfunc_modify',
  'combinefunc',
  'serialfunc',
  'deserialfunc',
  'initcond',
  'msfunc',
  'minvfunc',
  'mstype',
  'msspace',
  'mfinalfunc',
  'mfinalfunc_extra',
  'mfinalfunc_modify',
  'minitcond',
  'sortop',
  'parallel',
  'hypothetical',
] as const;

/** Options holding function names. */
export const AGGREGATE_FUNCTION_OPTIONS: ReadonlySet<string> = new Set(['sfunc', 'finalfunc', 'combinefunc', 'serialfunc', 'deserialfunc', 'msfunc', 'minvfunc', 'mfinalfunc']);
