import { lock, stepLocks } from '../plan/locks.ts';
import type { Column, Identity } from '../model/column.ts';
import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import type { Hazard } from '../plan/hazard.ts';
import { ident, qname } from '../sql/quote.ts';
import { breakingChange, commentSql, display, edges, generatedName, hazard, step, underNewNames, type DiffContext, type TablePair } from './context.ts';
import { isVolatileExpression, mapSequencesInDefault, sequencesInDefault } from './sql-text.ts';
import { classifyTypeChange } from './types.ts';
import { castPath } from './casts.ts';
import { collationKeys } from './collations.ts';
import { UserError } from '../errors.ts';
import { userTypeKeys } from './type-users.ts';
import { mentionedKeys } from './views.ts';

/** `START WITH 1 INCREMENT BY 1 ...` for the options that are set. */
export function identityOptions(id: Identity): string[] {
  const out: string[] = [];
  if (id.start !== null) out.push(`START WITH ${id.start}`);
  if (id.increment !== null) out.push(`INCREMENT BY ${id.increment}`);
  if (id.minValue !== null) out.push(`MINVALUE ${id.minValue}`);
  if (id.maxValue !== null) out.push(`MAXVALUE ${id.maxValue}`);
  if (id.cache !== null) out.push(`CACHE ${id.cache}`);
  if (id.cycle) out.push('CYCLE');
  return out;
}

function identityClause(id: Identity): string {
  const opts = identityOptions(id);
  return `GENERATED ${id.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${opts.length ? ` (${opts.join(' ')})` : ''}`;
}

