import type { DefaultPrivilege, DefaultPrivilegeObjectKind } from '../../model/grant.ts';
import { below, positionOf, valueOf } from '../context.ts';
import { checkIdentifier } from '../names.ts';
import { granteeName, listOf, PRIVILEGES } from './grants.ts';
import type { Kind } from './kind.ts';

interface DefaultPrivilegeYaml {
  readonly in_schema?: string;
  readonly on: DefaultPrivilegeObjectKind;
  readonly to: string | readonly string[];
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

/**
 * `default_privileges:` maps the role whose future objects get privileges (FOR ROLE) to a list of
 * `{ in_schema, on, to, privileges, with_grant_option }`. The rows are managed completely: any
 * default privilege not listed is revoked.
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
      const allowed = DEFAULT_PRIVILEGES[entry.on];
      const privileges: string[] = [];
      listOf(entry.privileges).forEach((p, j) => {
        const pAt = valueOf(Array.isArray(entry.privileges) ? below(at, 'privileges', j) : below(at, 'privileges'));
        const upper = p.toUpperCase();
        if (allowed.includes(upper)) privileges.push(upper);
        else ctx.problem(pAt, `privilege \`${p}\` cannot be granted on ${entry.on}; expected one of: ${allowed.join(', ')}`);
      });
      listOf(entry.to).forEach((to, j) => {
        const toAt = valueOf(Array.isArray(entry.to) ? below(at, 'to', j) : below(at, 'to'));
        for (const privilege of privileges) {
          const d: DefaultPrivilege = {
            role,
            schema: entry.in_schema ?? null,
            objectKind: entry.on,
            grantee: granteeName(to),
            privilege,
            withGrantOption: entry.with_grant_option ?? false,
          };
          const same = ctx.model.defaultPrivileges.findIndex(
            (x) => x.role === d.role && x.schema === d.schema && x.objectKind === d.objectKind && x.grantee === d.grantee && x.privilege === d.privilege,
          );
          if (same >= 0) {
            const x = ctx.model.defaultPrivileges[same]!;
            ctx.model.defaultPrivileges[same] = { ...x, withGrantOption: x.withGrantOption || d.withGrantOption };
            continue;
          }
          ctx.model.defaultPrivileges.push(d);
          const key = defaultPrivilegeSourceKey(d);
          if (!ctx.sources.has(key)) ctx.sources.set(key, positionOf(toAt));
        }
      });
    });
  },
};
