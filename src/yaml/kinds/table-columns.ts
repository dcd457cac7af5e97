import { DEFAULT_BACKFILL_BATCH_SIZE, type Backfill, type Column, type ColumnStorage, type Identity } from '../../model/column.ts';
import type { CheckConstraint, Constraint, ForeignKeyConstraint, ReferentialAction } from '../../model/constraint.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, collationSql } from '../names.ts';
import type { QualifiedName } from '../../model/names.ts';

type IntegerYaml = number | string;
export type ActionYaml = 'no_action' | 'restrict' | 'cascade' | 'set_null' | 'set_default';

interface IdentityYaml {
  readonly generation: 'always' | 'by_default';
  readonly start?: IntegerYaml;
  readonly increment?: IntegerYaml;
  readonly min?: IntegerYaml;
  readonly max?: IntegerYaml;
  readonly cache?: IntegerYaml;
  readonly cycle?: boolean;
}

interface ColumnReferenceYaml {
  readonly table: string;
  readonly column?: string;
  readonly schema?: string;
  readonly name?: string;
  readonly on_delete?: ActionYaml;
  readonly on_update?: ActionYaml;
  readonly match?: 'simple' | 'full';
  readonly deferrable?: boolean;
  readonly initially_deferred?: boolean;
  readonly comment?: string | null;
}

interface ColumnYaml {
  readonly type: string;
  readonly not_null?: boolean;
  readonly default?: string | number | boolean;
  readonly primary_key?: boolean;
  readonly unique?: boolean;
  readonly references?: string | ColumnReferenceYaml;
  readonly identity?: 'always' | 'by_default' | IdentityYaml;
  readonly generated?: string;
  readonly collation?: string;
  readonly check?: string;
  readonly comment?: string | null;
  readonly renamed_from?: string;
  readonly using?: string;
  readonly reverse_using?: string;
  readonly backfill?: string | { readonly value: string; readonly where?: string };
  readonly batch_size?: number;
  readonly reverse_backfill?: string;
  readonly storage?: ColumnStorage;
  readonly compression?: string;
}

export function referentialAction(a: ActionYaml | undefined): ReferentialAction {
  return a === undefined ? 'no action' : (a.replace('_', ' ') as ReferentialAction);
}

/** A constraint declared on a column (`primary_key: true`, `unique: true`, `references`, `check`). */
export interface LocatedConstraint {
  readonly constraint: Constraint;
  readonly loc: Loc;
}

export interface LoadedColumn {
  readonly column: Column;
  readonly constraints: readonly LocatedConstraint[];
}

/** One entry of a table's `columns:`; a string is the column's type. */
export function loadColumn(ctx: LoadContext, table: QualifiedName, name: string, value: unknown, loc: Loc): LoadedColumn {
  const v: ColumnYaml = typeof value === 'string' ? { type: value } : (value as ColumnYaml);
  checkIdentifier(ctx, name, loc);
  if (v.identity !== undefined && v.default !== undefined) {
    ctx.problem(below(loc, 'identity'), 'a column cannot have both `identity` and `default`');
  }
  if (v.generated !== undefined && (v.default !== undefined || v.identity !== undefined)) {
    ctx.problem(below(loc, 'generated'), 'a generated column cannot also have `default` or `identity`');
  }
  if (v.renamed_from === name) ctx.problem(valueOf(below(loc, 'renamed_from')), 'is the column\'s own name');
  const column: Column = {
    name,
    type: v.type,
    notNull: v.not_null ?? false,
    default: v.default === undefined ? null : String(v.default),
    identity: v.identity === undefined ? null : identity(v.identity),
    generated: v.generated ?? null,
    collation: v.collation === undefined ? null : collationSql(v.collation),
    comment: v.comment ?? null,
    ...(v.storage !== undefined ? { storage: v.storage } : {}),
    ...(v.compression !== undefined ? { compression: v.compression } : {}),
    ...(v.renamed_from !== undefined ? { renamedFrom: v.renamed_from } : {}),
    ...(v.using !== undefined ? { using: v.using } : {}),
    ...(v.reverse_using !== undefined ? { reverseUsing: v.reverse_using } : {}),
    ...(v.backfill !== undefined ? { backfill: backfill(v) } : {}),
  };
  if (v.reverse_using !== undefined && v.using === undefined) {
    ctx.problem(below(loc, 'reverse_using'), 'reverses `using`: give the column a `using` expression too');
  }
  for (const key of ['batch_size', 'reverse_backfill'] as const) {
    if (v[key] !== undefined && v.backfill === undefined) ctx.problem(below(loc, key), 'applies to a `backfill`: give the column one too');
  }
  if (v.backfill !== undefined && v.generated !== undefined) ctx.problem(below(loc, 'backfill'), 'a generated column is computed by PostgreSQL: it has no backfill');
  ctx.mark(column, loc);
  return { column, constraints: columnConstraints(ctx, table, name, v, loc) };
}

