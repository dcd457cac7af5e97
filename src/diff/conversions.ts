import { createHash } from 'node:crypto';
import type { DatabaseModel } from '../model/database.ts';
import type { Constraint } from '../model/constraint.ts';
import type { Table } from '../model/table.ts';
import type { QualifiedName } from '../model/names.ts';
import { keys } from '../model/keys.ts';
import { PHASES, type Step } from '../plan/step.ts';
import { ident, identList, qname } from '../sql/quote.ts';
import { UserError } from '../errors.ts';
import { columnDefinition } from './columns.ts';
import { display, hazard, step } from './context.ts';
import { partitionColumnClauses } from './partition-columns.ts';
import { partitionByClause } from './partitions.ts';

/**
 * Turning an existing ordinary table into a partitioned one, which PostgreSQL cannot do in place,
 * with the table's `convert_to_partitioned` consent. Four phases, each its own step:
 *
 * 1. the new partitioned table under a temporary name (`<name>_partitioned`), with its primary key
 *    and its partitions;
 * 2. the rows copied in batches by the old table's primary key, each batch its own transaction
 *    (a re-run continues after the last key copied);
 * 3. in one transaction under ACCESS EXCLUSIVE on the old table: rows written, changed or deleted
 *    since their batch are carried over, the old table and its indexes take the suffix
 *    `_unpartitioned` (its triggers are dropped: they move to the new table), the new table takes
 *    the name;
 * 4. the rest of the new table (indexes, constraints, foreign keys, policies, grants, triggers,
 *    comments) as for any table, on the new table, by the ordinary diff.
 *
 * The old table is kept as `<name>_unpartitioned` while the consent stays in the YAML; removing
 * it drops the old table in a later plan (data_loss).
 */

const OLD_SUFFIX = '_unpartitioned';
const NEW_SUFFIX = '_partitioned';

/** `name` + `suffix` within PostgreSQL's 63 bytes (a long name is cut and a hash of it added). */
export function suffixedName(name: string, suffix: string): string {
  const full = `${name}${suffix}`;
  if (Buffer.byteLength(full, 'utf8') <= 63) return full;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let base = name;
  while (Buffer.byteLength(`${base}_${hash}${suffix}`, 'utf8') > 63) base = base.slice(0, -1);
  return `${base}_${hash}${suffix}`;
}

/** The name the old table is kept under once converted. */
export const unpartitionedName = (name: string) => suffixedName(name, OLD_SUFFIX);

const isIndexBacked = (c: Constraint) => c.kind === 'primary_key' || c.kind === 'unique' || c.kind === 'exclusion';

/** The old table as it is kept: renamed, its indexes (and the constraints they back) renamed, no triggers. */
export function keptOldTable(t: Table): Table {
  return {
    ...t,
    name: unpartitionedName(t.name),
    indexes: t.indexes.map((i) => ({ ...i, name: suffixedName(i.name, OLD_SUFFIX) })),
    constraints: t.constraints.map((c) => (isIndexBacked(c) ? { ...c, name: suffixedName(c.name, OLD_SUFFIX) } : c)),
  };
}

const sameTable = (a: QualifiedName, b: QualifiedName) => a.schema === b.schema && a.name === b.name;

/** Policies and grants of `from`'s table `t`, moved to the name the old table is kept under. */
export function keptDependents(m: DatabaseModel, t: QualifiedName): Pick<DatabaseModel, 'policies' | 'grants'> {
  const old = unpartitionedName(t.name);
  return {
    policies: m.policies.filter((p) => p.schema === t.schema && p.table === t.name).map((p) => ({ ...p, table: old })),
    grants: m.grants.filter((g) => g.objectKind === 'table' && g.schema === t.schema && g.name === t.name).map((g) => ({ ...g, name: old })),
  };
}

export interface Conversion {
  /** The ordinary table of `from`. */
  readonly old: Table;
  /** The partitioned table of `to`. */
  readonly target: Table;
  readonly batchSize: number;
  /** The new table exists under its temporary name already: a conversion stopped during its copy, which continues. */
  readonly resumed: boolean;
}

