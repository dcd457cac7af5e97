import { keys } from '../../model/keys.ts';
import type { ArgumentMode, FunctionArgument, Parallel, Routine, Volatility } from '../../model/function.ts';
import { below, positionOf, shortPosition } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, checkQualified, display, qualifiedFromKey } from '../names.ts';
import { loadGrants } from './grants.ts';
import type { GrantYaml } from './grants.ts';
import type { Kind } from './kind.ts';

type Scalar = string | number | boolean;

interface ArgumentYaml {
  readonly name?: string;
  readonly type: string;
  readonly mode?: 'in' | 'out' | 'inout' | 'variadic';
  readonly default?: Scalar;
}

/** A list (items: a type, or `{ name, type, mode, default }`) or a mapping name -> type or `{ type, mode, default }`. */
type ArgumentsYaml = readonly (string | ArgumentYaml)[] | Readonly<Record<string, string | Omit<ArgumentYaml, 'name'>>>;

interface RoutineYaml {
  readonly schema?: string;
  readonly arguments?: ArgumentsYaml;
  readonly returns?: string;
  readonly language?: string;
  readonly body: string;
  readonly volatility?: Volatility;
  readonly strict?: boolean;
  readonly security_definer?: boolean;
  readonly leakproof?: boolean;
  readonly parallel?: Parallel;
  readonly cost?: number | string;
  readonly rows?: number | string;
  readonly set?: Readonly<Record<string, Scalar>>;
  readonly comment?: string | null;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
}

export const DEFAULT_LANGUAGE = 'sql';

/** PostgreSQL's COST default: 1 for C and internal functions, 100 for the others. */
export function defaultCost(language: string): string {
  return ['c', 'internal'].includes(language.toLowerCase()) ? '1' : '100';
}

