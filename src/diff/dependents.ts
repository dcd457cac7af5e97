import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Index } from '../model/index.ts';
import { routineSignature } from '../model/function.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type ObjectKind, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { display, edges, step, type DiffContext } from './context.ts';
import { addConstraintSteps, dropConstraintStep } from './constraints.ts';
import { createIndexStep, dropIndexStep } from './indexes.ts';
import { after, createViewSteps, dropViewStep, relationAccessSteps } from './views.ts';
import { createMaterializedViewSteps, dropMaterializedViewStep } from './materialized-views.ts';
import { createRoutineSteps, dropRoutineStep, routineAccessSteps, routineKey } from './routines.ts';
import { createTriggerSteps, dropTriggerStep } from './triggers.ts';
import { createPolicySteps, dropPolicyStep } from './policies.ts';

/**
 * An object of the live state that other changes may force out and back: PostgreSQL refuses to
 * drop or change what it uses while it exists.
 */
interface Dependent {
  /** Identity key under the names the object has once renames ran (what its drop removes). */
  readonly key: string;
  readonly kind: ObjectKind;
  /** `view public.v`, for reasons. */
  readonly label: string;
  /** Keys other objects may depend on (a relation's key and its column keys). */
  readonly provides: readonly string[];
  /** Its `dependsOn`, under the current names. */
  readonly dependsOn: readonly string[];
  /** It goes away with the relation it belongs to (which the plan drops), so it needs no step. */
  readonly ownerGone: boolean;
  /** Key of the relation it belongs to, for sub-objects (triggers, policies, defaults...). */
  readonly owner: string | null;
  drop(reason: string): Step;
  /** Steps that create it as `to` has it; empty when `to` no longer has it. */
  recreate(reason: string): Step[];
}

/** Maps keys of the `from` state to the names objects have after the plan's renames. */
function currentNames(ctx: DiffContext): (key: string) => string {
  const map = new Map<string, string>();
  for (const t of ctx.from.tables) {
    const cur = ctx.currentTableName(t.schema, t.name) ?? t.name;
    map.set(keys.table(t.schema, t.name), keys.table(t.schema, cur));
    for (const c of t.columns) {
      map.set(keys.column(t.schema, t.name, c.name), keys.column(t.schema, cur, ctx.currentColumnName(t.schema, t.name, c.name) ?? c.name));
    }
  }
  return (k) => map.get(k) ?? k;
}

function hasTable(ctx: DiffContext, schema: string, name: string): boolean {
  return ctx.currentTableName(schema, name) !== null;
}

