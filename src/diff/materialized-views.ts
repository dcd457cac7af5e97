import type { MaterializedView } from '../model/view.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { identList, qname } from '../sql/quote.ts';
import { commentSql, display, hazard, step, type DiffContext } from './context.ts';
import { matchByName } from './constraints.ts';
import { storageParameterChange, withClause } from './tables.ts';
import { createIndexStep, diffIndexList, indexCommentStep, indexesEqualUnder } from './indexes.ts';
import { changedColumnCommentSteps, createdColumnCommentSteps, creationRequirements, relationAccessSteps, relationColumnKeys, viewQuery } from './views.ts';

/** `CREATE MATERIALIZED VIEW name (cols) AS query WITH [NO] DATA`. */
export function createMaterializedViewSql(v: MaterializedView): string {
  const cols = v.columns.length > 0 ? ` (${identList(v.columns.map((c) => c.name))})` : '';
  return `CREATE MATERIALIZED VIEW ${qname(v)}${cols}${withClause(v.with)} AS ${viewQuery(v.definition)} WITH ${v.withNoData ? 'NO DATA' : 'DATA'}`;
}

export function materializedViewCommentStep(v: QualifiedName, comment: string | null, reason?: string): Step {
  return step({
    kind: 'materialized_view',
    object: display(v.schema, v.name),
    operation: 'comment',
    sql: commentSql(`MATERIALIZED VIEW ${qname(v)}`, comment),
    reason,
    phase: PHASES.comment,
    requires: [keys.materializedView(v.schema, v.name)],
  });
}

/**
 * CREATE MATERIALIZED VIEW with its indexes and comments. `rebuilt`: it replaces one that existed,
 * so the reviewer is told what happens to its rows meanwhile.
 */
export function createMaterializedViewSteps(ctx: DiffContext, v: MaterializedView, reason?: string, rebuilt = false): Step[] {
  const mkey = keys.materializedView(v.schema, v.name);
  const obj = display(v.schema, v.name);
  const hazards = rebuilt
    ? [
        hazard(
          'matview_rebuild',
          v.withNoData
            ? `${obj} is created again WITH NO DATA: it is empty, and queries on it fail, until REFRESH MATERIALIZED VIEW`
            : `${obj} is created again and its query run in full while it is locked; queries on it wait or fail until then`,
        ),
      ]
    : [];
  const out: Step[] = [
    step({
      kind: 'materialized_view',
      object: obj,
      operation: 'create',
      sql: createMaterializedViewSql(v),
      hazards,
      reason,
      phase: PHASES.createMaterializedView,
      provides: [mkey, ...relationColumnKeys(v)],
      requires: [keys.schema(v.schema), ...creationRequirements(ctx.to, mkey, v.dependsOn, v.definition)],
      requiresRemoved: [mkey],
    }),
  ];
  // A new materialized view: its indexes are built before anyone uses it (no online rules).
  for (const i of v.indexes) out.push(createIndexStep(ctx, v, i, false, reason, mkey));
  if (v.comment !== null) out.push(materializedViewCommentStep(v, v.comment, reason));
  out.push(...createdColumnCommentSteps('materialized_view', v, reason));
  for (const i of v.indexes) if (i.comment !== null) out.push(indexCommentStep(v, i, i.comment));
  return out;
}

/** DROP MATERIALIZED VIEW (its indexes go with it); dependents are handled through `disrupts`. */
export function dropMaterializedViewStep(v: MaterializedView, reason?: string): Step {
  const mkey = keys.materializedView(v.schema, v.name);
  return step({
    kind: 'materialized_view',
    object: display(v.schema, v.name),
    operation: 'drop',
    sql: `DROP MATERIALIZED VIEW ${qname(v)}`,
    hazards: [hazard('data_loss', `drops materialized view ${display(v.schema, v.name)} and the rows it holds`)],
    reason,
    phase: PHASES.dropMaterializedView,
    removes: [mkey, ...relationColumnKeys(v), ...v.indexes.map((i) => keys.index(v.schema, v.name, i.name))],
    disrupts: [mkey],
  });
}

function sameShape(a: MaterializedView, b: MaterializedView): boolean {
  return (
    viewQuery(a.definition) === viewQuery(b.definition) &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.name === b.columns[i]!.name && c.type === b.columns[i]!.type)
  );
}

export function diffMaterializedViews(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByKey = new Map(ctx.from.materializedViews.map((v) => [keys.materializedView(v.schema, v.name), v]));
  const toKeys = new Set(ctx.to.materializedViews.map((v) => keys.materializedView(v.schema, v.name)));
  for (const to of ctx.to.materializedViews) {
    const mkey = keys.materializedView(to.schema, to.name);
    const from = fromByKey.get(mkey);
    if (!from) {
      out.push(...createMaterializedViewSteps(ctx, to));
      continue;
    }
    if (!sameShape(from, to)) {
      const why = `the query of ${display(to.schema, to.name)} changes: it is dropped and created again`;
      out.push(dropMaterializedViewStep(from, why));
      out.push(...createMaterializedViewSteps(ctx, to, why, true));
      out.push(...relationAccessSteps(ctx.to, 'materialized_view', to, why));
      continue;
    }
    const m = matchByName(from.indexes, to.indexes, (a, b) => indexesEqualUnder(new Map(), a, b), (a) => !a.valid);
    out.push(...diffIndexList(ctx, null, to, mkey, m));
    if (from.comment !== to.comment) out.push(materializedViewCommentStep(to, to.comment));
    out.push(...storageParameterChange('materialized_view', from, to));
    out.push(...changedColumnCommentSteps('materialized_view', from, to));
  }
  for (const from of ctx.from.materializedViews) {
    if (!toKeys.has(keys.materializedView(from.schema, from.name))) out.push(dropMaterializedViewStep(from));
  }
  return out;
}
