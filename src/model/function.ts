import type { QualifiedName } from './names.ts';

export type ArgumentMode = 'in' | 'out' | 'inout' | 'variadic' | 'table';

export interface FunctionArgument {
  /** Null for an unnamed argument. */
  readonly name: string | null;
  /** `format_type` of the argument. */
  readonly type: string;
  readonly mode: ArgumentMode;
  /** Default expression as PostgreSQL deparses it. */
  readonly default: string | null;
}

export type Volatility = 'immutable' | 'stable' | 'volatile';
export type Parallel = 'safe' | 'restricted' | 'unsafe';

/** A function or procedure (aggregates and window functions are not managed). */
export interface Routine extends QualifiedName {
  readonly kind: 'function' | 'procedure';
  /**
   * `pg_get_function_identity_arguments`, e.g. `integer, text`: with schema and name it is the
   * routine's identity (overloads are distinct routines).
   */
  readonly identityArguments: string;
  readonly arguments: readonly FunctionArgument[];
  /** `pg_get_function_result`, e.g. `trigger`, `SETOF text`, `TABLE(id integer)`; null for procedures. */
  readonly returns: string | null;
  readonly language: string;
  /** The body: `prosrc`, or for SQL-standard bodies (BEGIN ATOMIC / RETURN) their deparsed text. */
  readonly body: string;
  /** True when `body` is a SQL-standard body (written without quotes). */
  readonly sqlBody: boolean;
  readonly volatility: Volatility;
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: Parallel;
  /** Estimated execution cost (`COST`), as a decimal string. */
  readonly cost: string;
  /** Estimated rows for set-returning functions (`ROWS`), '0' otherwise. */
  readonly rows: string;
  /** `SET` options, e.g. `search_path=public, pg_temp`, sorted by name. */
  readonly config: readonly string[];
  readonly comment: string | null;
  readonly owner: string | null;
  /** Objects PostgreSQL tracks as used (argument/result types, SQL-standard body references). */
  readonly dependsOn: readonly string[];
}

/** `schema.name(identity arguments)`: how plans and keys name a routine. */
export function routineSignature(r: Pick<Routine, 'schema' | 'name' | 'identityArguments'>): string {
  return `${r.schema}.${r.name}(${r.identityArguments})`;
}