/** Every `from` object that can be dropped and recreated around a change it depends on. */
function collectDependents(ctx: DiffContext): Dependent[] {
  const cur = currentNames(ctx);
  const mapped = (ks: readonly string[] | undefined) => (ks ?? []).map(cur);
  const out: Dependent[] = [];
  const toViews = new Map(ctx.to.views.map((v) => [keys.view(v.schema, v.name), v]));
  const toMatviews = new Map(ctx.to.materializedViews.map((v) => [keys.materializedView(v.schema, v.name), v]));
  const toRoutines = new Map(ctx.to.routines.map((r) => [routineKey(r), r]));
  /** Whether the relation a trigger or policy is on still exists after the plan. */
  const relationKept = (schema: string, name: string): { key: string; current: string } | null => {
    const t = ctx.from.tables.find((x) => x.schema === schema && x.name === name);
    if (t) {
      const current = ctx.currentTableName(schema, name);
      return current === null ? null : { key: keys.table(schema, current), current };
    }
    if (toViews.has(keys.view(schema, name))) return { key: keys.view(schema, name), current: name };
    if (toMatviews.has(keys.materializedView(schema, name))) return { key: keys.materializedView(schema, name), current: name };
    return null;
  };
  const relationKeyOf = (schema: string, name: string): string =>
    ctx.from.views.some((v) => v.schema === schema && v.name === name)
      ? keys.view(schema, name)
      : ctx.from.materializedViews.some((v) => v.schema === schema && v.name === name)
        ? keys.materializedView(schema, name)
        : keys.table(schema, ctx.currentTableName(schema, name) ?? name);

  for (const v of ctx.from.views) {
    const key = keys.view(v.schema, v.name);
    const target = toViews.get(key);
    out.push({
      key,
      kind: 'view',
      label: `view ${display(v.schema, v.name)}`,
      provides: [key, ...v.columns.map((c) => keys.column(v.schema, v.name, c.name))],
      dependsOn: mapped(v.dependsOn),
      ownerGone: false,
      owner: null,
      drop: (reason) => withoutDisrupts(dropViewStep(v, reason)),
      recreate: (reason) => (target ? [...createViewSteps(ctx, target, reason), ...relationAccessSteps(ctx.to, 'view', target, reason)] : []),
    });
  }
  for (const v of ctx.from.materializedViews) {
    const key = keys.materializedView(v.schema, v.name);
    const target = toMatviews.get(key);
    out.push({
      key,
      kind: 'materialized_view',
      label: `materialized view ${display(v.schema, v.name)}`,
      provides: [key, ...v.columns.map((c) => keys.column(v.schema, v.name, c.name))],
      dependsOn: mapped(v.dependsOn),
      ownerGone: false,
      owner: null,
      drop: (reason) => withoutDisrupts(dropMaterializedViewStep(v, reason)),
      recreate: (reason) =>
        target ? [...createMaterializedViewSteps(ctx, target, reason, true), ...relationAccessSteps(ctx.to, 'materialized_view', target, reason)] : [],
    });
    for (const i of v.indexes) {
      if (!i.dependsOn || i.dependsOn.length === 0) continue;
      const toIndex = target?.indexes.find((x) => x.name === i.name);
      out.push(
        indexDependent(ctx, key, v, i, mapped(i.dependsOn), target === undefined, (reason) =>
          target && toIndex ? [createIndexStep(ctx, target, toIndex, true, reason, key)] : [],
        ),
      );
    }
  }
  for (const r of ctx.from.routines) {
    const key = routineKey(r);
    const target = toRoutines.get(key);
    out.push({
      key,
      kind: 'function',
      label: `${r.kind} ${routineSignature(r)}`,
      provides: [key],
      dependsOn: mapped(r.dependsOn),
      ownerGone: false,
      owner: null,
      drop: (reason) => withoutDisrupts(dropRoutineStep(r, reason)),
      recreate: (reason) => (target ? [...createRoutineSteps(target, reason, ctx.to), ...routineAccessSteps(ctx.to, target, reason)] : []),
    });
  }
  for (const t of ctx.from.triggers) {
    const kept = relationKept(t.schema, t.table);
    const current = kept?.current ?? t.table;
    const key = keys.trigger(t.schema, current, t.name);
    const target = ctx.to.triggers.find((x) => x.schema === t.schema && x.table === current && x.name === t.name);
    out.push({
      key,
      kind: 'trigger',
      label: `trigger ${t.name} on ${display(t.schema, current)}`,
      provides: [key],
      dependsOn: mapped(t.dependsOn),
      ownerGone: kept === null,
      owner: relationKeyOf(t.schema, t.table),
      drop: (reason) => removing(dropTriggerStep({ ...t, table: current }, reason), key),
      recreate: (reason) => (target ? createTriggerSteps(target, reason).map((s) => after(s, ...target.dependsOn)) : []),
    });
  }
  for (const p of ctx.from.policies) {
    const kept = relationKept(p.schema, p.table);
    const current = kept?.current ?? p.table;
    const key = keys.policy(p.schema, current, p.name);
    const target = ctx.to.policies.find((x) => x.schema === p.schema && x.table === current && x.name === p.name);
    out.push({
      key,
      kind: 'policy',
      label: `policy ${p.name} on ${display(p.schema, current)}`,
      provides: [key],
      dependsOn: mapped(p.dependsOn),
      ownerGone: kept === null,
      owner: relationKeyOf(p.schema, p.table),
      drop: (reason) => removing(dropPolicyStep({ ...p, table: current }, reason), key),
      recreate: (reason) => (target ? createPolicySteps(target, reason).map((s) => after(s, ...target.dependsOn)) : []),
    });
  }
  for (const t of ctx.from.tables) out.push(...tableDependents(ctx, t, mapped, hasTable(ctx, t.schema, t.name)));
  return out;
}

