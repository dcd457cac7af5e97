import { keys } from '../../model/keys.ts';
import type { LoadContext, Loc } from '../context.ts';

/** Schemas that exist in every database and need no declaration. */
const BUILT_IN_SCHEMAS = new Set(['public', 'pg_catalog']);

/**
 * Reports a schema named as a place to put something into that is neither built in nor declared.
 * (Schemas that tables, types and sequences live in are created implicitly; an extension's target
 * schema is not, since CREATE EXTENSION ... SCHEMA needs it to exist.)
 */
export function requireSchema(ctx: LoadContext, schema: string, loc: Loc): void {
  if (BUILT_IN_SCHEMAS.has(schema) || ctx.declaredAt(keys.schema(schema)) !== undefined) return;
  ctx.problem(loc, `schema \`${schema}\` is not declared (add \`${schema}:\` under \`schemas:\`)`);
}
