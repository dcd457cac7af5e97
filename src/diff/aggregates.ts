import { AGGREGATE_FUNCTION_OPTIONS, AGGREGATE_OPTIONS, type Aggregate } from '../model/aggregate.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { literal, qname } from '../sql/quote.ts';
import { commentSql, display, step, type DiffContext } from './context.ts';
import { userTypeKeys } from './type-users.ts';

const FLAGS = new Set(['finalfunc_extra', 'mfinalfunc_extra', 'hypothetical']);
const TEXT_VALUES = new Set(['initcond', 'minitcond']);
const KEYWORDS = new Set(['finalfunc_modify', 'mfinalfunc_modify', 'parallel']);

/** `name(*)` for an aggregate without arguments. */
const signature = (a: Aggregate, args: string) => `${qname(a)}(${args.trim() === '' ? '*' : args})`;
const akey = (a: Aggregate) => keys.routine(a.schema, a.name, a.identityArguments);

/** The options in CREATE AGGREGATE's syntax, in a fixed order. */
function optionsSql(a: Aggregate): string {
  const parts: string[] = [];
  for (const k of AGGREGATE_OPTIONS) {
    const v = a.options[k];
    if (v === undefined) continue;
    const name = k.toUpperCase();
    if (FLAGS.has(k)) parts.push(name);
    else if (TEXT_VALUES.has(k)) parts.push(`${name} = ${literal(v)}`);
    else if (KEYWORDS.has(k)) parts.push(`${name} = ${v.toUpperCase()}`);
    else parts.push(`${name} = ${v}`);
  }
  return parts.join(', ');
}

/** `public.num_add` / `num_add` -> [schema or null, name], quotes removed. */
function functionName(text: string): [string | null, string] {
  const parts = [...text.matchAll(/"((?:[^"]|"")*)"|([^".\s]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
  return parts.length > 1 ? [parts[parts.length - 2]!, parts[parts.length - 1]!] : [null, parts[0] ?? ''];
}

/** Functions (of `m`) and types the aggregate's options and arguments name. */
function requirements(m: DatabaseModel, a: Aggregate): string[] {
  const out: string[] = [keys.schema(a.schema)];
  for (const [k, v] of Object.entries(a.options)) {
    if (AGGREGATE_FUNCTION_OPTIONS.has(k)) {
      const [schema, name] = functionName(v);
      for (const r of m.routines) {
        if (r.name === name && (schema === null ? r.schema === 'public' || r.schema === a.schema : r.schema === schema)) out.push(keys.routine(r.schema, r.name, r.identityArguments));
      }
    }
    if (k === 'stype' || k === 'mstype') out.push(...userTypeKeys(m, v));
  }
  for (const t of a.arguments.split(/,|\bORDER BY\b/i)) out.push(...userTypeKeys(m, t.trim()));
  return [...new Set(out)];
}

function commentStep(a: Aggregate, comment: string | null): Step {
  return step({
    kind: 'aggregate',
    object: display(a.schema, a.name),
    operation: 'comment',
    sql: commentSql(`AGGREGATE ${signature(a, a.identityArguments)}`, comment),
    phase: PHASES.comment,
    requires: [akey(a)],
  });
}

/**
 * CREATE AGGREGATE; a changed one is CREATE OR REPLACE (what uses it stays); DROP AGGREGATE
 * before the functions it calls are dropped.
 */
export function diffAggregates(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const id = (a: Aggregate) => `${a.schema}.${a.name}(${a.identityArguments})`;
  const from = new Map((ctx.from.aggregates ?? []).map((a) => [id(a), a]));
  const to = new Map((ctx.to.aggregates ?? []).map((a) => [id(a), a]));
  const kept = new Set(ctx.to.routines.map((r) => keys.routine(r.schema, r.name, r.identityArguments)));
  const routineKeys = new Set(ctx.from.routines.map((r) => keys.routine(r.schema, r.name, r.identityArguments)));
  // OR REPLACE runs after functions are dropped: an aggregate that calls one that goes is dropped first.
  const callsDropped = (a: Aggregate) => requirements(ctx.from, a).some((k) => routineKeys.has(k) && !kept.has(k));
  for (const [k, a] of to) {
    let was = from.get(k);
    if (was !== undefined && optionsSql(was) !== optionsSql(a) && callsDropped(was)) {
      out.push(dropStep(was, 'it calls a function this plan drops: dropped first and created again'));
      was = undefined;
    }
    const sql = `${signature(a, a.arguments)} (${optionsSql(a)})`;
    if (was === undefined || optionsSql(was) !== optionsSql(a)) {
      out.push(
        step({
          kind: 'aggregate',
          object: display(a.schema, a.name),
          operation: was === undefined ? 'create' : 'replace',
          sql: `CREATE ${was === undefined ? '' : 'OR REPLACE '}AGGREGATE ${sql}`,
          phase: PHASES.replaceFunction,
          provides: [akey(a)],
          requires: requirements(ctx.to, a),
        }),
      );
    }
    if ((was?.comment ?? null) !== a.comment) out.push(commentStep(a, a.comment));
  }
  for (const [k, a] of from) if (!to.has(k)) out.push(dropStep(a));
  return out;
}

function dropStep(a: Aggregate, reason?: string): Step {
  return step({
    kind: 'aggregate',
    object: display(a.schema, a.name),
    operation: 'drop',
    sql: `DROP AGGREGATE ${signature(a, a.identityArguments)}`,
    reason,
    phase: PHASES.dropView,
    removes: [akey(a)],
  });
}