/** `SETOF x` and `TABLE(...)` return sets. */
export function returnsSet(returns: string | null): boolean {
  return returns !== null && /^\s*(SETOF\s|TABLE\s*\()/i.test(returns);
}

/** PostgreSQL's ROWS default: 1000 for set-returning functions, 0 otherwise. */
export function defaultRows(returns: string | null): string {
  return returnsSet(returns) ? '1000' : '0';
}

/** A SQL-standard body (`BEGIN ATOMIC ... END`, `RETURN expr`), written without quotes in SQL. */
export function isSqlStandardBody(language: string, body: string): boolean {
  return language.toLowerCase() === 'sql' && /^\s*(BEGIN\s+ATOMIC\b|RETURN\b)/i.test(body);
}

/**
 * Identity arguments as `pg_get_function_identity_arguments` prints them, from the arguments as
 * written: every argument but TABLE columns, with its mode (IN is spelled out for procedures)
 * and name. Normalization replaces it with PostgreSQL's own text.
 */
export function identityArguments(kind: Routine['kind'], args: readonly FunctionArgument[]): string {
  return args
    .filter((a) => a.mode !== 'table')
    .map((a) => {
      const mode = a.mode === 'in' ? (kind === 'procedure' ? 'IN ' : '') : `${a.mode.toUpperCase()} `;
      return `${mode}${a.name === null ? '' : `${a.name} `}${a.type}`;
    })
    .join(', ');
}

/** Common spellings of a type, for telling whether two declarations have the same signature. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  int: 'integer', int4: 'integer', int8: 'bigint', int2: 'smallint', bool: 'boolean', float8: 'double precision',
  float4: 'real', float: 'double precision', varchar: 'character varying', char: 'character', decimal: 'numeric',
  timestamptz: 'timestamp with time zone', timestamp: 'timestamp without time zone', timetz: 'time with time zone',
  time: 'time without time zone', 'character varying': 'character varying',
};

function typeSpelling(type: string): string {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*\(\s*.*\)\s*(?=(\[\])*$)/, '');
  const base = t.replace(/(\[\])+$/, '');
  return (TYPE_ALIASES[base] ?? base) + t.slice(base.length);
}

/**
 * What makes two routines the same to PostgreSQL: schema, name and input argument types (for
 * procedures OUT arguments count too). Type modifiers do not count.
 */
function signatureOf(schema: string, name: string, kind: Routine['kind'], args: readonly FunctionArgument[]): string {
  const inputs = args.filter((a) => a.mode === 'in' || a.mode === 'inout' || a.mode === 'variadic' || (kind === 'procedure' && a.mode === 'out'));
  return `${schema}\u0000${name}\u0000${inputs.map((a) => typeSpelling(a.type)).join(',')}`;
}

const signatures = new WeakMap<LoadContext, Map<string, Loc>>();

function loadArguments(ctx: LoadContext, value: ArgumentsYaml | undefined, loc: Loc): FunctionArgument[] {
  if (value === undefined) return [];
  const entries: { at: Loc; a: ArgumentYaml }[] = Array.isArray(value)
    ? (value as readonly (string | ArgumentYaml)[]).map((a, i) => ({ at: below(loc, 'arguments', i), a: typeof a === 'string' ? { type: a } : a }))
    : Object.entries(value as Record<string, string | Omit<ArgumentYaml, 'name'>>).map(([name, a]) => ({
        at: below(loc, 'arguments', name),
        a: typeof a === 'string' ? { name, type: a } : { ...a, name },
      }));
  const seen = new Set<string>();
  let defaults = false;
  return entries.map(({ at, a }) => {
    const mode: ArgumentMode = a.mode ?? 'in';
    if (a.name !== undefined) {
      checkIdentifier(ctx, a.name, at);
      if (seen.has(a.name)) ctx.problem(at, `argument \`${a.name}\` is listed twice`);
      seen.add(a.name);
    }
    if (a.default !== undefined && mode === 'out') ctx.problem(below(at, 'default'), 'an OUT argument cannot have a default');
    if (mode !== 'out') {
      if (a.default !== undefined) defaults = true;
      else if (defaults) ctx.problem(at, 'arguments after one with a default must have defaults too');
    }
    const arg: FunctionArgument = { name: a.name ?? null, type: a.type, mode, default: a.default === undefined ? null : String(a.default) };
    return arg;
  });
}

function routinesKind(kind: Routine['kind']): Kind {
  const key = kind === 'function' ? 'functions' : 'procedures';
  return {
    key,
    load({ name, value, loc }, ctx) {
      const overloads: { v: RoutineYaml; at: Loc }[] = Array.isArray(value)
        ? (value as RoutineYaml[]).map((v, i) => ({ v, at: below(loc, i) }))
        : [{ v: value as RoutineYaml, at: loc }];
      for (const { v, at } of overloads) loadRoutine(ctx, kind, name, v, at);
    },
  };
}

function loadRoutine(ctx: LoadContext, kind: Routine['kind'], key: string, v: RoutineYaml, loc: Loc): void {
  const qn = qualifiedFromKey(key, v.schema);
  checkQualified(ctx, qn, loc);
  const args = loadArguments(ctx, v.arguments, loc);
  const language = v.language ?? DEFAULT_LANGUAGE;
  const returns = kind === 'procedure' ? null : (v.returns ?? null);
  if (kind === 'function' && returns === null && !args.some((a) => a.mode === 'out' || a.mode === 'inout')) {
    ctx.problem(loc, 'a function needs `returns` (or OUT arguments)');
  }
  const what = `${kind} \`${display(qn)}\``;
  const sig = signatureOf(qn.schema, qn.name, kind, args);
  const seen = signatures.get(ctx) ?? new Map<string, Loc>();
  signatures.set(ctx, seen);
  const earlier = seen.get(sig);
  if (earlier !== undefined) {
    ctx.problem(loc, `${what} with these argument types is already declared at ${shortPosition(earlier)} (overloads must differ in their input argument types)`);
    return;
  }
  seen.set(sig, loc);
  const config = Object.entries(v.set ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${String(value)}`);
  const identity = identityArguments(kind, args);
  const routine: Routine = {
    schema: qn.schema,
    name: qn.name,
    kind,
    identityArguments: identity,
    arguments: args,
    returns,
    language,
    body: v.body,
    sqlBody: isSqlStandardBody(language, v.body),
    volatility: v.volatility ?? 'volatile',
    strict: v.strict ?? false,
    securityDefiner: v.security_definer ?? false,
    leakproof: v.leakproof ?? false,
    parallel: v.parallel ?? 'unsafe',
    cost: v.cost === undefined ? defaultCost(language) : String(v.cost),
    rows: v.rows === undefined ? defaultRows(returns) : String(v.rows),
    config,
    comment: v.comment ?? null,
    owner: v.owner ?? null,
    dependsOn: [],
  };
  if (v.rows !== undefined && !returnsSet(returns)) ctx.problem(below(loc, 'rows'), '`rows` is for set-returning functions (`returns: SETOF ...` or `TABLE(...)`)');
  ctx.sources.set(keys.routine(qn.schema, qn.name, identity), positionOf(loc));
  ctx.model.routines.push(ctx.mark(routine, loc));
  loadGrants(ctx, { objectKind: 'function', schema: qn.schema, name: qn.name, arguments: identity, what, columns: null }, v.grants, loc);
}

export const functionsKind: Kind = routinesKind('function');
export const proceduresKind: Kind = routinesKind('procedure');
