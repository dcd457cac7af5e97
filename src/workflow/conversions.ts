import type { DatabaseModel } from '../model/database.ts';
import { keptDependents, keptOldTable, unpartitionedName } from '../diff/conversions.ts';

/**
 * The desired state with the old tables that `convert_to_partitioned` keeps: while the consent is
 * in the YAML, the ordinary table being converted (or, once converted, `<name>_unpartitioned`) is
 * kept as the conversion leaves it, with its policies and grants. Removing the consent drops it.
 * Pure.
 */
export function withKeptUnpartitioned(desired: DatabaseModel, live: DatabaseModel): DatabaseModel {
  let m = desired;
  for (const t of desired.tables) {
    if (!t.convertToPartitioned) continue;
    const keep = unpartitionedName(t.name);
    if (m.tables.some((x) => x.schema === t.schema && x.name === keep)) continue;
    const current = live.tables.find((x) => x.schema === t.schema && x.name === t.name && !x.partitionBy && !x.partitionOf);
    if (current) {
      const moved = keptDependents(live, current);
      m = { ...m, tables: [...m.tables, { ...keptOldTable(current), owner: null }], policies: [...m.policies, ...moved.policies], grants: [...m.grants, ...moved.grants] };
      continue;
    }
    const kept = live.tables.find((x) => x.schema === t.schema && x.name === keep);
    if (!kept) continue;
    const mine = <T extends { schema: string }>(x: T, table: string | null) => x.schema === t.schema && table === keep;
    m = {
      ...m,
      tables: [...m.tables, { ...kept, owner: null }],
      policies: [...m.policies, ...live.policies.filter((p) => mine(p, p.table))],
      grants: [...m.grants, ...live.grants.filter((g) => g.objectKind === 'table' && mine(g, g.name))],
      triggers: [...m.triggers, ...live.triggers.filter((x) => mine(x, x.table))],
    };
  }
  return m;
}
