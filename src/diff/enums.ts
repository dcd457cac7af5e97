import type { EnumType } from '../model/enum.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, literal, qname } from '../sql/quote.ts';
import { commentSql, display, edges, generatedName, hazard, NON_TRANSACTIONAL, step, type DiffContext } from './context.ts';
import { splitArrayType, typeRefersTo } from './sql-text.ts';
import { withDisrupts } from './columns.ts';
import { usersOfType } from './type-users.ts';

function enumCommentStep(e: EnumType, comment: string | null): Step {
  return step({
    kind: 'enum',
    object: display(e.schema, e.name),
    operation: 'comment',
    sql: commentSql(`TYPE ${qname(e)}`, comment),
    phase: PHASES.comment,
    requires: [keys.enum(e.schema, e.name)],
  });
}

function createEnumStep(e: EnumType, reason?: string, after: readonly string[] = []): Step {
  const ekey = keys.enum(e.schema, e.name);
  return step({
    kind: 'enum',
    object: display(e.schema, e.name),
    operation: 'create',
    sql: `CREATE TYPE ${qname(e)} AS ENUM (${e.labels.map(literal).join(', ')})`,
    reason,
    phase: PHASES.createType,
    provides: [ekey, ...e.labels.map((l) => edges.enumLabel(e.schema, e.name, l))],
    requires: [keys.schema(e.schema)],
    requiresRemoved: [ekey, ...after],
  });
}

/** Whether `to` only adds labels to `from`, keeping the existing ones in their order. */
function onlyAddsLabels(from: readonly string[], to: readonly string[]): boolean {
  const kept = to.filter((l) => from.includes(l));
  return kept.length === from.length && kept.every((l, i) => l === from[i]);
}

/** Whether the labels change in a way ADD VALUE cannot make: the type is then recreated (a new owner too). */
export function enumRebuilt(from: EnumType, to: EnumType): boolean {
  return from.labels.join('\u0000') !== to.labels.join('\u0000') && !onlyAddsLabels(from.labels, to.labels);
}

/** ALTER TYPE ... ADD VALUE for each new label, placed BEFORE/AFTER a neighbour to keep the order. */
function addLabelSteps(from: EnumType, to: EnumType): Step[] {
  const out: Step[] = [];
  const present = new Set(from.labels);
  to.labels.forEach((label, i) => {
    if (present.has(label)) return;
    let where: string;
    let neighbour: string;
    if (i > 0) {
      neighbour = to.labels[i - 1]!;
      where = `AFTER ${literal(neighbour)}`;
    } else {
      neighbour = to.labels.find((l) => present.has(l))!;
      where = `BEFORE ${literal(neighbour)}`;
    }
    out.push(
      step({
        kind: 'enum',
        object: display(to.schema, to.name),
        operation: 'alter',
        sql: `ALTER TYPE ${qname(to)} ADD VALUE IF NOT EXISTS ${literal(label)} ${where}`,
        hazards: [NON_TRANSACTIONAL],
        transactional: false,
        reason: 'a label added inside a transaction cannot be used until it commits; IF NOT EXISTS makes a re-run safe',
        phase: PHASES.alterType,
        requires: [edges.enumLabel(to.schema, to.name, neighbour)],
        provides: [edges.enumLabel(to.schema, to.name, label)],
      }),
    );
    present.add(label);
  });
  return out;
}

/**
 * Labels removed or reordered: PostgreSQL cannot do that in place, so the type is renamed away,
 * created anew, every column converted through text, and the old type dropped.
 */
