import type { View, ViewColumn, MaterializedView } from '../model/view.ts';
import type { QualifiedName } from '../model/names.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, qname } from '../sql/quote.ts';
import { commentSql, display, step, type DiffContext } from './context.ts';
import { identifierOf, tokenize } from './sql-text.ts';
import { grantStepsForNewObject } from './grants.ts';
import { ownerStep } from './owners.ts';

/** `column:` keys of a view's or materialized view's output columns. */
export function relationColumnKeys(v: QualifiedName & { readonly columns: readonly ViewColumn[] }): string[] {
  return v.columns.map((c) => keys.column(v.schema, v.name, c.name));
}

/** The query without the trailing semicolon and surrounding blanks `pg_get_viewdef` prints. */
export function viewQuery(definition: string): string {
  return definition.trim().replace(/;\s*$/, '');
}

/**
 * Keys an object of `to` needs before it can be created: its `dependsOn`, or, in the raw desired
 * state (no `dependsOn` read yet), the views and materialized views its query names.
 */
export function creationRequirements(to: DatabaseModel, selfKey: string, dependsOn: readonly string[], query: string): string[] {
  if (dependsOn.length > 0) return dependsOn.filter((k) => k !== selfKey);
  const ids = new Set(tokenize(query).map(identifierOf).filter((x): x is string => x !== null));
  const named = (r: QualifiedName) => ids.has(r.name) && (r.schema === 'public' || ids.has(r.schema));
  return [
    ...to.views.filter(named).map((v) => keys.view(v.schema, v.name)),
    ...to.materializedViews.filter(named).map((v) => keys.materializedView(v.schema, v.name)),
  ].filter((k) => k !== selfKey);
}

function optionList(v: View): string[] {
  const out: string[] = [];
  if (v.securityBarrier) out.push('security_barrier = true');
  if (v.securityInvoker) out.push('security_invoker = true');
  return out;
}

/** `CREATE [OR REPLACE] [RECURSIVE] VIEW name (cols) [WITH (...)] AS query [WITH ... CHECK OPTION]`. */
export function createViewSql(v: View, orReplace: boolean): string {
  const recursive = v.recursive === true && !orReplace;
  const parts = [`CREATE${orReplace ? ' OR REPLACE' : ''}${recursive ? ' RECURSIVE' : ''} VIEW ${qname(v)}`];
  if (v.columns.length > 0) parts.push(`(${identList(v.columns.map((c) => c.name))})`);
  const opts = optionList(v);
  if (opts.length > 0) parts.push(`WITH (${opts.join(', ')})`);
  parts.push(`AS ${viewQuery(v.definition)}`);
  if (v.checkOption !== null) parts.push(`WITH ${v.checkOption.toUpperCase()} CHECK OPTION`);
  return parts.join(' ');
}

export function viewCommentStep(v: QualifiedName, comment: string | null, reason?: string): Step {
  return step({
    kind: 'view',
    object: display(v.schema, v.name),
    operation: 'comment',
    sql: commentSql(`VIEW ${qname(v)}`, comment),
    reason,
    phase: PHASES.comment,
    requires: [keys.view(v.schema, v.name)],
  });
}

/** CREATE VIEW and its comment; grants and owner are the caller's (new objects get them from the grant diff). */
export function createViewSteps(ctx: DiffContext, v: View, reason?: string): Step[] {
  const vkey = keys.view(v.schema, v.name);
  const out = [
    step({
      kind: 'view',
      object: display(v.schema, v.name),
      operation: 'create',
      sql: createViewSql(v, false),
      reason,
      phase: PHASES.createView,
      provides: [vkey, ...relationColumnKeys(v)],
      requires: [keys.schema(v.schema), ...creationRequirements(ctx.to, vkey, v.dependsOn, v.definition)],
      requiresRemoved: [vkey],
    }),
  ];
  if (v.comment !== null) out.push(viewCommentStep(v, v.comment, reason));
  return out;
}

/** DROP VIEW; whatever uses the view is dropped first by the dependents pass (`disrupts`). */
export function dropViewStep(v: View, reason?: string): Step {
  const vkey = keys.view(v.schema, v.name);
  return {
    ...step({
      kind: 'view',
      object: display(v.schema, v.name),
      operation: 'drop',
      sql: `DROP VIEW ${qname(v)}`,
      reason,
      phase: PHASES.dropView,
      removes: [vkey, ...relationColumnKeys(v)],
    }),
    disrupts: [vkey],
  };
}

/**
 * PostgreSQL's rule for CREATE OR REPLACE VIEW: the existing columns keep their names and types
 * in order, new ones may only be appended.
 */
