import type { DatabaseModel } from '../model/database.ts';
import type { Role } from '../model/role.ts';
import { keys } from '../model/keys.ts';
import { routineSignature } from '../model/function.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident } from '../sql/quote.ts';
import { commentSql, display, hazard, step, type DiffContext } from './context.ts';

/**
 * Edge removed by every step that takes something away from a role (a revoke, a dropped policy
 * naming it): DROP ROLE waits for them, as PostgreSQL refuses to drop a role still referenced.
 */
export function roleReleased(role: string): string {
  return `released:${keys.role(role)}`;
}

/** Grantee spellings that are not roles: never created, never required. */
const PSEUDO_ROLES = new Set(['PUBLIC', 'CURRENT_USER', 'SESSION_USER', 'CURRENT_ROLE']);

export function isPseudoRole(name: string): boolean {
  return PSEUDO_ROLES.has(name.toUpperCase());
}

/** A role as SQL names it in GRANT/TO lists: PUBLIC (and the CURRENT_USER family) stay keywords. */
export function roleSpec(name: string): string {
  return isPseudoRole(name) ? name.toUpperCase() : ident(name);
}

/** `role:` keys of the real roles among the names, for `requires`. */
export function roleKeys(names: readonly string[]): string[] {
  return names.filter((n) => !isPseudoRole(n)).map(keys.role);
}

/** How a hazard message names a grantee: "PUBLIC" or "role r". */
export function granteeText(name: string): string {
  return isPseudoRole(name) ? name.toUpperCase() : `role ${name}`;
}

type Attribute = 'login' | 'superuser' | 'createdb' | 'createrole' | 'inherit' | 'replication' | 'bypassRls';

const ATTRIBUTES: readonly { readonly field: Attribute; readonly word: string; readonly byDefault: boolean }[] = [
  { field: 'login', word: 'LOGIN', byDefault: false },
  { field: 'superuser', word: 'SUPERUSER', byDefault: false },
  { field: 'createdb', word: 'CREATEDB', byDefault: false },
  { field: 'createrole', word: 'CREATEROLE', byDefault: false },
  { field: 'inherit', word: 'INHERIT', byDefault: true },
  { field: 'replication', word: 'REPLICATION', byDefault: false },
  { field: 'bypassRls', word: 'BYPASSRLS', byDefault: false },
];

/** Options that differ from `from` (or, for a new role, from CREATE ROLE's defaults). */
function roleOptions(from: Role | null, to: Role): string[] {
  const out: string[] = [];
  for (const a of ATTRIBUTES) {
    const before = from ? from[a.field] : a.byDefault;
    if (before !== to[a.field]) out.push(to[a.field] ? a.word : `NO${a.word}`);
  }
  const limitBefore = from ? from.connectionLimit : -1;
  if (limitBefore !== to.connectionLimit) out.push(`CONNECTION LIMIT ${to.connectionLimit}`);
  return out;
}

function describeOptions(options: readonly string[]): string {
  return options.map((o) => o.toLowerCase()).join(', ');
}

function roleCommentStep(r: Role): Step {
  return step({
    kind: 'role',
    object: r.name,
    operation: 'comment',
    sql: commentSql(`ROLE ${ident(r.name)}`, r.comment),
    phase: PHASES.comment,
    requires: [keys.role(r.name)],
  });
}

function membershipStep(role: string, parent: string, grant: boolean): Step {
  return step({
    kind: 'role',
    object: role,
    operation: grant ? 'grant' : 'revoke',
    sql: grant ? `GRANT ${ident(parent)} TO ${ident(role)}` : `REVOKE ${ident(parent)} FROM ${ident(role)}`,
    hazards: [
      hazard(
        'authz_change',
        grant ? `role ${role} becomes a member of ${parent} and gains its privileges` : `role ${role} stops being a member of ${parent} and loses its privileges`,
      ),
    ],
    phase: PHASES.alterRole,
    requires: [keys.role(role), keys.role(parent)],
  });
}