function recreateEnumSteps(ctx: DiffContext, from: EnumType, to: EnumType): Step[] {
  const removed = from.labels.filter((l) => !to.labels.includes(l));
  const oldName = generatedName('', `${from.name}__pgform_old`);
  const oldQ = { schema: from.schema, name: oldName };
  const ekey = keys.enum(to.schema, to.name);
  const renamedKey = keys.enum(from.schema, oldName);
  const obj = display(to.schema, to.name);
  const why = removed.length
    ? `${removed.length === 1 ? 'label' : 'labels'} ${removed.map((l) => literal(l)).join(', ')} ${removed.length === 1 ? 'is' : 'are'} removed: the type is recreated`
    : 'labels are reordered: the type is recreated';
  // Routines and views using the type would follow the rename and block DROP TYPE of the old one.
  const out: Step[] = [
    withDisrupts(ekey, step({
      kind: 'enum',
      object: obj,
      operation: 'rename',
      sql: `ALTER TYPE ${qname(from)} RENAME TO ${ident(oldName)}`,
      reason: why,
      phase: PHASES.alterType,
      removes: [ekey],
      provides: [renamedKey],
    })),
    createEnumStep(to, why),
  ];
  const usesOld: string[] = [];
  for (const pair of ctx.pairs) {
    for (const c of pair.columns) {
      if (!typeRefersTo(c.from.type, from)) continue;
      const t = pair.to;
      usesOld.push(edges.typeOf(t.schema, t.name, c.to.name));
      // Columns that change to another type are converted by the column diff.
      if (c.from.type !== c.to.type) continue;
      const arr = splitArrayType(c.to.type).arraySuffix;
      const col = `ALTER COLUMN ${ident(c.to.name)}`;
      const actions = [`${col} TYPE ${qname(to)}${arr} USING ${ident(c.to.name)}::text${arr}::${qname(to)}${arr}`];
      if (c.from.default !== null) {
        actions.unshift(`${col} DROP DEFAULT`);
        if (c.to.default !== null) actions.push(`${col} SET DEFAULT ${c.to.default}`);
      }
      const cobj = display(t.schema, t.name, c.to.name);
      const hazards = [
        hazard('table_rewrite', `converting ${cobj} to the recreated type rewrites ${display(t.schema, t.name)} under an exclusive lock`),
        hazard('long_lock', `${display(t.schema, t.name)} is locked against reads and writes while it is rewritten`),
      ];
      if (removed.length) {
        hazards.push(hazard('data_loss', `rows of ${cobj} holding a removed label (${removed.join(', ')}) make the step fail: change them first`));
      }
      out.push(
        withDisrupts(keys.column(t.schema, t.name, c.to.name), step({
          kind: 'column',
          object: cobj,
          operation: 'alter',
          sql: `ALTER TABLE ${qname(t)} ${actions.join(', ')}`,
          hazards,
          reason: why,
          phase: PHASES.alterColumn,
          requires: [ekey, keys.column(t.schema, t.name, c.to.name), keys.table(t.schema, t.name)],
          removes: [edges.typeOf(t.schema, t.name, c.to.name)],
          requiresRemoved: [ekey],
        })),
      );
    }
  }
  for (const t of ctx.droppedTables) {
    for (const c of t.columns) if (typeRefersTo(c.type, from)) usesOld.push(edges.typeOf(t.schema, t.name, c.name));
  }
  out.push(
    step({
      kind: 'enum',
      object: display(from.schema, oldName),
      operation: 'drop',
      sql: `DROP TYPE ${qname(oldQ)}`,
      reason: why,
      phase: PHASES.dropType,
      requires: [renamedKey],
      removes: [renamedKey],
      requiresRemoved: usesOld,
    }),
  );
  return out;
}

export function diffEnums(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByKey = new Map(ctx.from.enums.map((e) => [`${e.schema}.${e.name}`, e]));
  const toKeys = new Set(ctx.to.enums.map((e) => `${e.schema}.${e.name}`));
  for (const to of ctx.to.enums) {
    const from = fromByKey.get(`${to.schema}.${to.name}`);
    if (!from) {
      out.push(createEnumStep(to));
      if (to.comment !== null) out.push(enumCommentStep(to, to.comment));
      continue;
    }
    if (from.labels.join('\u0000') !== to.labels.join('\u0000')) {
      out.push(...(onlyAddsLabels(from.labels, to.labels) ? addLabelSteps(from, to) : recreateEnumSteps(ctx, from, to)));
      if (!onlyAddsLabels(from.labels, to.labels)) {
        if (to.comment !== null) out.push(enumCommentStep(to, to.comment));
        continue;
      }
    }
    if (from.comment !== to.comment) out.push(enumCommentStep(to, to.comment));
  }
  for (const from of ctx.from.enums) {
    if (toKeys.has(`${from.schema}.${from.name}`)) continue;
    out.push(
      withDisrupts(keys.enum(from.schema, from.name), step({
        kind: 'enum',
        object: display(from.schema, from.name),
        operation: 'drop',
        sql: `DROP TYPE ${qname(from)}`,
        phase: PHASES.dropType,
        removes: [keys.enum(from.schema, from.name)],
        requiresRemoved: usersOfType(ctx, from),
      })),
    );
  }
  return out;
}