/** The column as it appears in CREATE TABLE / ADD COLUMN. */
export function columnDefinition(c: Column): string {
  const parts = [ident(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated !== null) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.identity) parts.push(identityClause(c.identity));
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

/**
 * Keys a column needs before it can exist: the enum types it uses, the sequences its default
 * draws from and the routines its default or generated expression calls (its `dependsOn`; in
 * the raw desired state, where none is read yet, the routines of `to` these expressions name).
 */
export function columnRequirements(ctx: DiffContext, c: Column): string[] {
  const out: string[] = [];
  out.push(...userTypeKeys(ctx.to, c.type));
  out.push(...collationKeys(ctx.to, c.collation));
  for (const s of sequencesInDefault(c.default)) out.push(keys.sequence(s.schema, s.name));
  if (c.dependsOn !== undefined) out.push(...c.dependsOn);
  else {
    const expressions = [c.default, c.generated].filter((x): x is string => x !== null).join('\n');
    if (expressions) out.push(...mentionedKeys(ctx.to, expressions, ['routine']));
  }
  return out;
}

/** Every edge a table's columns provide when the table is created (or removes when it is dropped). */
export function columnEdges(t: QualifiedName & { readonly columns: readonly Column[] }): string[] {
  return t.columns.flatMap((c) => [
    keys.column(t.schema, t.name, c.name),
    edges.typeOf(t.schema, t.name, c.name),
    edges.default(t.schema, t.name, c.name),
  ]);
}

/** Columns whose generated expression changes in a way only drop + add can express. */
export function recreatedColumns(pair: TablePair): Set<string> {
  const out = new Set<string>();
  for (const c of pair.columns) {
    if (c.to.generated === null) continue;
    if (c.from.generated === null || underNewNames(pair, c.from.generated) !== c.to.generated) out.add(c.to.name);
  }
  return out;
}

/** A `from` default as it reads after table, column and sequence renames. */
export function comparableDefault(ctx: DiffContext, pair: TablePair, expr: string | null): string | null {
  if (expr === null) return null;
  return mapSequencesInDefault(underNewNames(pair, expr), (q) => {
    const name = ctx.sequenceRenames.get(`${q.schema}.${q.name}`);
    return name ? { schema: q.schema, name } : null;
  });
}

function sameIdentityOptions(a: Identity, b: Identity): boolean {
  const fields = ['start', 'increment', 'minValue', 'maxValue', 'cache'] as const;
  return fields.every((f) => b[f] === null || a[f] === b[f]) && a.cycle === b.cycle;
}

export function addColumnStep(ctx: DiffContext, table: Table, c: Column): Step {
  const hazards: Hazard[] = [];
  const obj = display(table.schema, table.name, c.name);
  if (c.generated !== null) {
    hazards.push(hazard('table_rewrite', `adding stored generated column ${obj} computes it for every row, rewriting the table under an exclusive lock`));
  } else if (c.identity) {
    hazards.push(hazard('table_rewrite', `adding identity column ${obj} numbers every existing row, rewriting the table under an exclusive lock`));
  } else if (c.default !== null && isVolatileExpression(c.default, ctx.volatilityOf)) {
    hazards.push(hazard('table_rewrite', `the default of ${obj} (${c.default}) is volatile: every existing row gets its own value, rewriting the table under an exclusive lock`));
  } else if (c.notNull && c.default === null) {
    hazards.push(hazard('unchecked_dependency', `${obj} is NOT NULL without a default: the step fails if ${display(table.schema, table.name)} has any rows`));
  }
  return step({
    kind: 'column',
    object: obj,
    operation: 'create',
    sql: `ALTER TABLE ${qname(table)} ADD COLUMN ${columnDefinition(c)}`,
    hazards,
    phase: PHASES.addColumn,
    provides: [keys.column(table.schema, table.name, c.name), edges.typeOf(table.schema, table.name, c.name), edges.default(table.schema, table.name, c.name)],
    requires: [keys.table(table.schema, table.name), ...columnRequirements(ctx, c)],
    requiresRemoved: [keys.column(table.schema, table.name, c.name)],
  });
}

/** Edges a dropped column needs gone first: FKs and other dependents using it, sequences it owns. */
export function dropColumnStep(table: QualifiedName, c: Column, requiresRemoved: readonly string[], reason?: string): Step {
  const obj = display(table.schema, table.name, c.name);
  // Views, policies, triggers... using the column are dropped first (see dependents.ts).
  return withDisrupts(keys.column(table.schema, table.name, c.name), step({
    kind: 'column',
    object: obj,
    operation: 'drop',
    sql: `ALTER TABLE ${qname(table)} DROP COLUMN ${ident(c.name)}`,
    hazards: [hazard('data_loss', `drops column ${obj} and the values it holds`)],
    phase: PHASES.dropColumn,
    reason,
    requires: [keys.table(table.schema, table.name)],
    removes: [keys.column(table.schema, table.name, c.name), edges.typeOf(table.schema, table.name, c.name), edges.default(table.schema, table.name, c.name)],
    requiresRemoved,
  }));
}

/** The step, marked as one PostgreSQL refuses while objects depend on `key`. */
export function withDisrupts(key: string, s: Step): Step {
  return { ...s, disrupts: [...new Set([...(s.disrupts ?? []), key])] };
}

export function columnCommentStep(table: QualifiedName, c: Column, comment: string | null): Step {
  return step({
    kind: 'column',
    object: display(table.schema, table.name, c.name),
    operation: 'comment',
    sql: commentSql(`COLUMN ${qname(table)}.${ident(c.name)}`, comment),
    phase: PHASES.comment,
    requires: [keys.column(table.schema, table.name, c.name)],
  });
}

/** Types whose own storage is MAIN (the other variable-length ones are EXTENDED). */
const MAIN_STORAGE_TYPES = new Set(['numeric', 'inet', 'cidr']);

/** What SET STORAGE takes to go back to the type's own storage (PostgreSQL 15 has no SET STORAGE DEFAULT). */
function typeStorage(type: string): string {
  const base = type.replace(/\(.*$/, '').trim();
  return !type.endsWith(']') && MAIN_STORAGE_TYPES.has(base) ? 'MAIN' : 'EXTENDED';
}

/**
 * ALTER COLUMN actions that take the column's storage and compression from `from` (null: as a
 * new column or after ALTER TYPE has reset the storage to the type's) to `to`.
 */
export function storageActions(from: Column | null, to: Column): string[] {
  const col = `ALTER COLUMN ${ident(to.name)}`;
  const out: string[] = [];
  if ((from?.storage ?? null) !== (to.storage ?? null)) out.push(`${col} SET STORAGE ${(to.storage ?? typeStorage(to.type)).toUpperCase()}`);
  if ((from?.compression ?? null) !== (to.compression ?? null)) out.push(`${col} SET COMPRESSION ${to.compression === undefined ? 'DEFAULT' : ident(to.compression)}`);
  return out;
}

/** The storage and compression of a new or changed column, when they are not the defaults it gets. */
export function columnStorageStep(table: QualifiedName, from: Column | null, to: Column): Step[] {
  const actions = storageActions(from, to);
  if (actions.length === 0) return [];
  return [
    step({
      kind: 'column',
      object: display(table.schema, table.name, to.name),
      operation: 'alter',
      sql: `ALTER TABLE ${qname(table)} ${actions.join(', ')}`,
      reason: 'applies to values written from now on; stored values keep their form until rewritten',
      phase: PHASES.alterColumn,
      requires: [keys.column(table.schema, table.name, to.name)],
    }),
  ];
}

/**
 * Column changes of a table present on both sides (after its rename). `dependentsOf(column)` gives
 * the edges that must be removed before the column may be dropped (see constraints.ts).
 */
export function diffColumns(ctx: DiffContext, pair: TablePair, dependentsOf: (column: string) => string[]): Step[] {
  const t = pair.to;
  const out: Step[] = [];
  const tkey = keys.table(t.schema, t.name);
  const recreated = recreatedColumns(pair);
  const paired = new Set(pair.columns.map((c) => c.from.name));

  for (const c of pair.from.columns) {
    if (paired.has(c.name)) continue;
    const drop = dropColumnStep(t, c, [...dependentsOf(c.name), ...ownedSequenceEdges(ctx, pair.from, c.name)]);
    const obj = display(t.schema, t.name, c.name);
    const breaks = breakingChange(
      `code that reads or writes ${obj} fails after this step`,
      `release code that no longer uses ${c.name} first, then drop the column in a later plan`,
    );
    out.push({ ...drop, hazards: [...drop.hazards, breaks] });
  }
  for (const { from, to, renamed } of pair.columns) {
    const ckey = keys.column(t.schema, t.name, to.name);
    const obj = display(t.schema, t.name, to.name);
    const col = `${qname(t)} ALTER COLUMN ${ident(to.name)}`;
    if (renamed) {
      out.push(
        step({
          kind: 'column',
          object: obj,
          operation: 'rename',
          sql: `ALTER TABLE ${qname(t)} RENAME COLUMN ${ident(from.name)} TO ${ident(to.name)}`,
          hazards: [
            breakingChange(
              `code that uses ${display(t.schema, t.name, from.name)} fails after this step (it becomes ${to.name})`,
              `add ${to.name}, write both and move readers to it, then drop ${from.name} in a later plan`,
            ),
          ],
          phase: PHASES.rename,
          requires: [tkey],
          removes: [keys.column(t.schema, t.name, from.name)],
          provides: [ckey],
          requiresRemoved: [ckey],
        }),
      );
    }
    if (recreated.has(to.name)) {
      // Added again below, with the new columns: in declared order, at the end of the table.
      out.push(dropColumnStep(t, { ...from, name: to.name }, dependentsOf(to.name), `the generated expression of ${obj} changes: the column is dropped and added again`));
      continue;
    }
    if (from.generated !== null && to.generated === null) {
      out.push(
        step({
          kind: 'column',
          object: obj,
          operation: 'alter',
          sql: `ALTER TABLE ${col} DROP EXPRESSION`,
          phase: PHASES.alterColumn,
          requires: [ckey],
          reason: `${obj} keeps its current values but is no longer computed`,
        }),
      );
    }

    const fromDefault = comparableDefault(ctx, pair, from.default);
    const defaultChanged = fromDefault !== to.default;
    const typeChanged = from.type !== to.type || from.collation !== to.collation;
    let defaultHandled = false;
    if (typeChanged) {
      out.push(typeChangeStep(ctx, pair, from, to, from.default !== null));
      defaultHandled = from.default !== null;
    }
    if (defaultChanged && !defaultHandled && to.identity === null) {
      out.push(
        step({
          kind: 'column',
          object: obj,
          operation: 'alter',
          sql: to.default === null ? `ALTER TABLE ${col} DROP DEFAULT` : `ALTER TABLE ${col} SET DEFAULT ${to.default}`,
          phase: PHASES.alterColumn,
          requires: [ckey, ...columnRequirements(ctx, to)],
          removes: [edges.default(t.schema, t.name, to.name)],
        }),
      );
    } else if (defaultChanged && to.identity !== null && from.default !== null) {
      out.push(
        step({
          kind: 'column',
          object: obj,
          operation: 'alter',
          sql: `ALTER TABLE ${col} DROP DEFAULT`,
          phase: PHASES.alterColumn,
          requires: [ckey],
          removes: [edges.default(t.schema, t.name, to.name)],
          reason: `${obj} becomes an identity column, which cannot also have a default`,
        }),
      );
    }
    out.push(...identitySteps(pair, from, to));
    if (from.notNull !== to.notNull) out.push(...notNullSteps(ctx, t, to));
    if (!typeChanged) out.push(...columnStorageStep(t, from, to));
    if (from.comment !== to.comment) out.push(columnCommentStep(t, to, to.comment));
  }
  for (const c of t.columns) {
    if (!recreated.has(c.name) && pair.columns.some((p) => p.to.name === c.name)) continue;
    if (c.backfill && c.notNull) {
      // Added nullable: NOT NULL holds once the backfill has filled the existing rows.
      out.push(addColumnStep(ctx, t, { ...c, notNull: false }), ...notNullSteps(ctx, t, c));
    } else out.push(addColumnStep(ctx, t, c));
    out.push(...columnStorageStep(t, null, c));
    if (c.comment !== null) out.push(columnCommentStep(t, c, c.comment));
  }
  return out;
}

/** Sequences owned by the column that survive it: their ownership must move before the column goes. */
export function ownedSequenceEdges(ctx: DiffContext, fromTable: Table, column: string | null): string[] {
  const kept = new Set(ctx.to.sequences.map((s) => `${s.schema}.${s.name}`));
  return ctx.from.sequences
    .filter(
      (s) =>
        s.ownedBy !== null &&
        s.ownedBy.schema === fromTable.schema &&
        s.ownedBy.table === fromTable.name &&
        (column === null || s.ownedBy.column === column) &&
        (kept.has(`${s.schema}.${s.name}`) || ctx.sequenceRenames.has(`${s.schema}.${s.name}`)),
    )
    .map((s) => edges.ownedBy(s.schema, s.name));
}

function typeChangeStep(ctx: DiffContext, pair: TablePair, from: Column, to: Column, hasDefault: boolean): Step {
  const t = pair.to;
  const obj = display(t.schema, t.name, to.name);
  const cost = classifyTypeChange(from.type, to.type);
  const hazards: Hazard[] = [];
  const typeChanged = from.type !== to.type;
  if (typeChanged && cost.rewrite) {
    hazards.push(hazard('table_rewrite', `changing ${obj} from ${from.type} to ${to.type} rewrites the table and its indexes`));
    hazards.push(hazard('long_lock', `${display(t.schema, t.name)} is locked against reads and writes while it is rewritten`));
  }
  if (!typeChanged && from.collation !== to.collation) {
    hazards.push(hazard('long_lock', `changing the collation of ${obj} rebuilds its indexes while the table is locked`));
  }
  // Without a `using`, the values go through the cast PostgreSQL has, asked for when it is not automatic.
  const path = typeChanged && !to.using ? castPath(ctx.from, ctx.to, from.type, to.type) : null;
  if (path?.kind === 'none') {
    throw new UserError(
      `${obj} changes from ${from.type} to ${to.type}, and PostgreSQL has no cast between them: ` +
        `give the column a \`using\` expression in the YAML that computes the new value from the old one ` +
        `(e.g. \`using: "${to.name}::text::${to.type}"\`), or add a new column and drop the old one`,
    );
  }
  if (path?.kind === 'explicit' && path.checks) {
    hazards.push(hazard('validation_scan', `every value of ${obj} is converted to ${to.type}: the step fails on a value that is not a valid ${to.type}`));
  } else if (path?.kind === 'explicit') {
    hazards.push(hazard('data_loss', `${from.type} has only an explicit cast to ${to.type}: values of ${obj} may change in the conversion`));
  } else if (typeChanged && cost.narrowing) {
    hazards.push(hazard('data_loss', `${to.type} may not hold every ${from.type} value of ${obj}: such values make the step fail or are changed by the cast`));
  }
  if (typeChanged && to.irreversible) hazards.push(hazard('irreversible', to.irreversible));
  const cast = path?.kind === 'explicit' ? `${ident(to.name)}::${path.via === 'text' ? 'text::' : ''}${to.type}` : null;
  const using = to.using ? ` USING ${to.using}` : cast ? ` USING ${cast}` : '';
  const collate = to.collation ? ` COLLATE ${to.collation}` : '';
  const col = `ALTER COLUMN ${ident(to.name)}`;
  const actions = [`${col} TYPE ${to.type}${collate}${using}`];
  // ALTER TYPE resets the column's storage and compression to the new type's: set the declared
  // ones again (PostgreSQL runs them after the type change).
  const kept = { ...from, storage: undefined, compression: undefined };
  actions.push(...storageActions(kept, to));
  // A default that cannot be cast along would make ALTER TYPE fail: drop it and set it again.
  if (hasDefault) {
    actions.unshift(`${col} DROP DEFAULT`);
    if (to.default !== null && to.identity === null) actions.push(`${col} SET DEFAULT ${to.default}`);
  }
  const reason =
    path?.kind === 'unknown' && !cost.knownCast
      ? `PostgreSQL may have no automatic cast from ${from.type} to ${to.type}; if the step fails, give the column a \`using\` expression`
      : undefined;
  // PostgreSQL refuses ALTER TYPE while views, policies or triggers use the column.
  return withDisrupts(keys.column(t.schema, t.name, to.name), step({
    kind: 'column',
    object: obj,
    operation: 'alter',
    sql: `ALTER TABLE ${qname(t)} ${actions.join(', ')}`,
    hazards,
    reason,
    phase: PHASES.alterColumn,
    requires: [keys.column(t.schema, t.name, to.name), ...columnRequirements(ctx, to)],
    removes: [edges.typeOf(t.schema, t.name, to.name), ...(hasDefault ? [edges.default(t.schema, t.name, to.name)] : [])],
  }));
}

function identitySteps(pair: TablePair, from: Column, to: Column): Step[] {
  const t = pair.to;
  const obj = display(t.schema, t.name, to.name);
  const col = `${qname(t)} ALTER COLUMN ${ident(to.name)}`;
  const base = { kind: 'column' as const, object: obj, operation: 'alter' as const, phase: PHASES.alterColumn };
  const ckey = keys.column(t.schema, t.name, to.name);
  if (from.identity === null && to.identity !== null) {
    return [
      step({
        ...base,
        sql: `ALTER TABLE ${col} ADD ${identityClause(to.identity)}`,
        requires: [ckey, edges.notNull(t.schema, t.name, to.name)],
        requiresRemoved: [edges.default(t.schema, t.name, to.name)],
      }),
    ];
  }
  if (from.identity !== null && to.identity === null) {
    // In the drop phase: the identity's sequence goes with it, and a sequence of the same name
    // (a serial's, `<table>_<column>_seq`) may be created later in the plan.
    return [step({ ...base, phase: PHASES.dropColumn, sql: `ALTER TABLE ${col} DROP IDENTITY`, requires: [ckey] })];
  }
  if (from.identity === null || to.identity === null) return [];
  const a = from.identity;
  const b = to.identity;
  const actions: string[] = [];
  if (a.generation !== b.generation) actions.push(`SET GENERATED ${b.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`);
  if (!sameIdentityOptions(a, b)) {
    if (b.start !== null && b.start !== a.start) actions.push(`SET START WITH ${b.start}`);
    if (b.increment !== null && b.increment !== a.increment) actions.push(`SET INCREMENT BY ${b.increment}`);
    if (b.minValue !== null && b.minValue !== a.minValue) actions.push(`SET MINVALUE ${b.minValue}`);
    if (b.maxValue !== null && b.maxValue !== a.maxValue) actions.push(`SET MAXVALUE ${b.maxValue}`);
    if (b.cache !== null && b.cache !== a.cache) actions.push(`SET CACHE ${b.cache}`);
    if (a.cycle !== b.cycle) actions.push(b.cycle ? 'SET CYCLE' : 'SET NO CYCLE');
  }
  if (actions.length === 0) return [];
  return [step({ ...base, sql: `ALTER TABLE ${col} ${actions.join(' ')}`, requires: [ckey] })];
}

/**
 * SET/DROP NOT NULL. Online, SET NOT NULL on an existing column first proves the rule with a
 * NOT VALID check validated without blocking writes; PostgreSQL then skips its own scan.
 */
export function notNullSteps(ctx: DiffContext, t: QualifiedName, c: Pick<Column, 'name' | 'notNull'>): Step[] {
  const obj = display(t.schema, t.name, c.name);
  const col = `${qname(t)} ALTER COLUMN ${ident(c.name)}`;
  const ckey = keys.column(t.schema, t.name, c.name);
  const nn = edges.notNull(t.schema, t.name, c.name);
  if (!c.notNull) {
    // Removes the edge: a partition that keeps its own NOT NULL sets it again after this recurses.
    return [step({ kind: 'column', object: obj, operation: 'alter', sql: `ALTER TABLE ${col} DROP NOT NULL`, phase: PHASES.alterColumn, requires: [ckey], removes: [nn] })];
  }
  if (!ctx.online) {
    return [
      step({
        kind: 'column',
        object: obj,
        operation: 'alter',
        sql: `ALTER TABLE ${col} SET NOT NULL`,
        hazards: [hazard('long_lock', `scans ${display(t.schema, t.name)} to check ${c.name} has no NULLs while holding an exclusive lock; fails if it has any`)],
        phase: PHASES.alterColumn,
        requires: [ckey],
        provides: [nn],
      }),
    ];
  }
  const tmp = generatedName('pgform_nn_', `${t.name}_${c.name}`);
  const tmpKey = keys.constraint(t.schema, t.name, tmp);
  const tmpObj = display(t.schema, t.name, tmp);
  const why = `temporary check that lets SET NOT NULL on ${obj} skip its scan under an exclusive lock`;
  return [
    step({
      kind: 'constraint',
      object: tmpObj,
      operation: 'create',
      sql: `ALTER TABLE ${qname(t)} ADD CONSTRAINT ${ident(tmp)} CHECK (${ident(c.name)} IS NOT NULL) NOT VALID`,
      reason: why,
      phase: PHASES.alterColumn,
      requires: [ckey],
      provides: [tmpKey],
    }),
    step({
      kind: 'constraint',
      object: tmpObj,
      operation: 'validate',
      sql: `ALTER TABLE ${qname(t)} VALIDATE CONSTRAINT ${ident(tmp)}`,
      hazards: [hazard('validation_scan', `scans ${display(t.schema, t.name)} to check ${c.name} has no NULLs (reads and writes continue); fails if it has any`)],
      reason: why,
      phase: PHASES.alterColumn,
      requires: [tmpKey],
      provides: [edges.chain(`${tmpKey}:valid`)],
    }),
    step({
      kind: 'column',
      object: obj,
      operation: 'alter',
      sql: `ALTER TABLE ${col} SET NOT NULL`,
      // The validated check proves the column has no NULLs: PostgreSQL skips its scan.
      locks: stepLocks('catalog', [lock(t, 'ACCESS EXCLUSIVE')]),
      phase: PHASES.alterColumn,
      requires: [ckey, edges.chain(`${tmpKey}:valid`)],
      provides: [nn],
    }),
    step({
      kind: 'constraint',
      object: tmpObj,
      operation: 'drop',
      sql: `ALTER TABLE ${qname(t)} DROP CONSTRAINT ${ident(tmp)}`,
      reason: why,
      phase: PHASES.alterColumn,
      requires: [nn],
      removes: [tmpKey],
    }),
  ];
}