/** Column defaults, CHECK/EXCLUDE constraints and indexes of a table that use routines or types. */
function tableDependents(ctx: DiffContext, t: Table, mapped: (ks: readonly string[] | undefined) => string[], kept: boolean): Dependent[] {
  const out: Dependent[] = [];
  const pair = ctx.pairOfFrom(t.schema, t.name);
  const current: QualifiedName = { schema: t.schema, name: pair?.to.name ?? t.name };
  const tkey = keys.table(current.schema, current.name);
  for (const c of t.columns) {
    // A generated column cannot lose its expression and get it back: it is left to PostgreSQL.
    if (c.default === null || !c.dependsOn || c.dependsOn.length === 0 || c.generated !== null) continue;
    const colName = ctx.currentColumnName(t.schema, t.name, c.name);
    const key = edges.default(current.schema, current.name, colName ?? c.name);
    const target = pair?.to.columns.find((x) => x.name === colName);
    const column = `${qname(current)} ALTER COLUMN ${ident(colName ?? c.name)}`;
    out.push({
      key,
      kind: 'column',
      label: `the default of ${display(current.schema, current.name, colName ?? c.name)}`,
      provides: [key],
      dependsOn: mapped(c.dependsOn),
      ownerGone: !kept || colName === null,
      owner: tkey,
      drop: (reason) =>
        step({
          kind: 'column',
          object: display(current.schema, current.name, colName ?? c.name),
          operation: 'alter',
          sql: `ALTER TABLE ${column} DROP DEFAULT`,
          reason,
          phase: PHASES.dropConstraint,
          requires: [tkey],
          removes: [key],
        }),
      recreate: (reason) =>
        target && target.default !== null && target.identity === null
          ? [
              step({
                kind: 'column',
                object: display(current.schema, current.name, target.name),
                operation: 'alter',
                sql: `ALTER TABLE ${column} SET DEFAULT ${target.default}`,
                reason,
                phase: PHASES.alterColumn,
                requires: [keys.column(current.schema, current.name, target.name), ...(target.dependsOn ?? [])],
                provides: [key],
              }),
            ]
          : [],
    });
  }
  for (const c of t.constraints) {
    if (!c.dependsOn || c.dependsOn.length === 0) continue;
    const key = keys.constraint(current.schema, current.name, c.name);
    const target: Constraint | undefined = pair?.to.constraints.find((x) => x.name === c.name);
    out.push({
      key,
      kind: 'constraint',
      label: `constraint ${display(current.schema, current.name, c.name)}`,
      provides: [key],
      dependsOn: mapped(c.dependsOn),
      ownerGone: !kept,
      owner: tkey,
      drop: (reason) => dropConstraintStep(ctx, t, current, c, reason),
      recreate: (reason) =>
        pair && target ? addConstraintSteps(ctx, pair.to, target, true, reason).map((s) => after(s, ...(target.dependsOn ?? []))) : [],
    });
  }
  for (const i of t.indexes) {
    if (!i.dependsOn || i.dependsOn.length === 0) continue;
    const target: Index | undefined = pair?.to.indexes.find((x) => x.name === i.name);
    out.push(
      indexDependent(ctx, tkey, current, i, mapped(i.dependsOn), !kept, (reason) =>
        pair && target ? [createIndexStep(ctx, pair.to, target, true, reason)] : [],
      ),
    );
  }
  return out;
}

function indexDependent(
  ctx: DiffContext,
  relationKey: string,
  rel: QualifiedName,
  i: Index,
  dependsOn: string[],
  ownerGone: boolean,
  recreate: (reason: string) => Step[],
): Dependent {
  const key = keys.index(rel.schema, rel.name, i.name);
  return {
    key,
    kind: 'index',
    label: `index ${display(rel.schema, i.name)}`,
    provides: [key],
    dependsOn,
    ownerGone,
    owner: relationKey,
    // Inside the plan's transaction: the index is rebuilt right after the change it depends on.
    drop: (reason) => dropIndexStep({ ...ctx, online: false }, null, rel, i, reason, relationKey),
    recreate,
  };
}

function withoutDisrupts(s: Step): Step {
  const { disrupts: _d, ...rest } = s;
  return rest;
}

function removing(s: Step, key: string): Step {
  return { ...s, removes: [...new Set([...(s.removes ?? []), key])] };
}

function describeChange(s: Step, all: readonly Step[]): string {
  const recreated = (s.provides ?? []).length === 0 && all.some((x) => x !== s && x.operation === 'create' && x.kind === s.kind && x.object === s.object);
  const name = `${s.kind === 'materialized_view' ? 'materialized view' : s.kind === 'enum' ? 'type' : s.kind} ${s.object}`;
  if (s.kind === 'column' && s.operation === 'alter') return `column ${s.object} changes type`;
  if (s.kind === 'enum' && s.operation === 'rename') return `type ${s.object} is recreated`;
  if (s.operation === 'drop') return recreated ? `${name} is dropped and created again` : `${name} is dropped`;
  return `${name} changes`;
}

