import type { DatabaseModel } from '../model/database.ts';
import type { DefaultPrivilege, DefaultPrivilegeObjectKind, Grant } from '../model/grant.ts';
import { keys } from '../model/keys.ts';
import { continuousAggregateKey } from '../model/timescale.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { display, hazard, step, type DiffContext } from './context.ts';
import { ownerChanged } from './owners.ts';
import { granteeText, roleKeys, roleReleased, roleSpec } from './roles.ts';
import { rebuiltContinuousAggregates } from './timescale.ts';
import { enumRebuilt } from './enums.ts';
import { domainRebuilt } from './domains.ts';
import { compositeTypeRebuilt } from './composite-types.ts';

/** The object a set of grants is on (column grants belong to their table). */
export interface GrantTarget {
  readonly objectKind: 'schema' | 'table' | 'sequence' | 'function' | 'type';
  readonly schema: string;
  /** Null for a schema. */
  readonly name: string | null;
  /** Identity arguments of a routine; null otherwise. */
  readonly arguments: string | null;
  /**
   * For a routine: whether it is a function or a procedure, which decides between ON FUNCTION and
   * ON PROCEDURE. Left out, ON ROUTINE is used, which PostgreSQL accepts for both.
   */
  readonly routineKind?: 'function' | 'procedure';
}

/** Privileges in the order PostgreSQL documents them; unknown ones sort after, by name. */
const PRIVILEGE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN', 'USAGE', 'CREATE', 'CONNECT', 'TEMPORARY', 'EXECUTE'];