export function columnsReplaceable(from: readonly ViewColumn[], to: readonly ViewColumn[]): boolean {
  return from.length <= to.length && from.every((c, i) => c.name === to[i]!.name && c.type === to[i]!.type);
}

function sameColumns(a: readonly ViewColumn[], b: readonly ViewColumn[]): boolean {
  return a.length === b.length && columnsReplaceable(a, b);
}

/** ALTER VIEW ... SET/RESET for option changes alone. */
function optionSteps(from: View, to: View): Step[] {
  const set: string[] = [];
  const reset: string[] = [];
  const flag = (name: string, a: boolean, b: boolean) => {
    if (a === b) return;
    if (b) set.push(`${name} = true`);
    else reset.push(name);
  };
  flag('security_barrier', from.securityBarrier, to.securityBarrier);
  flag('security_invoker', from.securityInvoker, to.securityInvoker);
  if (from.checkOption !== to.checkOption) {
    if (to.checkOption === null) reset.push('check_option');
    else set.push(`check_option = ${to.checkOption}`);
  }
  const base = { kind: 'view' as const, object: display(to.schema, to.name), operation: 'alter' as const, phase: PHASES.createView, requires: [keys.view(to.schema, to.name)] };
  const out: Step[] = [];
  if (set.length > 0) out.push(step({ ...base, sql: `ALTER VIEW ${qname(to)} SET (${set.join(', ')})` }));
  if (reset.length > 0) out.push(step({ ...base, sql: `ALTER VIEW ${qname(to)} RESET (${reset.map(ident).join(', ')})` }));
  return out;
}

function sameOptions(a: View, b: View): boolean {
  return a.securityBarrier === b.securityBarrier && a.securityInvoker === b.securityInvoker && a.checkOption === b.checkOption;
}

export function diffViews(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByKey = new Map(ctx.from.views.map((v) => [keys.view(v.schema, v.name), v]));
  const toKeys = new Set(ctx.to.views.map((v) => keys.view(v.schema, v.name)));
  for (const to of ctx.to.views) {
    const vkey = keys.view(to.schema, to.name);
    const from = fromByKey.get(vkey);
    if (!from) {
      out.push(...createViewSteps(ctx, to));
      continue;
    }
    const queryChanged = viewQuery(from.definition) !== viewQuery(to.definition) || !sameColumns(from.columns, to.columns);
    if (queryChanged && columnsReplaceable(from.columns, to.columns)) {
      out.push(
        step({
          kind: 'view',
          object: display(to.schema, to.name),
          operation: 'replace',
          sql: createViewSql(to, true),
          phase: PHASES.createView,
          provides: [vkey, ...relationColumnKeys(to)],
          requires: creationRequirements(ctx.to, vkey, to.dependsOn, to.definition),
        }),
      );
    } else if (queryChanged) {
      const gone = from.columns.filter((c, i) => to.columns[i]?.name !== c.name || to.columns[i]?.type !== c.type).map((c) => c.name);
      const why = `the columns of ${display(to.schema, to.name)} change (${gone.join(', ')}) in a way CREATE OR REPLACE VIEW cannot express: it is dropped and created again`;
      out.push(dropViewStep(from, why));
      out.push(...createViewSteps(ctx, to, why));
      out.push(...relationAccessSteps(ctx.to, 'view', to, why));
      continue;
    } else if (!sameOptions(from, to)) {
      out.push(...optionSteps(from, to));
    }
    if (from.comment !== to.comment) out.push(viewCommentStep(to, to.comment));
  }
  for (const from of ctx.from.views) if (!toKeys.has(keys.view(from.schema, from.name))) out.push(dropViewStep(from));
  return out;
}

/** A step that must wait for the object `key`: helpers from other kinds may name it differently. */
export function after(s: Step, ...required: string[]): Step {
  return { ...s, requires: [...new Set([...(s.requires ?? []), ...required])] };
}

/**
 * Grants and owner of a view or materialized view created anew (it starts with PostgreSQL's
 * defaults and the executing role as owner).
 */
export function relationAccessSteps(to: DatabaseModel, kind: 'view' | 'materialized_view', r: View | MaterializedView, reason?: string): Step[] {
  const rkey = kind === 'view' ? keys.view(r.schema, r.name) : keys.materializedView(r.schema, r.name);
  const grants = to.grants.filter((g) => (g.objectKind === 'table' || g.objectKind === 'column') && g.schema === r.schema && g.name === r.name);
  const out = grantStepsForNewObject({ objectKind: 'table', schema: r.schema, name: r.name, arguments: null }, grants, reason);
  if (r.owner !== null) out.push(ownerStep(kind, { schema: r.schema, name: r.name }, r.owner, reason));
  return out.map((s) => after(s, rkey));
}