interface Affected {
  readonly dep: Dependent;
  /** Indexes of the disrupting steps it must wait for. */
  readonly causes: Set<number>;
  /** The first reason found. */
  why: string;
}

/**
 * The dependents pass: for each step that `disrupts` keys, the live objects using those keys
 * (transitively) are dropped before it and recreated after it, unless the plan drops or
 * recreates them anyway, in which case only the order is enforced.
 */
export function withDependents(ctx: DiffContext, input: readonly Step[]): Step[] {
  let steps = [...input];
  const disrupting = steps.map((s, i) => [s, i] as const).filter(([s]) => (s.disrupts ?? []).length > 0);
  if (disrupting.length === 0) return steps;
  const deps = collectDependents(ctx);
  const users = new Map<string, Dependent[]>();
  for (const d of deps) {
    for (const k of new Set(d.dependsOn)) {
      if (k === d.key) continue;
      const l = users.get(k);
      if (l) l.push(d);
      else users.set(k, [d]);
    }
  }
  const relationColumns = relationColumnKeys(ctx);
  const expand = (k: string) => [k, ...(relationColumns.get(k) ?? [])];

  const affected = new Map<string, Affected>();
  /** Removal keys that must be gone before a given dropper runs (`step:i` or `dep:key`). */
  const before = new Map<string, Set<string>>();
  const needBefore = (dropper: string, key: string) => {
    const s = before.get(dropper);
    if (s) s.add(key);
    else before.set(dropper, new Set([key]));
  };
  const dropsOwner = (owner: string | null) =>
    owner !== null && steps.some((s) => s.operation === 'drop' && (s.removes ?? []).includes(owner));

  for (const [s, i] of disrupting) {
    const why = describeChange(s, steps);
    const queue: { key: string; dropper: string; via: string | null }[] = (s.disrupts ?? []).flatMap((k) => expand(k).map((key) => ({ key, dropper: `step:${i}`, via: null })));
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { key, dropper, via } = queue.shift()!;
      for (const d of users.get(key) ?? []) {
        if (d.ownerGone) continue;
        // Indexes of a materialized view that is itself recreated come back with it.
        if (d.kind === 'index' && d.owner?.startsWith('materialized_view:') && (affected.has(d.owner) || dropsOwner(d.owner))) continue;
        needBefore(dropper, d.key);
        let a = affected.get(d.key);
        if (!a) {
          a = { dep: d, causes: new Set(), why: via ? `${why} (it uses ${via}, recreated too)` : why };
          affected.set(d.key, a);
        }
        a.causes.add(i);
        if (seen.has(d.key)) continue;
        seen.add(d.key);
        for (const p of d.provides) for (const k of expand(p)) queue.push({ key: k, dropper: `dep:${d.key}`, via: d.label });
      }
    }
  }
  if (affected.size === 0) return steps;

  const done = (i: number) => `disrupted:${i}`;
  const removed = new Set<Step>();
  const added: Step[] = [];
  /** Index of the step that drops dependent `key` anyway, if any. */
  const ownDropOf = new Map<string, number>();
  for (const a of affected.values()) {
    const d = a.dep;
    const probe = d.drop(a.why);
    const own = steps.findIndex((s) => !removed.has(s) && s.operation === 'drop' && ((s.removes ?? []).includes(d.key) || s.sql === probe.sql));
    const waitFor = [...a.causes].map(done);
    if (own >= 0) {
      ownDropOf.set(d.key, own);
      // Recreated by its own diff: the new one waits for the change too.
      steps = steps.map((s) => (s.operation === 'create' && (s.provides ?? []).includes(d.key) ? after(s, ...waitFor) : s));
      continue;
    }
    const recreate = d.recreate(`recreated: ${a.why}`);
    const dropReason = recreate.length > 0 ? `dropped: ${a.why}; it is created again afterwards` : `dropped: ${a.why}`;
    added.push(removing(d.drop(dropReason), d.key));
    added.push(...recreate.map((s) => after(s, ...waitFor)));
    // The object is created again as `to` has it: its own in-place changes are superseded.
    for (const s of steps) if (supersededBy(s, d)) removed.add(s);
  }

  const dropperIndex = (dropper: string): Step | undefined => {
    if (dropper.startsWith('step:')) return steps[Number(dropper.slice(5))];
    const key = dropper.slice(4);
    const own = ownDropOf.get(key);
    if (own !== undefined) return steps[own];
    return added.find((s) => s.operation !== 'create' && (s.removes ?? []).includes(key) && !(s.provides ?? []).includes(key));
  };
  const extraBefore = new Map<Step, Set<string>>();
  for (const [dropper, ks] of before) {
    const s = dropperIndex(dropper);
    if (!s) continue;
    const set = extraBefore.get(s) ?? new Set<string>();
    for (const k of ks) set.add(k);
    extraBefore.set(s, set);
  }
  const finish = (s: Step, i: number | null): Step => {
    const extra = extraBefore.get(s);
    let out: Step = s;
    if (extra) out = { ...out, requiresRemoved: [...new Set([...(out.requiresRemoved ?? []), ...extra])] };
    if (i !== null && (s.disrupts ?? []).length > 0) out = { ...out, provides: [...new Set([...(out.provides ?? []), done(i)])] };
    return out;
  };
  const result = [
    ...steps.map((s, i) => (removed.has(s) ? null : finish(s, i))).filter((s): s is Step => s !== null),
    ...added.map((s) => finish(s, null)),
  ];
  return mergeDuplicates(result);
}

