import type { Policy } from '../model/policy.ts';
import type { Table } from '../model/table.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { commentSql, display, hazard, step, type DiffContext } from './context.ts';
import { parenthesize } from './sql-text.ts';
import { roleKeys, roleReleased, roleSpec, rolesText } from './roles.ts';

/** Removed by ALTER TABLE ... DISABLE ROW LEVEL SECURITY: the table's last policies go after it. */
export function rowSecurityOff(schema: string, table: string): string {
  return `row-security-off:${keys.table(schema, table)}`;
}

function on(p: Policy): string {
  return `${ident(p.name)} ON ${qname({ schema: p.schema, name: p.table })}`;
}

function policyText(p: Policy): string {
  return `${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} policy ${p.name} on ${display(p.schema, p.table)}`;
}

function clauses(p: Pick<Policy, 'roles' | 'using' | 'withCheck'>): string {
  const roles = p.roles.length ? p.roles : ['PUBLIC'];
  return [
    `TO ${roles.map(roleSpec).join(', ')}`,
    ...(p.using !== null ? [`USING ${parenthesize(p.using)}`] : []),
    ...(p.withCheck !== null ? [`WITH CHECK ${parenthesize(p.withCheck)}`] : []),
  ].join(' ');
}

function policyCommentStep(p: Policy): Step {
  return step({
    kind: 'policy',
    object: display(p.schema, p.table, p.name),
    operation: 'comment',
    sql: commentSql(`POLICY ${on(p)}`, p.comment),
    phase: PHASES.comment,
    requires: [keys.policy(p.schema, p.table, p.name)],
  });
}

function requirements(p: Policy): string[] {
  return [keys.table(p.schema, p.table), ...p.dependsOn, ...roleKeys(p.roles)];
}

/** CREATE POLICY (and its comment). */
export function createPolicySteps(p: Policy, reason?: string, widensAccess = false): Step[] {
  const pkey = keys.policy(p.schema, p.table, p.name);
  const roles = rolesText(p.roles.length ? p.roles : ['PUBLIC']);
  const message = p.permissive
    ? `a new PERMISSIVE policy ${p.name} on ${display(p.schema, p.table)} may widen which rows ${roles} can ${p.command === 'all' ? 'see and change' : p.command}`
    : `a new RESTRICTIVE policy ${p.name} on ${display(p.schema, p.table)} may hide rows from ${roles}`;
  const out: Step[] = [
    step({
      kind: 'policy',
      object: display(p.schema, p.table, p.name),
      operation: 'create',
      sql: `CREATE POLICY ${on(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command.toUpperCase()} ${clauses(p)}`,
      hazards: [hazard('authz_change', message, { widensAccess })],
      ...(reason ? { reason } : {}),
      phase: PHASES.createPolicy,
      provides: [pkey],
      requires: requirements(p),
      requiresRemoved: [pkey],
    }),
  ];
  if (p.comment !== null) out.push(policyCommentStep(p));
  return out;
}

/** DROP POLICY; waits for the table's RLS to be disabled when the plan disables it. */
export function dropPolicyStep(p: Policy, reason?: string, widensAccess = false): Step {
  const roles = rolesText(p.roles.length ? p.roles : ['PUBLIC']);
  const message = p.permissive
    ? `dropping ${policyText(p)} may hide rows ${roles} could reach through it`
    : `dropping ${policyText(p)} may widen which rows ${roles} can reach`;
  return step({
    kind: 'policy',
    object: display(p.schema, p.table, p.name),
    operation: 'drop',
    sql: `DROP POLICY ${on(p)}`,
    hazards: [hazard('authz_change', message, { widensAccess })],
    ...(reason ? { reason } : {}),
    phase: PHASES.dropPolicy,
    removes: [keys.policy(p.schema, p.table, p.name), ...p.roles.map(roleReleased)],
    requiresRemoved: [rowSecurityOff(p.schema, p.table)],
  });
}

