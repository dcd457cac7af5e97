import { lock, statementLocks, stepLocks, type LockLevel, type RelationLock, type StepLocks } from '../plan/locks.ts';
import type { Constraint, ForeignKeyConstraint } from '../model/constraint.ts';
import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import type { Hazard } from '../plan/hazard.ts';
import { ident, identList, qname } from '../sql/quote.ts';
import { commentSql, display, edges, hazard, NON_TRANSACTIONAL, step, underNewNames, type DiffContext, type TablePair } from './context.ts';
import { identifierOf, mentionsIdentifier, parenthesize, tokenize } from './sql-text.ts';
import { recreatedColumns } from './columns.ts';
import { matchIndexes, replacementBuilt, replacementName } from './indexes.ts';

// ---------------------------------------------------------------------------------------------
// SQL of a constraint, from its structured fields (the raw desired state has no definitions).

function deferrableClause(c: Constraint): string {
  if (!c.deferrable) return '';
  return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

const ACTION_SQL: Readonly<Record<ForeignKeyConstraint['onDelete'], string>> = {
  'no action': 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

/** The constraint clause without `CONSTRAINT name`, e.g. `UNIQUE (email)`. */
export function constraintClause(c: Constraint): string {
  switch (c.kind) {
    case 'primary_key':
      return `PRIMARY KEY (${identList(c.columns)})${deferrableClause(c)}`;
    case 'unique':
      return `UNIQUE${c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(c.columns)})${deferrableClause(c)}`;
    case 'check':
      return `CHECK ${parenthesize(c.expression)}${c.noInherit ? ' NO INHERIT' : ''}`;
    case 'foreign_key': {
      const ref = qname({ schema: c.references.schema, name: c.references.table });
      const refCols = c.references.columns.length ? ` (${identList(c.references.columns)})` : '';
      const match = c.match === 'simple' ? '' : ` MATCH ${c.match.toUpperCase()}`;
      const del = c.onDelete === 'no action' ? '' : ` ON DELETE ${ACTION_SQL[c.onDelete]}`;
      const upd = c.onUpdate === 'no action' ? '' : ` ON UPDATE ${ACTION_SQL[c.onUpdate]}`;
      return `FOREIGN KEY (${identList(c.columns)}) REFERENCES ${ref}${refCols}${match}${del}${upd}${deferrableClause(c)}`;
    }
    case 'exclusion':
      // Exclusions have no structured form: their definition is the SQL (`EXCLUDE USING ...`).
      return c.definition;
  }
}

/** `CONSTRAINT name <clause>`, or just the clause when PostgreSQL is to choose the name. */
export function namedConstraint(c: Constraint): string {
  return c.name ? `CONSTRAINT ${ident(c.name)} ${constraintClause(c)}` : constraintClause(c);
}

/** Columns of the table a constraint uses (for ordering after ADD COLUMN). */
export function constraintColumns(table: Table, c: Constraint): string[] {
  if (c.kind !== 'check' && c.kind !== 'exclusion') return [...c.columns];
  const text = c.kind === 'check' ? c.expression : c.definition;
  const ids = new Set(tokenize(text).map(identifierOf));
  return table.columns.map((col) => col.name).filter((n) => ids.has(n));
}

// ---------------------------------------------------------------------------------------------
// Foreign keys and the keys they depend on.

/** Referenced columns of an FK; `[]` in the raw state means the referenced table's primary key. */
export function referencedColumns(tables: readonly Table[], fk: ForeignKeyConstraint): readonly string[] {
  if (fk.references.columns.length > 0) return fk.references.columns;
  const t = tables.find((x) => x.schema === fk.references.schema && x.name === fk.references.table);
  const pk = t?.constraints.find((c) => c.kind === 'primary_key');
  return pk && pk.kind === 'primary_key' ? pk.columns : [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** Edge key of the unique constraint or index an FK's references lean on, in the given table. */
export function backingKey(table: Table, columns: readonly string[]): string | null {
  for (const c of table.constraints) {
    if ((c.kind === 'primary_key' || c.kind === 'unique') && sameSet(c.columns, columns)) {
      return c.name ? keys.constraint(table.schema, table.name, c.name) : null;
    }
  }
  for (const i of table.indexes) {
    if (i.unique && i.where === null && i.keys.every((k) => k.isColumn) && sameSet(i.keys.map((k) => k.expression), columns)) {
      return i.name ? keys.index(table.schema, table.name, i.name) : null;
    }
  }
  return null;
}

export interface LiveForeignKey {
  readonly table: Table;
  readonly fk: ForeignKeyConstraint;
  /** Edge key under the table's current name (after renames). */
  readonly key: string;
  readonly refColumns: readonly string[];
}

/** Every FK of the `from` state, keyed the way the steps that drop it name it. */
export function liveForeignKeys(ctx: DiffContext): LiveForeignKey[] {
  const memo = ctx.memo.get('liveForeignKeys') as LiveForeignKey[] | undefined;
  if (memo) return memo;
  const out: LiveForeignKey[] = [];
  for (const t of ctx.from.tables) {
    const current = ctx.currentTableName(t.schema, t.name) ?? t.name;
    for (const c of t.constraints) {
      if (c.kind !== 'foreign_key') continue;
      out.push({ table: t, fk: c, key: keys.constraint(t.schema, current, c.name), refColumns: referencedColumns(ctx.from.tables, c) });
    }
  }
  ctx.memo.set('liveForeignKeys', out);
  return out;
}

/** FKs (from other tables, or this one) that lean on the given columns of a `from` table. */
export function foreignKeysReferencing(ctx: DiffContext, table: QualifiedName, columns?: readonly string[]): LiveForeignKey[] {
  return liveForeignKeys(ctx).filter(
    (f) =>
      f.fk.references.schema === table.schema &&
      f.fk.references.table === table.name &&
      (columns === undefined || columns.some((c) => f.refColumns.includes(c))),
  );
}

// ---------------------------------------------------------------------------------------------
// Matching the constraints of a table present on both sides.

export interface Match<T> {
  readonly same: readonly (readonly [T, T])[];
  readonly changed: readonly (readonly [T, T])[];
  readonly renamed: readonly (readonly [T, T])[];
  readonly dropped: readonly T[];
  readonly added: readonly T[];
}

/**
 * Pairs objects by name, then pairs leftover dropped/added ones with equal definitions as renames.
 * `recreate` forces a same-named pair to be dropped and added again.
 */
export function matchByName<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  equal: (a: T, b: T) => boolean,
  recreate: (a: T, b: T) => boolean = () => false,
): Match<T> {
  const toByName = new Map(to.map((x) => [x.name, x]));
  const fromNames = new Set(from.map((x) => x.name));
  const same: [T, T][] = [];
  const changed: [T, T][] = [];
  const dropped: T[] = [];
  for (const f of from) {
    const t = toByName.get(f.name);
    if (!t) dropped.push(f);
    else if (equal(f, t) && !recreate(f, t)) same.push([f, t]);
    else changed.push([f, t]);
  }
  const added = to.filter((t) => !fromNames.has(t.name));
  const renamed: [T, T][] = [];
  const stillDropped: T[] = [];
  const stillAdded = [...added];
  for (const f of dropped) {
    const i = stillAdded.findIndex((t) => t.name !== '' && equal(f, t) && !recreate(f, t));
    if (i >= 0) {
      renamed.push([f, stillAdded[i]!]);
      stillAdded.splice(i, 1);
    } else stillDropped.push(f);
  }
  return { same, changed, renamed, dropped: stillDropped, added: stillAdded };
}

function fkEqual(ctx: DiffContext, pair: TablePair, a: ForeignKeyConstraint, b: ForeignKeyConstraint): boolean {
  const mapCol = (c: string) => pair.identifierRenames.get(c) ?? c;
  const refTable = ctx.currentTableName(a.references.schema, a.references.table) ?? a.references.table;
  const refCols = referencedColumns(ctx.from.tables, a).map(
    (c) => ctx.currentColumnName(a.references.schema, a.references.table, c) ?? c,
  );
  return (
    a.columns.map(mapCol).join('\u0000') === b.columns.join('\u0000') &&
    a.references.schema === b.references.schema &&
    refTable === b.references.table &&
    refCols.join('\u0000') === referencedColumns(ctx.to.tables, b).join('\u0000') &&
    a.onDelete === b.onDelete &&
    a.onUpdate === b.onUpdate &&
    a.match === b.match
  );
}

export function constraintsEqual(ctx: DiffContext, pair: TablePair, a: Constraint, b: Constraint): boolean {
  if (a.kind !== b.kind || a.deferrable !== b.deferrable || a.initiallyDeferred !== b.initiallyDeferred) return false;
  if (a.kind === 'foreign_key' && b.kind === 'foreign_key') return fkEqual(ctx, pair, a, b);
  if (a.definition !== '' && b.definition !== '') return underNewNames(pair, a.definition) === b.definition;
  const mapCol = (c: string) => pair.identifierRenames.get(c) ?? c;
  if ((a.kind === 'primary_key' || a.kind === 'unique') && (b.kind === 'primary_key' || b.kind === 'unique')) {
    const nnd = (c: Constraint) => c.kind === 'unique' && c.nullsNotDistinct;
    return a.columns.map(mapCol).join('\u0000') === b.columns.join('\u0000') && nnd(a) === nnd(b);
  }
  if (a.kind === 'check' && b.kind === 'check') return underNewNames(pair, a.expression) === b.expression && a.noInherit === b.noInherit;
  return underNewNames(pair, a.definition) === b.definition;
}

/** `schema.table:cols` of the PK/unique constraints and unique indexes of `from` that get dropped. */
function droppedBackings(ctx: DiffContext): Set<string> {
  const memo = ctx.memo.get('droppedBackings') as Set<string> | undefined;
  if (memo) return memo;
  const out = new Set<string>();
  const mark = (t: Table, cols: readonly string[]) => out.add(`${t.schema}.${t.name}:${[...cols].sort().join('\u0000')}`);
  for (const pair of ctx.pairs) {
    const m = baseConstraintMatch(ctx, pair);
    for (const c of [...m.dropped, ...m.changed.map(([f]) => f)]) if (c.kind === 'primary_key' || c.kind === 'unique') mark(pair.from, c.columns);
    const im = matchIndexes(ctx, pair);
    for (const i of [...im.dropped, ...im.changed.map(([f]) => f)]) {
      if (i.unique && i.keys.every((k) => k.isColumn)) mark(pair.from, i.keys.map((k) => k.expression));
    }
  }
  ctx.memo.set('droppedBackings', out);
  return out;
}

function baseConstraintMatch(ctx: DiffContext, pair: TablePair): Match<Constraint> {
  const id = `constraints-base:${pair.to.schema}.${pair.to.name}`;
  const memo = ctx.memo.get(id) as Match<Constraint> | undefined;
  if (memo) return memo;
  const recreated = recreatedColumns(pair);
  const usesRecreated = (c: Constraint) => constraintColumns(pair.to, c).some((n) => recreated.has(n));
  const m = matchByName(pair.from.constraints, pair.to.constraints, (a, b) => constraintsEqual(ctx, pair, a, b), (_a, b) => usesRecreated(b));
  ctx.memo.set(id, m);
  return m;
}

/** Constraint matching of a table, with FKs whose referenced key is rebuilt recreated as well. */
export function matchConstraints(ctx: DiffContext, pair: TablePair): Match<Constraint> {
  const id = `constraints:${pair.to.schema}.${pair.to.name}`;
  const memo = ctx.memo.get(id) as Match<Constraint> | undefined;
  if (memo) return memo;
  const base = baseConstraintMatch(ctx, pair);
  const dropped = droppedBackings(ctx);
  const leansOnDropped = (c: Constraint) => {
    if (c.kind !== 'foreign_key') return false;
    const cols = referencedColumns(ctx.from.tables, c);
    return dropped.has(`${c.references.schema}.${c.references.table}:${[...cols].sort().join('\u0000')}`);
  };
  const same = base.same.filter(([f]) => !leansOnDropped(f));
  const forced = base.same.filter(([f]) => leansOnDropped(f));
  const m: Match<Constraint> = { ...base, same, changed: [...base.changed, ...forced] };
  ctx.memo.set(id, m);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Steps.

function tableEdge(t: QualifiedName): string {
  return keys.table(t.schema, t.name);
}

export function constraintCommentStep(t: QualifiedName, c: Constraint, comment: string | null): Step {
  return step({
    kind: 'constraint',
    object: display(t.schema, t.name, c.name),
    operation: 'comment',
    sql: commentSql(`CONSTRAINT ${ident(c.name)} ON ${qname(t)}`, comment),
    phase: PHASES.comment,
    requires: [keys.constraint(t.schema, t.name, c.name)],
  });
}

/**
 * `ALTER TABLE .. DROP CONSTRAINT` on table `t` (named as it is when the step runs). The FKs that
 * lean on a dropped PK/unique constraint go first.
 */
export function dropConstraintStep(ctx: DiffContext, fromTable: Table, t: QualifiedName, c: Constraint, reason?: string): Step {
  const leaning =
    c.kind === 'primary_key' || c.kind === 'unique'
      ? foreignKeysReferencing(ctx, fromTable, c.columns).filter((f) => sameSet(f.refColumns, c.columns)).map((f) => f.key)
      : [];
  const ckey = keys.constraint(t.schema, t.name, c.name);
  return step({
    kind: 'constraint',
    object: display(t.schema, t.name, c.name),
    operation: 'drop',
    sql: `ALTER TABLE ${qname(t)} DROP CONSTRAINT ${ident(c.name)}`,
    // A foreign key's triggers on the referenced table go too: it is locked as well.
    locks: stepLocks('catalog', [lock(t, 'ACCESS EXCLUSIVE'), ...referencedLock(ctx, c, fromTable.name !== t.name, 'ACCESS EXCLUSIVE')]),
    reason,
    phase: c.kind === 'foreign_key' ? PHASES.dropForeignKey : PHASES.dropConstraint,
    requires: [tableEdge(t)],
    removes: [ckey],
    requiresRemoved: leaning.filter((k) => k !== ckey),
  });
}

/** The referenced table of a foreign key (as named once renames ran), locked at `level`. */
function referencedLock(ctx: DiffContext, c: Constraint, afterRenames: boolean, level: LockLevel): RelationLock[] {
  if (c.kind !== 'foreign_key') return [];
  const name = (afterRenames ? ctx.currentTableName(c.references.schema, c.references.table) : null) ?? c.references.table;
  return [lock({ schema: c.references.schema, name }, level)];
}

/** VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE on the table; a foreign key also ROW SHARE on the table it references. */
function validateLocks(t: QualifiedName, c: Constraint): StepLocks {
  const ref = c.kind === 'foreign_key' ? [lock({ schema: c.references.schema, name: c.references.table }, 'ROW SHARE')] : [];
  return stepLocks('scan', [lock(t, 'SHARE UPDATE EXCLUSIVE'), ...ref]);
}

/** Edges a constraint needs before it can be added to table `t` (of the `to` state). */
function addRequirements(ctx: DiffContext, t: Table, c: Constraint): string[] {
  const req = [tableEdge(t), ...constraintColumns(t, c).map((n) => keys.column(t.schema, t.name, n))];
  if (c.kind === 'primary_key') req.push(...c.columns.map((n) => edges.notNull(t.schema, t.name, n)));
  if (c.kind === 'foreign_key') {
    const ref = ctx.to.tables.find((x) => x.schema === c.references.schema && x.name === c.references.table);
    req.push(keys.table(c.references.schema, c.references.table));
    const cols = referencedColumns(ctx.to.tables, c);
    req.push(...cols.map((n) => keys.column(c.references.schema, c.references.table, n)));
    const backing = ref ? backingKey(ref, cols) : null;
    if (backing) req.push(backing);
  }
  return req;
}

/**
 * Adding a constraint. `existing`: the table exists before the plan (online rules apply);
 * otherwise it was created in this plan and only FKs come here (others are inline).
 */
export function addConstraintSteps(ctx: DiffContext, t: Table, c: Constraint, existing: boolean, reason?: string): Step[] {
  const obj = display(t.schema, t.name, c.name);
  const ckey = keys.constraint(t.schema, t.name, c.name);
  const tq = qname(t);
  const requires = addRequirements(ctx, t, c);
  const phase = c.kind === 'foreign_key' ? PHASES.addForeignKey : PHASES.addConstraint;
  const base = { kind: 'constraint' as const, object: obj, reason, provides: [ckey], requires, requiresRemoved: [ckey] };
  const plain = (hazards: Hazard[]) => [step({ ...base, operation: 'create', sql: `ALTER TABLE ${tq} ADD ${namedConstraint(c)}`, hazards, phase })];
  const tname = display(t.schema, t.name);

  if (!existing) {
    // The table was created in this plan: the check reads no rows.
    return plain([]).map((x) => ({ ...x, locks: { ...statementLocks(x.sql, []), duration: 'catalog' as const } }));
  }

  if (c.kind === 'foreign_key' || c.kind === 'check') {
    if (!ctx.online || !c.name) {
      const h =
        c.kind === 'foreign_key'
          ? hazard('blocks_writes', `checks every row of ${tname} against ${c.references.schema}.${c.references.table} while writes to both wait`)
          : hazard('long_lock', `checks every row of ${tname} while holding an exclusive lock`);
      return plain([h]);
    }
    return [
      step({ ...base, operation: 'create', sql: `ALTER TABLE ${tq} ADD ${namedConstraint(c)} NOT VALID`, phase }),
      step({
        kind: 'constraint',
        object: obj,
        operation: 'validate',
        sql: `ALTER TABLE ${tq} VALIDATE CONSTRAINT ${ident(c.name)}`,
        hazards: [hazard('validation_scan', `scans ${tname} to check existing rows (reads and writes continue); fails if a row violates ${c.name}`)],
        locks: validateLocks(t, c),
        phase: PHASES.validate,
        requires: [ckey],
      }),
    ];
  }
  if ((c.kind === 'primary_key' || c.kind === 'unique') && ctx.online && c.name) {
    const ikey = keys.index(t.schema, t.name, c.name);
    const nnd = c.kind === 'unique' && c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
    const why = `builds the index of ${c.kind === 'primary_key' ? 'primary key' : 'unique constraint'} ${c.name} without blocking writes`;
    return [
      step({
        kind: 'index',
        object: obj,
        operation: 'create',
        sql: `CREATE UNIQUE INDEX CONCURRENTLY ${ident(c.name)} ON ${tq} (${identList(c.columns)})${nnd}`,
        hazards: [NON_TRANSACTIONAL],
        transactional: false,
        reason: reason ?? why,
        phase: PHASES.createIndex,
        requires: requires.filter((r) => !r.startsWith('not-null:')),
        provides: [ikey],
        requiresRemoved: [ikey, ckey],
      }),
      step({
        ...base,
        operation: 'create',
        sql: `ALTER TABLE ${tq} ADD CONSTRAINT ${ident(c.name)} ${c.kind === 'primary_key' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${ident(c.name)}${deferrableClause(c)}`,
        phase,
        requires: [...requires, ikey],
      }),
    ];
  }
  return plain([hazard('blocks_writes', `builds the index of ${c.name || 'the constraint'} while writes to ${tname} wait`)]);
}

function isKey(c: Constraint): c is Extract<Constraint, { kind: 'primary_key' | 'unique' }> {
  return c.kind === 'primary_key' || c.kind === 'unique';
}

/**
 * A changed primary key or unique constraint without a gap: its new index is built concurrently
 * under a temporary name, then one ALTER TABLE drops the old constraint and adds the new one
 * through that index (`USING INDEX` renames it), a brief catalog change in one transaction.
 */
function swapKeySteps(
  ctx: DiffContext,
  pair: TablePair,
  f: Extract<Constraint, { kind: 'primary_key' | 'unique' }>,
  c: Extract<Constraint, { kind: 'primary_key' | 'unique' }>,
): Step[] {
  const t = pair.to;
  const tq = qname(t);
  const tmp = replacementName(c.name);
  const tmpKey = keys.index(t.schema, t.name, tmp);
  const ckey = keys.constraint(t.schema, t.name, c.name);
  const requires = addRequirements(ctx, t, c);
  const label = c.kind === 'primary_key' ? 'PRIMARY KEY' : 'UNIQUE';
  const why = `${c.name} changes: its new index is built as ${tmp}, then the constraint is swapped onto it in one statement`;
  const nnd = c.kind === 'unique' && c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const leaning = foreignKeysReferencing(ctx, pair.from, f.columns).filter((x) => sameSet(x.refColumns, f.columns)).map((x) => x.key);
  return [
    step({
      kind: 'index',
      object: display(t.schema, t.name, tmp),
      operation: 'create',
      sql: `CREATE UNIQUE INDEX CONCURRENTLY ${ident(tmp)} ON ${tq} (${identList(c.columns)})${nnd}`,
      hazards: [NON_TRANSACTIONAL],
      transactional: false,
      reason: why,
      phase: PHASES.createIndex,
      requires: requires.filter((r) => !r.startsWith('not-null:')),
      provides: [tmpKey, replacementBuilt(pair.from, f.columns)],
    }),
    step({
      kind: 'constraint',
      object: display(t.schema, t.name, c.name),
      operation: 'replace',
      sql: `ALTER TABLE ${tq} DROP CONSTRAINT ${ident(f.name)}, ADD CONSTRAINT ${ident(c.name)} ${label} USING INDEX ${ident(tmp)}${deferrableClause(c)}`,
      reason: why,
      phase: PHASES.addConstraint,
      requires: [...requires, tmpKey],
      requiresRemoved: leaning.filter((k) => k !== ckey),
      removes: [tmpKey, ckey],
      provides: [ckey, keys.index(t.schema, t.name, c.name)],
    }),
  ];
}

/** Constraint changes of a table present on both sides. */
export function diffConstraints(ctx: DiffContext, pair: TablePair): Step[] {
  const t = pair.to;
  const m = matchConstraints(ctx, pair);
  const recreated = recreatedColumns(pair);
  const out: Step[] = [];
  for (const c of m.dropped) out.push(dropConstraintStep(ctx, pair.from, t, c));
  for (const [f, c] of m.changed) {
    const onRecreated = constraintColumns(t, c).some((n) => recreated.has(n));
    if (ctx.online && c.name && isKey(f) && isKey(c) && !onRecreated) out.push(...swapKeySteps(ctx, pair, f, c));
    else {
      const why = `${c.name} changes: it is dropped and added again`;
      const drop = dropConstraintStep(ctx, pair.from, t, f, why);
      // A foreign key dropped only because the key it references is rebuilt goes once the new key is built.
      const waits = f.kind === 'foreign_key' ? [replacementBuilt({ schema: f.references.schema, name: f.references.table }, referencedColumns(ctx.from.tables, f))] : [];
      out.push(waits.length ? { ...drop, requires: [...(drop.requires ?? []), ...waits] } : drop);
      out.push(...addConstraintSteps(ctx, t, c, true, why));
    }
    if (c.comment !== null) out.push(constraintCommentStep(t, c, c.comment));
  }
  for (const [f, c] of m.renamed) {
    out.push(
      step({
        kind: 'constraint',
        object: display(t.schema, t.name, c.name),
        operation: 'rename',
        sql: `ALTER TABLE ${qname(t)} RENAME CONSTRAINT ${ident(f.name)} TO ${ident(c.name)}`,
        phase: PHASES.rename,
        requires: [tableEdge(t)],
        removes: [keys.constraint(t.schema, t.name, f.name)],
        provides: [keys.constraint(t.schema, t.name, c.name)],
        requiresRemoved: [keys.constraint(t.schema, t.name, c.name)],
      }),
    );
  }
  for (const [f, c] of [...m.same, ...m.renamed]) {
    if (!f.valid) {
      out.push(
        step({
          kind: 'constraint',
          object: display(t.schema, t.name, c.name),
          operation: 'validate',
          sql: `ALTER TABLE ${qname(t)} VALIDATE CONSTRAINT ${ident(c.name)}`,
          hazards: [hazard('validation_scan', `scans ${display(t.schema, t.name)} to check existing rows (reads and writes continue)`)],
          locks: validateLocks(t, c),
          reason: `${c.name} exists but was never validated`,
          phase: PHASES.validate,
          requires: [keys.constraint(t.schema, t.name, c.name)],
        }),
      );
    }
    if (f.comment !== c.comment) out.push(constraintCommentStep(t, c, c.comment));
  }
  for (const c of m.added) {
    out.push(...addConstraintSteps(ctx, t, c, true));
    if (c.comment !== null && c.name) out.push(constraintCommentStep(t, c, c.comment));
  }
  return out;
}

/** Whether a constraint or index text mentions the column (used to order column drops). */
export function constraintMentions(c: Constraint, column: string): boolean {
  if (c.kind === 'check') return mentionsIdentifier(c.expression, column);
  if (c.kind === 'exclusion') return mentionsIdentifier(c.definition, column);
  return c.columns.includes(column);
}
