import type { Connection } from '../db/connection.ts';
import type { ArgumentMode, FunctionArgument, Parallel, Routine, Volatility } from '../model/function.ts';
import { keys } from '../model/keys.ts';
import { dependsOnOf, type Dependencies } from './dependencies.ts';
import { commentOf, inScope, notExtensionMember, notInternalPart, scopeParams, type Scope } from './scope.ts';

export interface RoutineArgumentRow {
  readonly name: string | null;
  readonly type: string;
  /** proargmodes letter: i, o, b, v or t. */
  readonly mode: string;
  readonly default: string | null;
}

export interface RoutineRow {
  readonly schema: string;
  readonly name: string;
  /** prokind: f or p. */
  readonly kind: string;
  readonly identity_arguments: string;
  readonly arguments: readonly RoutineArgumentRow[] | null;
  readonly returns: string | null;
  readonly language: string;
  readonly source: string | null;
  /** Deparsed SQL-standard body; null for a body given as a string. */
  readonly sql_body: string | null;
  /** provolatile: i, s or v. */
  readonly volatility: string;
  readonly strict: boolean;
  readonly security_definer: boolean;
  readonly leakproof: boolean;
  /** proparallel: s, r or u. */
  readonly parallel: string;
  readonly cost: string;
  readonly rows: string;
  readonly config: readonly string[] | null;
  readonly comment: string | null;
  readonly owner: string;
}

/**
 * Functions and procedures (aggregates and window functions are left out). Arguments come from
 * `proallargtypes` when there are OUT/TABLE ones, else from `proargtypes`; defaults from
 * `pg_get_function_arg_default`, which numbers all arguments from 1 and is null for non-input ones.
 * SQL-standard bodies (`prosqlbody`, PostgreSQL 14+) are deparsed by `pg_get_function_sqlbody`.
 */
export function routinesSql(serverVersion: number): string {
  const sqlBody =
    serverVersion >= 140000
      ? 'CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END'
      : 'NULL::text';
  return `
SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
      'name', NULLIF(p.proargnames[k.n], ''),
      'type', pg_catalog.format_type(COALESCE(p.proallargtypes[k.n], p.proargtypes[k.n - 1]), NULL),
      'mode', COALESCE(p.proargmodes[k.n], 'i'),
      'default', pg_catalog.pg_get_function_arg_default(p.oid, k.n)) ORDER BY k.n)
    FROM pg_catalog.generate_series(1, COALESCE(pg_catalog.array_length(p.proallargtypes, 1), p.pronargs)) AS k(n)
  ) AS arguments,
  pg_catalog.pg_get_function_result(p.oid) AS returns,
  l.lanname AS language,
  p.prosrc AS source,
  ${sqlBody} AS sql_body,
  p.provolatile::text AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
  p.proleakproof AS leakproof, p.proparallel::text AS parallel,
  p.procost::text AS cost, p.prorows::text AS rows,
  pg_catalog.to_json(p.proconfig) AS config,
  ${commentOf('pg_proc', 'p.oid')} AS comment,
  pg_catalog.pg_get_userbyid(p.proowner) AS owner
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p') AND ${inScope('n')} AND ${notExtensionMember('pg_proc', 'p.oid')}
  AND ${notInternalPart('pg_proc', 'p.oid')}
ORDER BY n.nspname, p.proname, identity_arguments`;
}

const MODES: Readonly<Record<string, ArgumentMode>> = { i: 'in', o: 'out', b: 'inout', v: 'variadic', t: 'table' };
const VOLATILITIES: Readonly<Record<string, Volatility>> = { i: 'immutable', s: 'stable', v: 'volatile' };
const PARALLEL: Readonly<Record<string, Parallel>> = { s: 'safe', r: 'restricted', u: 'unsafe' };

function decode<T>(table: Readonly<Record<string, T>>, letter: string, what: string): T {
  const value = table[letter];
  if (value === undefined) throw new Error(`unknown ${what} code '${letter}'`);
  return value;
}

export function argumentFromRow(row: RoutineArgumentRow): FunctionArgument {
  return { name: row.name, type: row.type, mode: decode(MODES, row.mode, 'argument mode'), default: row.default };
}

/** `SET` options sorted by setting name (the text before the first `=`). */
export function sortedConfig(config: readonly string[] | null): string[] {
  const name = (s: string) => (s.includes('=') ? s.slice(0, s.indexOf('=')) : s);
  return [...(config ?? [])].sort((a, b) => {
    const na = name(a);
    const nb = name(b);
    return na < nb ? -1 : na > nb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

export function routineFromRow(row: RoutineRow, deps: Dependencies = new Map()): Routine {
  const sqlBody = row.sql_body !== null;
  return {
    schema: row.schema,
    name: row.name,
    kind: row.kind === 'p' ? 'procedure' : 'function',
    identityArguments: row.identity_arguments,
    arguments: (row.arguments ?? []).map(argumentFromRow),
    returns: row.kind === 'p' ? null : row.returns,
    language: row.language,
    body: sqlBody ? row.sql_body!.trim() : (row.source ?? ''),
    sqlBody,
    volatility: decode(VOLATILITIES, row.volatility, 'volatility'),
    strict: row.strict,
    securityDefiner: row.security_definer,
    leakproof: row.leakproof,
    parallel: decode(PARALLEL, row.parallel, 'parallel safety'),
    cost: row.cost,
    rows: row.rows,
    config: sortedConfig(row.config),
    comment: row.comment,
    owner: row.owner,
    dependsOn: dependsOnOf(deps, keys.routine(row.schema, row.name, row.identity_arguments)),
  };
}

export async function introspectRoutines(
  conn: Connection,
  scope: Scope,
  deps: Dependencies = new Map(),
): Promise<Routine[]> {
  const rows = await conn.queryReused<RoutineRow>(routinesSql(scope.serverVersion), scopeParams(scope));
  return rows.map((r) => routineFromRow(r, deps));
}
