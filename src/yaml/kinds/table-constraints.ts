import type {
  CheckConstraint,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
} from '../../model/constraint.ts';
import type { QualifiedName } from '../../model/names.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { parenthesize } from '../names.ts';
import { referentialAction } from './table-columns.ts';
import type { ActionYaml, LocatedConstraint } from './table-columns.ts';

interface ConstraintOptionsYaml {
  readonly deferrable?: boolean;
  readonly initially_deferred?: boolean;
  readonly comment?: string | null;
}

interface PrimaryKeyYaml extends ConstraintOptionsYaml {
  readonly columns: readonly string[];
  readonly name?: string;
}

interface UniqueYaml extends ConstraintOptionsYaml {
  readonly columns: readonly string[];
  readonly nulls_not_distinct?: boolean;
}

interface ForeignKeyYaml extends ConstraintOptionsYaml {
  readonly columns: readonly string[];
  readonly references: { readonly table: string; readonly columns?: readonly string[]; readonly schema?: string };
  readonly on_delete?: ActionYaml;
  readonly on_update?: ActionYaml;
  readonly match?: 'simple' | 'full';
}

interface CheckYaml {
  readonly expression: string;
  readonly no_inherit?: boolean;
  readonly comment?: string | null;
}

interface ExclusionYaml extends ConstraintOptionsYaml {
  readonly definition?: string;
  readonly using?: string;
  readonly elements?: string;
  readonly where?: string;
}

/** The parts of a table's YAML that declare constraints. */
export interface TableConstraintsYaml {
  readonly primary_key?: readonly string[] | PrimaryKeyYaml;
  readonly unique?: Readonly<Record<string, readonly string[] | UniqueYaml>>;
  readonly foreign_keys?: Readonly<Record<string, ForeignKeyYaml>>;
  readonly checks?: Readonly<Record<string, string | CheckYaml>>;
  readonly exclusions?: Readonly<Record<string, string | ExclusionYaml>>;
}

function options(v: ConstraintOptionsYaml) {
  return {
    definition: '',
    deferrable: v.deferrable ?? false,
    initiallyDeferred: v.initially_deferred ?? false,
    valid: true,
    comment: v.comment ?? null,
  };
}

/** Where the column list of a constraint is: the value itself (short form) or its `columns`. */
function columnsLoc(value: unknown, loc: Loc): Loc {
  return Array.isArray(value) ? loc : below(loc, 'columns');
}

/** Table-level constraints in declaration order: primary key, unique, foreign keys, checks, exclusions. */
export function loadTableConstraints(
  ctx: LoadContext,
  table: QualifiedName,
  v: TableConstraintsYaml,
  tableLoc: Loc,
): LocatedConstraint[] {
  const out: LocatedConstraint[] = [];
  const push = (constraint: LocatedConstraint['constraint'], loc: Loc, listLoc?: Loc) => {
    ctx.mark(constraint, loc);
    if (listLoc !== undefined && 'columns' in constraint) ctx.mark(constraint.columns, listLoc);
    out.push({ constraint, loc });
  };
  if (v.primary_key !== undefined) {
    const loc = below(tableLoc, 'primary_key');
    const pk: PrimaryKeyYaml = Array.isArray(v.primary_key) ? { columns: v.primary_key } : (v.primary_key as PrimaryKeyYaml);
    const c: PrimaryKeyConstraint = { ...options(pk), kind: 'primary_key', name: pk.name ?? '', columns: [...pk.columns] };
    push(c, loc, columnsLoc(v.primary_key, loc));
  }
  for (const [name, value] of Object.entries(v.unique ?? {})) {
    const loc = below(tableLoc, 'unique', name);
    const u: UniqueYaml = Array.isArray(value) ? { columns: value } : (value as UniqueYaml);
    const c: UniqueConstraint = {
      ...options(u),
      kind: 'unique',
      name,
      columns: [...u.columns],
      nullsNotDistinct: u.nulls_not_distinct ?? false,
    };
    push(c, loc, columnsLoc(value, loc));
  }
  for (const [name, fk] of Object.entries(v.foreign_keys ?? {})) {
    const loc = below(tableLoc, 'foreign_keys', name);
    const c: ForeignKeyConstraint = {
      ...options(fk),
      kind: 'foreign_key',
      name,
      columns: [...fk.columns],
      references: {
        schema: fk.references.schema ?? table.schema,
        table: fk.references.table,
        columns: [...(fk.references.columns ?? [])],
      },
      onDelete: referentialAction(fk.on_delete),
      onUpdate: referentialAction(fk.on_update),
      match: fk.match ?? 'simple',
    };
    push(c, loc, below(loc, 'columns'));
    ctx.mark(c.references, valueOf(below(loc, 'references', 'table')));
    if (fk.references.columns !== undefined) ctx.mark(c.references.columns, below(loc, 'references', 'columns'));
  }
  for (const [name, value] of Object.entries(v.checks ?? {})) {
    const ch: CheckYaml = typeof value === 'string' ? { expression: value } : value;
    const c: CheckConstraint = {
      ...options({ comment: ch.comment }),
      kind: 'check',
      name,
      expression: ch.expression,
      noInherit: ch.no_inherit ?? false,
    };
    push(c, below(tableLoc, 'checks', name));
  }
  for (const [name, value] of Object.entries(v.exclusions ?? {})) {
    const loc = below(tableLoc, 'exclusions', name);
    const ex: ExclusionYaml = typeof value === 'string' ? { definition: value } : value;
    if ((ex.definition === undefined) === (ex.elements === undefined)) {
      ctx.problem(loc, 'an exclusion constraint needs exactly one of `elements` and `definition`');
    } else if (ex.definition !== undefined && (ex.using !== undefined || ex.where !== undefined)) {
      ctx.problem(loc, '`definition` is the whole constraint: put `using` and `where` into it, or use `elements`');
    }
    const definition = ex.definition !== undefined ? exclusionFromText(ex.definition) : exclusionDefinition(ex);
    push({ ...options(ex), kind: 'exclusion', name, definition }, loc);
  }
  return out;
}

/** `USING gist (room WITH =) WHERE (...)` as written, with `EXCLUDE` put in front unless already there. */
export function exclusionFromText(text: string): string {
  const t = text.trim();
  return /^EXCLUDE\b/i.test(t) ? t : `EXCLUDE ${t}`;
}

export function exclusionDefinition(v: ExclusionYaml): string {
  const using = v.using === undefined ? '' : ` USING ${v.using}`;
  const where = v.where === undefined ? '' : ` WHERE ${parenthesize(v.where)}`;
  return `EXCLUDE${using} (${v.elements ?? ''})${where}`;
}
