import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident } from '../sql/quote.ts';
import { commentSql, step, type DiffContext } from './context.ts';

/** The schema every database starts with: pgform never drops it, whatever the desired state says. */
const BUILT_IN_SCHEMA = 'public';

/** Edges of everything in `from` that lives in the schema: it must be gone before DROP SCHEMA. */
function contentsOf(ctx: DiffContext, schema: string): string[] {
  const m = ctx.from;
  return [
    ...m.tables.filter((t) => t.schema === schema).map((t) => keys.table(t.schema, t.name)),
    ...m.enums.filter((e) => e.schema === schema).map((e) => keys.enum(e.schema, e.name)),
    ...(m.domains ?? []).filter((d) => d.schema === schema).map((d) => keys.domain(d.schema, d.name)),
    ...(m.compositeTypes ?? []).filter((c) => c.schema === schema).map((c) => keys.compositeType(c.schema, c.name)),
    ...m.sequences.filter((s) => s.schema === schema).map((s) => keys.sequence(s.schema, s.name)),
    ...m.extensions.filter((e) => e.schema === schema).map((e) => keys.extension(e.name)),
  ];
}

export function diffSchemas(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByName = new Map(ctx.from.schemas.map((s) => [s.name, s]));
  const toNames = new Set(ctx.to.schemas.map((s) => s.name));
  for (const to of ctx.to.schemas) {
    const from = fromByName.get(to.name);
    const comment = (c: string | null) =>
      step({
        kind: 'schema',
        object: to.name,
        operation: 'comment',
        sql: commentSql(`SCHEMA ${ident(to.name)}`, c),
        phase: PHASES.comment,
        requires: [keys.schema(to.name)],
      });
    if (!from) {
      out.push(
        step({
          kind: 'schema',
          object: to.name,
          operation: 'create',
          sql: `CREATE SCHEMA ${ident(to.name)}`,
          phase: PHASES.createSchema,
          provides: [keys.schema(to.name)],
          requiresRemoved: [keys.schema(to.name)],
        }),
      );
      if (to.comment !== null) out.push(comment(to.comment));
    } else if (from.comment !== to.comment) out.push(comment(to.comment));
  }
  for (const from of ctx.from.schemas) {
    if (toNames.has(from.name) || from.name === BUILT_IN_SCHEMA) continue;
    out.push(
      step({
        kind: 'schema',
        object: from.name,
        operation: 'drop',
        sql: `DROP SCHEMA ${ident(from.name)}`,
        phase: PHASES.dropSchema,
        removes: [keys.schema(from.name)],
        requiresRemoved: contentsOf(ctx, from.name),
      }),
    );
  }
  return out;
}
