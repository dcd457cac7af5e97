import { routineSignature, type FunctionArgument, type Routine } from '../model/function.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import type { Hazard } from '../plan/hazard.ts';
import { dollarTag, ident, literal, qname } from '../sql/quote.ts';
import { breakingChange, commentSql, hazard, step, type DiffContext } from './context.ts';
import { identifierOf, tokenize } from './sql-text.ts';
import { grantStepsForNewObject } from './grants.ts';
import { ownerStep } from './owners.ts';
import { after, mentionedKeys } from './views.ts';
import { rowTypeKeys } from './type-users.ts';

export function routineKey(r: Pick<Routine, 'schema' | 'name' | 'identityArguments'>): string {
  return keys.routine(r.schema, r.name, r.identityArguments);
}

/** `FUNCTION "s"."f"(integer, text)`: how DROP, COMMENT and ALTER name a routine. */
export function routineTarget(r: Routine): string {
  return `${r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qname(r)}(${r.identityArguments})`;
}

function argumentSql(a: FunctionArgument): string {
  const parts: string[] = [];
  if (a.mode !== 'in') parts.push(a.mode.toUpperCase());
  if (a.name !== null && a.name !== '') parts.push(ident(a.name));
  parts.push(a.type);
  if (a.default !== null) parts.push(`DEFAULT ${a.default}`);
  return parts.join(' ');
}

export { dollarTag };

/** Settings whose value is a list of names, written as a list of string literals (as pg_dump does). */
const LIST_SETTINGS = new Set(['search_path', 'temp_tablespaces', 'session_preload_libraries', 'local_preload_libraries', 'shared_preload_libraries']);

/** `SET name TO value` for one `proconfig` entry (`name=value`). */
export function settingSql(entry: string): string {
  const eq = entry.indexOf('=');
  const name = entry.slice(0, eq);
  const value = entry.slice(eq + 1);
  const quoted = name.split('.').map(ident).join('.');
  if (!LIST_SETTINGS.has(name.toLowerCase())) return `SET ${quoted} TO ${literal(value)}`;
  const items = splitNameList(value);
  return `SET ${quoted} TO ${items.length > 0 ? items.map(literal).join(', ') : "''"}`;
}

/** `"$user", public` -> [`$user`, `public`]: a list of possibly double-quoted names. */
function splitNameList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let pending = false;
  for (const t of tokenize(value)) {
    if (t.kind === 'other' && t.text === ',') {
      out.push(current);
      current = '';
      pending = false;
    } else if (t.kind !== 'space') {
      current += t.kind === 'quoted' || t.kind === 'word' ? (t.kind === 'quoted' ? identifierOf(t)! : t.text) : t.text;
      pending = true;
    }
  }
  if (pending) out.push(current);
  return out;
}

