import { keys } from '../../model/keys.ts';
import { type Role, SCRATCH_ROLE_PREFIX } from '../../model/role.ts';
import { below, positionOf, shortPosition, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier } from '../names.ts';
import type { Kind } from './kind.ts';

interface RoleYaml {
  readonly login?: boolean;
  readonly superuser?: boolean;
  readonly createdb?: boolean;
  readonly createrole?: boolean;
  readonly inherit?: boolean;
  readonly replication?: boolean;
  readonly bypass_rls?: boolean;
  readonly connection_limit?: number;
  readonly member_of?: readonly string[];
  readonly comment?: string | null;
}

/** What CREATE ROLE gives a role whose options are not written. */
export const ROLE_DEFAULTS = {
  login: false,
  superuser: false,
  createdb: false,
  createrole: false,
  inherit: true,
  replication: false,
  bypassRls: false,
  connectionLimit: -1,
} as const;

/** Names no declared role can have: the PUBLIC pseudo-role, PostgreSQL's reserved `pg_` prefix and pgform's scratch roles. */
function checkRoleName(ctx: LoadContext, name: string, loc: Loc): void {
  checkIdentifier(ctx, name, loc);
  if (name.toLowerCase() === 'public') ctx.problem(loc, '`public` is the pseudo-role of every role; it cannot be declared');
  else if (name.startsWith('pg_')) ctx.problem(loc, 'role names starting with `pg_` are reserved by PostgreSQL');
  else if (name.startsWith(SCRATCH_ROLE_PREFIX)) ctx.problem(loc, `role names starting with \`${SCRATCH_ROLE_PREFIX}\` are reserved for pgform's scratch databases`);
}

/** `roles:` declares cluster-wide roles: created when missing, never dropped unless in `drop_roles`. */
export const rolesKind: Kind = {
  key: 'roles',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as RoleYaml;
    checkRoleName(ctx, name, loc);
    (v.member_of ?? []).forEach((m, i) => {
      if (m === name) ctx.problem(valueOf(below(loc, 'member_of', i)), 'a role cannot be a member of itself');
    });
    if (!ctx.declare(keys.role(name), `role \`${name}\``, loc)) return;
    const role: Role = {
      name,
      login: v.login ?? ROLE_DEFAULTS.login,
      superuser: v.superuser ?? ROLE_DEFAULTS.superuser,
      createdb: v.createdb ?? ROLE_DEFAULTS.createdb,
      createrole: v.createrole ?? ROLE_DEFAULTS.createrole,
      inherit: v.inherit ?? ROLE_DEFAULTS.inherit,
      replication: v.replication ?? ROLE_DEFAULTS.replication,
      bypassRls: v.bypass_rls ?? ROLE_DEFAULTS.bypassRls,
      connectionLimit: v.connection_limit ?? ROLE_DEFAULTS.connectionLimit,
      memberOf: [...new Set(v.member_of ?? [])],
      comment: v.comment ?? null,
    };
    ctx.model.roles.push(ctx.mark(role, loc));
  },
};

/** `drop_roles: [name, ...]`: roles to DROP (IF EXISTS); roles are otherwise never dropped. */
export const dropRolesKind: Kind = {
  key: 'drop_roles',
  load({ value, loc }, ctx) {
    const name = value as string;
    const at = valueOf(loc);
    checkRoleName(ctx, name, at);
    if (ctx.model.dropRoles.includes(name)) {
      ctx.problem(at, `role \`${name}\` is listed twice`);
      return;
    }
    ctx.model.dropRoles.push(name);
    ctx.sources.set(`drop_role:${name}`, positionOf(at));
    dropLocs.set(ctx, [...(dropLocs.get(ctx) ?? []), { name, loc: at }]);
  },
  check(ctx) {
    for (const { name, loc } of dropLocs.get(ctx) ?? []) {
      const declared = ctx.declaredAt(keys.role(name));
      if (declared !== undefined) ctx.problem(loc, `role \`${name}\` is declared at ${shortPosition(declared)}; it cannot also be dropped`);
    }
  },
};

const dropLocs = new WeakMap<LoadContext, { name: string; loc: Loc }[]>();
