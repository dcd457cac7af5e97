import type { Trigger, TriggerEnabled } from '../model/trigger.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, literal, qname } from '../sql/quote.ts';
import { commentSql, display, step, type DiffContext } from './context.ts';
import { parenthesize } from './sql-text.ts';

const RELATION_KEY = /^(table|view|materialized_view):/;

function relation(t: Trigger) {
  return qname({ schema: t.schema, name: t.table });
}

function object(t: Trigger): string {
  return display(t.schema, t.table, t.name);
}

/** The statement from the model's fields, in the order CREATE TRIGGER takes them. */
export function createTriggerSql(t: Trigger): string {
  const events = t.events.map((e) => (e === 'update' && t.updateColumns.length ? `UPDATE OF ${identList(t.updateColumns)}` : e.toUpperCase()));
  const parts = [`CREATE ${t.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${ident(t.name)}`, t.timing.toUpperCase(), events.join(' OR '), `ON ${relation(t)}`];
  if (t.constraint) {
    parts.push(t.constraint.deferrable ? `DEFERRABLE INITIALLY ${t.constraint.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}` : 'NOT DEFERRABLE');
  }
  const referencing = [...(t.oldTable !== null ? [`OLD TABLE AS ${ident(t.oldTable)}`] : []), ...(t.newTable !== null ? [`NEW TABLE AS ${ident(t.newTable)}`] : [])];
  if (referencing.length) parts.push(`REFERENCING ${referencing.join(' ')}`);
  parts.push(t.forEachRow ? 'FOR EACH ROW' : 'FOR EACH STATEMENT');
  if (t.when !== null) parts.push(`WHEN ${parenthesize(t.when)}`);
  parts.push(`EXECUTE FUNCTION ${qname(t.function)}(${t.arguments.map(literal).join(', ')})`);
  return parts.join(' ');
}

/** What the trigger needs: its relation (a table unless `dependsOn` says otherwise), function and columns. */
function requirements(t: Trigger): string[] {
  const relationKnown = t.dependsOn.some((k) => RELATION_KEY.test(k));
  return [
    ...(relationKnown ? [] : [keys.table(t.schema, t.table)]),
    ...t.dependsOn,
    // Trigger functions take no arguments.
    keys.routine(t.function.schema, t.function.name, ''),
    ...t.updateColumns.map((c) => keys.column(t.schema, t.table, c)),
  ];
}

const ENABLE_SQL: Record<TriggerEnabled, string> = {
  origin: 'ENABLE TRIGGER',
  disabled: 'DISABLE TRIGGER',
  replica: 'ENABLE REPLICA TRIGGER',
  always: 'ENABLE ALWAYS TRIGGER',
};

function enabledStep(t: Trigger, reason?: string): Step {
  return step({
    kind: 'trigger',
    object: object(t),
    operation: t.enabled === 'disabled' ? 'disable' : 'enable',
    sql: `ALTER TABLE ${relation(t)} ${ENABLE_SQL[t.enabled]} ${ident(t.name)}`,
    ...(reason ? { reason } : {}),
    phase: PHASES.createTrigger,
    requires: [keys.trigger(t.schema, t.table, t.name)],
  });
}

function triggerCommentStep(t: Trigger): Step {
  return step({
    kind: 'trigger',
    object: object(t),
    operation: 'comment',
    sql: commentSql(`TRIGGER ${ident(t.name)} ON ${relation(t)}`, t.comment),
    phase: PHASES.comment,
    requires: [keys.trigger(t.schema, t.table, t.name)],
  });
}

/** CREATE TRIGGER, then its enabled state when not the default, then its comment. */
export function createTriggerSteps(t: Trigger, reason?: string): Step[] {
  const tkey = keys.trigger(t.schema, t.table, t.name);
  const out: Step[] = [
    step({
      kind: 'trigger',
      object: object(t),
      operation: 'create',
      sql: createTriggerSql(t),
      ...(reason ? { reason } : {}),
      phase: PHASES.createTrigger,
      provides: [tkey],
      requires: requirements(t),
      requiresRemoved: [tkey],
    }),
  ];
  if (t.enabled !== 'origin') out.push(enabledStep(t, reason));
  if (t.comment !== null) out.push(triggerCommentStep(t));
  return out;
}

export function dropTriggerStep(t: Trigger, reason?: string): Step {
  return step({
    kind: 'trigger',
    object: object(t),
    operation: 'drop',
    sql: `DROP TRIGGER ${ident(t.name)} ON ${relation(t)}`,
    ...(reason ? { reason } : {}),
    phase: PHASES.dropTrigger,
    removes: [keys.trigger(t.schema, t.table, t.name)],
  });
}

/** Whether a relation of `from` still exists in `to` (tables through renames). */
function relationSurvives(ctx: DiffContext, schema: string, name: string): string | null {
  if (ctx.from.tables.some((t) => t.schema === schema && t.name === name)) return ctx.currentTableName(schema, name);
  const inTo = [...ctx.to.views, ...ctx.to.materializedViews, ...ctx.to.tables].some((v) => v.schema === schema && v.name === name);
  const inFrom = [...ctx.from.views, ...ctx.from.materializedViews].some((v) => v.schema === schema && v.name === name);
  return inFrom && !inTo ? null : name;
}

/** Triggers compared by definition, enabled state and comment. */
export function diffTriggers(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const id = (t: Pick<Trigger, 'schema' | 'table' | 'name'>) => `${t.schema}\u0000${t.table}\u0000${t.name}`;
  const current = new Map<string, Trigger>();
  for (const t of ctx.from.triggers) {
    // Triggers of dropped relations go with them.
    const table = relationSurvives(ctx, t.schema, t.table);
    if (table !== null) current.set(id({ ...t, table }), { ...t, table });
  }
  const toIds = new Set(ctx.to.triggers.map(id));
  // On a renamed table, steps name it by its new name: they wait for the rename.
  const onCurrent = (s: Step, t: Trigger): Step =>
    ctx.pairOfTo(t.schema, t.table)?.renamed === true ? { ...s, requires: [...new Set([...(s.requires ?? []), keys.table(t.schema, t.table)])] } : s;

  for (const to of ctx.to.triggers) {
    const from = current.get(id(to));
    if (!from) {
      out.push(...createTriggerSteps(to));
      continue;
    }
    if (from.definition !== to.definition) {
      const reason = 'recreated: its definition changed and PostgreSQL cannot alter a trigger in place; both run in one transaction';
      out.push(onCurrent(dropTriggerStep(from, reason), from), ...createTriggerSteps(to, reason));
      continue;
    }
    if (from.enabled !== to.enabled) out.push(onCurrent(enabledStep(to), to));
    if (from.comment !== to.comment) out.push(onCurrent(triggerCommentStep(to), to));
  }
  for (const [k, from] of current) if (!toIds.has(k)) out.push(onCurrent(dropTriggerStep(from), from));
  return out;
}