function returnsSet(r: Routine): boolean {
  return r.returns !== null && /^\s*(SETOF\b|TABLE\s*\()/i.test(r.returns);
}

/** The full CREATE [OR REPLACE] FUNCTION/PROCEDURE statement of a routine. */
export function createRoutineSql(r: Routine, orReplace: boolean): string {
  const args = r.arguments.filter((a) => a.mode !== 'table').map(argumentSql).join(', ');
  const lines = [`CREATE${orReplace ? ' OR REPLACE' : ''} ${r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qname(r)}(${args})`];
  if (r.kind === 'function' && r.returns !== null) lines.push(`RETURNS ${r.returns}`);
  lines.push(`LANGUAGE ${ident(r.language)}`);
  if (r.kind === 'function') {
    lines.push(r.volatility.toUpperCase());
    if (r.strict) lines.push('STRICT');
  }
  if (r.securityDefiner) lines.push('SECURITY DEFINER');
  if (r.kind === 'function') {
    if (r.leakproof) lines.push('LEAKPROOF');
    lines.push(`PARALLEL ${r.parallel.toUpperCase()}`);
    lines.push(`COST ${r.cost}`);
    if (returnsSet(r) && r.rows !== '0') lines.push(`ROWS ${r.rows}`);
  }
  for (const c of r.config) lines.push(settingSql(c));
  if (r.sqlBody) lines.push(r.body.trim().replace(/;\s*$/, ''));
  else {
    const tag = dollarTag(r.body);
    lines.push(`AS ${tag}${r.body}${tag}`);
  }
  return lines.join('\n');
}

function uncheckedBody(r: Routine): Hazard[] {
  if (r.sqlBody) return [];
  return [hazard('unchecked_dependency', `the body of ${routineSignature(r)} is not checked by PostgreSQL: objects it uses are not ordered or verified`)];
}

/**
 * What PostgreSQL resolves when it creates the routine: its parameter defaults and, for a
 * SQL-standard body (BEGIN ATOMIC / RETURN), the body itself; other bodies are not looked at.
 */
function resolvedAtCreation(r: Routine): string {
  const defaults = r.arguments.flatMap((a) => (a.default === null ? [] : [a.default]));
  return [...defaults, ...(r.sqlBody ? [r.body] : [])].join('\n');
}

/**
 * Keys the routine needs before it is created: its `dependsOn`; in the raw desired state (no
 * `dependsOn` read yet, `to` given), the relations, sequences and routines named in what
 * PostgreSQL resolves at creation.
 */
function requirements(r: Routine, to?: DatabaseModel): string[] {
  const own = routineKey(r);
  const guessed = r.dependsOn.length === 0 && to !== undefined
    ? [
        ...mentionedKeys(to, resolvedAtCreation(r), ['table', 'sequence', 'view', 'materialized_view', 'routine']),
        // Row types of tables and views taken or returned: PostgreSQL resolves them at creation.
        ...[...r.arguments.map((a) => a.type), r.returns].flatMap((t) => rowTypeKeys(to, t)),
      ]
    : [];
  return [keys.schema(r.schema), ...[...r.dependsOn, ...guessed].filter((k) => k !== own)];
}

export function routineCommentStep(r: Routine, comment: string | null, reason?: string): Step {
  return step({
    kind: 'function',
    object: routineSignature(r),
    operation: 'comment',
    sql: commentSql(routineTarget(r), comment),
    reason,
    phase: PHASES.comment,
    requires: [routineKey(r)],
  });
}

/**
 * CREATE FUNCTION/PROCEDURE and its comment (grants and owner: see `routineAccessSteps`). `to`,
 * the desired state, lets a routine without `dependsOn` be ordered after what its SQL names.
 */
export function createRoutineSteps(r: Routine, reason?: string, to?: DatabaseModel): Step[] {
  const rkey = routineKey(r);
  const out = [
    step({
      kind: 'function',
      object: routineSignature(r),
      operation: 'create',
      sql: createRoutineSql(r, false),
      hazards: uncheckedBody(r),
      reason,
      phase: PHASES.createFunction,
      provides: [rkey],
      requires: requirements(r, to),
      requiresRemoved: [rkey],
    }),
  ];
  if (r.comment !== null) out.push(routineCommentStep(r, r.comment, reason));
  return out;
}

/** DROP FUNCTION/PROCEDURE; whatever uses it is dropped first by the dependents pass. */
export function dropRoutineStep(r: Routine, reason?: string): Step {
  const rkey = routineKey(r);
  return step({
    kind: 'function',
    object: routineSignature(r),
    operation: 'drop',
    sql: `DROP ${routineTarget(r)}`,
    reason,
    phase: PHASES.dropFunction,
    removes: [rkey],
    disrupts: [rkey],
  });
}

/** Grants and owner of a routine created anew (it starts with EXECUTE to PUBLIC and the executing role as owner). */
export function routineAccessSteps(to: DatabaseModel, r: Routine, reason?: string): Step[] {
  const grants = to.grants.filter((g) => g.objectKind === 'function' && g.schema === r.schema && g.name === r.name && g.arguments === r.identityArguments);
  const out = grantStepsForNewObject({ objectKind: 'function', schema: r.schema, name: r.name, arguments: r.identityArguments, routineKind: r.kind }, grants, reason, to.defaultPrivileges);
  if (r.owner !== null) out.push(ownerStep('function', { schema: r.schema, name: r.name, arguments: r.identityArguments }, r.owner, reason));
  return out.map((s) => after(s, routineKey(r)));
}

/**
 * Why CREATE OR REPLACE cannot turn `from` into `to` (null when it can): PostgreSQL refuses a
 * change of kind or return type, renamed or retyped parameters, changed OUT parameters and
 * removed parameter defaults.
 */
export function replaceBlocker(from: Routine, to: Routine): string | null {
  if (from.kind !== to.kind) return `it changes from a ${from.kind} to a ${to.kind}`;
  if (from.returns !== to.returns) return `its return type changes from ${from.returns} to ${to.returns}`;
  const sig = (a: FunctionArgument) => `${a.mode} ${a.name ?? ''} ${a.type}`;
  if (from.arguments.length !== to.arguments.length || from.arguments.some((a, i) => sig(a) !== sig(to.arguments[i]!))) {
    return 'its parameter names or modes change';
  }
  const defaults = (r: Routine) => r.arguments.filter((a) => a.default !== null).length;
  if (defaults(to) < defaults(from)) return 'it loses parameter defaults';
  return null;
}

function sameRoutine(a: Routine, b: Routine): boolean {
  const { comment: _ac, owner: _ao, dependsOn: _ad, ...x } = a;
  const { comment: _bc, owner: _bo, dependsOn: _bd, ...y } = b;
  return createRoutineSql(x as Routine, false) === createRoutineSql(y as Routine, false);
}

export function diffRoutines(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByKey = new Map(ctx.from.routines.map((r) => [routineKey(r), r]));
  const toKeys = new Set(ctx.to.routines.map(routineKey));
  for (const to of ctx.to.routines) {
    const rkey = routineKey(to);
    const from = fromByKey.get(rkey);
    if (!from) {
      out.push(...createRoutineSteps(to, undefined, ctx.to));
      continue;
    }
    if (!sameRoutine(from, to)) {
      const blocker = replaceBlocker(from, to);
      if (blocker === null) {
        out.push(
          step({
            kind: 'function',
            object: routineSignature(to),
            operation: 'replace',
            sql: createRoutineSql(to, true),
            hazards: uncheckedBody(to),
            phase: PHASES.replaceFunction,
            provides: [rkey],
            requires: requirements(to, ctx.to),
          }),
        );
      } else {
        const why = `${routineSignature(to)} cannot be replaced in place (${blocker}): it is dropped and created again`;
        out.push(dropRoutineStep(from, why));
        out.push(...createRoutineSteps(to, why, ctx.to));
        out.push(...routineAccessSteps(ctx.to, to, why));
        continue;
      }
    }
    if (from.comment !== to.comment) out.push(routineCommentStep(to, to.comment));
  }
  for (const from of ctx.from.routines) {
    if (toKeys.has(routineKey(from))) continue;
    const drop = dropRoutineStep(from);
    const breaks = breakingChange(
      `code that calls ${routineSignature(from)} fails after this step`,
      'create the new function next to it, move callers, then drop the old one in a later plan',
    );
    out.push({ ...drop, hazards: [...drop.hazards, breaks] });
  }
  return out;
}
