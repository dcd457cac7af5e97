import { lock, stepLocks } from '../plan/locks.ts';
import type { Index, IndexKey } from '../model/index.ts';
import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { hypertableKey } from '../model/timescale.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, literal, qname } from '../sql/quote.ts';
import { PER_CHUNK_OPTION } from '../sql/concurrently.ts';
import { canonicalJson } from '../model/canonical-json.ts';
import { commentSql, display, edges, generatedName, hazard, NON_TRANSACTIONAL, step, type DiffContext, type TablePair } from './context.ts';
import { identifierOf, parenthesize, substituteIdentifiers, tokenize } from './sql-text.ts';
import { recreatedColumns } from './columns.ts';
import { foreignKeysReferencing, matchByName, type Match } from './constraints.ts';

function keySql(k: IndexKey): string {
  const parts = [k.isColumn ? ident(k.expression) : parenthesize(k.expression)];
  if (k.collation) parts.push(`COLLATE ${k.collation}`);
  if (k.opclass) parts.push(k.opclass);
  if (k.descending) parts.push('DESC');
  // Written only when it differs from the default for the direction (LAST for ASC, FIRST for DESC).
  if (k.nullsFirst && !k.descending) parts.push('NULLS FIRST');
  if (!k.nullsFirst && k.descending) parts.push('NULLS LAST');
  return parts.join(' ');
}

/**
 * An index on an existing hypertable built with TimescaleDB's transaction_per_chunk: the index is
 * created on the hypertable (empty itself: a catalog change under SHARE), then on each chunk in a
 * transaction of its own, so a chunk is locked (SHARE) only while its own index is built. It cannot
 * run inside a transaction block, and an interrupted build leaves the hypertable's index marked
 * invalid (with some chunks indexed): the next plan sees an invalid index and builds it again.
 */
