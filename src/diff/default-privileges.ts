import type { DefaultPrivilege } from '../model/grant.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident } from '../sql/quote.ts';
import { hazard, step, type DiffContext } from './context.ts';
import { comparePrivileges } from './grants.ts';
import { granteeText, roleKeys, roleReleased, roleSpec } from './roles.ts';

type Action = 'grant' | 'revoke' | 'revoke_option';

function scopeId(d: DefaultPrivilege): string {
  return [d.role, d.schema ?? '', d.objectKind, d.grantee].join('\u0000');
}

function rowId(d: DefaultPrivilege): string {
  return `${scopeId(d)}\u0000${d.privilege}`;
}

function defaultPrivilegeStep(action: Action, group: readonly DefaultPrivilege[]): Step {
  const d = group[0]!;
  const privs = [...new Set(group.map((g) => g.privilege))].sort(comparePrivileges).join(', ');
  const kind = d.objectKind.toUpperCase();
  const scope = `FOR ROLE ${ident(d.role)}${d.schema === null ? '' : ` IN SCHEMA ${ident(d.schema)}`}`;
  const sql =
    action === 'grant'
      ? `ALTER DEFAULT PRIVILEGES ${scope} GRANT ${privs} ON ${kind} TO ${roleSpec(d.grantee)}${d.withGrantOption ? ' WITH GRANT OPTION' : ''}`
      : `ALTER DEFAULT PRIVILEGES ${scope} REVOKE ${action === 'revoke_option' ? 'GRANT OPTION FOR ' : ''}${privs} ON ${kind} FROM ${roleSpec(d.grantee)}`;
  const future = `${d.objectKind} role ${d.role} creates from now on${d.schema === null ? '' : ` in schema ${d.schema}`}`;
  const message =
    action === 'grant'
      ? `${future} grant ${privs} to ${granteeText(d.grantee)}${d.withGrantOption ? ' with grant option' : ''}`
      : action === 'revoke'
        ? `${future} no longer grant ${privs} to ${granteeText(d.grantee)}`
        : `${future} no longer give ${granteeText(d.grantee)} the grant option for ${privs}`;
  return step({
    kind: 'default_privilege',
    object: `${d.role}${d.schema === null ? '' : ` in ${d.schema}`} ${d.objectKind} ${action === 'grant' ? 'to' : 'from'} ${d.grantee}`,
    operation: action === 'grant' ? 'grant' : 'revoke',
    sql,
    hazards: [hazard('authz_change', message)],
    phase: PHASES.defaultPrivileges,
    requires: [...roleKeys([d.role, d.grantee]), ...(d.schema === null ? [] : [keys.schema(d.schema)])],
    ...(action === 'grant' ? {} : { removes: [roleReleased(d.grantee), roleReleased(d.role)] }),
  });
}

function grouped(rows: readonly DefaultPrivilege[], byOption: boolean): DefaultPrivilege[][] {
  const m = new Map<string, DefaultPrivilege[]>();
  for (const d of rows) {
    const k = `${scopeId(d)}\u0000${byOption ? d.withGrantOption : ''}`;
    const l = m.get(k);
    if (l) l.push(d);
    else m.set(k, [d]);
  }
  return [...m.values()];
}

/**
 * ALTER DEFAULT PRIVILEGES for every row added, removed or whose grant option changed (fully
 * managed). A `revoked` row is a built-in default withdrawn: it appearing is a REVOKE, it going
 * away grants the built-in back.
 */
export function diffDefaultPrivileges(ctx: DiffContext): Step[] {
  const granted = (m: readonly DefaultPrivilege[]) => new Map(m.filter((d) => !d.revoked).map((d) => [rowId(d), d]));
  const withdrawn = (m: readonly DefaultPrivilege[]) => new Map(m.filter((d) => d.revoked).map((d) => [rowId(d), d]));
  const from = granted(ctx.from.defaultPrivileges);
  const to = granted(ctx.to.defaultPrivileges);
  const fromWithdrawn = withdrawn(ctx.from.defaultPrivileges);
  const toWithdrawn = withdrawn(ctx.to.defaultPrivileges);
  const grant: DefaultPrivilege[] = [];
  const revoke: DefaultPrivilege[] = [];
  const revokeOption: DefaultPrivilege[] = [];
  for (const [id, d] of to) {
    const before = from.get(id);
    if (!before || (d.withGrantOption && !before.withGrantOption)) grant.push(d);
    else if (!d.withGrantOption && before.withGrantOption) revokeOption.push(d);
  }
  for (const [id, d] of from) if (!to.has(id)) revoke.push(d);
  for (const [id, d] of toWithdrawn) if (!fromWithdrawn.has(id)) revoke.push({ ...d, withGrantOption: false });
  for (const [id, d] of fromWithdrawn) if (!toWithdrawn.has(id)) grant.push({ ...d, withGrantOption: false });
  return [
    ...grouped(revoke, false).map((g) => defaultPrivilegeStep('revoke', g)),
    ...grouped(revokeOption, false).map((g) => defaultPrivilegeStep('revoke_option', g)),
    ...grouped(grant, true).map((g) => defaultPrivilegeStep('grant', g)),
  ];
}