function backfill(v: ColumnYaml): Backfill {
  const b = typeof v.backfill === 'string' ? { value: v.backfill } : v.backfill!;
  return { value: b.value, where: b.where ?? null, batchSize: v.batch_size ?? DEFAULT_BACKFILL_BATCH_SIZE, reverse: v.reverse_backfill ?? null };
}

function identity(v: 'always' | 'by_default' | IdentityYaml): Identity {
  const o: IdentityYaml = typeof v === 'string' ? { generation: v } : v;
  const opt = (n: IntegerYaml | undefined) => (n === undefined ? null : String(BigInt(n)));
  return {
    generation: o.generation === 'always' ? 'always' : 'by default',
    start: opt(o.start),
    increment: opt(o.increment),
    minValue: opt(o.min),
    maxValue: opt(o.max),
    cache: opt(o.cache),
    cycle: o.cycle ?? false,
  };
}

const CONSTRAINT_DEFAULTS = { definition: '', deferrable: false, initiallyDeferred: false, valid: true, comment: null };

function columnConstraints(ctx: LoadContext, table: QualifiedName, name: string, v: ColumnYaml, loc: Loc): LocatedConstraint[] {
  const out: LocatedConstraint[] = [];
  if (v.primary_key === true) {
    out.push({ constraint: { ...CONSTRAINT_DEFAULTS, kind: 'primary_key', name: '', columns: [name] }, loc: below(loc, 'primary_key') });
  }
  if (v.unique === true) {
    out.push({
      constraint: { ...CONSTRAINT_DEFAULTS, kind: 'unique', name: '', columns: [name], nullsNotDistinct: false },
      loc: below(loc, 'unique'),
    });
  }
  if (v.references !== undefined) {
    const fk = columnForeignKey(ctx, table, name, v.references, below(loc, 'references'));
    if (fk !== null) out.push({ constraint: fk, loc: below(loc, 'references') });
  }
  if (v.check !== undefined) {
    const check: CheckConstraint = { ...CONSTRAINT_DEFAULTS, kind: 'check', name: '', expression: v.check, noInherit: false };
    out.push({ constraint: check, loc: below(loc, 'check') });
  }
  return out;
}

/** `references: companies`, `companies.id`, `schema.companies.id`, or the mapping form. */
function columnForeignKey(
  ctx: LoadContext,
  table: QualifiedName,
  column: string,
  ref: string | ColumnReferenceYaml,
  loc: Loc,
): ForeignKeyConstraint | null {
  let r: ColumnReferenceYaml;
  if (typeof ref === 'string') {
    const parts = ref.split('.');
    if (parts.length > 3 || parts.some((p) => p === '')) {
      ctx.problem(valueOf(loc), 'must be `table`, `table.column` or `schema.table.column`');
      return null;
    }
    const [a, b, c] = parts as [string, string?, string?];
    r = c !== undefined ? { schema: a, table: b!, column: c } : { table: a, column: b };
  } else {
    r = ref;
  }
  const fk: ForeignKeyConstraint = {
    kind: 'foreign_key',
    name: r.name ?? '',
    definition: '',
    deferrable: r.deferrable ?? false,
    initiallyDeferred: r.initially_deferred ?? false,
    valid: true,
    comment: r.comment ?? null,
    columns: [column],
    references: { schema: r.schema ?? table.schema, table: r.table, columns: r.column === undefined ? [] : [r.column] },
    onDelete: referentialAction(r.on_delete),
    onUpdate: referentialAction(r.on_update),
    match: r.match ?? 'simple',
  };
  // Point reference problems at the referenced name: the string itself, or the `table` field.
  ctx.mark(fk.references, typeof ref === 'string' ? valueOf(loc) : valueOf(below(loc, 'table')));
  return fk;
}
