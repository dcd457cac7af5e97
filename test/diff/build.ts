/** Small builders for hand-written models in diff and plan tests. */
import { modelOf } from '../../src/model/database.ts';
import type { Column } from '../../src/model/column.ts';
import type {
  CheckConstraint,
  ExclusionConstraint,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
} from '../../src/model/constraint.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { EnumType } from '../../src/model/enum.ts';
import type { Index, IndexKey } from '../../src/model/index.ts';
import type { Sequence } from '../../src/model/sequence.ts';
import type { Table } from '../../src/model/table.ts';
import type { Step } from '../../src/plan/step.ts';

export function col(name: string, type: string, extra: Partial<Column> = {}): Column {
  return { name, type, notNull: false, default: null, identity: null, generated: null, collation: null, comment: null, ...extra };
}

const base = { definition: '', deferrable: false, initiallyDeferred: false, valid: true, comment: null };

export function pk(name: string, columns: string[], extra: Partial<PrimaryKeyConstraint> = {}): PrimaryKeyConstraint {
  return { ...base, kind: 'primary_key', name, columns, ...extra };
}

export function unique(name: string, columns: string[], extra: Partial<UniqueConstraint> = {}): UniqueConstraint {
  return { ...base, kind: 'unique', name, columns, nullsNotDistinct: false, ...extra };
}

export function check(name: string, expression: string, extra: Partial<CheckConstraint> = {}): CheckConstraint {
  return { ...base, kind: 'check', name, expression, noInherit: false, ...extra };
}

export function exclusion(name: string, definition: string): ExclusionConstraint {
  return { ...base, kind: 'exclusion', name, definition };
}

export function fk(
  name: string,
  columns: string[],
  table: string,
  refColumns: string[] = [],
  extra: Partial<ForeignKeyConstraint> = {},
): ForeignKeyConstraint {
  const [schema, t] = table.includes('.') ? table.split('.') : ['public', table];
  return {
    ...base,
    kind: 'foreign_key',
    name,
    columns,
    references: { schema: schema!, table: t!, columns: refColumns },
    onDelete: 'no action',
    onUpdate: 'no action',
    match: 'simple',
    ...extra,
  };
}

export function key(expression: string, extra: Partial<IndexKey> = {}): IndexKey {
  return { expression, isColumn: /^[a-z_][a-z0-9_]*$/.test(expression), opclass: null, descending: false, nullsFirst: false, collation: null, ...extra };
}

export function index(name: string, keys: (string | IndexKey)[], extra: Partial<Index> = {}): Index {
  return {
    name,
    unique: false,
    method: 'btree',
    keys: keys.map((k) => (typeof k === 'string' ? key(k) : k)),
    include: [],
    where: null,
    with: {},
    nullsNotDistinct: false,
    definition: '',
    valid: true,
    comment: null,
    ...extra,
  };
}

export function table(name: string, columns: Column[], extra: Partial<Table> = {}): Table {
  const [schema, t] = name.includes('.') ? name.split('.') : ['public', name];
  return { schema: schema!, name: t!, columns, constraints: [], indexes: [], comment: null, rowSecurity: false, forceRowSecurity: false, owner: null, ...extra };
}

export function enumType(name: string, labels: string[], extra: Partial<EnumType> = {}): EnumType {
  const [schema, e] = name.includes('.') ? name.split('.') : ['public', name];
  return { schema: schema!, name: e!, labels, comment: null, ...extra };
}

export function sequence(name: string, extra: Partial<Sequence> = {}): Sequence {
  const [schema, s] = name.includes('.') ? name.split('.') : ['public', name];
  return {
    schema: schema!,
    name: s!,
    dataType: 'bigint',
    start: '1',
    increment: '1',
    minValue: '1',
    maxValue: '9223372036854775807',
    cache: '1',
    cycle: false,
    ownedBy: null,
    comment: null,
    ...extra,
  };
}

export function model(parts: Partial<DatabaseModel>): DatabaseModel {
  return modelOf({ schemas: [{ name: 'public', comment: null }], ...parts });
}

/** The SQL of the steps, for assertions. */
export function sqls(steps: readonly Step[]): string[] {
  return steps.map((s) => s.sql);
}

export function findStep(steps: readonly Step[], pred: (s: Step) => boolean): Step {
  const s = steps.find(pred);
  if (!s) throw new Error(`no such step among:\n${steps.map((x) => `${x.operation} ${x.kind} ${x.object}: ${x.sql}`).join('\n')}`);
  return s;
}

export function bySql(steps: readonly Step[], fragment: string | RegExp): Step {
  return findStep(steps, (s) => (typeof fragment === 'string' ? s.sql.includes(fragment) : fragment.test(s.sql)));
}

export function hazardKinds(s: Step): string[] {
  return s.hazards.map((h) => h.kind).sort();
}

/** Position of the step whose SQL contains the fragment, in an ordered list. */
export function positionOf(steps: readonly Step[], fragment: string): number {
  const i = steps.findIndex((s) => s.sql.includes(fragment));
  if (i < 0) throw new Error(`no step with ${fragment}`);
  return i;
}
