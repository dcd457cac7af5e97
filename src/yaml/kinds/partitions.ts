import type { Column } from '../../model/column.ts';
import type { QualifiedName } from '../../model/names.ts';
import type { PartitionBy, PartitionColumn, PartitionRule, Table } from '../../model/table.ts';
import { isoDate, parseIsoDate, periodStart, stepPeriod } from '../../model/partition-rule.ts';
import { planDate } from '../../config/today.ts';
import { keys } from '../../model/keys.ts';
import { ident, literal } from '../../sql/quote.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, display } from '../names.ts';

/**
 * Partitioned tables in the schema files: `partition_by:` and `partitions:` inside a table.
 *
 *   partition_by: { range: [created_at] }        # or { list: [region] }, { hash: [id] }, "RANGE (created_at)"
 *   partitions:
 *     audit_logs_2025_12: { from: "2025-12-01", to: "2026-01-01" }
 *     audit_logs_eu: { in: [eu, uk] }
 *     audit_logs_p0: { modulus: 4, remainder: 0 }
 *     audit_logs_default: default
 *     monthly: { from: 2026-01, count: 12 }      # a rule: daily / monthly / yearly
 *     monthly: { premake: 3, retain: 24, default: true }   # or a rolling rule, from the plan's date
 *
 * Partitions are tables of the model with `partitionOf` and no columns of their own.
 */

type KeyItems = string | readonly string[];
export type PartitionByYaml = string | { readonly range?: KeyItems; readonly list?: KeyItems; readonly hash?: KeyItems };

type BoundScalar = string | number | boolean | null;

interface PartitionEntryYaml {
  readonly schema?: string;
  readonly from?: BoundScalar | readonly BoundScalar[];
  readonly to?: BoundScalar | readonly BoundScalar[];
  readonly in?: readonly BoundScalar[];
  readonly modulus?: number;
  readonly remainder?: number;
  readonly default?: boolean | string;
  /** The bound as SQL (`FOR VALUES ...`), when the structured forms cannot say it. */
  readonly bound?: string;
  readonly comment?: string | null;
  readonly owner?: string;
  /** Rules only. */
  readonly count?: number;
  readonly name?: string;
  /** Rolling rules only. */
  readonly premake?: number;
  readonly retain?: number;
  /** The partition's own default or NOT NULL on columns of its parent. */
  readonly columns?: Readonly<Record<string, PartitionColumnYaml>>;
}

interface PartitionColumnYaml {
  readonly default?: string | number | boolean | null;
  readonly not_null?: boolean;
}

export type PartitionsYaml = Readonly<Record<string, string | PartitionEntryYaml>>;

const STRATEGIES = ['range', 'list', 'hash'] as const;

/** The periods a generation rule can step by: the rule's key. */
export const RULE_PERIODS = ['daily', 'monthly', 'yearly'] as const;
type Period = (typeof RULE_PERIODS)[number];

const DEFAULT_NAMES: Readonly<Record<Period, string>> = {
  daily: '{table}_{yyyy}_{mm}_{dd}',
  monthly: '{table}_{yyyy}_{mm}',
  yearly: '{table}_{yyyy}',
};
const REQUIRED_PLACEHOLDERS: Readonly<Record<Period, readonly string[]>> = {
  daily: ['{yyyy}', '{mm}', '{dd}'],
  monthly: ['{yyyy}', '{mm}'],
  yearly: ['{yyyy}'],
};
const MAX_GENERATED = 1000;

