import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { display, step } from './context.ts';

/**
 * A table that stops or starts being partitioned without `convert_to_partitioned`: PostgreSQL
 * cannot change that in place, so the table is dropped and created again, which loses no row:
 *
 * - a partitioned table holds no rows of its own; its partitions leave first (detached when the
 *   schema files keep them as ordinary tables, dropped with their own `data_loss` hazard when not);
 * - an ordinary table is replaced only when empty: a data check says so at plan time, and the step
 *   before the DROP adds `CHECK (false)`, which fails on any row and refuses new ones, so the DROP
 *   that follows cannot lose a row written since the plan was made.
 *
 * Everything on the table (indexes, constraints, triggers, policies, grants, row security,
 * comments, owner) is created again from the schema files, as for a new table. Refused, with
 * what to do first, where other objects would need the old table while it goes.
 */
export interface Replacement {
  /** The table of the live state, dropped. */
  readonly old: Table;
  /** The table of the desired state, created. */
  readonly target: Table;
}

const same = (a: QualifiedName, b: { readonly schema: string; readonly table: string }) => a.schema === b.schema && a.name === b.table;

/** Name of the guard constraint that keeps a replaced ordinary table empty until its DROP. */
export const EMPTY_GUARD = 'pgform_replaced_must_be_empty';

/**
 * Whether the live table `old` is replaced by `target` of the same name: one is partitioned and
 * the other not, without the consent of a conversion, and neither is a partition (their own paths).
 */
export function isReplacement(old: Table, target: Table): boolean {
  if ((old.partitionBy == null) === (target.partitionBy == null)) return false;
  if (target.partitionBy && target.convertToPartitioned) return false;
  return !old.partitionOf && !target.partitionOf;
}

/** The tables `to` replaces (see above); throws where a replacement cannot be done safely. */
export function replacementsOf(from: DatabaseModel, to: DatabaseModel): Replacement[] {
  const out: Replacement[] = [];
  for (const target of to.tables) {
    const old = from.tables.find((t) => t.schema === target.schema && t.name === target.name);
    if (!old || !isReplacement(old, target)) continue;
    const name = display(target.schema, target.name);
    const becomes = target.partitionBy ? 'a partitioned table' : 'an ordinary table';
    const refuse = (why: string): never => {
      throw new UserError(
        `table ${name} would become ${becomes}; PostgreSQL cannot change that in place, and pgform replaces the table (drop, then create) only when nothing else needs it: ${why}`,
      );
    };
    const tableKey = keys.table(old.schema, old.name);
    const uses = (dependsOn: readonly string[]) => dependsOn.some((k) => k === tableKey || k.startsWith(`column:${old.schema}.${old.name}.`));
    const referencing = from.tables.flatMap((t) =>
      t.constraints
        .filter((c) => c.kind === 'foreign_key' && c.references.schema === old.schema && c.references.table === old.name && !(t.schema === old.schema && t.name === old.name))
        .map((c) => `${display(t.schema, t.name)}.${c.name}`),
    );
    if (referencing.length) refuse(`foreign keys reference it (${referencing.join(', ')}); drop them in an earlier plan and add them again after`);
    const usedBy = [
      ...[...from.views, ...from.materializedViews].filter((v) => uses(v.dependsOn)).map((v) => display(v.schema, v.name)),
      ...from.routines.filter((r) => uses(r.dependsOn)).map((r) => `${display(r.schema, r.name)}()`),
      ...from.policies
        .filter((p) => !(p.schema === old.schema && p.table === old.name) && uses(p.dependsOn))
        .map((p) => `policy ${p.name} on ${display(p.schema, p.table)}`),
    ];
    if (usedBy.length) refuse(`${usedBy.join(', ')} use${usedBy.length === 1 ? 's' : ''} it; drop ${usedBy.length === 1 ? 'it' : 'them'} in an earlier plan and create ${usedBy.length === 1 ? 'it' : 'them'} again after`);
    const owned = from.sequences.filter((s) => s.ownedBy && same(old, s.ownedBy)).map((s) => display(s.schema, s.name));
    if (owned.length) refuse(`it owns sequence ${owned.join(', ')}, which its DROP would take along; use an identity column, or ALTER SEQUENCE ... OWNED BY NONE first`);
    const children = from.tables.filter((t) => (t.inherits ?? []).some((p) => p.schema === old.schema && p.table === old.name)).map((t) => display(t.schema, t.name));
    if (children.length) refuse(`tables inherit from it (${children.join(', ')})`);
    const hyper = [...from.hypertables, ...to.hypertables].some((h) => h.schema === old.schema && h.table === old.name);
    if (hyper) refuse('it is a TimescaleDB hypertable');
    out.push({ old, target });
  }
  return out;
}