function alterPolicyStep(from: Policy, to: Policy): Step {
  const parts: string[] = [];
  const what: string[] = [];
  // Roles gained, or a condition that changes: pgform cannot prove a new condition is narrower.
  const gained = to.roles.length === 0 ? from.roles.length > 0 : to.roles.some((r) => !from.roles.includes(r));
  const widensAccess = gained || from.using !== to.using || from.withCheck !== to.withCheck;
  if (from.roles.join('\u0000') !== to.roles.join('\u0000')) {
    parts.push(`TO ${(to.roles.length ? to.roles : ['PUBLIC']).map(roleSpec).join(', ')}`);
    what.push(`applies to ${rolesText(to.roles.length ? to.roles : ['PUBLIC'])} instead of ${rolesText(from.roles.length ? from.roles : ['PUBLIC'])}`);
  }
  if (from.using !== to.using && to.using !== null) {
    parts.push(`USING ${parenthesize(to.using)}`);
    what.push('its USING condition changes which existing rows are visible');
  }
  if (from.withCheck !== to.withCheck && to.withCheck !== null) {
    parts.push(`WITH CHECK ${parenthesize(to.withCheck)}`);
    what.push('its WITH CHECK condition changes which rows may be written');
  }
  return step({
    kind: 'policy',
    object: display(to.schema, to.table, to.name),
    operation: 'alter',
    sql: `ALTER POLICY ${on(to)} ${parts.join(' ')}`,
    hazards: [hazard('authz_change', `${policyText(to)} ${what.join('; ')}${widensAccess ? ' (may widen access)' : ''}`, { widensAccess })],
    phase: PHASES.alterPolicy,
    requires: [keys.policy(to.schema, to.table, to.name), ...requirements(to)],
    removes: from.roles.filter((r) => !to.roles.includes(r)).map(roleReleased),
  });
}

/** Whether ALTER POLICY can express the change: same kind and command, no clause removed. */
function alterable(from: Policy, to: Policy): boolean {
  return (
    from.permissive === to.permissive &&
    from.command === to.command &&
    (from.using === to.using || to.using !== null) &&
    (from.withCheck === to.withCheck || to.withCheck !== null)
  );
}

function sameRules(from: Policy, to: Policy): boolean {
  return from.roles.join('\u0000') === to.roles.join('\u0000') && from.using === to.using && from.withCheck === to.withCheck;
}

function rowSecuritySteps(from: Table | null, to: Table, policiesOfTable: readonly Policy[]): Step[] {
  const out: Step[] = [];
  const t = display(to.schema, to.name);
  const tkey = keys.table(to.schema, to.name);
  // Disabling RLS or FORCE widens access; enabling them narrows it.
  const alter = (sql: string, operation: 'enable' | 'disable', message: string, phase: number, extra: Partial<Step>) =>
    step({
      kind: 'table',
      object: t,
      operation,
      sql: `ALTER TABLE ${qname(to)} ${sql}`,
      hazards: [hazard('authz_change', message, { widensAccess: operation === 'disable' })],
      phase,
      ...extra,
    });
  const before = { rls: from?.rowSecurity ?? false, force: from?.forceRowSecurity ?? false };
  const policyKeys = policiesOfTable.map((p) => keys.policy(p.schema, p.table, p.name));
  if (to.rowSecurity && !before.rls) {
    out.push(
      alter('ENABLE ROW LEVEL SECURITY', 'enable', `enabling row level security on ${t}: rows are hidden from roles without a matching policy`, PHASES.enableRowSecurity, {
        requires: [tkey, ...policyKeys],
      }),
    );
  } else if (!to.rowSecurity && before.rls) {
    out.push(
      alter('DISABLE ROW LEVEL SECURITY', 'disable', `disabling row level security on ${t}: every role with privileges on the table sees every row`, PHASES.disableRowSecurity, {
        requires: from && from.name !== to.name ? [tkey] : [],
        removes: [rowSecurityOff(to.schema, to.name)],
      }),
    );
  }
  if (to.forceRowSecurity && !before.force) {
    out.push(
      alter('FORCE ROW LEVEL SECURITY', 'enable', `forcing row level security on ${t}: its owner is subject to the policies too`, PHASES.enableRowSecurity, {
        requires: [tkey, ...policyKeys],
      }),
    );
  } else if (!to.forceRowSecurity && before.force) {
    out.push(
      alter('NO FORCE ROW LEVEL SECURITY', 'disable', `no longer forcing row level security on ${t}: its owner sees every row again`, PHASES.disableRowSecurity, {
        requires: from && from.name !== to.name ? [tkey] : [],
        removes: [rowSecurityOff(to.schema, to.name)],
      }),
    );
  }
  return out;
}

