import type { Extension } from '../model/extension.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, literal } from '../sql/quote.ts';
import { commentSql, hazard, step, type DiffContext } from './context.ts';

function commentStep(e: Extension, comment: string | null): Step {
  return step({
    kind: 'extension',
    object: e.name,
    operation: 'comment',
    sql: commentSql(`EXTENSION ${ident(e.name)}`, comment),
    phase: PHASES.comment,
    requires: [keys.extension(e.name)],
  });
}

/** Schema and version set to null in the desired state mean "any": they are not compared then. */
export function diffExtensions(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByName = new Map(ctx.from.extensions.map((e) => [e.name, e]));
  const toNames = new Set(ctx.to.extensions.map((e) => e.name));
  for (const to of ctx.to.extensions) {
    const ekey = keys.extension(to.name);
    const from = fromByName.get(to.name);
    const base = { kind: 'extension' as const, object: to.name };
    if (!from) {
      const schema = to.schema !== null ? ` SCHEMA ${ident(to.schema)}` : '';
      const version = to.version !== null ? ` VERSION ${literal(to.version)}` : '';
      out.push(
        step({
          ...base,
          operation: 'create',
          sql: `CREATE EXTENSION IF NOT EXISTS ${ident(to.name)}${schema}${version}`,
          phase: PHASES.createExtension,
          provides: [ekey],
          requires: to.schema !== null ? [keys.schema(to.schema)] : [],
          requiresRemoved: [ekey],
        }),
      );
      if (to.comment !== null) out.push(commentStep(to, to.comment));
      continue;
    }
    if (to.version !== null && to.version !== from.version) {
      out.push(
        step({
          ...base,
          operation: 'alter',
          sql: `ALTER EXTENSION ${ident(to.name)} UPDATE TO ${literal(to.version)}`,
          hazards: [hazard('unchecked_dependency', `the extension's update script changes objects pgform does not manage; check the release notes of ${to.name} ${to.version}`)],
          phase: PHASES.createExtension,
          requires: [ekey],
        }),
      );
    }
    if (to.schema !== null && to.schema !== from.schema) {
      out.push(
        step({
          ...base,
          operation: 'alter',
          sql: `ALTER EXTENSION ${ident(to.name)} SET SCHEMA ${ident(to.schema)}`,
          hazards: [hazard('unchecked_dependency', `code that names ${to.name}'s objects with their old schema breaks`)],
          phase: PHASES.createExtension,
          requires: [ekey, keys.schema(to.schema)],
        }),
      );
    }
    if (from.comment !== to.comment) out.push(commentStep(to, to.comment));
  }
  for (const from of ctx.from.extensions) {
    if (toNames.has(from.name)) continue;
    out.push(
      step({
        kind: 'extension',
        object: from.name,
        operation: 'drop',
        sql: `DROP EXTENSION ${ident(from.name)}`,
        hazards: [hazard('unchecked_dependency', `drops the functions and types of ${from.name}; the step fails if columns or indexes still use them`)],
        phase: PHASES.dropExtension,
        removes: [keys.extension(from.name)],
      }),
    );
  }
  return out;
}