/** The tables `to` converts: ordinary in `from`, partitioned with consent in `to`. Refused where it cannot be done safely. */
export function conversionsOf(from: DatabaseModel, to: DatabaseModel): Conversion[] {
  const out: Conversion[] = [];
  for (const target of to.tables) {
    if (!target.convertToPartitioned || !target.partitionBy) continue;
    const old = from.tables.find((t) => sameTable(t, target));
    if (!old || old.partitionBy || old.partitionOf) continue;
    const name = display(target.schema, target.name);
    const refuse = (why: string): never => {
      throw new UserError(`cannot convert ${name} to a partitioned table: ${why}`);
    };
    const oldPk = old.constraints.find((c) => c.kind === 'primary_key');
    const newPk = target.constraints.find((c) => c.kind === 'primary_key');
    if (!oldPk || oldPk.kind !== 'primary_key') refuse('it has no primary key to copy its rows by');
    if (!newPk || newPk.kind !== 'primary_key' || !(oldPk as { columns: readonly string[] }).columns.every((c, i) => newPk.columns[i] === c)) {
      refuse(`the partitioned table's primary key must start with the columns of the current one (${(oldPk as { columns: readonly string[] }).columns.join(', ')}), then add the partition key`);
    }
    const keep = unpartitionedName(old.name);
    const temp = suffixedName(old.name, NEW_SUFFIX);
    const started = from.tables.find((t) => t.schema === old.schema && t.name === temp);
    if (started && (!started.partitionBy || started.partitionBy.strategy !== target.partitionBy.strategy || started.partitionBy.key !== target.partitionBy.key)) {
      refuse(`a table ${display(old.schema, temp)} exists already and is not the partitioned table this conversion makes; drop or rename it first`);
    }
    for (const n of [keep, temp]) {
      if (n === temp && started) continue;
      if ([...from.tables, ...to.tables].some((t) => t.schema === old.schema && t.name === n && !(n === keep && to.tables.includes(t)))) {
        refuse(`a table ${display(old.schema, n)} exists already (the conversion uses that name); drop or rename it first`);
      }
    }
    const referencing = from.tables.flatMap((t) =>
      t.constraints.filter((c) => c.kind === 'foreign_key' && c.references.schema === old.schema && c.references.table === old.name && !sameTable(t, old)).map((c) => `${display(t.schema, t.name)}.${c.name}`),
    );
    if (referencing.length) refuse(`foreign keys reference it (${referencing.join(', ')}); drop them in an earlier plan (a partitioned table's unique keys include the partition key)`);
    const tableKey = keys.table(old.schema, old.name);
    const usedBy = [...from.views, ...from.materializedViews]
      .filter((v) => v.dependsOn.some((k) => k === tableKey || k.startsWith(`column:${old.schema}.${old.name}.`)))
      .map((v) => display(v.schema, v.name));
    if (usedBy.length) refuse(`views use it (${usedBy.join(', ')}) and would keep using the old table; drop them in an earlier plan and create them again after`);
    out.push({ old, target, batchSize: target.convertToPartitioned.batchSize, resumed: started !== undefined });
  }
  return out;
}

/** Ordering edge: the new table has taken the name. */
const swappedEdge = (t: QualifiedName) => `converted:${keys.table(t.schema, t.name)}`;

/**
 * `from` as it is once the conversion's own steps ran: the old table kept under its new name, the
 * new table with its columns, primary key and partitions and nothing else. The ordinary diff
 * from there to `to` adds the rest of the new table.
 */
