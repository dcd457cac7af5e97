import { AGGREGATE_OPTIONS, type Aggregate } from '../../model/aggregate.ts';
import { keys } from '../../model/keys.ts';
import { below, positionOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkQualified, display, qualifiedFromKey } from '../names.ts';
import { loadGrants, type GrantYaml } from './grants.ts';
import type { Kind } from './kind.ts';

type AggregateYaml = {
  readonly schema?: string;
  readonly arguments: string;
  readonly comment?: string | null;
  readonly grants?: readonly GrantYaml[];
} & Readonly<Partial<Record<(typeof AGGREGATE_OPTIONS)[number], string | number | boolean>>>;

/** `aggregates:` CREATE AGGREGATE, by name; overloads as a list under one name. */
export const aggregatesKind: Kind = {
  key: 'aggregates',
  load({ name, value, loc }, ctx) {
    const overloads: { v: AggregateYaml; at: Loc }[] = Array.isArray(value)
      ? (value as AggregateYaml[]).map((v, i) => ({ v, at: below(loc, i) }))
      : [{ v: value as AggregateYaml, at: loc }];
    for (const { v, at } of overloads) loadAggregate(ctx, name, v, at);
  },
};

function loadAggregate(ctx: LoadContext, key: string, v: AggregateYaml, loc: Loc): void {
  const qn = qualifiedFromKey(key, v.schema);
  checkQualified(ctx, qn, loc);
  const identity = v.arguments.trim();
  const what = `aggregate \`${display(qn)}(${identity})\``;
  const rkey = keys.routine(qn.schema, qn.name, identity);
  if (!ctx.declare(rkey, what, loc)) return;
  const options: Record<string, string> = {};
  for (const k of AGGREGATE_OPTIONS) {
    const x = v[k];
    if (x === undefined || x === false) continue;
    options[k] = String(x);
  }
  if (options.sfunc === undefined || options.stype === undefined) ctx.problem(loc, `${what} needs \`sfunc\` and \`stype\``);
  const a: Aggregate = { schema: qn.schema, name: qn.name, arguments: identity, identityArguments: identity, options, comment: v.comment ?? null };
  ctx.model.aggregates.push(ctx.mark(a, loc));
  ctx.sources.set(rkey, positionOf(loc));
  loadGrants(ctx, { objectKind: 'function', schema: qn.schema, name: qn.name, arguments: identity, what, columns: null }, v.grants, loc);
}
