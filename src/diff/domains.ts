import type { Domain, DomainCheck } from '../model/domain.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { commentSql, display, hazard, step, type DiffContext } from './context.ts';
import { withDisrupts } from './columns.ts';
import { mentionedKeys } from './views.ts';
import { columnsUsing, rowTypeKeys, userTypeKeys, usersOfType } from './type-users.ts';

/** Edge: a domain's check is in place. */
const checkEdge = (d: Domain, name: string) => `domain-check:${keys.domain(d.schema, d.name)}:${name}`;

function checkClause(c: DomainCheck): string {
  return `${c.name ? `CONSTRAINT ${ident(c.name)} ` : ''}CHECK (${c.expression})`;
}

/** `CREATE DOMAIN name AS type [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT c CHECK (...)]...`. */
export function createDomainSql(d: Domain): string {
  const parts = [`CREATE DOMAIN ${qname(d)} AS ${d.type}`];
  if (d.collation) parts.push(`COLLATE ${d.collation}`);
  if (d.default !== null) parts.push(`DEFAULT ${d.default}`);
  if (d.notNull) parts.push('NOT NULL');
  for (const c of d.checks) parts.push(checkClause(c));
  return parts.join(' ');
}

/** Types and routines the domain needs first: its base type and what its default and checks call. */
function requirements(ctx: DiffContext, d: Domain): string[] {
  const self = keys.domain(d.schema, d.name);
  const expressions = [d.default ?? '', ...d.checks.map((c) => c.expression)].join('\n');
  return [
    keys.schema(d.schema),
    ...userTypeKeys(ctx.to, d.type),
    ...rowTypeKeys(ctx.to, d.type),
    ...(expressions.trim() ? mentionedKeys(ctx.to, expressions, ['routine']) : []),
  ].filter((k) => k !== self);
}

function commentStep(d: Domain, comment: string | null): Step {
  return step({
    kind: 'domain',
    object: display(d.schema, d.name),
    operation: 'comment',
    sql: commentSql(`DOMAIN ${qname(d)}`, comment),
    phase: PHASES.comment,
    requires: [keys.domain(d.schema, d.name)],
  });
}

function createSteps(ctx: DiffContext, d: Domain, reason?: string): Step[] {
  const key = keys.domain(d.schema, d.name);
  const out = [
    step({
      kind: 'domain',
      object: display(d.schema, d.name),
      operation: 'create',
      sql: createDomainSql(d),
      reason,
      phase: PHASES.createType,
      provides: [key, ...d.checks.map((c) => checkEdge(d, c.name))],
      requires: requirements(ctx, d),
      requiresRemoved: [key],
    }),
  ];
  if (d.comment !== null) out.push(commentStep(d, d.comment));
  return out;
}

function dropStep(ctx: DiffContext, d: Domain, reason?: string): Step {
  const key = keys.domain(d.schema, d.name);
  // Routines and views using the domain are dropped before it and created again after (dependents.ts).
  return withDisrupts(key, step({
    kind: 'domain',
    object: display(d.schema, d.name),
    operation: 'drop',
    sql: `DROP DOMAIN ${qname(d)}`,
    reason,
    phase: PHASES.dropType,
    removes: [key],
    requiresRemoved: usersOfType(ctx, d),
  }));
}

/** ALTER DOMAIN for one step, on an existing domain. */
function alterStep(d: Domain, action: string, extra: Partial<Parameters<typeof step>[0]> = {}): Step {
  return step({
    kind: 'domain',
    object: display(d.schema, d.name),
    operation: 'alter',
    sql: `ALTER DOMAIN ${qname(d)} ${action}`,
    phase: PHASES.alterType,
    requires: [keys.domain(d.schema, d.name)],
    ...extra,
  });
}

/**
 * A new check on an existing domain: online, added NOT VALID (only new values are checked, no scan)
 * and validated in a later step; otherwise added and checked at once.
 */
function addCheckSteps(ctx: DiffContext, d: Domain, c: DomainCheck, reason?: string): Step[] {
  const obj = display(d.schema, d.name);
  const requires = [keys.domain(d.schema, d.name), ...mentionedKeys(ctx.to, c.expression, ['routine'])];
  const provides = [checkEdge(d, c.name)];
  if (!ctx.online) {
    return [
      alterStep(d, `ADD ${checkClause(c)}`, {
        reason,
        requires,
        provides,
        hazards: [hazard('long_lock', `checks every value of every column using domain ${obj} while writes to their tables wait; fails if one violates ${c.name}`)],
      }),
    ];
  }
  return [alterStep(d, `ADD ${checkClause(c)} NOT VALID`, { reason, requires, provides }), validateStep(d, c.name)];
}

