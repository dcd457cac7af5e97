import type { Step } from './step.ts';
import { locksOf, stepLocks } from './locks.ts';

function key(r: { readonly schema: string; readonly name: string }): string {
  return JSON.stringify([r.schema, r.name]);
}

/**
 * A scan or rewrite of a table this plan created, before anything wrote rows into it, reads an
 * empty table: it is as brief as a catalog change, so it may share the transaction that created the
 * table instead of one of its own (an index on a new table does not need its own commit). A table
 * stops counting as empty at the first step that may write rows into it (a lock that permits
 * writes: ROW EXCLUSIVE; reference rows; a backfill) or renames it.
 */
export function withEmptyTableLocks(steps: readonly Step[]): Step[] {
  const empty = new Set<string>();
  return steps.map((s) => {
    const locks = locksOf(s);
    const writes = s.kind === 'data' || s.backfill !== undefined || s.operation === 'rename';
    for (const r of locks.relations) if (writes || r.level === 'ROW EXCLUSIVE') empty.delete(key(r.relation));
    if (s.kind === 'table' && s.operation === 'create' && s.transactional && locks.relations[0]) {
      empty.add(key(locks.relations[0].relation));
      return s;
    }
    const first = locks.relations[0];
    if (locks.duration === 'catalog' || !s.transactional || !first || !empty.has(key(first.relation))) return s;
    return { ...s, locks: stepLocks('catalog', locks.relations) };
  });
}