export function convertedFrom(from: DatabaseModel, to: DatabaseModel, conversions: readonly Conversion[]): DatabaseModel {
  let m = from;
  for (const { old, target, resumed } of conversions) {
    const kept = keptOldTable(old);
    const created: Table = {
      schema: target.schema,
      name: target.name,
      columns: target.columns.map((c) => ({ ...c, comment: null })),
      constraints: target.constraints.filter((c) => c.kind === 'primary_key'),
      indexes: [],
      comment: null,
      rowSecurity: false,
      forceRowSecurity: false,
      owner: null,
      partitionBy: target.partitionBy,
    };
    const temp = suffixedName(old.name, NEW_SUFFIX);
    const ofTemp = (t: Table) => (t.schema === old.schema && t.name === temp) || (t.partitionOf?.schema === old.schema && t.partitionOf.table === temp);
    // Resumed: the partitions made before the stop, as they are; else those the plan makes.
    const partitions = resumed
      ? m.tables.filter((t) => t.partitionOf && ofTemp(t)).map((p) => ({ ...p, partitionOf: { ...p.partitionOf!, table: target.name } }))
      : to.tables.filter((t) => t.partitionOf?.schema === target.schema && t.partitionOf.table === target.name).map((p) => ({ ...p, comment: null, owner: null }));
    const moved = keptDependents(m, old);
    const isOld = (x: { schema: string; table?: string; name?: string | null }) => x.schema === old.schema && (x.table ?? x.name) === old.name;
    m = {
      ...m,
      tables: [...m.tables.filter((t) => t !== old && !ofTemp(t)), kept, created, ...partitions],
      triggers: m.triggers.filter((t) => !isOld(t)),
      policies: [...m.policies.filter((p) => !isOld(p)), ...moved.policies],
      grants: [...m.grants.filter((g) => !(g.objectKind === 'table' && isOld(g))), ...moved.grants],
      sequences: m.sequences.map((s) => (s.ownedBy && s.ownedBy.schema === old.schema && s.ownedBy.table === old.name ? { ...s, ownedBy: { ...s.ownedBy, table: kept.name } } : s)),
    };
  }
  return m;
}