function perChunkIndexStep(t: IndexedRelation, i: Index, reason: string | undefined, relationKey: string): Step {
  const ikey = keys.index(t.schema, t.name, i.name);
  const name = display(t.schema, t.name);
  return step({
    kind: 'index',
    object: display(t.schema, t.name, i.name),
    operation: 'create',
    sql: createIndexSql(t, i, false, [PER_CHUNK_OPTION]),
    // Chunks are TimescaleDB's and have no name in the plan: their locks are in the hazard.
    locks: stepLocks('catalog', [lock(t, 'SHARE')]),
    hazards: [
      hazard(
        'non_transactional',
        `commits once per chunk of ${name}; an interrupted build leaves the index invalid, built on some chunks only (the next plan drops and builds it again)`,
      ),
      hazard('blocks_writes', `writes to each chunk of ${name} wait while that chunk's index is built (SHARE on the chunk)`),
    ],
    transactional: false,
    reason: reason ?? 'transaction_per_chunk: one transaction per chunk of the hypertable',
    phase: PHASES.createIndex,
    requires: [relationKey, hypertableKey(t.schema, t.name), ...indexColumns(t, i).map((c) => keys.column(t.schema, t.name, c)), ...(i.dependsOn ?? [])],
    provides: [ikey],
    requiresRemoved: [ikey],
  });
}

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table USING ...`, from the structured fields. */
export function createIndexSql(t: QualifiedName, i: Index, concurrently: boolean, extraOptions: readonly string[] = []): string {
  const parts = [`CREATE${i.unique ? ' UNIQUE' : ''} INDEX${concurrently ? ' CONCURRENTLY' : ''}`];
  if (i.name) parts.push(ident(i.name));
  parts.push(`ON ${qname(t)} USING ${i.method} (${i.keys.map(keySql).join(', ')})`);
  if (i.include.length) parts.push(`INCLUDE (${identList(i.include)})`);
  if (i.nullsNotDistinct) parts.push('NULLS NOT DISTINCT');
  // Keep the declared order: PostgreSQL keeps it in reloptions, and a reordered list is a different definition.
  const options = [...extraOptions, ...Object.keys(i.with).map((k) => `${ident(k)} = ${literal(i.with[k]!)}`)];
  if (options.length) parts.push(`WITH (${options.join(', ')})`);
  if (i.where !== null) parts.push(`WHERE ${parenthesize(i.where)}`);
  return parts.join(' ');
}

/** A relation that can carry indexes: a table or a materialized view. */
export type IndexedRelation = QualifiedName & { readonly columns: readonly { readonly name: string }[] };

/** Columns of the table (or materialized view) an index uses. */
export function indexColumns(t: { readonly columns: readonly { readonly name: string }[] }, i: Index): string[] {
  const ids = new Set<string>(i.include);
  for (const k of i.keys) {
    if (k.isColumn) ids.add(k.expression);
    else for (const tok of tokenize(k.expression)) ids.add(identifierOf(tok) ?? '');
  }
  if (i.where) for (const tok of tokenize(i.where)) ids.add(identifierOf(tok) ?? '');
  return t.columns.map((c) => c.name).filter((n) => ids.has(n));
}

function structure(i: Index): string {
  return canonicalJson({
    unique: i.unique,
    method: i.method,
    keys: i.keys,
    include: i.include,
    where: i.where,
    with: i.with,
    nullsNotDistinct: i.nullsNotDistinct,
  });
}

export function indexesEqual(pair: TablePair, a: Index, b: Index): boolean {
  return indexesEqualUnder(pair.identifierRenames, a, b);
}

/** Whether `a`, written under the old identifiers, equals `b` once `renames` are applied. */
export function indexesEqualUnder(renames: ReadonlyMap<string, string>, a: Index, b: Index): boolean {
  const under = (sql: string) => substituteIdentifiers(sql, renames);
  if (a.definition !== '' && b.definition !== '') return under(a.definition) === b.definition;
  const renamed: Index = {
    ...a,
    keys: a.keys.map((k) => ({ ...k, expression: k.isColumn ? (renames.get(k.expression) ?? k.expression) : under(k.expression) })),
    include: a.include.map((c) => renames.get(c) ?? c),
    where: a.where === null ? null : under(a.where),
  };
  return structure(renamed) === structure(b);
}

/** Index matching of a table present on both sides; an invalid live index is built again. */
export function matchIndexes(ctx: DiffContext, pair: TablePair): Match<Index> {
  const id = `indexes:${pair.to.schema}.${pair.to.name}`;
  const memo = ctx.memo.get(id) as Match<Index> | undefined;
  if (memo) return memo;
  const recreated = recreatedColumns(pair);
  const m = matchByName(
    pair.from.indexes,
    pair.to.indexes,
    (a, b) => indexesEqual(pair, a, b),
    (a, b) => !a.valid || indexColumns(pair.to, b).some((n) => recreated.has(n)),
  );
  ctx.memo.set(id, m);
  return m;
}

export function indexCommentStep(t: QualifiedName, i: Index, comment: string | null): Step {
  return step({
    kind: 'index',
    object: display(t.schema, t.name, i.name),
    operation: 'comment',
    sql: commentSql(`INDEX ${qname({ schema: t.schema, name: i.name })}`, comment),
    phase: PHASES.comment,
    requires: [keys.index(t.schema, t.name, i.name)],
  });
}

/**
 * Whether an index declared `transaction_per_chunk` on existing `t` is built that way: `t` is a
 * hypertable after the plan and the engine runs statements that commit on their own (the embedded
 * TimescaleDB build cannot: there it is one plain build, its hazard saying writes wait). On a table
 * created by the plan there is nothing to lock: the flag has no effect there.
 */
function perChunkApplies(ctx: DiffContext, t: QualifiedName): boolean {
  const hypertable = (ctx.to.hypertables ?? []).some((h) => h.schema === t.schema && h.table === t.name);
  return hypertable && (ctx.online || ctx.plainSwaps === true);
}

/**
 * Building an index; `existing`: the table exists before the plan (online rules apply).
 * `relationKey`: the key of the indexed relation (a table's by default, or a materialized view's).
 */
export function createIndexStep(
  ctx: DiffContext,
  t: IndexedRelation,
  i: Index,
  existing: boolean,
  reason?: string,
  relationKey: string = keys.table(t.schema, t.name),
): Step {
  const ikey = keys.index(t.schema, t.name, i.name);
  if (existing && i.transactionPerChunk === true && perChunkApplies(ctx, t)) return perChunkIndexStep(t, i, reason, relationKey);
  const concurrently = existing && ctx.online;
  return step({
    kind: 'index',
    object: display(t.schema, t.name, i.name),
    operation: 'create',
    sql: createIndexSql(t, i, concurrently),
    hazards: concurrently
      ? [NON_TRANSACTIONAL]
      : existing
        ? [hazard('blocks_writes', `writes to ${display(t.schema, t.name)} wait until the index is built`)]
        : [],
    transactional: !concurrently,
    reason,
    phase: PHASES.createIndex,
    requires: [relationKey, ...indexColumns(t, i).map((c) => keys.column(t.schema, t.name, c)), ...(i.dependsOn ?? [])],
    provides: [ikey],
    requiresRemoved: [ikey],
  });
}

/** DROP INDEX; `fromTable` (null for a materialized view) gives the FKs that lean on a unique index. */
export function dropIndexStep(
  ctx: DiffContext,
  fromTable: Table | null,
  t: QualifiedName,
  i: Index,
  reason?: string,
  relationKey: string = keys.table(t.schema, t.name),
): Step {
  const q = qname({ schema: t.schema, name: i.name });
  const leaning = fromTable !== null && i.unique && i.keys.every((k) => k.isColumn)
    ? foreignKeysReferencing(ctx, fromTable, i.keys.map((k) => k.expression)).map((f) => f.key)
    : [];
  return step({
    kind: 'index',
    object: display(t.schema, t.name, i.name),
    operation: 'drop',
    sql: ctx.online ? `DROP INDEX CONCURRENTLY IF EXISTS ${q}` : `DROP INDEX ${q}`,
    // The table is locked as well as the index (which CONCURRENTLY takes ACCESS EXCLUSIVE last, once unused).
    locks: stepLocks('catalog', [lock(t, ctx.online ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE'), lock({ schema: t.schema, name: i.name }, 'ACCESS EXCLUSIVE')]),
    hazards: ctx.online ? [NON_TRANSACTIONAL] : [],
    transactional: !ctx.online,
    reason,
    phase: PHASES.dropIndex,
    requires: [relationKey],
    removes: [keys.index(t.schema, t.name, i.name)],
    requiresRemoved: leaning,
  });
}

/**
 * Edge provided once the replacement of a unique key over `columns` of the `from` table is built:
 * foreign keys that must be dropped with the old key wait for it, so they are gone only briefly.
 */
export function replacementBuilt(t: QualifiedName, columns: readonly string[]): string {
  return edges.chain(`replacement:${t.schema}.${t.name}:${[...columns].sort().join('\u0000')}`);
}

/** The name a replacement index is built under before it takes the place of `name`. */
export function replacementName(name: string): string {
  return generatedName('pgform_new_', name);
}

/**
 * A changed index without a gap: the new definition is built concurrently under a temporary name,
 * then the old index is dropped concurrently and the new one renamed (a brief catalog change).
 * Queries keep their index, and a unique index keeps enforcing uniqueness, throughout.
 */
function swapIndexSteps(ctx: DiffContext, fromTable: Table | null, t: IndexedRelation, f: Index, i: Index, relationKey: string): Step[] {
  const tmp = replacementName(i.name);
  const tmpKey = keys.index(t.schema, t.name, tmp);
  const ikey = keys.index(t.schema, t.name, i.name);
  const why = `${i.name} changes: the new definition is built as ${tmp}, then takes the old index's place`;
  const build = createIndexStep(ctx, t, { ...i, name: tmp }, true, why, relationKey);
  // Without the build's own requiresRemoved: the rename removes the temporary name afterwards.
  const { requiresRemoved: _waits, ...buildRest } = build;
  const builtEdge =
    fromTable !== null && f.unique && f.keys.every((k) => k.isColumn) ? [replacementBuilt(fromTable, f.keys.map((k) => k.expression))] : [];
  const drop = dropIndexStep(ctx, fromTable, t, f, why, relationKey);
  return [
    { ...buildRest, provides: [...(build.provides ?? []), ...builtEdge] },
    { ...drop, phase: PHASES.createIndex, requires: [...(drop.requires ?? []), tmpKey] },
    step({
      kind: 'index',
      object: display(t.schema, t.name, i.name),
      operation: 'rename',
      sql: `ALTER INDEX ${qname({ schema: t.schema, name: tmp })} RENAME TO ${ident(i.name)}`,
      reason: why,
      phase: PHASES.createIndex,
      requires: [relationKey, tmpKey],
      removes: [tmpKey],
      provides: [ikey],
      requiresRemoved: [ikey],
    }),
  ];
}

