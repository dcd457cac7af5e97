import type { DatabaseModel } from './database.ts';

/** A role named somewhere in a state, and what names it (for messages). */
export interface RoleReference {
  readonly role: string;
  readonly usedBy: string;
}

/** Names that are not roles: PUBLIC and the session pseudo-roles. */
const PSEUDO_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role']);

export function isPseudoRole(name: string): boolean {
  return PSEUDO_ROLES.has(name.toLowerCase());
}

/**
 * Every role the state names: grantees, policy roles, default-privilege roles, owners and
 * memberships. Declared roles are not listed for being declared, only for being used.
 */
export function roleReferences(m: DatabaseModel): RoleReference[] {
  const out: RoleReference[] = [];
  const add = (role: string | null | undefined, usedBy: string) => {
    if (role && !isPseudoRole(role)) out.push({ role, usedBy });
  };
  for (const g of m.grants) {
    const object = g.name === null ? `schema ${g.schema}` : `${g.objectKind} ${g.schema}.${g.name}${g.column ? `.${g.column}` : ''}`;
    add(g.grantee, `a grant of ${g.privilege} on ${object}`);
  }
  for (const p of m.policies) for (const r of p.roles) add(r, `policy ${p.name} on ${p.schema}.${p.table}`);
  for (const d of m.defaultPrivileges) {
    add(d.role, `default privileges on ${d.objectKind}`);
    add(d.grantee, `default privileges on ${d.objectKind} granted by ${d.role}`);
  }
  for (const r of m.roles) for (const parent of r.memberOf) add(parent, `the membership of role ${r.name}`);
  for (const s of m.schemas) add(s.owner, `the owner of schema ${s.name}`);
  for (const e of m.enums) add(e.owner, `the owner of type ${e.schema}.${e.name}`);
  for (const s of m.sequences) add(s.owner, `the owner of sequence ${s.schema}.${s.name}`);
  for (const t of m.tables) add(t.owner, `the owner of table ${t.schema}.${t.name}`);
  for (const v of m.views) add(v.owner, `the owner of view ${v.schema}.${v.name}`);
  for (const v of m.materializedViews) add(v.owner, `the owner of materialized view ${v.schema}.${v.name}`);
  for (const r of m.routines) add(r.owner, `the owner of ${r.kind} ${r.schema}.${r.name}(${r.identityArguments})`);
  return out;
}

/** Roles a state uses without declaring them. */
export function undeclaredRoles(m: DatabaseModel): RoleReference[] {
  const declared = new Set(m.roles.map((r) => r.name));
  const seen = new Set<string>();
  return roleReferences(m).filter((r) => !declared.has(r.role) && !seen.has(r.role) && (seen.add(r.role), true));
}