/** `column:` keys of every relation of `from`, under current names, by relation key. */
function relationColumnKeys(ctx: DiffContext): Map<string, string[]> {
  const cur = currentNames(ctx);
  const out = new Map<string, string[]>();
  for (const t of ctx.from.tables) out.set(cur(keys.table(t.schema, t.name)), t.columns.map((c) => cur(keys.column(t.schema, t.name, c.name))));
  for (const v of ctx.from.views) out.set(keys.view(v.schema, v.name), v.columns.map((c) => keys.column(v.schema, v.name, c.name)));
  for (const v of ctx.from.materializedViews) {
    out.set(keys.materializedView(v.schema, v.name), v.columns.map((c) => keys.column(v.schema, v.name, c.name)));
  }
  return out;
}

/** Own steps that change a recreated object in place, made moot by creating it from `to`. */
function supersededBy(s: Step, d: Dependent): boolean {
  const touches = [...(s.provides ?? []), ...(s.requires ?? []), ...(s.removes ?? [])].includes(d.key);
  if (!touches || s.kind !== d.kind) return false;
  if (s.operation === 'replace') return true;
  if (s.operation === 'alter' && (d.kind === 'view' || d.kind === 'policy')) return true;
  // A default changed in place would fight the one dropped and set again around the change.
  return d.kind === 'column' && s.operation === 'alter' && /^ALTER TABLE .* ALTER COLUMN .* (SET|DROP) DEFAULT( |$)/s.test(s.sql) && !s.sql.includes(', ');
}

/** Identical grant/comment/owner statements (from the object's own diff and its recreation) run once. */
function mergeDuplicates(steps: readonly Step[]): Step[] {
  const mergeable = new Set(['grant', 'revoke', 'owner', 'comment']);
  const first = new Map<string, number>();
  const out: Step[] = [];
  for (const s of steps) {
    if (!mergeable.has(s.operation)) {
      out.push(s);
      continue;
    }
    const id = `${s.kind}\u0000${s.operation}\u0000${s.sql}`;
    const at = first.get(id);
    if (at === undefined) {
      first.set(id, out.length);
      out.push(s);
      continue;
    }
    const prev = out[at]!;
    const union = (a?: readonly string[], b?: readonly string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
    out[at] = {
      ...prev,
      requires: union(prev.requires, s.requires),
      provides: union(prev.provides, s.provides),
      removes: union(prev.removes, s.removes),
      requiresRemoved: union(prev.requiresRemoved, s.requiresRemoved),
      ...(prev.reason || s.reason ? { reason: prev.reason ?? s.reason } : {}),
    };
  }
  return out.map((s) => {
    const clean: Record<string, unknown> = { ...s };
    for (const k of ['provides', 'requires', 'removes', 'requiresRemoved'] as const) if ((s[k] ?? []).length === 0) delete clean[k];
    return clean as unknown as Step;
  });
}