function validateStep(d: Domain, name: string): Step {
  const obj = display(d.schema, d.name);
  return alterStep(d, `VALIDATE CONSTRAINT ${ident(name)}`, {
    operation: 'validate',
    phase: PHASES.validate,
    requires: [keys.domain(d.schema, d.name), checkEdge(d, name)],
    hazards: [
      hazard(
        'validation_scan',
        `scans every column using domain ${obj} to check existing values (before PostgreSQL 18 writes to their tables wait meanwhile); fails if one violates ${name}`,
      ),
    ],
  });
}

/** SET/DROP DEFAULT, SET/DROP NOT NULL and check changes of a domain present on both sides. */
function alterSteps(ctx: DiffContext, from: Domain, to: Domain): Step[] {
  const out: Step[] = [];
  const obj = display(to.schema, to.name);
  if (from.default !== to.default) {
    out.push(
      to.default === null
        ? alterStep(to, 'DROP DEFAULT')
        : alterStep(to, `SET DEFAULT ${to.default}`, {
            requires: [keys.domain(to.schema, to.name), ...mentionedKeys(ctx.to, to.default, ['routine'])],
          }),
    );
  }
  if (from.notNull !== to.notNull) {
    out.push(
      to.notNull
        ? alterStep(to, 'SET NOT NULL', {
            hazards: [hazard('long_lock', `checks every column using domain ${obj} for NULLs while writes to their tables wait; fails if one holds a NULL`)],
          })
        : alterStep(to, 'DROP NOT NULL'),
    );
  }
  const fromChecks = new Map(from.checks.map((c) => [c.name, c]));
  for (const c of from.checks) {
    const next = to.checks.find((x) => x.name === c.name);
    if (next && next.expression === c.expression) continue;
    out.push(
      alterStep(to, `DROP CONSTRAINT ${ident(c.name)}`, {
        reason: next ? `check ${c.name} changes: it is dropped and added again` : undefined,
        phase: PHASES.dropConstraint,
        removes: [checkEdge(from, c.name)],
      }),
    );
  }
  for (const c of to.checks) {
    const before = fromChecks.get(c.name);
    if (!before || before.expression !== c.expression) {
      const reason = before ? `check ${c.name} changes: it is dropped and added again` : undefined;
      out.push(...addCheckSteps(ctx, to, c, reason).map((s) => ({ ...s, requiresRemoved: [checkEdge(to, c.name)] })));
    } else if (!before.valid && c.valid) out.push(validateStep(to, c.name));
  }
  if (from.comment !== to.comment) out.push(commentStep(to, to.comment));
  return out;
}

/**
 * A domain's base type or collation cannot change in place. Unused, it is dropped and created
 * again; used by table columns, the plan is refused (their values would have to be converted).
 */
function rebuildSteps(ctx: DiffContext, from: Domain, to: Domain): Step[] {
  const obj = display(to.schema, to.name);
  const what = from.type !== to.type ? `base type from ${from.type} to ${to.type}` : `collation from ${from.collation ?? 'the default'} to ${to.collation ?? 'the default'}`;
  const users = columnsUsing(ctx, from);
  if (users.length > 0) {
    throw new UserError(
      `domain ${obj} changes its ${what}, which PostgreSQL cannot do in place, and columns use it (${users.join(', ')}): ` +
        `declare a new domain, move the columns to it (with \`using\` if needed), then remove the old one`,
    );
  }
  const why = `the ${what} changes: the domain is dropped and created again`;
  return [dropStep(ctx, from, why), ...createSteps(ctx, to, why)];
}

/** Whether `to` replaces `from` (DROP and CREATE) rather than altering it. */
export function domainRebuilt(from: Domain, to: Domain): boolean {
  return from.type !== to.type || from.collation !== to.collation;
}

export function diffDomains(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const from = ctx.from.domains ?? [];
  const to = ctx.to.domains ?? [];
  const fromByKey = new Map(from.map((d) => [`${d.schema}.${d.name}`, d]));
  const toKeys = new Set(to.map((d) => `${d.schema}.${d.name}`));
  for (const d of to) {
    const before = fromByKey.get(`${d.schema}.${d.name}`);
    if (!before) out.push(...createSteps(ctx, d));
    else if (domainRebuilt(before, d)) out.push(...rebuildSteps(ctx, before, d));
    else out.push(...alterSteps(ctx, before, d));
  }
  for (const d of from) if (!toKeys.has(`${d.schema}.${d.name}`)) out.push(dropStep(ctx, d));
  return out;
}
