import type { DatabaseModel } from '../model/database.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { edges, type DiffContext } from './context.ts';
import { resultTypes, typeRefersTo } from './sql-text.ts';

/** Keys of the enums, domains and composite types of `m` that a type text names (arrays too). */
export function userTypeKeys(m: DatabaseModel, type: string): string[] {
  return [
    ...m.enums.filter((e) => typeRefersTo(type, e)).map((e) => keys.enum(e.schema, e.name)),
    ...(m.domains ?? []).filter((d) => typeRefersTo(type, d)).map((d) => keys.domain(d.schema, d.name)),
    ...(m.compositeTypes ?? []).filter((c) => typeRefersTo(type, c)).map((c) => keys.compositeType(c.schema, c.name)),
  ];
}

/**
 * Keys of the tables, views and materialized views of `m` whose row type a type text names (an
 * argument, result or domain base type such as `accounts`, `accounts[]`, `SETOF accounts` or
 * `TABLE(a accounts)`).
 */
export function rowTypeKeys(m: DatabaseModel, type: string | null): string[] {
  if (type === null) return [];
  return resultTypes(type).flatMap((named) => [
    ...m.tables.filter((t) => typeRefersTo(named, t)).map((t) => keys.table(t.schema, t.name)),
    ...m.views.filter((v) => typeRefersTo(named, v)).map((v) => keys.view(v.schema, v.name)),
    ...m.materializedViews.filter((v) => typeRefersTo(named, v)).map((v) => keys.materializedView(v.schema, v.name)),
  ]);
}

/** Table columns of `from` whose type is the given type (or an array of it), by display name. */
export function columnsUsing(ctx: DiffContext, type: QualifiedName): string[] {
  const out: string[] = [];
  for (const t of ctx.from.tables) for (const c of t.columns) if (typeRefersTo(c.type, type)) out.push(`${t.schema}.${t.name}.${c.name}`);
  return out;
}

/**
 * What must be gone before the type is dropped: the `type-of` edges of the columns of `from`
 * using it (under their names once renames ran), and the domains and composite types of `from`
 * built on it.
 */
export function usersOfType(ctx: DiffContext, type: QualifiedName): string[] {
  const out: string[] = [];
  for (const t of ctx.from.tables) {
    const table = ctx.currentTableName(t.schema, t.name) ?? t.name;
    for (const c of t.columns) {
      if (!typeRefersTo(c.type, type)) continue;
      out.push(edges.typeOf(t.schema, table, ctx.currentColumnName(t.schema, t.name, c.name) ?? c.name));
    }
  }
  for (const d of ctx.from.domains ?? []) if (typeRefersTo(d.type, type)) out.push(keys.domain(d.schema, d.name));
  for (const c of ctx.from.compositeTypes ?? []) {
    if (c.attributes.some((a) => typeRefersTo(a.type, type))) out.push(keys.compositeType(c.schema, c.name));
  }
  return out.filter((k) => k !== keys.type(type.schema, type.name));
}