/**
 * Policies of other dropped tables that use `t` (a subquery in USING): PostgreSQL refuses to drop
 * `t` while they exist, so they are dropped first (see policies.ts), whatever order the tables go in.
 */
export function policiesUsingDroppedTable(ctx: DiffContext, t: Table): Policy[] {
  const tkey = keys.table(t.schema, t.name);
  // pg_depend records the columns a policy reads (the table itself for a whole-row use).
  const uses = new Set([tkey, ...t.columns.map((c) => keys.column(t.schema, t.name, c.name))]);
  const dropped = new Set(ctx.droppedTables.map((d) => keys.table(d.schema, d.name)));
  return ctx.from.policies.filter(
    (p) => p.dependsOn.some((k) => uses.has(k)) && keys.table(p.schema, p.table) !== tkey && dropped.has(keys.table(p.schema, p.table)),
  );
}

/** Policies and the RLS flags of tables: create, alter, drop + create, drop, comments. */
export function diffPolicies(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const id = (schema: string, table: string, name: string) => `${schema}\u0000${table}\u0000${name}`;
  const toById = new Map(ctx.to.policies.map((p) => [id(p.schema, p.table, p.name), p]));
  /** `from` policies under their table's current name; those on dropped tables go with the table. */
  const current = new Map<string, Policy>();
  for (const p of ctx.from.policies) {
    const table = ctx.currentTableName(p.schema, p.table);
    if (table === null) continue;
    current.set(id(p.schema, table, p.name), { ...p, table });
  }
  const renamedTable = (p: Policy) => ctx.pairOfTo(p.schema, p.table)?.renamed === true;
  const onCurrent = (s: Step, p: Policy): Step => (renamedTable(p) ? { ...s, requires: [...(s.requires ?? []), keys.table(p.schema, p.table)] } : s);

  const usingDropped = new Map<Policy, Table>();
  for (const t of ctx.droppedTables) for (const p of policiesUsingDroppedTable(ctx, t)) if (!usingDropped.has(p)) usingDropped.set(p, t);
  for (const [p, t] of usingDropped) {
    const s = dropPolicyStep(p, `uses ${display(t.schema, t.name)}, which this plan drops: the policy goes first (its own table is dropped too)`);
    out.push({ ...s, hazards: [] });
  }
  for (const [k, to] of toById) {
    const from = current.get(k);
    if (!from) {
      // A new permissive policy widens access on a table whose rows RLS already guards.
      const guarded = ctx.pairOfTo(to.schema, to.table)?.from.rowSecurity === true;
      out.push(...createPolicySteps(to, undefined, to.permissive && guarded));
      continue;
    }
    if (from.permissive !== to.permissive || from.command !== to.command || !sameRules(from, to)) {
      if (alterable(from, to)) out.push(alterPolicyStep(from, to));
      else {
        const why = from.permissive !== to.permissive || from.command !== to.command ? 'its kind or command changed' : 'a clause is removed';
        const reason = `recreated: ${why}, which ALTER POLICY cannot express`;
        // Only a permissive policy turned restrictive is known to narrow access.
        const widens = !(from.permissive && !to.permissive);
        out.push(onCurrent(dropPolicyStep(from, reason, widens), from), ...createPolicySteps(to, reason, widens));
        continue;
      }
    }
    if (from.comment !== to.comment) out.push(policyCommentStep(to));
  }
  // Dropping a restrictive policy widens access; dropping a permissive one narrows it.
  for (const [k, from] of current) if (!toById.has(k)) out.push(onCurrent(dropPolicyStep(from, undefined, !from.permissive), from));

  const policiesOf = (t: Table) => ctx.to.policies.filter((p) => p.schema === t.schema && p.table === t.name);
  for (const t of ctx.createdTables) out.push(...rowSecuritySteps(null, t, policiesOf(t)));
  for (const pair of ctx.pairs) out.push(...rowSecuritySteps(pair.from, pair.to, policiesOf(pair.to)));
  return out;
}
