import { keys } from '../../model/keys.ts';
import type { QualifiedName } from '../../model/names.ts';
import type { Trigger, TriggerEnabled, TriggerEvent, TriggerTiming } from '../../model/trigger.ts';
import { literal } from '../../sql/quote.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, display, parenthesize, qualifiedFromKey, quoteIfNeeded } from '../names.ts';

export interface TriggerYaml {
  readonly timing: 'before' | 'after' | 'instead_of';
  readonly events: readonly TriggerEvent[];
  readonly update_of?: readonly string[];
  readonly for_each?: 'row' | 'statement';
  readonly when?: string;
  readonly function: string;
  readonly arguments?: readonly (string | number | boolean)[];
  readonly constraint?: boolean;
  readonly deferrable?: boolean;
  readonly initially_deferred?: boolean;
  readonly referencing?: { readonly old_table?: string; readonly new_table?: string };
  readonly enabled?: boolean | 'replica' | 'always';
  readonly comment?: string | null;
}

/** The relation triggers are declared on. */
export interface TriggerRelation extends QualifiedName {
  readonly kind: 'table' | 'view';
  /** Its columns when known (tables; views with a column list); null otherwise. */
  readonly columns: readonly string[] | null;
}

const EVENT_ORDER: readonly TriggerEvent[] = ['insert', 'update', 'delete', 'truncate'];

export function enabledFromYaml(v: TriggerYaml['enabled']): TriggerEnabled {
  return v === undefined || v === true ? 'origin' : v === false ? 'disabled' : v;
}

/**
 * The text `pg_get_triggerdef` prints from the timing onwards, less the `ON relation` part
 * (best effort: the desired state is normalized by PostgreSQL anyway). It is compared, never
 * executed, so names are quoted only where PostgreSQL's own text would quote them.
 */
export function triggerDefinition(t: Omit<Trigger, 'definition' | 'dependsOn' | 'comment' | 'enabled'>): string {
  const events = t.events.map((e) => (e === 'update' && t.updateColumns.length > 0 ? `UPDATE OF ${t.updateColumns.map(quoteIfNeeded).join(', ')}` : e.toUpperCase()));
  const parts = [t.timing.toUpperCase(), events.join(' OR ')];
  if (t.constraint !== null) {
    parts.push(t.constraint.deferrable ? 'DEFERRABLE' : 'NOT DEFERRABLE', t.constraint.initiallyDeferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE');
  }
  if (t.oldTable !== null || t.newTable !== null) {
    parts.push('REFERENCING');
    if (t.oldTable !== null) parts.push(`OLD TABLE AS ${quoteIfNeeded(t.oldTable)}`);
    if (t.newTable !== null) parts.push(`NEW TABLE AS ${quoteIfNeeded(t.newTable)}`);
  }
  parts.push(t.forEachRow ? 'FOR EACH ROW' : 'FOR EACH STATEMENT');
  if (t.when !== null) parts.push(`WHEN ${parenthesize(t.when)}`);
  parts.push(`EXECUTE FUNCTION ${`${quoteIfNeeded(t.function.schema)}.${quoteIfNeeded(t.function.name)}`}(${t.arguments.map(literal).join(', ')})`);
  return parts.join(' ');
}

/** Loads a relation's `triggers:` into `ctx.model.triggers`, checking what PostgreSQL would refuse. */
export function loadTriggers(ctx: LoadContext, rel: TriggerRelation, value: Readonly<Record<string, TriggerYaml>> | undefined, relLoc: Loc): void {
  for (const [name, v] of Object.entries(value ?? {})) {
    const loc = below(relLoc, 'triggers', name);
    checkIdentifier(ctx, name, loc);
    const at = (...path: string[]) => below(loc, ...path);
    const timing: TriggerTiming = v.timing === 'instead_of' ? 'instead of' : v.timing;
    const forEachRow = v.for_each === 'row';
    const seen = new Set<TriggerEvent>();
    v.events.forEach((e, i) => {
      if (seen.has(e)) ctx.problem(valueOf(below(loc, 'events', i)), `event \`${e}\` is listed twice`);
      seen.add(e);
    });
    const updateOf = v.update_of ?? [];
    if (updateOf.length > 0 && !seen.has('update')) ctx.problem(at('update_of'), '`update_of` needs `update` among the events');
    if (rel.columns !== null) {
      const columns = rel.columns;
      updateOf.forEach((c, i) => {
        if (!columns.includes(c)) ctx.problem(valueOf(below(loc, 'update_of', i)), `${rel.kind} \`${display(rel)}\` has no column \`${c}\``);
      });
    }
    if (timing === 'instead of') {
      if (rel.kind !== 'view') ctx.problem(valueOf(at('timing')), 'INSTEAD OF triggers are for views; use `before` or `after` on a table');
      if (!forEachRow) ctx.problem(at('timing'), 'an INSTEAD OF trigger must be `for_each: row`');
      if (v.when !== undefined) ctx.problem(at('when'), 'an INSTEAD OF trigger cannot have a `when` condition');
      if (updateOf.length > 0) ctx.problem(at('update_of'), 'an INSTEAD OF trigger cannot have `update_of` columns');
    } else if (rel.kind === 'view' && forEachRow) {
      ctx.problem(at('for_each'), 'row-level triggers on a view must be `instead_of`');
    }
    if (seen.has('truncate') && forEachRow) ctx.problem(at('events'), 'TRUNCATE triggers must be `for_each: statement`');
    if (v.constraint === true && (timing !== 'after' || !forEachRow)) ctx.problem(at('constraint'), 'a constraint trigger must be `timing: after` and `for_each: row`');
    if (v.constraint !== true) {
      if (v.deferrable !== undefined) ctx.problem(at('deferrable'), '`deferrable` is for constraint triggers (`constraint: true`)');
      if (v.initially_deferred !== undefined) ctx.problem(at('initially_deferred'), '`initially_deferred` is for constraint triggers (`constraint: true`)');
    } else if (v.initially_deferred === true && v.deferrable !== true) {
      ctx.problem(at('initially_deferred'), 'an initially deferred trigger must also be `deferrable: true`');
    }
    if (v.referencing !== undefined && (timing !== 'after' || v.constraint === true)) {
      ctx.problem(at('referencing'), 'transition tables (`referencing`) are for plain `after` triggers');
    }
    const fn = qualifiedFromKey(v.function, undefined);
    const trigger: Omit<Trigger, 'definition'> = {
      schema: rel.schema,
      table: rel.name,
      name,
      timing,
      events: EVENT_ORDER.filter((e) => seen.has(e)),
      updateColumns: [...updateOf],
      forEachRow,
      when: v.when ?? null,
      // `name` alone is in the relation's schema.
      function: v.function.includes('.') ? fn : { schema: rel.schema, name: v.function },
      arguments: (v.arguments ?? []).map(String),
      constraint: v.constraint === true ? { deferrable: v.deferrable ?? false, initiallyDeferred: v.initially_deferred ?? false } : null,
      oldTable: v.referencing?.old_table ?? null,
      newTable: v.referencing?.new_table ?? null,
      enabled: enabledFromYaml(v.enabled),
      comment: v.comment ?? null,
      dependsOn: [],
    };
    if (!ctx.declare(keys.trigger(rel.schema, rel.name, name), `trigger \`${name}\` of ${rel.kind} \`${display(rel)}\``, loc)) continue;
    ctx.model.triggers.push(ctx.mark({ ...trigger, definition: triggerDefinition(trigger) }, loc));
  }
}