/** The conversion's own steps (phases 1-3) for one table. */
export function conversionSteps(c: Conversion, to: DatabaseModel): Step[] {
  const { old, target, batchSize } = c;
  const name = display(target.schema, target.name);
  const temp = { schema: old.schema, name: suffixedName(old.name, NEW_SUFFIX) };
  const kept = keptOldTable(old);
  const pk = target.constraints.find((k) => k.kind === 'primary_key')!;
  const tempPk = suffixedName(temp.name, '_pkey');
  const oldKey = (old.constraints.find((k) => k.kind === 'primary_key') as { columns: readonly string[] }).columns;
  const oldColumns = new Set(old.columns.map((col) => col.name));
  const copied = target.columns.filter((col) => oldColumns.has(col.name) && col.generated === null).map((col) => col.name);
  const overriding = target.columns.some((col) => copied.includes(col.name) && col.identity?.generation === 'always') ? ' OVERRIDING SYSTEM VALUE' : '';
  const cols = identList(copied);
  const k = identList(oldKey);
  const prefixed = (alias: string, names: readonly string[]) => names.map((n) => `${alias}.${ident(n)}`).join(', ');
  const partitions = to.tables.filter((t) => t.partitionOf?.schema === target.schema && t.partitionOf.table === target.name);
  const created = `${keys.table(temp.schema, temp.name)}`;
  const copiedEdge = `copied:${keys.table(old.schema, old.name)}`;

  const lines = [...target.columns.map(columnDefinition), `CONSTRAINT ${ident(tempPk)} PRIMARY KEY (${identList((pk as { columns: readonly string[] }).columns)})`];
  const createSteps: Step[] = [
    step({
      kind: 'table',
      object: display(temp.schema, temp.name),
      operation: 'create',
      sql: `CREATE TABLE ${qname(temp)} (\n  ${lines.join(',\n  ')}\n)${partitionByClause(target)}`,
      reason: `the partitioned table that replaces ${name} (convert_to_partitioned), under a temporary name until its rows are copied`,
      phase: PHASES.createTable,
      provides: [created],
      requires: [keys.schema(old.schema)],
    }),
    ...partitions.map((p) =>
      step({
        kind: 'table',
        object: display(p.schema, p.name),
        operation: 'create',
        sql: `CREATE TABLE ${qname(p)} PARTITION OF ${qname(temp)}${partitionColumnsBody(p)} ${p.partitionOf!.bound}`,
        reason: `a partition of the table that replaces ${name}`,
        phase: PHASES.createTable,
        provides: [`partition-of:${created}`],
        requires: [created],
      }),
    ),
  ];
  const copyStep = step({
    kind: 'table',
    object: name,
    operation: 'update',
    sql:
      `INSERT INTO ${qname(temp)} (${cols})${overriding}\n` +
      `SELECT ${cols} FROM ${qname(old)}\n` +
      `WHERE NOT EXISTS (SELECT FROM ${qname(temp)}) OR (${k}) > (SELECT ${k} FROM ${qname(temp)} ORDER BY ${oldKey.map((x) => `${ident(x)} DESC`).join(', ')} LIMIT 1)\n` +
      `ORDER BY ${k} LIMIT ${batchSize}\n` +
      `RETURNING ${k}`,
    hazards: [
      hazard(
        'data_change',
        `copies the rows of ${name} into ${display(temp.schema, temp.name)} by (${oldKey.join(', ')}), ${batchSize} per transaction; ` +
          'the old table stays in use meanwhile (writes during the copy are carried over when the names are swapped)',
      ),
    ],
    transactional: false,
    reason: `the rows of ${name} into its partitioned replacement`,
    phase: PHASES.backfill,
    requires: [created, `partition-of:${created}`],
    provides: [copiedEdge],
  });
  // Run as a backfill: batch after batch, each committed, until one copies no row.
  const copy: Step = { ...copyStep, backfill: { batchSize } };
  const same = (a: string, b: string) => oldKey.map((x) => `${a}.${ident(x)} = ${b}.${ident(x)}`).join(' AND ');
  const swapSql = [
    `LOCK TABLE ${qname(old)} IN ACCESS EXCLUSIVE MODE`,
    // Rows deleted or changed since their batch was copied go, then every row not copied yet comes.
    `DELETE FROM ${qname(temp)} n WHERE NOT EXISTS (SELECT FROM ${qname(old)} o WHERE ${same('o', 'n')} AND ROW(${prefixed('o', copied)})::text = ROW(${prefixed('n', copied)})::text)`,
    `INSERT INTO ${qname(temp)} (${cols})${overriding} SELECT ${cols} FROM ${qname(old)} o WHERE NOT EXISTS (SELECT FROM ${qname(temp)} n WHERE ${same('n', 'o')})`,
    ...old.indexes.map((i) => `ALTER INDEX ${qname({ schema: old.schema, name: i.name })} RENAME TO ${ident(suffixedName(i.name, OLD_SUFFIX))}`),
    ...old.constraints.filter(isIndexBacked).map((x) => `ALTER INDEX ${qname({ schema: old.schema, name: x.name })} RENAME TO ${ident(suffixedName(x.name, OLD_SUFFIX))}`),
    `ALTER TABLE ${qname(old)} RENAME TO ${ident(kept.name)}`,
    `ALTER TABLE ${qname(temp)} RENAME TO ${ident(target.name)}`,
    ...(tempPk === pk.name ? [] : [`ALTER TABLE ${qname(target)} RENAME CONSTRAINT ${ident(tempPk)} TO ${ident(pk.name)}`]),
  ];
  const swap = step({
    kind: 'table',
    object: name,
    operation: 'rename',
    sql: swapSql.join(';\n'),
    hazards: [
      hazard(
        'long_lock',
        `holds ACCESS EXCLUSIVE on ${name} while it compares the old and new tables by key (a scan of each, proportional to the table's size) to carry over rows written since the copy, then swaps the names; until the steps after it run, the new table has only its owner's privileges and none of its indexes, policies or triggers`,
      ),
    ],
    reason: `${name} becomes the partitioned table; the old one is kept as ${display(old.schema, kept.name)} (dropped once convert_to_partitioned is removed from the YAML)`,
    phase: PHASES.backfill,
    requires: [copiedEdge],
    provides: [swappedEdge(target)],
  });
  return [...(c.resumed ? [] : createSteps), copy, swap];
}

/** The old table's triggers, dropped before the swap (they move to the new table). */
function dropOldTriggers(from: DatabaseModel, c: Conversion): Step[] {
  return from.triggers
    .filter((t) => t.schema === c.old.schema && t.table === c.old.name)
    .map((t) =>
      step({
        kind: 'trigger',
        object: display(t.schema, t.table, t.name),
        operation: 'drop',
        sql: `DROP TRIGGER ${ident(t.name)} ON ${qname(c.old)}`,
        reason: `the trigger moves to the partitioned table that replaces ${display(c.old.schema, c.old.name)}`,
        phase: PHASES.backfill,
        requires: [`copied:${keys.table(c.old.schema, c.old.name)}`],
        provides: [`triggers-dropped:${keys.table(c.old.schema, c.old.name)}`],
      }),
    );
}

