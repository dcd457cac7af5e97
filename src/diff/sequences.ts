import type { Sequence } from '../model/sequence.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { commentSql, display, edges, hazard, step, type DiffContext } from './context.ts';
import { sequencesInDefault } from './sql-text.ts';

function sequenceCommentStep(s: Sequence, comment: string | null): Step {
  return step({
    kind: 'sequence',
    object: display(s.schema, s.name),
    operation: 'comment',
    sql: commentSql(`SEQUENCE ${qname(s)}`, comment),
    phase: PHASES.comment,
    requires: [keys.sequence(s.schema, s.name)],
  });
}

function ownerSql(s: Sequence): string {
  if (!s.ownedBy) return 'NONE';
  return `${qname({ schema: s.ownedBy.schema, name: s.ownedBy.table })}.${ident(s.ownedBy.column)}`;
}

/** ALTER SEQUENCE ... OWNED BY, once the owning column exists (before the old owner goes). */
function ownershipStep(s: Sequence, fromKey: string | null): Step {
  return step({
    kind: 'sequence',
    object: display(s.schema, s.name),
    operation: 'alter',
    sql: `ALTER SEQUENCE ${qname(s)} OWNED BY ${ownerSql(s)}`,
    phase: PHASES.sequenceOwnership,
    requires: [
      keys.sequence(s.schema, s.name),
      ...(s.ownedBy ? [keys.column(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column)] : []),
    ],
    removes: fromKey ? [fromKey] : [],
  });
}

function optionClauses(from: Sequence | null, to: Sequence): string[] {
  const out: string[] = [];
  const changed = <K extends keyof Sequence>(k: K) => from === null || from[k] !== to[k];
  if (changed('dataType')) out.push(`AS ${to.dataType}`);
  if (changed('increment')) out.push(`INCREMENT BY ${to.increment}`);
  if (changed('minValue')) out.push(`MINVALUE ${to.minValue}`);
  if (changed('maxValue')) out.push(`MAXVALUE ${to.maxValue}`);
  if (changed('start')) out.push(`START WITH ${to.start}`);
  if (changed('cache')) out.push(`CACHE ${to.cache}`);
  if (changed('cycle')) out.push(to.cycle ? 'CYCLE' : 'NO CYCLE');
  return out;
}

/** `from` columns whose default draws from the sequence: their default must go before it does. */
function defaultsUsing(ctx: DiffContext, s: Sequence): string[] {
  const out: string[] = [];
  for (const t of ctx.from.tables) {
    const table = ctx.currentTableName(t.schema, t.name) ?? t.name;
    for (const c of t.columns) {
      if (!sequencesInDefault(c.default).some((q) => q.schema === s.schema && q.name === s.name)) continue;
      out.push(edges.default(t.schema, table, ctx.currentColumnName(t.schema, t.name, c.name) ?? c.name));
    }
  }
  return out;
}

/** The `from` owner under its current names, to compare with the desired owner. */
function currentOwner(ctx: DiffContext, s: Sequence): Sequence['ownedBy'] {
  if (!s.ownedBy) return null;
  const table = ctx.currentTableName(s.ownedBy.schema, s.ownedBy.table);
  const column = ctx.currentColumnName(s.ownedBy.schema, s.ownedBy.table, s.ownedBy.column);
  if (!table || !column) return null;
  return { schema: s.ownedBy.schema, table, column };
}

/** Whether the sequence's owner is dropped in this plan (PostgreSQL then drops the sequence with it). */
function ownerDropped(ctx: DiffContext, s: Sequence): boolean {
  return s.ownedBy !== null && currentOwner(ctx, s) === null;
}

export function diffSequences(ctx: DiffContext): Step[] {
  const out: Step[] = [];
  const fromByKey = new Map(ctx.from.sequences.map((s) => [`${s.schema}.${s.name}`, s]));
  const renameSource = new Map<string, Sequence>();
  for (const s of ctx.from.sequences) {
    const name = ctx.sequenceRenames.get(`${s.schema}.${s.name}`);
    if (name) renameSource.set(`${s.schema}.${name}`, s);
  }
  const toKeys = new Set(ctx.to.sequences.map((s) => `${s.schema}.${s.name}`));
  for (const to of ctx.to.sequences) {
    const skey = keys.sequence(to.schema, to.name);
    let from = fromByKey.get(`${to.schema}.${to.name}`);
    if (!from) {
      const source = renameSource.get(`${to.schema}.${to.name}`);
      if (source) {
        out.push(
          step({
            kind: 'sequence',
            object: display(to.schema, to.name),
            operation: 'rename',
            sql: `ALTER SEQUENCE ${qname(source)} RENAME TO ${ident(to.name)}`,
            reason: `follows its owner, renamed to ${to.ownedBy ? display(to.ownedBy.table, to.ownedBy.column) : to.name}`,
            phase: PHASES.rename,
            removes: [keys.sequence(source.schema, source.name)],
            provides: [skey],
            requiresRemoved: [skey],
          }),
        );
        from = source;
      }
    }
    if (!from) {
      out.push(
        step({
          kind: 'sequence',
          object: display(to.schema, to.name),
          operation: 'create',
          sql: `CREATE SEQUENCE ${qname(to)} ${optionClauses(null, to).join(' ')}`,
          phase: PHASES.createSequence,
          provides: [skey],
          requires: [keys.schema(to.schema)],
          requiresRemoved: [skey],
        }),
      );
      if (to.ownedBy) out.push(ownershipStep(to, null));
      if (to.comment !== null) out.push(sequenceCommentStep(to, to.comment));
      continue;
    }
    const options = optionClauses(from, to);
    if (options.length) {
      out.push(
        step({
          kind: 'sequence',
          object: display(to.schema, to.name),
          operation: 'alter',
          sql: `ALTER SEQUENCE ${qname(to)} ${options.join(' ')}`,
          phase: PHASES.alterSequence,
          requires: [skey],
        }),
      );
    }
    const owner = currentOwner(ctx, from);
    if (JSON.stringify(owner) !== JSON.stringify(to.ownedBy)) out.push(ownershipStep(to, edges.ownedBy(from.schema, from.name)));
    if (from.comment !== to.comment) out.push(sequenceCommentStep(to, to.comment));
  }
  for (const from of ctx.from.sequences) {
    const k = `${from.schema}.${from.name}`;
    if (toKeys.has(k) || ctx.sequenceRenames.has(k) || ownerDropped(ctx, from)) continue;
    out.push(
      step({
        kind: 'sequence',
        object: display(from.schema, from.name),
        operation: 'drop',
        sql: `DROP SEQUENCE ${qname(from)}`,
        hazards: [hazard('data_loss', `drops sequence ${display(from.schema, from.name)} and its current value`)],
        phase: PHASES.dropSequence,
        removes: [keys.sequence(from.schema, from.name)],
        requiresRemoved: defaultsUsing(ctx, from),
      }),
    );
  }
  return out;
}
