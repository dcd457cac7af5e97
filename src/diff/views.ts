import type { ColumnComments, View, ViewColumn, MaterializedView } from '../model/view.ts';
import type { QualifiedName } from '../model/names.ts';
import type { DatabaseModel } from '../model/database.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, qname } from '../sql/quote.ts';
import { breakingChange, commentSql, display, step, type DiffContext } from './context.ts';
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
 * Names a SQL text mentions: its identifiers (unquoted ones folded to lower case) and those
 * inside its string literals, where `nextval('s.seq')` and `'t'::regclass` name objects.
 */
export function mentionedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const id = identifierOf(t);
    if (id !== null) out.add(id);
    else if (t.kind === 'string' && t.text.endsWith("'")) {
      const inner = t.text.slice(t.text.indexOf("'") + 1, -1).replace(/''/g, "'");
      for (const u of tokenize(inner)) {
        const innerId = identifierOf(u);
        if (innerId !== null) out.add(innerId);
      }
    }
  }
  return out;
}

/** Kinds of objects of `to` that `mentionedKeys` looks for. */
export type MentionedKind = 'table' | 'sequence' | 'view' | 'materialized_view' | 'routine';

/**
 * Keys of the objects of `to` of the given kinds that a SQL text names: a guess at what it
 * uses, for the raw desired state, where no `dependsOn` has been read yet. An object counts when
 * its name appears and it is in `public` or its schema's name appears too.
 */
export function mentionedKeys(to: DatabaseModel, text: string, kinds: readonly MentionedKind[]): string[] {
  const ids = mentionedNames(text);
  const named = (r: QualifiedName) => ids.has(r.name) && (r.schema === 'public' || ids.has(r.schema));
  const wanted = new Set(kinds);
  return [
    ...(wanted.has('table') ? to.tables.filter(named).map((t) => keys.table(t.schema, t.name)) : []),
    ...(wanted.has('sequence') ? to.sequences.filter(named).map((q) => keys.sequence(q.schema, q.name)) : []),
    ...(wanted.has('view') ? to.views.filter(named).map((v) => keys.view(v.schema, v.name)) : []),
    ...(wanted.has('materialized_view') ? to.materializedViews.filter(named).map((v) => keys.materializedView(v.schema, v.name)) : []),
    ...(wanted.has('routine') ? to.routines.filter(named).map((r) => keys.routine(r.schema, r.name, r.identityArguments)) : []),
  ];
}

/**
 * Keys an object of `to` needs before it can be created: its `dependsOn`, or, in the raw desired
 * state (no `dependsOn` read yet), the views and materialized views its query names.
 */
export function creationRequirements(to: DatabaseModel, selfKey: string, dependsOn: readonly string[], query: string): string[] {
  if (dependsOn.length > 0) return dependsOn.filter((k) => k !== selfKey);
  return mentionedKeys(to, query, ['view', 'materialized_view']).filter((k) => k !== selfKey);
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

type CommentedRelation = QualifiedName & { readonly columns: readonly ViewColumn[]; readonly columnComments?: ColumnComments };

/** The comments of a view's or materialized view's columns, by name (raw `columnComments` included). */
function columnCommentsOf(v: CommentedRelation): Map<string, string> {
  const out = new Map<string, string>(Object.entries(v.columnComments ?? {}));
  for (const c of v.columns) if (c.comment !== null) out.set(c.name, c.comment);
  return out;
}

/** COMMENT ON COLUMN of a view's or materialized view's output column. */
export function relationColumnCommentStep(
  kind: 'view' | 'materialized_view',
  v: QualifiedName,
  column: string,
  comment: string | null,
  reason?: string,
): Step {
  const relationKey = kind === 'view' ? keys.view(v.schema, v.name) : keys.materializedView(v.schema, v.name);
  return step({
    kind,
    object: display(v.schema, v.name, column),
    operation: 'comment',
    sql: commentSql(`COLUMN ${qname(v)}.${ident(column)}`, comment),
    reason,
    phase: PHASES.comment,
    requires: [relationKey, keys.column(v.schema, v.name, column)],
  });
}

/** Column comments of a view or materialized view just created (it starts with none). */
export function createdColumnCommentSteps(kind: 'view' | 'materialized_view', v: CommentedRelation, reason?: string): Step[] {
  return [...columnCommentsOf(v)].map(([column, comment]) => relationColumnCommentStep(kind, v, column, comment, reason));
}

/**
 * Column comments that differ between two states of a view or materialized view kept in place
 * (CREATE OR REPLACE VIEW keeps the comments of the columns it keeps; appended ones have none).
 */
export function changedColumnCommentSteps(kind: 'view' | 'materialized_view', from: CommentedRelation, to: CommentedRelation): Step[] {
  const before = columnCommentsOf(from);
  const after = columnCommentsOf(to);
  const names = [...new Set([...to.columns.map((c) => c.name), ...after.keys()])];
  return names
    .filter((name) => (before.get(name) ?? null) !== (after.get(name) ?? null))
    .map((name) => relationColumnCommentStep(kind, to, name, after.get(name) ?? null));
}

/** CREATE VIEW and its comments; grants and owner are the caller's (new objects get them from the grant diff). */
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
  out.push(...createdColumnCommentSteps('view', v, reason));
  return out;
}

/** DROP VIEW; whatever uses the view is dropped first by the dependents pass (`disrupts`). */
export function dropViewStep(v: View, reason?: string): Step {
  const vkey = keys.view(v.schema, v.name);
  return step({
    kind: 'view',
    object: display(v.schema, v.name),
    operation: 'drop',
    sql: `DROP VIEW ${qname(v)}`,
    reason,
    phase: PHASES.dropView,
    removes: [vkey, ...relationColumnKeys(v)],
    disrupts: [vkey],
  });
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
    out.push(...changedColumnCommentSteps('view', from, to));
  }
  for (const from of ctx.from.views) {
    if (toKeys.has(keys.view(from.schema, from.name))) continue;
    const drop = dropViewStep(from);
    const breaks = breakingChange(
      `code that reads ${display(from.schema, from.name)} fails after this step`,
      'release code that no longer reads the view first, then drop it in a later plan',
    );
    out.push({ ...drop, hazards: [...drop.hazards, breaks] });
  }
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
  const out = grantStepsForNewObject({ objectKind: 'table', schema: r.schema, name: r.name, arguments: null }, grants, reason, to.defaultPrivileges);
  if (r.owner !== null) out.push(ownerStep(kind, { schema: r.schema, name: r.name }, r.owner, reason));
  return out.map((s) => after(s, rkey));
}