/**
 * The models the ordinary diff works on, and the conversion steps before it. Every step of that
 * diff about a converted table waits for its swap.
 */
export function withConversions(live: DatabaseModel, to: DatabaseModel): { from: DatabaseModel; steps: Step[]; after: (steps: readonly Step[]) => Step[] } {
  let from = live;
  const reverted: Step[] = [];
  for (const r of reversionsOf(from, to)) {
    const done = reversionSteps(r, from);
    reverted.push(done.step);
    from = done.from;
  }
  const conversions = conversionsOf(from, to);
  if (conversions.length === 0 && reverted.length === 0) return { from, steps: [], after: (s) => [...s] };
  const own = conversions.flatMap((c) => {
    const drops = dropOldTriggers(from, c);
    const steps = conversionSteps(c, to);
    const swap = steps[steps.length - 1]!;
    const waited = drops.length ? { ...swap, requires: [...(swap.requires ?? []), `triggers-dropped:${keys.table(c.old.schema, c.old.name)}`] } : swap;
    return [...drops, ...steps.slice(0, -1), waited];
  });
  const swapped = [...conversions.map((c) => c.target), ...reverted.map((s) => to.tables.find((t) => display(t.schema, t.name) === s.object)!)];
  const after = (steps: readonly Step[]) =>
    steps.map((s) => {
      const t = swapped.find((x) => {
        const d = display(x.schema, x.name);
        const k = keys.table(x.schema, x.name);
        return s.object === d || s.object.startsWith(`${d}.`) || (s.requires ?? []).some((r) => r === k || r.includes(`:${x.schema}.${x.name}.`));
      });
      return t ? { ...s, requires: [...(s.requires ?? []), swappedEdge(t)] } : s;
    });
  return { from: convertedFrom(from, to, conversions), steps: [...reverted, ...own], after };
}

/** A conversion undone (a down plan): the partitioned table goes, the kept old table takes the name back. */
interface Reversion {
  /** The partitioned table of `from`. */
  readonly partitioned: Table;
  /** The old table of `from`, as the conversion kept it. */
  readonly kept: Table;
  /** The ordinary table of `to`. */
  readonly target: Table;
}

function reversionsOf(from: DatabaseModel, to: DatabaseModel): Reversion[] {
  const out: Reversion[] = [];
  for (const target of to.tables) {
    if (target.partitionBy || target.partitionOf) continue;
    const keep = unpartitionedName(target.name);
    const partitioned = from.tables.find((t) => sameTable(t, target) && t.partitionBy);
    const kept = from.tables.find((t) => t.schema === target.schema && t.name === keep && !t.partitionBy && !t.partitionOf);
    if (!partitioned || !kept || to.tables.some((t) => t.schema === target.schema && t.name === keep)) continue;
    if (!kept.constraints.some((c) => c.kind === 'primary_key')) continue;
    out.push({ partitioned, kept, target });
  }
  return out;
}

/** The name an index or constraint of the kept table had before the conversion, when `to` declares it. */
function originalName(kept: string, declared: readonly string[]): string {
  return declared.find((n) => suffixedName(n, OLD_SUFFIX) === kept) ?? kept;
}