/**
 * `from` without what goes away with the replaced tables and comes back from `to` as for a new
 * table: their triggers and policies (grants of a table created in the plan start from defaults
 * in grants.ts already).
 */
export function withoutReplacedParts(from: DatabaseModel, replacements: readonly Replacement[]): DatabaseModel {
  if (replacements.length === 0) return from;
  const gone = (schema: string, table: string) => replacements.some((r) => r.old.schema === schema && r.old.name === table);
  return {
    ...from,
    triggers: from.triggers.filter((t) => !gone(t.schema, t.table)),
    policies: from.policies.filter((p) => !gone(p.schema, p.table)),
  };
}

/** Ordering edge: the guard of a replaced ordinary table is in place. */
const guardedEdge = (t: QualifiedName) => `emptiness-guarded:${keys.table(t.schema, t.name)}`;

/** The steps that drop the old table of a replacement (the guard first when it is an ordinary table). */
export function replacedTableDrop(r: Replacement, drop: Step): Step[] {
  const name = display(r.old.schema, r.old.name);
  const partitioned = r.old.partitionBy != null;
  // Guarded already: an apply stopped between the guard and the DROP, planned again.
  const guarded = r.old.constraints.some((c) => c.name === EMPTY_GUARD);
  const guard = partitioned || guarded
    ? []
    : [
        step({
          kind: 'table',
          object: name,
          operation: 'alter',
          sql: `ALTER TABLE ${qname(r.old)} ADD CONSTRAINT ${ident(EMPTY_GUARD)} CHECK (false)`,
          reason: `fails if ${name} holds any row, and refuses new ones until it is dropped: the DROP that follows loses no row`,
          // No `requires` on the table: it exists already, and the new one (same key) comes after.
          phase: PHASES.dropTable,
          provides: [guardedEdge(r.old)],
        }),
      ];
  return [
    ...guard,
    step({
      ...drop,
      requires: [...(drop.requires ?? []), ...(partitioned || guarded ? [] : [guardedEdge(r.old)])],
      reason: partitioned
        ? `${name} stops being partitioned, which PostgreSQL cannot do in place: it is dropped (a partitioned table holds no rows of its own; its partitions have left) and created again as an ordinary table`
        : `${name} becomes partitioned, which PostgreSQL cannot do in place: it is dropped (empty, checked) and created again as a partitioned table`,
      hazards: [],
    }),
  ];
}

/**
 * Grants on a replaced table that give a grantee back exactly what the old table gave it: noted
 * (authz_change, as for any object created again) but they widen nobody's access, so they need
 * no consent.
 */
export function withRestoredGrants(steps: readonly Step[], replacements: readonly Replacement[], live: DatabaseModel, to: DatabaseModel): Step[] {
  if (replacements.length === 0) return [...steps];
  const restores = new Set<string>();
  for (const { old, target } of replacements) {
    const on = (m: DatabaseModel, t: QualifiedName, grantee: string) =>
      m.grants
        .filter((g) => g.objectKind === 'table' && g.schema === t.schema && g.name === t.name && g.grantee === grantee)
        .map((g) => [g.column ?? '', g.privilege, g.withGrantOption].join('\u0000'))
        .sort()
        .join('\u0001');
    for (const g of to.grants) {
      if (g.objectKind !== 'table' || g.schema !== target.schema || g.name !== target.name) continue;
      if (on(live, old, g.grantee) === on(to, target, g.grantee)) restores.add(`${display(target.schema, target.name)} to ${g.grantee}`);
    }
  }
  return steps.map((s) =>
    s.kind === 'grant' && s.operation === 'grant' && restores.has(s.object)
      ? {
          ...s,
          hazards: s.hazards.map((h) => (h.kind === 'authz_change' ? { kind: h.kind, message: h.message } : h)),
          reason: `${s.object.split(' to ')[0]} is created again: ${s.object.slice(s.object.indexOf(' to ') + 4)} gets back what it had`,
        }
      : s,
  );
}
