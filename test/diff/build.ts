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
import type { View, ViewColumn, MaterializedView } from '../../src/model/view.ts';
import type { FunctionArgument } from '../../src/model/function.ts';

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

// --- Triggers, policies, grants, roles, default privileges ---

import type { Trigger } from '../../src/model/trigger.ts';
import type { Policy } from '../../src/model/policy.ts';
import type { Grant, DefaultPrivilege } from '../../src/model/grant.ts';
import type { Role } from '../../src/model/role.ts';
import type { Routine } from '../../src/model/function.ts';

/** A trigger on `schema.table` (public when unqualified) calling `fn` (public when unqualified). */
export function trigger(on: string, name: string, fn: string, extra: Partial<Trigger> = {}): Trigger {
  const [schema, t] = on.includes('.') ? on.split('.') : ['public', on];
  const [fs, fname] = fn.includes('.') ? fn.split('.') : ['public', fn];
  return {
    schema: schema!,
    table: t!,
    name,
    timing: 'after',
    events: ['insert'],
    updateColumns: [],
    forEachRow: true,
    when: null,
    function: { schema: fs!, name: fname! },
    arguments: [],
    constraint: null,
    oldTable: null,
    newTable: null,
    enabled: 'origin',
    definition: '',
    comment: null,
    dependsOn: [],
    ...extra,
  };
}

export function policy(on: string, name: string, extra: Partial<Policy> = {}): Policy {
  const [schema, t] = on.includes('.') ? on.split('.') : ['public', on];
  return { schema: schema!, table: t!, name, permissive: true, command: 'all', roles: ['PUBLIC'], using: null, withCheck: null, comment: null, dependsOn: [], ...extra };
}

/** A grant on `schema.name` (public when unqualified); `objectKind` 'table' unless given. */
export function grant(on: string, grantee: string, privilege: string, extra: Partial<Grant> = {}): Grant {
  const [schema, n] = on.includes('.') ? on.split('.') : ['public', on];
  return { objectKind: 'table', schema: schema!, name: n!, arguments: null, column: null, grantee, privilege, withGrantOption: false, ...extra };
}

export function role(name: string, extra: Partial<Role> = {}): Role {
  return {
    name,
    login: false,
    superuser: false,
    createdb: false,
    createrole: false,
    inherit: true,
    replication: false,
    bypassRls: false,
    connectionLimit: -1,
    memberOf: [],
    comment: null,
    ...extra,
  };
}

export function routine(name: string, identityArguments = '', extra: Partial<Routine> = {}): Routine {
  const [schema, n] = name.includes('.') ? name.split('.') : ['public', name];
  return {
    schema: schema!,
    name: n!,
    kind: 'function',
    identityArguments,
    arguments: [],
    returns: 'integer',
    language: 'sql',
    body: 'SELECT 1',
    sqlBody: false,
    volatility: 'volatile',
    strict: false,
    securityDefiner: false,
    leakproof: false,
    parallel: 'unsafe',
    cost: '100',
    rows: '0',
    config: [],
    comment: null,
    owner: null,
    dependsOn: [],
    ...extra,
  };
}

export function defaultPrivilege(roleName: string, grantee: string, privilege: string, extra: Partial<DefaultPrivilege> = {}): DefaultPrivilege {
  return { role: roleName, schema: null, objectKind: 'tables', grantee, privilege, withGrantOption: false, ...extra };
}

/** A view `schema.name` (public when unqualified) with `name type` columns, e.g. `['id integer']`. */
export function view(name: string, definition: string, columns: string[], extra: Partial<View> = {}): View {
  const [schema, n] = name.includes('.') ? name.split('.') : ['public', name];
  return {
    schema: schema!,
    name: n!,
    columns: columns.map(viewColumn),
    definition,
    securityBarrier: false,
    securityInvoker: false,
    checkOption: null,
    comment: null,
    owner: null,
    dependsOn: [],
    ...extra,
  };
}

export function matview(name: string, definition: string, columns: string[], extra: Partial<MaterializedView> = {}): MaterializedView {
  const [schema, n] = name.includes('.') ? name.split('.') : ['public', name];
  return { schema: schema!, name: n!, columns: columns.map(viewColumn), definition, indexes: [], comment: null, owner: null, dependsOn: [], ...extra };
}

function viewColumn(spec: string): ViewColumn {
  const i = spec.indexOf(' ');
  return { name: spec.slice(0, i), type: spec.slice(i + 1), comment: null };
}

/** A routine argument: `arg('a integer')`, `arg('b text', { default: "'x'::text" })`. */
export function arg(spec: string, extra: Partial<FunctionArgument> = {}): FunctionArgument {
  const i = spec.indexOf(' ');
  return { name: spec.slice(0, i), type: spec.slice(i + 1), mode: 'in', default: null, ...extra };
}

/** USAGE on type `public.<name>` for `grantee`: PUBLIC's is what a type loaded or read at its default privileges holds. */
export function typeUsage(name: string, grantee = 'PUBLIC'): Grant {
  return { objectKind: 'type', schema: 'public', name, arguments: null, column: null, grantee, privilege: 'USAGE', withGrantOption: false };
}