/** Splits SQL text at commas outside parentheses, brackets and quotes. */
export function splitTopLevel(sql: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote !== null) {
      if (ch === quote && sql[i + 1] === quote) i++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(sql.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = sql.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

/** A key item as SQL: a column of the table is quoted, anything else is an expression written verbatim. */
function keyItemSql(item: string, columns: readonly Column[]): string {
  return columns.some((c) => c.name === item) ? ident(item) : item;
}

/** Whether a key item is meant as a column (a bare word) rather than an expression. */
function looksLikeColumn(item: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(item);
}

const PARTKEYDEF = /^\s*(RANGE|LIST|HASH)\s*\(([\s\S]*)\)\s*$/i;

/** `partition_by:` as the model's strategy and key list; null (with a problem) when it cannot be read. */
export function loadPartitionBy(ctx: LoadContext, table: Table, value: PartitionByYaml, loc: Loc): PartitionBy | null {
  let strategy: PartitionBy['strategy'];
  let items: string[];
  let itemLoc = (_i: number): Loc => valueOf(loc);
  if (typeof value === 'string') {
    const m = PARTKEYDEF.exec(value);
    if (!m) {
      ctx.problem(valueOf(loc), '`partition_by` reads `RANGE (columns)`, `LIST (...)` or `HASH (...)`, or a mapping like `{ range: [created_at] }`');
      return null;
    }
    strategy = m[1]!.toLowerCase() as PartitionBy['strategy'];
    items = splitTopLevel(m[2]!);
  } else {
    const given = STRATEGIES.filter((s) => value[s] !== undefined);
    if (given.length !== 1) {
      ctx.problem(valueOf(loc), '`partition_by` names exactly one of `range`, `list` or `hash`');
      return null;
    }
    strategy = given[0]!;
    const raw = value[strategy]!;
    items = (typeof raw === 'string' ? [raw] : [...raw]).map((s) => String(s).trim());
    if (typeof raw !== 'string') itemLoc = (i) => valueOf(below(loc, strategy, i));
    else itemLoc = () => valueOf(below(loc, strategy));
  }
  if (items.length === 0 || items.some((s) => s === '')) {
    ctx.problem(valueOf(loc), 'the partition key names at least one column or expression');
    return null;
  }
  items.forEach((item, i) => {
    if (looksLikeColumn(item) && !table.columns.some((c) => c.name === item)) {
      ctx.problem(itemLoc(i), `table \`${display(table)}\` has no column \`${item}\``);
    }
  });
  if (strategy === 'list' && items.length > 1) {
    ctx.problem(valueOf(loc), 'a LIST partition key has exactly one column or expression');
  }
  return { strategy, key: items.map((i) => keyItemSql(i, table.columns)).join(', ') };
}

/** One bound value as SQL; null when it is not a scalar a bound can hold. */
function boundValueSql(v: unknown, allowNull: boolean): string | null {
  if (typeof v === 'string') return /^(minvalue|maxvalue)$/i.test(v.trim()) ? v.trim().toUpperCase() : literal(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null && allowNull) return 'NULL';
  return null;
}

interface PartitionSpec {
  readonly name: string;
  readonly schema: string;
  readonly bound: string;
  readonly comment: string | null;
  readonly owner: string | null;
  readonly columns?: readonly PartitionColumn[];
  readonly loc: Loc;
}

const asList = (v: BoundScalar | readonly BoundScalar[] | undefined): readonly BoundScalar[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly BoundScalar[]) : [v as BoundScalar];

/** The bound of one declared partition, or null (with a problem). */
function boundOf(ctx: LoadContext, by: PartitionBy, keyCount: number, v: string | PartitionEntryYaml, loc: Loc): string | null {
  if (typeof v === 'string') {
    if (/^\s*default\s*$/i.test(v)) return by.strategy === 'hash' ? hashDefault(ctx, loc) : 'DEFAULT';
    if (/^\s*FOR\s+VALUES\b/i.test(v)) return v.trim();
    ctx.problem(valueOf(loc), 'a partition is `default`, `FOR VALUES ...`, or a mapping with `from`/`to`, `in`, or `modulus`/`remainder`');
    return null;
  }
  const forms = [v.from !== undefined || v.to !== undefined, v.in !== undefined, v.modulus !== undefined || v.remainder !== undefined, v.default === true, v.bound !== undefined];
  if (forms.filter(Boolean).length !== 1) {
    ctx.problem(loc, 'a partition has one bound: `from` and `to`, `in`, `modulus` and `remainder`, `default: true`, or `bound`');
    return null;
  }
  if (v.bound !== undefined) return boundOf(ctx, by, keyCount, v.bound, below(loc, 'bound'));
  if (v.default === true) return by.strategy === 'hash' ? hashDefault(ctx, loc) : 'DEFAULT';
  const wrong = (form: string, strategy: string) => {
    ctx.problem(loc, `\`${form}\` bounds belong to ${strategy} partitioning; this table is partitioned by ${by.strategy.toUpperCase()}`);
    return null;
  };
  if (forms[0]) {
    if (by.strategy !== 'range') return wrong('from/to', 'RANGE');
    const sides: string[] = [];
    for (const side of ['from', 'to'] as const) {
      const values = asList(v[side]);
      if (v[side] === undefined) {
        ctx.problem(loc, `a range partition needs \`${side}\``);
        return null;
      }
      if (values.length !== keyCount) {
        ctx.problem(valueOf(below(loc, side)), `the partition key has ${keyCount} item(s); \`${side}\` gives ${values.length}`);
        return null;
      }
      const sql = values.map((x) => boundValueSql(x, false));
      if (sql.some((s) => s === null)) {
        ctx.problem(valueOf(below(loc, side)), 'bound values are strings, numbers, booleans, MINVALUE or MAXVALUE');
        return null;
      }
      sides.push(sql.join(', '));
    }
    return `FOR VALUES FROM (${sides[0]}) TO (${sides[1]})`;
  }
  if (forms[1]) {
    if (by.strategy !== 'list') return wrong('in', 'LIST');
    const values = v.in ?? [];
    const sql = values.map((x) => boundValueSql(x, true));
    if (values.length === 0 || sql.some((s) => s === null)) {
      ctx.problem(valueOf(below(loc, 'in')), '`in` lists at least one value: strings, numbers, booleans or null');
      return null;
    }
    return `FOR VALUES IN (${sql.join(', ')})`;
  }
  if (by.strategy !== 'hash') return wrong('modulus/remainder', 'HASH');
  const { modulus, remainder } = v;
  if (!Number.isInteger(modulus) || !Number.isInteger(remainder) || modulus! < 1 || remainder! < 0 || remainder! >= modulus!) {
    ctx.problem(loc, 'a hash partition needs integers `modulus` (1 or more) and `remainder` (0 to modulus - 1)');
    return null;
  }
  return `FOR VALUES WITH (MODULUS ${modulus}, REMAINDER ${remainder})`;
}

function hashDefault(ctx: LoadContext, loc: Loc): null {
  ctx.problem(valueOf(loc), 'a HASH partitioned table cannot have a default partition');
  return null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The first day of the rule's first period, from `from` (`2026-01`, `2026-01-01`, `2026`), or null. */
function ruleStart(period: Period, from: unknown): Date | null {
  const text = String(from ?? '').trim();
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (period === 'monthly' && (m[2] === undefined || day !== 1)) return null;
  if (period === 'yearly' && (month !== 1 || day !== 1)) return null;
  if (period === 'daily' && m[3] === undefined) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCDate() === day ? d : null;
}


/** A generated partition: its name and its `from`/`to` dates. */
export interface GeneratedPartition {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The partitions a rule stands for: `count` consecutive periods from `from`, named by the
 * template (`{table}`, `{yyyy}`, `{mm}`, `{dd}`). Pure; the caller validates the inputs first.
 */
export function generatePartitions(table: string, period: Period, start: Date, count: number, template: string): GeneratedPartition[] {
  const out: GeneratedPartition[] = [];
  for (let i = 0; i < count; i++) {
    const from = stepPeriod(period, start, i);
    const to = stepPeriod(period, start, i + 1);
    const name = template
      .replaceAll('{table}', table)
      .replaceAll('{yyyy}', pad(from.getUTCFullYear(), 4))
      .replaceAll('{mm}', pad(from.getUTCMonth() + 1, 2))
      .replaceAll('{dd}', pad(from.getUTCDate(), 2));
    out.push({ name, from: isoDate(from), to: isoDate(to) });
  }
  return out;
}

/** Checks shared by fixed and rolling rules: the period (the entry's key) and a one-column RANGE key. */
function rulePeriod(ctx: LoadContext, by: PartitionBy, keyCount: number, key: string, loc: Loc): Period | null {
  if (!(RULE_PERIODS as readonly string[]).includes(key)) {
    ctx.problem(loc, `a partition rule (an entry with \`count\` or \`premake\`) is named by its period: ${RULE_PERIODS.join(', ')}`);
    return null;
  }
  if (by.strategy !== 'range' || keyCount !== 1) {
    ctx.problem(loc, 'a partition rule generates RANGE partitions over one date or timestamp column');
    return null;
  }
  return key as Period;
}

/** The name template of a rule, or null (with a problem) when its names would repeat. */
function ruleTemplate(ctx: LoadContext, period: Period, v: PartitionEntryYaml, loc: Loc): string | null {
  const template = v.name ?? DEFAULT_NAMES[period];
  const missing = REQUIRED_PLACEHOLDERS[period].filter((p) => !template.includes(p));
  if (missing.length > 0) {
    ctx.problem(valueOf(below(loc, 'name')), `the name of a ${period} rule must contain ${missing.join(' and ')}, or the partitions' names would repeat`);
    return null;
  }
  return template;
}

/** A whole number from 0 to MAX_GENERATED at `key` of a rule, or null (with a problem). */
function ruleCount(ctx: LoadContext, v: PartitionEntryYaml, key: 'premake' | 'retain', loc: Loc): number | null {
  const n = v[key];
  if (!Number.isInteger(n) || n! < 0 || n! > MAX_GENERATED) {
    ctx.problem(valueOf(below(loc, key)), `\`${key}\` is a whole number from 0 to ${MAX_GENERATED}`);
    return null;
  }
  return n!;
}

/**
 * A rolling rule: the partitions of the current period (of the plan's date) and `premake` after
 * it, and a default partition when asked. Live partitions still within `retain` are kept by the
 * plan (see src/workflow/rolling-partitions.ts), so the rule itself goes on the parent.
 */
function loadRollingRule(ctx: LoadContext, table: QualifiedName, by: PartitionBy, keyCount: number, key: string, v: PartitionEntryYaml, loc: Loc): { specs: PartitionSpec[]; rule: PartitionRule | null } {
  const none = { specs: [], rule: null };
  const period = rulePeriod(ctx, by, keyCount, key, loc);
  if (period === null) return none;
  const extra = Object.keys(v).filter((k) => !['premake', 'retain', 'default', 'name', 'comment', 'owner', 'schema'].includes(k));
  if (extra.length > 0) {
    ctx.problem(below(loc, extra[0]!), `a rolling partition rule takes \`premake\`, \`retain\`, \`default\` and \`name\`, not \`${extra[0]}\``);
    return none;
  }
  const premake = ruleCount(ctx, v, 'premake', loc);
  const retain = v.retain === undefined ? null : ruleCount(ctx, v, 'retain', loc);
  const template = ruleTemplate(ctx, period, v, loc);
  if (premake === null || (v.retain !== undefined && retain === null) || template === null) return none;
  if (v.default !== undefined && v.default !== true && (typeof v.default !== 'string' || v.default.trim() === '')) {
    ctx.problem(valueOf(below(loc, 'default')), '`default` of a rolling rule is `true` (a partition named `{table}_default`) or the default partition\'s name');
    return none;
  }
  const today = planDate();
  const start = periodStart(period, parseIsoDate(today)!);
  const schema = v.schema ?? table.schema;
  const common = { schema, comment: v.comment ?? null, owner: v.owner ?? null, loc };
  const specs: PartitionSpec[] = generatePartitions(table.name, period, start, premake + 1, template).map((g) => ({
    ...common,
    name: g.name,
    bound: `FOR VALUES FROM (${literal(g.from)}) TO (${literal(g.to)})`,
  }));
  if (v.default !== undefined) {
    const name = v.default === true ? `${table.name}_default` : (v.default as string).trim();
    specs.push({ ...common, name, bound: 'DEFAULT', loc: v.default === true ? loc : valueOf(below(loc, 'default')) });
  }
  return { specs, rule: { period, premake, retain, today: isoDate(parseIsoDate(today)!) } };
}

function loadRule(ctx: LoadContext, table: QualifiedName, by: PartitionBy, keyCount: number, key: string, v: PartitionEntryYaml, loc: Loc): PartitionSpec[] {
  const period = rulePeriod(ctx, by, keyCount, key, loc);
  if (period === null) return [];
  const extra = Object.keys(v).filter((k) => !['from', 'count', 'name', 'comment', 'owner', 'schema'].includes(k));
  if (extra.length > 0) ctx.problem(below(loc, extra[0]!), `a partition rule takes \`from\`, \`count\` and \`name\`, not \`${extra[0]}\``);
  const start = ruleStart(period, v.from);
  if (start === null) {
    const example = { daily: '2026-01-15', monthly: '2026-01', yearly: '2026' }[period];
    ctx.problem(valueOf(below(loc, 'from')), `\`from\` of a ${period} rule is the first period, like \`${example}\``);
    return [];
  }
  const count = v.count!;
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED) {
    ctx.problem(valueOf(below(loc, 'count')), `\`count\` is a whole number from 1 to ${MAX_GENERATED}`);
    return [];
  }
  const template = ruleTemplate(ctx, period, v, loc);
  if (template === null) return [];
  return generatePartitions(table.name, period, start, count, template).map((g) => ({
    name: g.name,
    schema: v.schema ?? table.schema,
    bound: `FOR VALUES FROM (${literal(g.from)}) TO (${literal(g.to)})`,
    comment: v.comment ?? null,
    owner: v.owner ?? null,
    loc,
  }));
}

/**
 * `partitions:` of a partitioned table as model tables (declared, located, pushed into the model).
 * `parentOwner` is the owner partitions get when they name none.
 */
export function loadPartitions(ctx: LoadContext, parent: Table, value: PartitionsYaml, loc: Loc): PartitionRule | null {
  const by = parent.partitionBy;
  if (!by) {
    ctx.problem(loc, `table \`${display(parent)}\` declares partitions but no \`partition_by\``);
    return null;
  }
  const keyCount = splitTopLevel(by.key).length;
  const specs: PartitionSpec[] = [];
  let rule: PartitionRule | null = null;
  for (const [key, v] of Object.entries(value ?? {})) {
    const entryLoc = below(loc, key);
    if (v !== null && typeof v === 'object' && (v as PartitionEntryYaml).premake !== undefined) {
      if (rule !== null) {
        ctx.problem(entryLoc, `table \`${display(parent)}\` already has a rolling partition rule`);
        continue;
      }
      const rolling = loadRollingRule(ctx, parent, by, keyCount, key, v as PartitionEntryYaml, entryLoc);
      specs.push(...rolling.specs);
      rule = rolling.rule;
      continue;
    }
    if (v !== null && typeof v === 'object' && (v as PartitionEntryYaml).count !== undefined) {
      specs.push(...loadRule(ctx, parent, by, keyCount, key, v as PartitionEntryYaml, entryLoc));
      continue;
    }
    const bound = boundOf(ctx, by, keyCount, v as string | PartitionEntryYaml, entryLoc);
    if (bound === null) continue;
    const entry = typeof v === 'object' && v !== null ? (v as PartitionEntryYaml) : {};
    const columns = entry.columns === undefined ? [] : loadPartitionColumns(ctx, parent, entry.columns, below(entryLoc, 'columns'));
    specs.push({
      name: key,
      schema: entry.schema ?? parent.schema,
      bound,
      comment: entry.comment ?? null,
      owner: entry.owner ?? null,
      ...(columns.length > 0 ? { columns } : {}),
      loc: entryLoc,
    });
  }
  let defaults = 0;
  for (const s of specs) {
    checkIdentifier(ctx, s.name, s.loc);
    if (s.bound === 'DEFAULT' && ++defaults === 2) ctx.problem(s.loc, `table \`${display(parent)}\` already has a default partition`);
    const qn = { schema: s.schema, name: s.name };
    if (!ctx.declare(keys.table(qn.schema, qn.name), `table \`${display(qn)}\``, s.loc)) continue;
    const partition: Table = {
      schema: s.schema,
      name: s.name,
      columns: [],
      constraints: [],
      indexes: [],
      comment: s.comment,
      rowSecurity: false,
      forceRowSecurity: false,
      owner: s.owner ?? parent.owner,
      partitionOf: { schema: parent.schema, table: parent.name, bound: s.bound },
      ...(s.columns ? { partitionColumns: s.columns } : {}),
    };
    ctx.mark(partition, s.loc);
    ctx.model.tables.push(partition);
  }
  return rule;
}

/**
 * `columns:` of a declared partition: a default of its own (`default: null` for none where the
 * parent has one) or `not_null: true`, on columns its parent has.
 */
function loadPartitionColumns(ctx: LoadContext, parent: Table, value: Readonly<Record<string, PartitionColumnYaml>>, loc: Loc): PartitionColumn[] {
  const out: PartitionColumn[] = [];
  for (const [name, v] of Object.entries(value ?? {})) {
    const at = below(loc, name);
    const column = parent.columns.find((c) => c.name === name);
    if (!column) {
      ctx.problem(at, `table \`${display(parent)}\` has no column \`${name}\``);
      continue;
    }
    if (column.identity !== null || column.generated !== null) {
      ctx.problem(at, `\`${name}\` is ${column.identity !== null ? 'an identity' : 'a generated'} column: a partition takes it from its parent as it is`);
      continue;
    }
    const own: { name: string; default?: string | null; notNull?: boolean } = { name };
    if (v !== null && typeof v === 'object' && 'default' in v) own.default = v.default === null || v.default === undefined ? null : String(v.default);
    if (v?.not_null === true) own.notNull = true;
    if (own.default === undefined && own.notNull === undefined) {
      ctx.problem(at, 'a partition column sets `default` (null for none) or `not_null: true`');
      continue;
    }
    out.push(own);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Partitioned tables: a unique constraint or primary key includes every partition key column. */
export function checkPartitionedKeys(ctx: LoadContext, t: Table): void {
  const by = t.partitionBy;
  if (!by) return;
  const keyColumns = splitTopLevel(by.key).filter((k) => /^"(?:[^"]|"")+"$/.test(k)).map((k) => k.slice(1, -1).replace(/""/g, '"'));
  for (const c of t.constraints) {
    if (c.kind !== 'primary_key' && c.kind !== 'unique') continue;
    const missing = keyColumns.filter((k) => !c.columns.includes(k));
    if (missing.length > 0) {
      const at = ctx.tryLocOf(c) ?? ctx.locOf(t);
      const what = c.kind === 'primary_key' ? 'the primary key' : `unique constraint${c.name ? ` \`${c.name}\`` : ''}`;
      ctx.problem(at, `${what} of partitioned table \`${display(t)}\` must include the partition key column(s) ${missing.map((m) => `\`${m}\``).join(', ')}`);
    }
  }
}
