import { BUILT_IN_DEFAULT_PRIVILEGES, isBuiltInDefaultPrivilege } from '../../model/grant.ts';
import type { DefaultPrivilege, DefaultPrivilegeObjectKind } from '../../model/grant.ts';
import { below, positionOf, valueOf } from '../context.ts';
import { checkIdentifier } from '../names.ts';
import { allGrantSourceKey, privilegeSourceKey, granteeName, isAllPrivileges, listOf, PRIVILEGES } from './grants.ts';
import type { Kind } from './kind.ts';

interface DefaultPrivilegeYaml {
  readonly in_schema?: string;
  readonly on: DefaultPrivilegeObjectKind;
  readonly to?: string | readonly string[];
  /** Built-in defaults (EXECUTE on functions, USAGE on types, to PUBLIC) withdrawn database-wide. */
  readonly revoked_from?: string | readonly string[];
  readonly privileges: string | readonly string[];
  readonly with_grant_option?: boolean;
}

/** Privileges ALTER DEFAULT PRIVILEGES can give on each kind of future object. */
export const DEFAULT_PRIVILEGES: Readonly<Record<DefaultPrivilegeObjectKind, readonly string[]>> = {
  tables: PRIVILEGES.table,
  sequences: PRIVILEGES.sequence,
  functions: PRIVILEGES.function,
  types: ['USAGE'],
  schemas: PRIVILEGES.schema,
};

/** Where a default privilege's source position is recorded. */
export function defaultPrivilegeSourceKey(d: Pick<DefaultPrivilege, 'role' | 'schema' | 'objectKind' | 'grantee'>): string {
  return `default_privilege:${d.role}:${d.schema ?? '*'}:${d.objectKind}:${d.grantee}`;
}

/** The built-in defaults, for messages: `EXECUTE on functions to PUBLIC, ...`. */
const BUILT_IN_TEXT = BUILT_IN_DEFAULT_PRIVILEGES.map((b) => `${b.privilege} on ${b.objectKind} to ${b.grantee}`).join(', ');

/**
 * `default_privileges:` maps the role whose future objects get privileges (FOR ROLE) to a list of
 * `{ in_schema, on, to, privileges, with_grant_option }` or `{ on, revoked_from, privileges }`.
 * The rows are managed completely: any default privilege not listed is revoked, and PostgreSQL's
 * built-in defaults (EXECUTE on functions and USAGE on types to PUBLIC) hold unless an entry
 * with `revoked_from` withdraws them database-wide. Listing a built-in under `to` (database-wide)
 * says nothing beyond the built-in, so it adds no row.
 */
export const defaultPrivilegesKind: Kind = {
  key: 'default_privileges',
  load({ name: role, value, loc }, ctx) {
    checkIdentifier(ctx, role, loc);
    ((value ?? []) as readonly DefaultPrivilegeYaml[]).forEach((entry, i) => {
      const at = below(loc, i);
      if (entry.in_schema !== undefined && entry.on === 'schemas') {
        ctx.problem(below(at, 'in_schema'), 'default privileges on schemas cannot be limited to a schema (`in_schema`)');
      }
      const revoking = entry.revoked_from !== undefined;
      if (revoking === (entry.to !== undefined)) {
        ctx.problem(at, 'a default privilege entry needs exactly one of `to` (grant) or `revoked_from` (withdraw a built-in default)');
        return;
      }
      if (revoking && entry.in_schema !== undefined) {
        ctx.problem(below(at, 'in_schema'), 'built-in default privileges can only be withdrawn database-wide: `revoked_from` cannot be used with `in_schema`');
        return;
      }
      if (revoking && entry.with_grant_option !== undefined) {
        ctx.problem(below(at, 'with_grant_option'), '`with_grant_option` applies to `to`, not to `revoked_from`');
      }
      const allowed = DEFAULT_PRIVILEGES[entry.on];
      const privileges: string[] = [];
      const privilegeAt = new Map<string, ReturnType<typeof valueOf>>();
      let all = false;
      listOf(entry.privileges).forEach((p, j) => {
        const pAt = valueOf(Array.isArray(entry.privileges) ? below(at, 'privileges', j) : below(at, 'privileges'));
        const upper = p.toUpperCase();
        if (isAllPrivileges(p)) {
          all = true;
          privileges.push(...allowed);
          for (const a of allowed) if (!privilegeAt.has(a)) privilegeAt.set(a, pAt);
        } else if (allowed.includes(upper)) {
          privileges.push(upper);
          privilegeAt.set(upper, pAt);
        } else ctx.problem(pAt, `privilege \`${p}\` cannot be granted on ${entry.on}; expected ALL or one of: ${allowed.join(', ')}`);
      });
      const field = revoking ? 'revoked_from' : 'to';
      const grantees = revoking ? entry.revoked_from : entry.to;
      listOf(grantees).forEach((to, j) => {
        const toAt = valueOf(Array.isArray(grantees) ? below(at, field, j) : below(at, field));
        for (const privilege of privileges) {
          const d: DefaultPrivilege = {
            role,
            schema: entry.in_schema ?? null,
            objectKind: entry.on,
            grantee: granteeName(to),
            privilege,
            withGrantOption: revoking ? false : (entry.with_grant_option ?? false),
            ...(revoking ? { revoked: true } : {}),
          };
          const builtIn = d.schema === null && isBuiltInDefaultPrivilege(d);
          if (revoking && !builtIn) {
            ctx.problem(toAt, `${privilege} on ${entry.on} to ${d.grantee} is not a built-in default privilege, so there is nothing to withdraw; built-in: ${BUILT_IN_TEXT}`);
            continue;
          }
          // A built-in granted database-wide without grant option is what holds anyway.
          if (!revoking && builtIn && !d.withGrantOption) continue;
          const same = ctx.model.defaultPrivileges.findIndex(
            (x) => x.role === d.role && x.schema === d.schema && x.objectKind === d.objectKind && x.grantee === d.grantee && x.privilege === d.privilege,
          );
          if (same >= 0) {
            const x = ctx.model.defaultPrivileges[same]!;
            if ((x.revoked ?? false) !== (d.revoked ?? false)) {
              ctx.problem(toAt, `${privilege} on ${entry.on} to ${d.grantee} is both granted and withdrawn for role ${role}`);
              continue;
            }
            ctx.model.defaultPrivileges[same] = { ...x, withGrantOption: x.withGrantOption || d.withGrantOption };
            continue;
          }
          ctx.model.defaultPrivileges.push(d);
          const key = defaultPrivilegeSourceKey(d);
          if (!ctx.sources.has(key)) ctx.sources.set(key, positionOf(toAt));
          if (all) ctx.sources.set(allGrantSourceKey(key), positionOf(toAt));
          const at = privilegeAt.get(privilege);
          if (at && !ctx.sources.has(privilegeSourceKey(key, privilege))) ctx.sources.set(privilegeSourceKey(key, privilege), positionOf(at));
        }
      });
    });
  },
};
