import type { Collation } from '../model/collation.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { literal, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { commentSql, display, edges, step, type DiffContext } from './context.ts';

/** `"public"."numeric"`, `public.numeric` or `numeric` (as written after COLLATE) -> its parts, unquoted. */
function collationParts(sql: string): string[] {
  const parts: string[] = [];
  for (const m of sql.matchAll(/"((?:[^"]|"")*)"|([^".\s]+)/g)) parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  return parts;
}

/** The collations of `m` a COLLATE clause may name (an unqualified name: any schema's of that name). */
export function collationKeys(m: DatabaseModel, collation: string | null): string[] {
  if (collation === null) return [];
  const parts = collationParts(collation);
  const name = parts[parts.length - 1];
  const schema = parts.length > 1 ? parts[parts.length - 2] : null;
  return (m.collations ?? [])
    .filter((c) => c.name === name && (schema === null || c.schema === schema))
    .map((c) => keys.collation(c.schema, c.name));
}

function definition(c: Collation): string {
  const options =
    c.provider === 'libc'
      ? [`provider = libc`, `lc_collate = ${literal(c.lcCollate ?? '')}`, `lc_ctype = ${literal(c.lcCtype ?? '')}`]
      : [`provider = ${c.provider}`, `locale = ${literal(c.locale ?? '')}`];
  if (!c.deterministic) options.push('deterministic = false');
  return options.join(', ');
}

function commentStep(c: Collation, comment: string | null): Step {
  return step({
    kind: 'collation',
    object: display(c.schema, c.name),
    operation: 'comment',
    sql: commentSql(`COLLATION ${qname(c)}`, comment),
    phase: PHASES.comment,
    requires: [keys.collation(c.schema, c.name)],
  });
}

const sameDefinition = (a: Collation, b: Collation) => definition(a) === definition(b);

/** CREATE, DROP and COMMENT ON COLLATION; a changed definition is refused (PostgreSQL cannot alter one). */
export function diffCollations(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const from = new Map((ctx.from.collations ?? []).map((c) => [`${c.schema}.${c.name}`, c]));
  const to = new Map((ctx.to.collations ?? []).map((c) => [`${c.schema}.${c.name}`, c]));
  for (const [k, c] of to) {
    const was = from.get(k);
    if (was !== undefined && !sameDefinition(was, c)) {
      throw new UserError(
        `collation ${k} changes (${definition(was)} -> ${definition(c)}), and PostgreSQL cannot alter a collation: ` +
          'declare the new one under another name and move the columns to it',
      );
    }
    if (was === undefined) {
      out.push(
        step({
          kind: 'collation',
          object: display(c.schema, c.name),
          operation: 'create',
          sql: `CREATE COLLATION ${qname(c)} (${definition(c)})`,
          phase: PHASES.createType,
          provides: [keys.collation(c.schema, c.name)],
          requires: [keys.schema(c.schema)],
          requiresRemoved: [keys.collation(c.schema, c.name)],
        }),
      );
      if (c.comment !== null) out.push(commentStep(c, c.comment));
    } else if (was.comment !== c.comment) out.push(commentStep(c, c.comment));
  }
  for (const [k, c] of from) {
    if (to.has(k)) continue;
    // Columns and domains that use it change their collation or go first.
    const users = ctx.from.tables.flatMap((t) =>
      t.columns.filter((col) => collationKeys(ctx.from, col.collation).includes(keys.collation(c.schema, c.name))).map((col) => edges.typeOf(t.schema, t.name, col.name)),
    );
    const domains = (ctx.from.domains ?? []).filter((d) => collationKeys(ctx.from, d.collation).includes(keys.collation(c.schema, c.name))).map((d) => keys.domain(d.schema, d.name));
    out.push(
      step({
        kind: 'collation',
        object: display(c.schema, c.name),
        operation: 'drop',
        sql: `DROP COLLATION ${qname(c)}`,
        phase: PHASES.dropType,
        removes: [keys.collation(c.schema, c.name)],
        requiresRemoved: [...users, ...domains],
      }),
    );
  }
  return out;
}
