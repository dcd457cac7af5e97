import type { Index, IndexKey } from '../../model/index.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { indexKeyFromObject, parseIndexKeyString } from '../index-keys.ts';
import type { IndexKeyYaml } from '../index-keys.ts';

interface IndexYaml {
  readonly columns: readonly (string | IndexKeyYaml)[];
  readonly unique?: boolean;
  readonly using?: string;
  readonly include?: readonly string[];
  readonly where?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly nulls_not_distinct?: boolean;
  readonly comment?: string | null;
}

export const DEFAULT_INDEX_METHOD = 'btree';

/** One entry of a table's `indexes:`: a list of keys, or the mapping form. */
export function loadIndex(ctx: LoadContext, name: string, value: unknown, loc: Loc): Index {
  const v: IndexYaml = Array.isArray(value) ? { columns: value } : (value as IndexYaml);
  const keysLoc = Array.isArray(value) ? loc : below(loc, 'columns');
  const keys = v.columns.map((k, i) => {
    const at = below(keysLoc, i);
    const key = typeof k === 'string' ? parseIndexKeyString(k) : keyFromObject(ctx, k, at);
    return ctx.mark(key, valueOf(at));
  });
  const index: Index = {
    name,
    unique: v.unique ?? false,
    method: v.using ?? DEFAULT_INDEX_METHOD,
    keys,
    include: [...(v.include ?? [])],
    where: v.where ?? null,
    with: Object.fromEntries(Object.entries(v.with ?? {}).map(([k, x]) => [k, String(x)])),
    nullsNotDistinct: v.nulls_not_distinct ?? false,
    definition: '',
    valid: true,
    comment: v.comment ?? null,
  };
  ctx.mark(index, loc);
  if (v.include !== undefined) ctx.mark(index.include, below(loc, 'include'));
  return index;
}

function keyFromObject(ctx: LoadContext, k: IndexKeyYaml, loc: Loc): IndexKey {
  if ((k.column === undefined) === (k.expression === undefined)) {
    ctx.problem(loc, 'an index key needs exactly one of `column` and `expression`');
  }
  return indexKeyFromObject(k);
}
