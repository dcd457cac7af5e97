import { yamlMap } from './common.ts';
import { canonicalJson } from '../../model/canonical-json.ts';
import type { DefaultPrivilege, Grant } from '../../model/grant.ts';
import { defaultGrants, PRIVILEGES } from '../kinds/grants.ts';
import type { GrantTarget } from '../kinds/grants.ts';
import type { YamlMap } from './common.ts';
import { itemsWithKey, tableKey } from './common.ts';

type Target = Omit<GrantTarget, 'what' | 'columns'>;

const grantObject = (g: Grant) => tableKey(g.schema, g.name ?? '');

/** The grants of the model that are on `target` (and, for a relation, on its columns). */
export function grantsOn(all: readonly Grant[], t: Target): Grant[] {
  return itemsWithKey(all, grantObject, tableKey(t.schema, t.name ?? '')).filter(
    (g) =>
      g.schema === t.schema &&
      g.name === t.name &&
      (g.objectKind === t.objectKind || (t.objectKind === 'table' && g.objectKind === 'column')) &&
      (t.objectKind !== 'function' || g.arguments === t.arguments),
  );
}

const grantIdentity = (g: Grant) => `${g.objectKind}\u0000${g.column ?? ''}\u0000${g.grantee}\u0000${g.privilege}\u0000${g.withGrantOption}`;

/** An object's `grants:` list, or undefined when its grants are its kind's default (the loader fills them in). */
export function grantsYaml(grants: readonly Grant[], t: Target): unknown[] | undefined {
  const defaults = defaultGrants(t);
  const same = grants.length === defaults.length && grants.map(grantIdentity).sort().join('\n') === defaults.map(grantIdentity).sort().join('\n');
  if (same) return undefined;
  // One entry per grantee and grant option (column grants: per set of columns); then grantees
  // with the same privileges share an entry.
  const perGrantee = new Map<string, { grantee: string; withGrantOption: boolean; columns: string[] | null; privileges: string[] }>();
  const add = (grantee: string, withGrantOption: boolean, columns: string[] | null, privilege: string) => {
    const k = canonicalJson([grantee, withGrantOption, columns]);
    const e = perGrantee.get(k) ?? { grantee, withGrantOption, columns, privileges: [] };
    e.privileges.push(privilege);
    perGrantee.set(k, e);
  };
  for (const g of grants) if (g.column === null) add(g.grantee, g.withGrantOption, null, g.privilege);
  const columnsOf = new Map<string, { g: Grant; columns: string[] }>();
  for (const g of grants) {
    if (g.column === null) continue;
    const k = canonicalJson([g.grantee, g.withGrantOption, g.privilege]);
    const e = columnsOf.get(k) ?? { g, columns: [] };
    e.columns.push(g.column);
    columnsOf.set(k, e);
  }
  for (const { g, columns } of columnsOf.values()) add(g.grantee, g.withGrantOption, [...columns].sort(), g.privilege);

  const entries = new Map<string, YamlMap & { to: string[] }>();
  for (const e of perGrantee.values()) {
    const order = PRIVILEGES[e.columns === null ? t.objectKind : 'column'];
    const privileges = [...e.privileges].sort((a, b) => rank(order, a) - rank(order, b));
    const k = canonicalJson([privileges, e.columns, e.withGrantOption]);
    const entry = entries.get(k) ?? {
      to: [],
      privileges,
      ...(e.withGrantOption ? { with_grant_option: true } : {}),
      ...(e.columns !== null ? { columns: e.columns } : {}),
    };
    entry.to.push(e.grantee);
    entries.set(k, entry);
  }
  return [...entries.values()]
    .map((e) => ({ ...e, to: [...e.to].sort() }))
    .sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
}

function rank(order: readonly string[], p: string): number {
  const i = order.indexOf(p);
  return i < 0 ? order.length : i;
}

/**
 * `default_privileges:` by role: entries grouped like grants; withdrawn built-in defaults as
 * `{ on, revoked_from, privileges }`.
 */
export function defaultPrivilegesYaml(rows: readonly DefaultPrivilege[]): YamlMap {
  const out: YamlMap = yamlMap();
  const roles = [...new Set(rows.map((r) => r.role))].sort();
  for (const role of roles) {
    const groups = new Map<string, { in_schema?: string; on: string; grantee: string; withGrantOption: boolean; revoked: boolean; privileges: string[] }>();
    for (const r of rows.filter((x) => x.role === role)) {
      const revoked = r.revoked ?? false;
      const k = [r.schema ?? '', r.objectKind, r.grantee, r.withGrantOption, revoked].join('\u0000');
      const g = groups.get(k) ?? { ...(r.schema !== null ? { in_schema: r.schema } : {}), on: r.objectKind, grantee: r.grantee, withGrantOption: r.withGrantOption, revoked, privileges: [] };
      g.privileges.push(r.privilege);
      groups.set(k, g);
    }
    const entries = new Map<string, { entry: YamlMap; grantees: string[]; field: 'to' | 'revoked_from' }>();
    for (const g of groups.values()) {
      const privileges = [...g.privileges].sort();
      const k = canonicalJson({ s: g.in_schema, on: g.on, privileges, w: g.withGrantOption, r: g.revoked });
      const e = entries.get(k) ?? {
        entry: {
          ...(g.in_schema !== undefined ? { in_schema: g.in_schema } : {}),
          on: g.on,
          privileges,
          ...(g.withGrantOption ? { with_grant_option: true } : {}),
        },
        grantees: [],
        field: g.revoked ? 'revoked_from' : 'to',
      };
      e.grantees.push(g.grantee);
      entries.set(k, e);
    }
    out[role] = [...entries.values()]
      .map(({ entry, grantees, field }) => {
        const { on, in_schema, ...rest } = entry;
        return { ...(in_schema !== undefined ? { in_schema } : {}), on, [field]: [...grantees].sort(), ...rest };
      })
      .sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  }
  return out;
}

/** Writes `grants:` onto an object's mapping unless they are the kind's default (`[]` is written: it revokes). */
export function setGrants(m: YamlMap, all: readonly Grant[], t: Target): void {
  const list = grantsYaml(grantsOn(all, t), t);
  if (list !== undefined) m.grants = list;
}
