import type { LoadContext, Loc } from '../context.ts';
import { below, positionOf, shortPosition } from '../context.ts';
import { INDEX_BACKED } from './tables.ts';

interface Claim {
  readonly space: 'relation' | 'type';
  readonly schema: string;
  readonly name: string;
  readonly what: string;
  readonly loc: Loc;
}

const SHARED: Readonly<Record<Claim['space'], string>> = {
  relation: 'tables, views, materialized views, sequences, indexes and primary key/unique/exclusion constraints share one namespace per schema',
  type: 'types and relations share one namespace per schema (each table or view has a row type)',
};

/**
 * Names PostgreSQL keeps in one namespace per schema: relations (tables, sequences, indexes, and
 * the indexes behind primary key, unique and exclusion constraints, which take the constraint's
 * name), and types (enums, and the row type every table has). Each claim after the first (in
 * file order) is reported, naming the first.
 */
export function checkNamespaces(ctx: LoadContext): void {
  const claims: Claim[] = [];
  for (const t of ctx.model.tables) {
    const what = `table \`${t.schema}.${t.name}\``;
    claims.push({ space: 'relation', schema: t.schema, name: t.name, what, loc: ctx.locOf(t) });
    claims.push({ space: 'type', schema: t.schema, name: t.name, what, loc: ctx.locOf(t) });
    for (const c of t.constraints) {
      if (c.name === '' || !INDEX_BACKED.has(c.kind)) continue;
      const loc = c.kind === 'primary_key' ? below(ctx.locOf(c), 'name') : ctx.locOf(c);
      claims.push({ space: 'relation', schema: t.schema, name: c.name, what: `constraint \`${c.name}\` of table \`${t.schema}.${t.name}\``, loc });
    }
    for (const i of t.indexes) {
      claims.push({ space: 'relation', schema: t.schema, name: i.name, what: `index \`${i.name}\` of table \`${t.schema}.${t.name}\``, loc: ctx.locOf(i) });
    }
  }
  for (const v of ctx.model.views) {
    const what = `view \`${v.schema}.${v.name}\``;
    claims.push({ space: 'relation', schema: v.schema, name: v.name, what, loc: ctx.locOf(v) });
    claims.push({ space: 'type', schema: v.schema, name: v.name, what, loc: ctx.locOf(v) });
  }
  for (const m of ctx.model.materializedViews) {
    const what = `materialized view \`${m.schema}.${m.name}\``;
    claims.push({ space: 'relation', schema: m.schema, name: m.name, what, loc: ctx.locOf(m) });
    claims.push({ space: 'type', schema: m.schema, name: m.name, what, loc: ctx.locOf(m) });
    for (const i of m.indexes) {
      claims.push({ space: 'relation', schema: m.schema, name: i.name, what: `index \`${i.name}\` of ${what}`, loc: ctx.locOf(i) });
    }
  }
  for (const s of ctx.model.sequences) {
    claims.push({ space: 'relation', schema: s.schema, name: s.name, what: `sequence \`${s.schema}.${s.name}\``, loc: ctx.locOf(s) });
  }
  for (const e of [...ctx.model.enums, ...(ctx.model.domains ?? []), ...(ctx.model.compositeTypes ?? [])]) {
    claims.push({ space: 'type', schema: e.schema, name: e.name, what: `type \`${e.schema}.${e.name}\``, loc: ctx.locOf(e) });
  }

  const positioned = claims.map((c) => ({ c, p: positionOf(c.loc) }));
  positioned.sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : a.p.line - b.p.line || a.p.column - b.p.column));
  const first = new Map<string, Claim>();
  for (const { c } of positioned) {
    const key = `${c.space}\u0000${c.schema}\u0000${c.name}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, c);
    else ctx.problem(c.loc, `${c.what} clashes with ${earlier.what} at ${shortPosition(earlier.loc)}: ${SHARED[c.space]}`);
  }
}