function reversionSteps(r: Reversion, from: DatabaseModel): { step: Step; from: DatabaseModel } {
  const { partitioned, kept, target } = r;
  const name = display(target.schema, target.name);
  const key = (kept.constraints.find((c) => c.kind === 'primary_key') as { columns: readonly string[] }).columns;
  const newColumns = new Set(partitioned.columns.map((c) => c.name));
  const copied = kept.columns.filter((c) => newColumns.has(c.name) && c.generated === null).map((c) => c.name);
  const overriding = kept.columns.some((c) => copied.includes(c.name) && c.identity?.generation === 'always') ? ' OVERRIDING SYSTEM VALUE' : '';
  const cols = identList(copied);
  const prefixed = (alias: string) => copied.map((n) => `${alias}.${ident(n)}`).join(', ');
  const same = (a: string, b: string) => key.map((x) => `${a}.${ident(x)} = ${b}.${ident(x)}`).join(' AND ');
  const declared = [...target.indexes.map((i) => i.name), ...target.constraints.map((c) => c.name)];
  const renames = [...kept.indexes.map((i) => i.name), ...kept.constraints.filter(isIndexBacked).map((c) => c.name)]
    .map((n) => [n, originalName(n, declared)] as const)
    .filter(([a, b]) => a !== b);
  const owned = from.sequences.filter((s) => s.ownedBy?.schema === partitioned.schema && s.ownedBy.table === partitioned.name && kept.columns.some((c) => c.name === s.ownedBy!.column));
  const sql = [
    `LOCK TABLE ${qname(partitioned)} IN ACCESS EXCLUSIVE MODE`,
    `DELETE FROM ${qname(kept)} o WHERE NOT EXISTS (SELECT FROM ${qname(partitioned)} n WHERE ${same('n', 'o')} AND ROW(${prefixed('n')})::text = ROW(${prefixed('o')})::text)`,
    `INSERT INTO ${qname(kept)} (${cols})${overriding} SELECT ${cols} FROM ${qname(partitioned)} n WHERE NOT EXISTS (SELECT FROM ${qname(kept)} o WHERE ${same('o', 'n')})`,
    // DROP TABLE would take the sequences its columns own along.
    ...owned.map((s) => `ALTER SEQUENCE ${qname(s)} OWNED BY ${qname(kept)}.${ident(s.ownedBy!.column)}`),
    `DROP TABLE ${qname(partitioned)}`,
    ...renames.map(([a, b]) => `ALTER INDEX ${qname({ schema: kept.schema, name: a })} RENAME TO ${ident(b)}`),
    `ALTER TABLE ${qname(kept)} RENAME TO ${ident(target.name)}`,
  ].join(';\n');
  const s = step({
    kind: 'table',
    object: name,
    operation: 'rename',
    sql,
    hazards: [
      hazard('long_lock', `holds ACCESS EXCLUSIVE on ${name} while its rows are carried back into ${display(kept.schema, kept.name)} (a scan of each table), then swaps the names`),
      hazard('data_loss', `drops the partitioned ${name} and its partitions once its rows are back in the ordinary table (columns only the partitioned table has are lost)`),
    ],
    reason: `the conversion of ${name} to a partitioned table is undone: ${display(kept.schema, kept.name)} takes its name back`,
    phase: PHASES.backfill,
    provides: [swappedEdge(target)],
  });
  const isNew = (x: { schema: string; table?: string; name?: string | null }) => x.schema === partitioned.schema && (x.table ?? x.name) === partitioned.name;
  const isKept = (x: { schema: string; table?: string; name?: string | null }) => x.schema === kept.schema && (x.table ?? x.name) === kept.name;
  const restored: Table = {
    ...kept,
    name: target.name,
    indexes: kept.indexes.map((i) => ({ ...i, name: originalName(i.name, declared) })),
    constraints: kept.constraints.map((c) => (isIndexBacked(c) ? { ...c, name: originalName(c.name, declared) } : c)),
  };
  const gone = (t: Table) => t === partitioned || t === kept || (t.partitionOf?.schema === partitioned.schema && t.partitionOf.table === partitioned.name);
  return {
    step: s,
    from: {
      ...from,
      tables: [...from.tables.filter((t) => !gone(t)), restored],
      triggers: from.triggers.filter((t) => !isNew(t)).map((t) => (isKept(t) ? { ...t, table: target.name } : t)),
      policies: from.policies.filter((p) => !isNew(p)).map((p) => (isKept(p) ? { ...p, table: target.name } : p)),
      grants: from.grants.filter((g) => !(g.objectKind === 'table' && isNew(g))).map((g) => (g.objectKind === 'table' && isKept(g) ? { ...g, name: target.name } : g)),
      sequences: from.sequences.map((q) => (owned.includes(q) ? { ...q, ownedBy: { ...q.ownedBy!, table: target.name } } : q)),
    },
  };
}

/** ` (priority DEFAULT 10)`: a partition's own column settings, or ''. */
function partitionColumnsBody(p: Table): string {
  const clauses = partitionColumnClauses(p);
  return clauses.length > 0 ? ` (${clauses.join(', ')})` : '';
}