export function diffRoles(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByName = new Map(ctx.from.roles.map((r) => [r.name, r]));
  const dropping = new Set(ctx.to.dropRoles ?? []);
  for (const to of ctx.to.roles) {
    if (dropping.has(to.name)) continue;
    const from = fromByName.get(to.name) ?? null;
    const options = roleOptions(from, to);
    if (!from) {
      out.push(
        step({
          kind: 'role',
          object: to.name,
          operation: 'create',
          sql: `CREATE ROLE ${ident(to.name)}${options.length ? ` WITH ${options.join(' ')}` : ''}`,
          hazards: [hazard('authz_change', `creates role ${to.name}${options.length ? ` (${describeOptions(options)})` : ''}`)],
          phase: PHASES.createRole,
          provides: [keys.role(to.name)],
        }),
      );
    } else if (options.length) {
      out.push(
        step({
          kind: 'role',
          object: to.name,
          operation: 'alter',
          sql: `ALTER ROLE ${ident(to.name)} WITH ${options.join(' ')}`,
          hazards: [hazard('authz_change', `changes what role ${to.name} may do: ${describeOptions(options)}`)],
          phase: PHASES.alterRole,
          requires: [keys.role(to.name)],
        }),
      );
    }
    const before = new Set(from?.memberOf ?? []);
    const after = new Set(to.memberOf);
    for (const parent of to.memberOf) if (!before.has(parent)) out.push(membershipStep(to.name, parent, true));
    for (const parent of from?.memberOf ?? []) if (!after.has(parent)) out.push(membershipStep(to.name, parent, false));
    if ((from?.comment ?? null) !== to.comment) out.push(roleCommentStep(to));
  }
  for (const name of dropping) {
    if (!fromByName.has(name)) continue;
    out.push(
      step({
        kind: 'role',
        object: name,
        operation: 'drop',
        sql: `DROP ROLE IF EXISTS ${ident(name)}`,
        hazards: [hazard('authz_change', `drops role ${name}: sessions can no longer use it`)],
        reason: 'listed in drop_roles',
        phase: PHASES.dropRole,
        removes: [keys.role(name)],
        requiresRemoved: [roleReleased(name)],
      }),
    );
  }
  return out;
}

/**
 * Roles the desired state names (grants, policies, default privileges, owners, memberships)
 * that are neither declared in it nor present in the live cluster: a plan-time error.
 */
export function unknownRoles(
  desired: DatabaseModel,
  liveRoles: readonly string[],
): { role: string; usedBy: string; source?: string }[] {
  const known = new Set([...desired.roles.map((r) => r.name), ...liveRoles]);
  const seen = new Set<string>();
  const out: { role: string; usedBy: string; source?: string }[] = [];
  // `source`: the identity key (src/model/keys.ts) of the object naming the role, to locate it.
  const use = (role: string | null | undefined, usedBy: string, source?: string) => {
    // pg_* roles are built into every cluster (pg_database_owner owns schema public).
    if (role === null || role === undefined || isPseudoRole(role) || known.has(role) || role.startsWith('pg_')) return;
    const k = `${role}\u0000${usedBy}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(source === undefined ? { role, usedBy } : { role, usedBy, source });
  };
  for (const g of desired.grants) {
    const on =
      g.objectKind === 'schema'
        ? `schema ${g.schema}`
        : g.objectKind === 'function'
          ? `function ${routineSignature({ schema: g.schema, name: g.name ?? '', identityArguments: g.arguments ?? '' })}`
          : g.objectKind === 'column'
            ? `column ${display(g.schema, g.name ?? '', g.column ?? '')}`
            : `${g.objectKind} ${display(g.schema, g.name ?? '')}`;
    use(g.grantee, `grant of ${g.privilege} on ${on}`);
  }
  for (const p of desired.policies) for (const r of p.roles) use(r, `policy ${p.name} on ${display(p.schema, p.table)}`, keys.policy(p.schema, p.table, p.name));
  for (const d of desired.defaultPrivileges) {
    const where = d.schema === null ? '' : ` in schema ${d.schema}`;
    use(d.role, `default privileges for role ${d.role}${where}`);
    use(d.grantee, `default privileges for role ${d.role}${where} (grantee)`);
  }
  for (const s of desired.schemas) use(s.owner, `owner of schema ${s.name}`, keys.schema(s.name));
  for (const t of desired.tables) use(t.owner, `owner of table ${display(t.schema, t.name)}`, keys.table(t.schema, t.name));
  for (const v of desired.views) use(v.owner, `owner of view ${display(v.schema, v.name)}`, keys.view(v.schema, v.name));
  for (const v of desired.materializedViews) use(v.owner, `owner of materialized view ${display(v.schema, v.name)}`, keys.materializedView(v.schema, v.name));
  for (const s of desired.sequences) use(s.owner, `owner of sequence ${display(s.schema, s.name)}`, keys.sequence(s.schema, s.name));
  for (const e of desired.enums) use(e.owner, `owner of type ${display(e.schema, e.name)}`, keys.enum(e.schema, e.name));
  for (const d of desired.domains ?? []) use(d.owner, `owner of domain ${display(d.schema, d.name)}`, keys.domain(d.schema, d.name));
  for (const c of desired.compositeTypes ?? []) use(c.owner, `owner of type ${display(c.schema, c.name)}`, keys.compositeType(c.schema, c.name));
  for (const r of desired.routines) use(r.owner, `owner of ${r.kind} ${routineSignature(r)}`, keys.routine(r.schema, r.name, r.identityArguments));
  for (const r of desired.roles) for (const m of r.memberOf) use(m, `membership of role ${r.name}`, keys.role(r.name));
  return out;
}

/** For messages: "every role", "role a", "roles a, b". */
export function rolesText(names: readonly string[]): string {
  if (names.some((n) => n.toUpperCase() === 'PUBLIC')) return 'every role';
  return names.length === 1 ? `role ${names[0]}` : `roles ${names.join(', ')}`;
}
