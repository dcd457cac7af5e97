import type { CompositeAttribute, CompositeType } from '../model/composite-type.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { commentSql, display, hazard, step, type DiffContext } from './context.ts';
import { withDisrupts } from './columns.ts';
import { columnsUsing, userTypeKeys, usersOfType } from './type-users.ts';

function attributeDefinition(a: CompositeAttribute): string {
  return `${ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`;
}

export function createCompositeTypeSql(c: CompositeType): string {
  return `CREATE TYPE ${qname(c)} AS (${c.attributes.map(attributeDefinition).join(', ')})`;
}

function commentStep(c: CompositeType, comment: string | null): Step {
  return step({
    kind: 'composite_type',
    object: display(c.schema, c.name),
    operation: 'comment',
    sql: commentSql(`TYPE ${qname(c)}`, comment),
    phase: PHASES.comment,
    requires: [keys.compositeType(c.schema, c.name)],
  });
}

function createSteps(ctx: DiffContext, c: CompositeType, reason?: string): Step[] {
  const key = keys.compositeType(c.schema, c.name);
  const out = [
    step({
      kind: 'composite_type',
      object: display(c.schema, c.name),
      operation: 'create',
      sql: createCompositeTypeSql(c),
      reason,
      phase: PHASES.createType,
      provides: [key],
      requires: [keys.schema(c.schema), ...c.attributes.flatMap((a) => userTypeKeys(ctx.to, a.type))].filter((k) => k !== key),
      requiresRemoved: [key],
    }),
  ];
  if (c.comment !== null) out.push(commentStep(c, c.comment));
  return out;
}

function dropStep(ctx: DiffContext, c: CompositeType, reason?: string): Step {
  const key = keys.compositeType(c.schema, c.name);
  return withDisrupts(key, step({
    kind: 'composite_type',
    object: display(c.schema, c.name),
    operation: 'drop',
    sql: `DROP TYPE ${qname(c)}`,
    reason,
    phase: PHASES.dropType,
    removes: [key],
    requiresRemoved: usersOfType(ctx, c),
  }));
}

/** Whether `to` keeps `from`'s remaining attributes in their order and only appends new ones. */
function appendsOnly(from: readonly CompositeAttribute[], to: readonly CompositeAttribute[]): boolean {
  const fromNames = from.map((a) => a.name);
  const kept = to.filter((a) => fromNames.includes(a.name)).map((a) => a.name);
  const keptInFromOrder = fromNames.filter((n) => kept.includes(n));
  if (kept.join('\u0000') !== keptInFromOrder.join('\u0000')) return false;
  const firstNew = to.findIndex((a) => !fromNames.includes(a.name));
  return firstNew === -1 || to.slice(firstNew).every((a) => !fromNames.includes(a.name));
}

function alterStep(c: CompositeType, action: string, extra: Partial<Parameters<typeof step>[0]> = {}): Step {
  return step({
    kind: 'composite_type',
    object: display(c.schema, c.name),
    operation: 'alter',
    sql: `ALTER TYPE ${qname(c)} ${action}`,
    phase: PHASES.alterType,
    requires: [keys.compositeType(c.schema, c.name)],
    ...extra,
  });
}

function alterSteps(ctx: DiffContext, from: CompositeType, to: CompositeType): Step[] {
  const obj = display(to.schema, to.name);
  const out: Step[] = [];
  const toByName = new Map(to.attributes.map((a) => [a.name, a]));
  const fromByName = new Map(from.attributes.map((a) => [a.name, a]));
  const users = columnsUsing(ctx, from);
  // Drops first, so an attribute dropped and added back under the same name (not possible here)
  // or a freed position never clashes; each step chains on the one before to keep the order.
  let previous: string | null = null;
  const chained = (s: Step): Step => {
    const id = `composite:${keys.compositeType(to.schema, to.name)}:${out.length}`;
    const r = { ...s, requires: [...(s.requires ?? []), ...(previous ? [previous] : [])], provides: [...(s.provides ?? []), id] };
    previous = id;
    return r;
  };
  for (const a of from.attributes) {
    if (toByName.has(a.name)) continue;
    const where = users.length > 0 ? `: the values of ${users.join(', ')} lose it` : '';
    out.push(chained(alterStep(to, `DROP ATTRIBUTE ${ident(a.name)}`, { hazards: [hazard('data_loss', `attribute ${a.name} of type ${obj} is dropped${where}`)] })));
  }
  for (const a of to.attributes) {
    const before = fromByName.get(a.name);
    if (!before) {
      out.push(chained(alterStep(to, `ADD ATTRIBUTE ${attributeDefinition(a)}`, { requires: [keys.compositeType(to.schema, to.name), ...userTypeKeys(ctx.to, a.type)] })));
    } else if (before.type !== a.type || before.collation !== a.collation) {
      if (users.length > 0) {
        throw new UserError(
          `attribute ${a.name} of type ${obj} changes from ${before.type} to ${a.type}, which PostgreSQL refuses while columns use the type (${users.join(', ')})`,
        );
      }
      out.push(
        chained(alterStep(to, `ALTER ATTRIBUTE ${ident(a.name)} TYPE ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`, {
          requires: [keys.compositeType(to.schema, to.name), ...userTypeKeys(ctx.to, a.type)],
        })),
      );
    }
  }
  return out;
}

/**
 * Attributes can be appended, dropped and retyped in place; a new order cannot. Reordered and
 * unused, the type is dropped and created again; reordered while columns use it, the plan is refused.
 */
function rebuildSteps(ctx: DiffContext, from: CompositeType, to: CompositeType): Step[] {
  const obj = display(to.schema, to.name);
  const users = columnsUsing(ctx, from);
  if (users.length > 0) {
    throw new UserError(
      `the attributes of type ${obj} change order, which PostgreSQL cannot do in place, and columns use it (${users.join(', ')}): ` +
        'append new attributes at the end, or declare a new type and move the columns to it',
    );
  }
  const why = 'the attributes change order: the type is dropped and created again';
  return [dropStep(ctx, from, why), ...createSteps(ctx, to, why)];
}

/** Whether `to` replaces `from` (DROP and CREATE) rather than altering it. */
export function compositeTypeRebuilt(from: CompositeType, to: CompositeType): boolean {
  return !appendsOnly(from.attributes, to.attributes);
}

export function diffCompositeTypes(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const from = ctx.from.compositeTypes ?? [];
  const to = ctx.to.compositeTypes ?? [];
  const fromByKey = new Map(from.map((c) => [`${c.schema}.${c.name}`, c]));
  const toKeys = new Set(to.map((c) => `${c.schema}.${c.name}`));
  for (const c of to) {
    const before = fromByKey.get(`${c.schema}.${c.name}`);
    if (!before) {
      out.push(...createSteps(ctx, c));
      continue;
    }
    if (compositeTypeRebuilt(before, c)) {
      out.push(...rebuildSteps(ctx, before, c));
      continue;
    }
    out.push(...alterSteps(ctx, before, c));
    if (before.comment !== c.comment) out.push(commentStep(c, c.comment));
  }
  for (const c of from) if (!toKeys.has(`${c.schema}.${c.name}`)) out.push(dropStep(ctx, c));
  return out;
}