export function comparePrivileges(a: string, b: string): number {
  const ia = PRIVILEGE_ORDER.indexOf(a);
  const ib = PRIVILEGE_ORDER.indexOf(b);
  if (ia !== ib) return (ia < 0 ? PRIVILEGE_ORDER.length : ia) - (ib < 0 ? PRIVILEGE_ORDER.length : ib) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kind defaults PostgreSQL gives every new object of the kind (acldefault, owner aside). */
function kindDefaults(kind: GrantTarget['objectKind']): { grantee: string; privilege: string }[] {
  if (kind === 'function') return [{ grantee: 'PUBLIC', privilege: 'EXECUTE' }];
  if (kind === 'type') return [{ grantee: 'PUBLIC', privilege: 'USAGE' }];
  return [];
}

function targetOf(g: Grant): GrantTarget {
  return { objectKind: g.objectKind === 'column' ? 'table' : g.objectKind, schema: g.schema, name: g.name, arguments: g.arguments };
}

function targetId(t: GrantTarget): string {
  return [t.objectKind, t.schema, t.name ?? '', t.arguments ?? ''].join('\u0000');
}

function belongsTo(g: Grant, t: GrantTarget): boolean {
  return targetId(targetOf(g)) === targetId(t);
}

/** `TABLE "s"."t"`, `FUNCTION "s"."f"(integer)`: the object clause of GRANT/REVOKE. */
function targetSql(t: GrantTarget): string {
  const q = { schema: t.schema, name: t.name ?? '' };
  switch (t.objectKind) {
    case 'schema':
      return `SCHEMA ${ident(t.schema)}`;
    case 'table':
      return `TABLE ${qname(q)}`;
    case 'sequence':
      return `SEQUENCE ${qname(q)}`;
    case 'function': {
      const word = t.routineKind === 'procedure' ? 'PROCEDURE' : t.routineKind === 'function' ? 'FUNCTION' : 'ROUTINE';
      return `${word} ${qname(q)}(${t.arguments ?? ''})`;
    }
    case 'type':
      // ON TYPE names domains too.
      return `TYPE ${qname(q)}`;
  }
}

/** How messages and step objects name the target. */
function targetText(t: GrantTarget): string {
  switch (t.objectKind) {
    case 'schema':
      return `schema ${t.schema}`;
    case 'table':
      return display(t.schema, t.name ?? '');
    case 'sequence':
      return `sequence ${display(t.schema, t.name ?? '')}`;
    case 'function':
      return `${t.routineKind ?? 'function'} ${display(t.schema, t.name ?? '')}(${t.arguments ?? ''})`;
    case 'type':
      return `type ${display(t.schema, t.name ?? '')}`;
  }
}

function targetObject(t: GrantTarget): string {
  return t.objectKind === 'schema' ? t.schema : t.objectKind === 'function' ? `${display(t.schema, t.name ?? '')}(${t.arguments ?? ''})` : display(t.schema, t.name ?? '');
}

/**
 * Keys of the target; a `table` target may be a view, materialized view or continuous aggregate,
 * so all four are named unless known.
 */
function targetKeys(t: GrantTarget, relationKey?: string): string[] {
  switch (t.objectKind) {
    case 'schema':
      return [keys.schema(t.schema)];
    case 'table': {
      const name = t.name ?? '';
      return relationKey
        ? [relationKey]
        : [keys.table(t.schema, name), keys.view(t.schema, name), keys.materializedView(t.schema, name), continuousAggregateKey(t.schema, name)];
    }
    case 'sequence':
      return [keys.sequence(t.schema, t.name ?? '')];
    case 'function':
      return [keys.routine(t.schema, t.name ?? '', t.arguments ?? '')];
    case 'type':
      return [keys.enum(t.schema, t.name ?? ''), keys.type(t.schema, t.name ?? '')];
  }
}

/** `SELECT, UPDATE ("a", "b")`: table-level privileges first, then column privileges grouped by privilege. */
function privilegeList(grants: readonly Grant[]): string {
  const whole = [...new Set(grants.filter((g) => g.column === null).map((g) => g.privilege))].sort(comparePrivileges);
  const columns = new Map<string, string[]>();
  for (const g of grants) {
    if (g.column === null) continue;
    const l = columns.get(g.privilege) ?? [];
    if (!l.includes(g.column)) l.push(g.column);
    columns.set(g.privilege, l);
  }
  const perColumn = [...columns.keys()].sort(comparePrivileges).map((p) => `${p} (${columns.get(p)!.map(ident).join(', ')})`);
  return [...whole, ...perColumn].join(', ');
}

function privilegeText(grants: readonly Grant[]): string {
  return privilegeList(grants).replace(/"/g, '');
}

type Action = 'grant' | 'revoke' | 'revoke_option';

/** Groups grants by grantee (and grant option for GRANT), preserving first-seen order. */
function groups(grants: readonly Grant[], byOption: boolean): Grant[][] {
  const m = new Map<string, Grant[]>();
  for (const g of grants) {
    const k = `${g.grantee}\u0000${byOption ? g.withGrantOption : ''}`;
    const l = m.get(k);
    if (l) l.push(g);
    else m.set(k, [g]);
  }
  return [...m.values()];
}

interface Placement {
  readonly target: GrantTarget;
  /** Keys of the object; grant steps require them. */
  readonly objectKeys: readonly string[];
  readonly phase: number;
  readonly reason?: string;
}

function grantStep(action: Action, p: Placement, group: readonly Grant[]): Step {
  const grantee = group[0]!.grantee;
  const privs = privilegeList(group);
  const on = targetSql(p.target);
  const who = roleSpec(grantee);
  const text = `${privilegeText(group)} on ${targetText(p.target)}`;
  const sql =
    action === 'grant'
      ? `GRANT ${privs} ON ${on} TO ${who}${group[0]!.withGrantOption ? ' WITH GRANT OPTION' : ''}`
      : `REVOKE ${action === 'revoke_option' ? 'GRANT OPTION FOR ' : ''}${privs} ON ${on} FROM ${who}`;
  const message =
    action === 'grant'
      ? `grants ${text} to ${granteeText(grantee)}${group[0]!.withGrantOption ? ' with grant option' : ''}`
      : action === 'revoke'
        ? `revokes ${text} from ${granteeText(grantee)}`
        : `revokes the grant option for ${text} from ${granteeText(grantee)}`;
  const columnKeys =
    p.target.objectKind === 'table'
      ? [...new Set(group.filter((g) => g.column !== null).map((g) => keys.column(p.target.schema, p.target.name ?? '', g.column!)))]
      : [];
  return step({
    kind: 'grant',
    object: `${targetObject(p.target)} ${action === 'grant' ? 'to' : 'from'} ${grantee}`,
    operation: action === 'grant' ? 'grant' : 'revoke',
    sql,
    // A grant to PUBLIC reaches every role, present and future: it needs consent (unless it restores a recreated object's).
    hazards: [hazard('authz_change', message, { widensAccess: action === 'grant' && grantee === 'PUBLIC' && !p.reason })],
    ...(p.reason ? { reason: p.reason } : {}),
    phase: p.phase,
    requires: [...p.objectKeys, ...columnKeys, ...roleKeys([grantee]), ...(action === 'grant' ? p.objectKeys.map(ownerChanged) : [])],
    ...(action === 'grant' ? {} : { removes: [roleReleased(grantee)] }),
  });
}

const DEFAULT_PRIVILEGE_KIND: Readonly<Record<GrantTarget['objectKind'], DefaultPrivilegeObjectKind>> = {
  schema: 'schemas',
  table: 'tables',
  sequence: 'sequences',
  function: 'functions',
  type: 'types',
};

/**
 * The grants a new object gets: the built-in defaults it lacks revoked, the rest granted. Where
 * ALTER DEFAULT PRIVILEGES (`defaultPrivileges`, live and desired) may give the object more at
 * creation (depending on which role creates it, which the plan cannot know), what the object is
 * not to have is revoked too (a no-op when they did not apply), and what it is to have is granted
 * either way; a withdrawn built-in default is granted explicitly when wanted.
 */
function newObjectSteps(p: Placement, grants: readonly Grant[], defaultPrivileges: readonly DefaultPrivilege[] = []): Step[] {
  const own = grants.filter((g) => belongsTo(g, p.target));
  const out: Step[] = [];
  const kind = DEFAULT_PRIVILEGE_KIND[p.target.objectKind];
  const applicable = defaultPrivileges.filter((d) => d.objectKind === kind && (d.schema === null || (kind !== 'schemas' && d.schema === p.target.schema)));
  const withdrawn = applicable.some((d) => d.revoked === true);
  const builtIn = kindDefaults(p.target.objectKind);
  const given = applicable.filter((d) => d.revoked !== true && !builtIn.some((b) => b.grantee === d.grantee && b.privilege === d.privilege));
  const holding = (grantee: string, privilege: string) => own.find((g) => g.grantee === grantee && g.privilege === privilege && g.column === null);
  const asGrant = (d: { grantee: string; privilege: string }): Grant => ({ ...p.target, objectKind: p.target.objectKind, column: null, grantee: d.grantee, privilege: d.privilege, withGrantOption: false });
  for (const group of groups(builtIn.filter((d) => !holding(d.grantee, d.privilege)).map(asGrant), false)) out.push(grantStep('revoke', p, group));
  const why = 'ALTER DEFAULT PRIVILEGES may give it when the object is created';
  const unwanted = [...new Map(given.filter((d) => !holding(d.grantee, d.privilege)).map((d) => [`${d.grantee}\u0000${d.privilege}`, asGrant(d)])).values()];
  for (const group of groups(unwanted, false)) out.push({ ...grantStep('revoke', p, group), reason: p.reason ? `${p.reason}; ${why}` : why });
  const optionless = [...new Map(given.filter((d) => d.withGrantOption && holding(d.grantee, d.privilege)?.withGrantOption === false).map((d) => [`${d.grantee}\u0000${d.privilege}`, asGrant(d)])).values()];
  for (const group of groups(optionless, false)) out.push({ ...grantStep('revoke_option', p, group), reason: p.reason ? `${p.reason}; ${why}` : why });
  const isDefault = (g: Grant) => !withdrawn && g.column === null && !g.withGrantOption && builtIn.some((d) => d.grantee === g.grantee && d.privilege === g.privilege);
  for (const group of groups(own.filter((g) => !isDefault(g)), true)) out.push(grantStep('grant', p, group));
  return out;
}

/**
 * Grants of an object created in this plan (or recreated): it starts from its kind's defaults, so
 * the defaults `grants` lacks are revoked (EXECUTE from PUBLIC for routines), then the rest granted.
 * `grants` may hold other objects' grants; only the target's (and its columns') are used.
 */
export function grantStepsForNewObject(target: GrantTarget, grants: readonly Grant[], reason?: string, defaultPrivileges: readonly DefaultPrivilege[] = []): Step[] {
  return newObjectSteps({ target, objectKeys: targetKeys(target), phase: PHASES.grant, ...(reason ? { reason } : {}) }, grants, defaultPrivileges);
}

/** The `relation` key of a table, view, materialized view or continuous aggregate, as `m` knows it. */
function relationKey(m: DatabaseModel, schema: string, name: string): string {
  if (m.views.some((v) => v.schema === schema && v.name === name)) return keys.view(schema, name);
  if (m.materializedViews.some((v) => v.schema === schema && v.name === name)) return keys.materializedView(schema, name);
  if ((m.continuousAggregates ?? []).some((a) => a.schema === schema && a.name === name)) return continuousAggregateKey(schema, name);
  return keys.table(schema, name);
}

function routineKindOf(ctx: DiffContext, t: GrantTarget): 'function' | 'procedure' | undefined {
  const same = (r: { schema: string; name: string; identityArguments: string }) =>
    r.schema === t.schema && r.name === t.name && r.identityArguments === t.arguments;
  return (ctx.to.routines.find(same) ?? ctx.from.routines.find(same))?.kind;
}

function withKind(ctx: DiffContext, t: GrantTarget): GrantTarget {
  if (t.objectKind !== 'function') return t;
  const kind = routineKindOf(ctx, t);
  return kind ? { ...t, routineKind: kind } : t;
}

function placementFor(ctx: DiffContext, t: GrantTarget, phase: number): Placement {
  const target = withKind(ctx, t);
  const objectKeys = t.objectKind === 'table' ? [relationKey(ctx.to, t.schema, t.name ?? '')] : targetKeys(target);
  return { target, objectKeys, phase };
}

/**
 * Objects `to` has that `from` does not, and continuous aggregates rebuilt for a changed query:
 * they are created by this plan and start from defaults.
 */
function createdTargets(ctx: DiffContext): GrantTarget[] {
  const { from, to } = ctx;
  const out: GrantTarget[] = [];
  const fromSchemas = new Set(from.schemas.map((s) => s.name));
  for (const s of to.schemas) if (!fromSchemas.has(s.name)) out.push({ objectKind: 'schema', schema: s.name, name: null, arguments: null });
  const rel = (schema: string, name: string): GrantTarget => ({ objectKind: 'table', schema, name, arguments: null });
  for (const t of ctx.createdTables) out.push(rel(t.schema, t.name));
  const has = (l: readonly { schema: string; name: string }[], x: { schema: string; name: string }) => l.some((y) => y.schema === x.schema && y.name === x.name);
  for (const v of to.views) if (!has(from.views, v)) out.push(rel(v.schema, v.name));
  for (const v of to.materializedViews) if (!has(from.materializedViews, v)) out.push(rel(v.schema, v.name));
  const rebuilt = rebuiltContinuousAggregates(from, to);
  for (const a of to.continuousAggregates ?? []) {
    if (!has(from.continuousAggregates ?? [], a) || rebuilt.has(continuousAggregateKey(a.schema, a.name))) out.push(rel(a.schema, a.name));
  }
  const renamedTo = new Set([...ctx.sequenceRenames].map(([k, name]) => `${k.slice(0, k.lastIndexOf('.'))}.${name}`));
  for (const s of to.sequences) {
    if (has(from.sequences, s) || renamedTo.has(`${s.schema}.${s.name}`)) continue;
    out.push({ objectKind: 'sequence', schema: s.schema, name: s.name, arguments: null });
  }
  for (const r of to.routines) {
    if (from.routines.some((f) => f.schema === r.schema && f.name === r.name && f.identityArguments === r.identityArguments)) continue;
    out.push({ objectKind: 'function', schema: r.schema, name: r.name, arguments: r.identityArguments, routineKind: r.kind });
  }
  // A rebuilt type is a new one, with the default privileges.
  const typeTarget = (t: { schema: string; name: string }): GrantTarget => ({ objectKind: 'type', schema: t.schema, name: t.name, arguments: null });
  const same = <T extends { schema: string; name: string }>(l: readonly T[] | undefined, x: T) => (l ?? []).find((y) => y.schema === x.schema && y.name === x.name);
  for (const e of to.enums) {
    const before = same(from.enums, e);
    if (!before || enumRebuilt(before, e)) out.push(typeTarget(e));
  }
  for (const d of to.domains ?? []) {
    const before = same(from.domains, d);
    if (!before || domainRebuilt(before, d)) out.push(typeTarget(d));
  }
  for (const c of to.compositeTypes ?? []) {
    const before = same(from.compositeTypes, c);
    if (!before || compositeTypeRebuilt(before, c)) out.push(typeTarget(c));
  }
  // GRANT ... ON FUNCTION names aggregates too.
  for (const a of to.aggregates ?? []) {
    if ((from.aggregates ?? []).some((f) => f.schema === a.schema && f.name === a.name && f.identityArguments === a.identityArguments)) continue;
    out.push({ objectKind: 'function', schema: a.schema, name: a.name, arguments: a.identityArguments, routineKind: 'function' });
  }
  return out;
}

/**
 * A `from` grant under the names its object has once the plan's renames ran, or null when the
 * object (or column) goes away in this plan: its privileges go with it.
 */
function currentGrant(ctx: DiffContext, g: Grant): Grant | null {
  const { from, to } = ctx;
  const inList = (l: readonly { schema: string; name: string }[]) => l.some((x) => x.schema === g.schema && x.name === g.name);
  switch (g.objectKind) {
    case 'schema':
      return from.schemas.some((s) => s.name === g.schema) && !to.schemas.some((s) => s.name === g.schema) ? null : g;
    case 'table':
    case 'column': {
      const name = g.name ?? '';
      if (from.tables.some((t) => t.schema === g.schema && t.name === name)) {
        const table = ctx.currentTableName(g.schema, name);
        if (table === null) return null;
        if (g.column === null) return { ...g, name: table };
        const column = ctx.currentColumnName(g.schema, name, g.column);
        return column === null ? null : { ...g, name: table, column };
      }
      const view = [...to.views, ...to.materializedViews].find((v) => v.schema === g.schema && v.name === name);
      if (inList(from.views) || inList(from.materializedViews)) {
        if (!view) return null;
        if (g.column !== null && !view.columns.some((c) => c.name === g.column)) return null;
      }
      // A dropped continuous aggregate takes its privileges with it.
      if (inList(from.continuousAggregates ?? []) && !inList(to.continuousAggregates ?? [])) return null;
      return g;
    }
    case 'sequence': {
      const renamed = ctx.sequenceRenames.get(`${g.schema}.${g.name}`);
      if (renamed) return { ...g, name: renamed };
      return inList(from.sequences) && !inList(to.sequences) ? null : g;
    }
    case 'function': {
      const same = (r: { schema: string; name: string; identityArguments: string }) =>
        r.schema === g.schema && r.name === g.name && r.identityArguments === g.arguments;
      const gone = (l: readonly { schema: string; name: string; identityArguments: string }[] | undefined, m: typeof l) => (l ?? []).some(same) && !(m ?? []).some(same);
      return gone(from.routines, to.routines) || gone(from.aggregates, to.aggregates) ? null : g;
    }
    case 'type': {
      const types = (m: DatabaseModel) => [...m.enums, ...(m.domains ?? []), ...(m.compositeTypes ?? [])];
      return types(from).some((t) => t.schema === g.schema && t.name === g.name) && !types(to).some((t) => t.schema === g.schema && t.name === g.name) ? null : g;
    }
  }
}

function grantId(g: Grant): string {
  return [targetId(targetOf(g)), g.column ?? '', g.grantee, g.privilege].join('\u0000');
}

/** GRANT/REVOKE for every difference in privileges, and the full grants of objects created in this plan. */
export function diffGrants(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const created = createdTargets(ctx);
  const createdIds = new Set(created.map(targetId));
  const defaultPrivileges = [...ctx.from.defaultPrivileges, ...ctx.to.defaultPrivileges];
  for (const t of created) out.push(...newObjectSteps(placementFor(ctx, t, PHASES.grant), ctx.to.grants, defaultPrivileges));

  const fromGrants = new Map<string, Grant>();
  for (const g of ctx.from.grants) {
    const current = currentGrant(ctx, g);
    if (current && !createdIds.has(targetId(targetOf(current)))) fromGrants.set(grantId(current), current);
  }
  const toGrants = new Map<string, Grant>();
  for (const g of ctx.to.grants) if (!createdIds.has(targetId(targetOf(g)))) toGrants.set(grantId(g), g);

  /** Per target, the grants to add, to revoke, and whose grant option to revoke. */
  const changes = new Map<string, { target: GrantTarget; grant: Grant[]; revoke: Grant[]; revokeOption: Grant[] }>();
  const entry = (g: Grant) => {
    const id = targetId(targetOf(g));
    let e = changes.get(id);
    if (!e) changes.set(id, (e = { target: targetOf(g), grant: [], revoke: [], revokeOption: [] }));
    return e;
  };
  for (const [id, g] of toGrants) {
    const before = fromGrants.get(id);
    if (!before || (g.withGrantOption && !before.withGrantOption)) entry(g).grant.push(g);
    else if (!g.withGrantOption && before.withGrantOption) entry(g).revokeOption.push(g);
  }
  for (const [id, g] of fromGrants) if (!toGrants.has(id)) entry(g).revoke.push(g);

  for (const e of changes.values()) {
    for (const group of groups(e.revoke, false)) out.push(grantStep('revoke', placementFor(ctx, e.target, PHASES.revoke), group));
    for (const group of groups(e.revokeOption, false)) out.push(grantStep('revoke_option', placementFor(ctx, e.target, PHASES.revoke), group));
    for (const group of groups(e.grant, true)) out.push(grantStep('grant', placementFor(ctx, e.target, PHASES.grant), group));
  }
  return out;
}