/** Index changes of a table present on both sides. */
export function diffIndexes(ctx: DiffContext, pair: TablePair): Step[] {
  // An index on a column dropped and added again goes with the column: nothing to swap it with.
  const recreated = recreatedColumns(pair);
  const onRecreated = (i: Index) => indexColumns(pair.to, i).some((n) => recreated.has(n));
  return diffIndexList(ctx, pair.from, pair.to, keys.table(pair.to.schema, pair.to.name), matchIndexes(ctx, pair), onRecreated);
}

/**
 * Steps for matched indexes of a relation present on both sides: `fromTable` is the table as it
 * was (null for a materialized view), `t` the relation as it is named after the plan.
 */
export function diffIndexList(
  ctx: DiffContext,
  fromTable: Table | null,
  t: IndexedRelation,
  relationKey: string,
  m: Match<Index>,
  rebuiltInPlace: (i: Index) => boolean = () => false,
): Step[] {
  const out: Step[] = [];
  for (const i of m.dropped) out.push(dropIndexStep(ctx, fromTable, t, i, undefined, relationKey));
  for (const [f, i] of m.changed) {
    if (f.valid && (ctx.online || ctx.plainSwaps === true) && i.name && !rebuiltInPlace(i)) out.push(...swapIndexSteps(ctx, fromTable, t, f, i, relationKey));
    else {
      // An offline plan (one session: the embedded engines) or an index that is invalid or goes
      // with its column: dropped, then built again.
      const why = f.valid ? `${i.name} changes: it is dropped and built again` : `${i.name} is invalid (a failed concurrent build): it is dropped and built again`;
      out.push(dropIndexStep(ctx, fromTable, t, f, why, relationKey));
      out.push(createIndexStep(ctx, t, i, true, why, relationKey));
    }
    if (i.comment !== null) out.push(indexCommentStep(t, i, i.comment));
  }
  for (const [f, i] of m.renamed) {
    out.push(
      step({
        kind: 'index',
        object: display(t.schema, t.name, i.name),
        operation: 'rename',
        sql: `ALTER INDEX ${qname({ schema: t.schema, name: f.name })} RENAME TO ${ident(i.name)}`,
        phase: PHASES.rename,
        requires: [relationKey],
        removes: [keys.index(t.schema, t.name, f.name)],
        provides: [keys.index(t.schema, t.name, i.name)],
        requiresRemoved: [keys.index(t.schema, t.name, i.name)],
      }),
    );
  }
  for (const [f, i] of [...m.same, ...m.renamed]) if (f.comment !== i.comment) out.push(indexCommentStep(t, i, i.comment));
  for (const i of m.added) {
    out.push(createIndexStep(ctx, t, i, true, undefined, relationKey));
    if (i.comment !== null && i.name) out.push(indexCommentStep(t, i, i.comment));
  }
  return out;
}
