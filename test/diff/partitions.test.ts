import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { modelOf } from '../../src/model/database.ts';
import type { Table } from '../../src/model/table.ts';
import type { Index } from '../../src/model/index.ts';
import { UserError } from '../../src/errors.ts';

const col = (name: string, type: string) => ({ name, type, notNull: true, default: null, identity: null, generated: null, collation: null, comment: null });
const base = { constraints: [], indexes: [], comment: null, rowSecurity: false, forceRowSecurity: false, owner: null };

const logs = (extra: Partial<Table> = {}): Table => ({
  schema: 'public', name: 'logs', ...base,
  columns: [col('id', 'bigint'), col('at', 'date')],
  partitionBy: { strategy: 'range', key: 'at' },
  ...extra,
});
const part = (name: string, bound: string): Table => ({ schema: 'public', name, ...base, columns: [], partitionOf: { schema: 'public', table: 'logs', bound } });
const jan = part('logs_2026_01', "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')");
const feb = part('logs_2026_02', "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')");
const dflt = part('logs_default', 'DEFAULT');

const plan = (from: Table[], to: Table[]) => orderSteps(diffModels(modelOf({ tables: from }), modelOf({ tables: to })));

describe('partition diff', () => {
  it('creates the parent with PARTITION BY before its partitions, which have no column list', () => {
    const steps = plan([], [jan, logs()]);
    expect(steps.map((s) => s.sql)).toEqual([
      'CREATE TABLE "public"."logs" (\n  "id" bigint NOT NULL,\n  "at" date NOT NULL\n) PARTITION BY RANGE (at)',
      `CREATE TABLE "public"."logs_2026_01" PARTITION OF "public"."logs" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`,
    ]);
  });

  it('adds a partition to an existing parent without hazard, or with long_lock when a default partition is scanned', () => {
    const [plain] = plan([logs(), jan], [logs(), jan, feb]);
    expect(plain!.hazards).toEqual([]);
    expect(plain!.reason).toContain('ACCESS EXCLUSIVE');
    const [scanned] = plan([logs(), jan, dflt], [logs(), jan, dflt, feb]);
    expect(scanned!.hazards.map((h) => h.kind)).toEqual(['long_lock']);
    expect(scanned!.hazards[0]!.message).toContain('public.logs_default');
  });

  it('detaches a removed partition before dropping it, naming the rows that leave the parent', () => {
    const steps = plan([logs(), jan, feb], [logs(), feb]);
    expect(steps.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."logs" DETACH PARTITION "public"."logs_2026_01"', 'DROP TABLE "public"."logs_2026_01"']);
    expect(steps[0]!.hazards).toEqual([{ kind: 'data_loss', message: 'rows of public.logs_2026_01 leave public.logs (the partition is then dropped)' }]);
  });

  it('drops partitions before their dropped parent, without detaching', () => {
    const steps = plan([jan, logs()], []);
    expect(steps.map((s) => s.sql)).toEqual(['DROP TABLE "public"."logs_2026_01"', 'DROP TABLE "public"."logs"']);
  });

  it('moves bounds by detaching every moved partition before attaching any', () => {
    const jan2 = part('logs_2026_01', "FOR VALUES FROM ('2026-01-01') TO ('2026-02-15')");
    const feb2 = part('logs_2026_02', "FOR VALUES FROM ('2026-02-15') TO ('2026-03-01')");
    const sql = plan([logs(), jan, feb], [logs(), jan2, feb2]).map((s) => s.sql.split(' FOR VALUES')[0]);
    expect(sql.slice(0, 2).every((s) => s!.includes('DETACH'))).toBe(true);
    expect(sql.slice(2).every((s) => s!.includes('ATTACH'))).toBe(true);
    expect(sql).toHaveLength(4);
  });

  it('builds an index on an existing partitioned table without CONCURRENTLY', () => {
    const idx: Index = {
      name: 'logs_at_idx', unique: false, method: 'btree', include: [], where: null, with: {}, nullsNotDistinct: false,
      keys: [{ expression: 'at', isColumn: true, opclass: null, descending: false, nullsFirst: false, collation: null }],
      comment: null, valid: true, definition: '',
    } as Index;
    const [s] = plan([logs(), jan], [logs({ indexes: [idx] }), jan]);
    expect(s!.sql).toMatch(/^CREATE INDEX "logs_at_idx" ON "public"."logs"/);
    expect(s!.transactional).toBe(true);
    expect(s!.hazards.map((h) => h.kind)).toEqual(['blocks_writes']);
  });

  it('swaps a changed index of a partitioned table in, built plainly under a temporary name first: no moment without it', () => {
    const idx = (unique: boolean): Index => ({
      name: 'logs_at_idx', unique, method: 'btree', include: [], where: null, with: {}, nullsNotDistinct: false,
      keys: [{ expression: 'at', isColumn: true, opclass: null, descending: false, nullsFirst: false, collation: null }, ...(unique ? [{ expression: 'id', isColumn: true, opclass: null, descending: false, nullsFirst: false, collation: null }] : [])],
      comment: null, valid: true, definition: '',
    }) as Index;
    const steps = plan([logs({ indexes: [idx(false)] }), jan], [logs({ indexes: [idx(true)] }), jan]);
    expect(steps.map((s) => s.sql)).toEqual([
      'CREATE UNIQUE INDEX "pgform_new_logs_at_idx" ON "public"."logs" USING btree ("at", "id")',
      'DROP INDEX "public"."logs_at_idx"',
      'ALTER INDEX "public"."pgform_new_logs_at_idx" RENAME TO "logs_at_idx"',
    ]);
    expect(steps.every((s) => s.transactional)).toBe(true);
    // Offline (one session), the plain drop and build.
    const offline = orderSteps(diffModels(modelOf({ tables: [logs({ indexes: [idx(false)] }), jan] }), modelOf({ tables: [logs({ indexes: [idx(true)] }), jan] }), { online: false }));
    expect(offline.map((s) => s.sql.split(' ').slice(0, 3).join(' '))).toEqual(['DROP INDEX "public"."logs_at_idx"', 'CREATE UNIQUE INDEX']);
  });

  it('replaces a table that becomes partitioned (guarded by CHECK (false)) or stops being partitioned (after its partitions go)', () => {
    const ordinary = logs({ partitionBy: undefined });
    const up = plan([ordinary], [logs(), jan]);
    expect(up.map((s) => s.sql.split(' (\n')[0])).toEqual([
      'ALTER TABLE "public"."logs" ADD CONSTRAINT "pgform_replaced_must_be_empty" CHECK (false)',
      'DROP TABLE "public"."logs"',
      'CREATE TABLE "public"."logs"',
      `CREATE TABLE "public"."logs_2026_01" PARTITION OF "public"."logs" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`,
    ]);
    expect(up.flatMap((s) => s.hazards)).toEqual([]);
    expect(up[1]!.reason).toMatch(/becomes partitioned, which PostgreSQL cannot do in place: it is dropped \(empty, checked\)/);
    // Stopped after the guard and planned again: the guard is there already.
    const guard = { kind: 'check' as const, name: 'pgform_replaced_must_be_empty', expression: 'false', definition: 'CHECK (false)', noInherit: false, deferrable: false, initiallyDeferred: false, valid: true, comment: null };
    expect(plan([logs({ partitionBy: undefined, constraints: [guard] })], [logs(), jan]).map((s) => s.sql.split(' (\n')[0]).slice(0, 2)).toEqual(['DROP TABLE "public"."logs"', 'CREATE TABLE "public"."logs"']);
    const down = plan([logs(), jan, feb], [ordinary]);
    expect(down.map((s) => s.sql.split(' (\n')[0])).toEqual(['DROP TABLE "public"."logs_2026_01"', 'DROP TABLE "public"."logs_2026_02"', 'DROP TABLE "public"."logs"', 'CREATE TABLE "public"."logs"']);
    expect(down[2]!.hazards).toEqual([]);
    expect(down[0]!.hazards.map((h) => h.kind)).toContain('data_loss');
  });

  it('refuses to replace a table others need while it goes, and to change a partition key', () => {
    const ordinary = logs({ partitionBy: undefined });
    const fk = {
      kind: 'foreign_key' as const, name: 'notes_log_fk', columns: ['log_id'], references: { schema: 'public', table: 'logs', columns: ['id'] },
      onDelete: 'no_action' as const, onUpdate: 'no_action' as const, match: 'simple' as const, deferrable: false, initiallyDeferred: false, valid: true, comment: null,
    };
    const notes: Table = { schema: 'public', name: 'notes', ...base, columns: [col('log_id', 'bigint')], constraints: [fk] as unknown as Table['constraints'] };
    expect(() => plan([ordinary, notes], [logs(), notes])).toThrow(UserError);
    expect(() => plan([ordinary, notes], [logs(), notes])).toThrow(/would become a partitioned table.*foreign keys reference it \(public\.notes\.notes_log_fk\)/);
    const view = { schema: 'public', name: 'recent', columns: [{ name: 'id', type: 'bigint' }], definition: 'SELECT id FROM logs', dependsOn: ['table:public.logs'] };
    const withView = (m: ReturnType<typeof modelOf>) => ({ ...m, views: [view] as unknown as ReturnType<typeof modelOf>['views'] });
    expect(() => diffModels(withView(modelOf({ tables: [logs()] })), withView(modelOf({ tables: [ordinary] })))).toThrow(/would become an ordinary table.*public\.recent uses it/);
    const policy = { schema: 'public', table: 'notes', name: 'notes_of_logs', permissive: true, command: 'all' as const, roles: ['PUBLIC'], using: '(EXISTS (SELECT 1 FROM logs))', withCheck: null, comment: null, dependsOn: ['table:public.logs'] };
    const withPolicy = (m: ReturnType<typeof modelOf>) => ({ ...m, policies: [policy] });
    const notesAlone: Table = { schema: 'public', name: 'notes', ...base, columns: [col('log_id', 'bigint')] };
    expect(() => diffModels(withPolicy(modelOf({ tables: [logs(), notesAlone] })), withPolicy(modelOf({ tables: [ordinary, notesAlone] })))).toThrow(
      /policy notes_of_logs on public\.notes uses it/,
    );
    expect(() => plan([logs()], [logs({ partitionBy: { strategy: 'list', key: 'at' } })])).toThrow(/cannot change a partition key/);
  });

  it('detaches a partition the YAML declares as an ordinary table before its parent changes, and diffs the table it becomes', () => {
    const check = {
      kind: 'check' as const, name: 'logs_at_check', expression: "(at > '2000-01-01'::date)", definition: "CHECK ((at > '2000-01-01'::date))",
      noInherit: false, deferrable: false, initiallyDeferred: false, valid: true, comment: null,
    };
    const parent = logs({ constraints: [check] });
    const grown = logs({ constraints: [check], columns: [col('id', 'bigint'), col('at', 'date'), col('note', 'text')] });
    // February as a table of its own: the parent's columns and check (under its own name), no new column.
    const alone: Table = { schema: 'public', name: 'logs_2026_02', ...base, columns: [col('id', 'bigint'), col('at', 'date')], constraints: [{ ...check, name: 'feb_at_check' }] };
    const steps = plan([parent, jan, feb], [grown, jan, alone]);
    expect(steps.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."logs" DETACH PARTITION "public"."logs_2026_02"',
      'ALTER TABLE "public"."logs_2026_02" RENAME CONSTRAINT "logs_at_check" TO "feb_at_check"',
      'ALTER TABLE "public"."logs" ADD COLUMN "note" text NOT NULL',
    ]);
    expect(steps[0]!.hazards.map((h) => h.kind)).toEqual(['breaking_change']);
  });

  it('refuses to detach a partition into an ordinary table when PostgreSQL named its copies of the parent\'s index itself', () => {
    const idx: Index = {
      name: 'logs_at_idx', unique: false, method: 'btree', keys: [{ expression: 'at', isColumn: true, opclass: null, descending: false, nullsFirst: false, collation: null }],
      include: [], where: null, with: {}, nullsNotDistinct: false, definition: 'CREATE INDEX logs_at_idx ON public.logs USING btree (at)', valid: true, comment: null,
    };
    const alone: Table = { schema: 'public', name: 'logs_2026_02', ...base, columns: [col('id', 'bigint'), col('at', 'date')] };
    expect(() => plan([logs({ indexes: [idx] }), feb], [logs({ indexes: [idx] }), alone])).toThrow(UserError);
    expect(() => plan([logs({ indexes: [idx] }), feb], [logs({ indexes: [idx] }), alone])).toThrow(
      /public\.logs has indexes, whose copies on public\.logs_2026_02 PostgreSQL named itself\. Detach it first \(ALTER TABLE public\.logs DETACH PARTITION public\.logs_2026_02\), then plan again/,
    );
  });

  describe('a partition\'s own defaults and NOT NULLs', () => {
    const withDefault = (d: string | null) => ({ ...col('note', 'text'), notNull: false, default: d });
    const parent = (d: string | null, notNull = false) => logs({ columns: [col('id', 'bigint'), col('at', 'date'), { ...withDefault(d), notNull }] });
    const own = (cols: Table['partitionColumns']) => ({ ...jan, partitionColumns: cols });

    it('creates a partition with them in its column list', () => {
      const steps = plan([parent(null), dflt], [parent(null), dflt, own([{ name: 'note', default: "'x'", notNull: true }])]);
      expect(steps.map((s) => s.sql)).toEqual([
        `CREATE TABLE "public"."logs_2026_01" PARTITION OF "public"."logs" (\n  "note" DEFAULT 'x' NOT NULL\n) FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`,
      ]);
    });

    it('sets its own default again after the parent\'s new default has reached it', () => {
      const sql = plan([parent("'a'"), own([{ name: 'note', default: "'x'" }])], [parent("'b'"), own([{ name: 'note', default: "'x'" }])]).map((s) => s.sql);
      expect(sql).toEqual([
        `ALTER TABLE "public"."logs" ALTER COLUMN "note" SET DEFAULT 'b'`,
        `ALTER TABLE "public"."logs_2026_01" ALTER COLUMN "note" SET DEFAULT 'x'`,
      ]);
    });

    it('needs no step where the parent\'s change gives the partition what it declares', () => {
      expect(plan([parent("'a'"), own([{ name: 'note', default: "'x'" }])], [parent("'x'"), jan]).map((s) => s.sql)).toEqual([
        `ALTER TABLE "public"."logs" ALTER COLUMN "note" SET DEFAULT 'x'`,
      ]);
    });

    it('takes the parent\'s default back, or none, when its own goes', () => {
      expect(plan([parent("'a'"), own([{ name: 'note', default: null }])], [parent("'a'"), jan]).map((s) => s.sql)).toEqual([
        `ALTER TABLE "public"."logs_2026_01" ALTER COLUMN "note" SET DEFAULT 'a'`,
      ]);
      expect(plan([parent(null), own([{ name: 'note', default: "'x'" }])], [parent(null), jan]).map((s) => s.sql)).toEqual([
        'ALTER TABLE "public"."logs_2026_01" ALTER COLUMN "note" DROP DEFAULT',
      ]);
    });

    it('keeps its own NOT NULL after the parent drops its own, and creates a new one only after that drop', () => {
      const sql = plan([parent(null, true), jan], [parent(null, false), own([{ name: 'note', notNull: true }]), { ...feb, partitionColumns: [{ name: 'note', notNull: true }] }]).map((s) => s.sql);
      const dropAt = sql.indexOf('ALTER TABLE "public"."logs" ALTER COLUMN "note" DROP NOT NULL');
      expect(dropAt).toBe(0);
      expect(sql.slice(1).some((s) => s.startsWith('ALTER TABLE "public"."logs_2026_01" ALTER COLUMN "note" SET NOT NULL'))).toBe(true);
      expect(sql.slice(1).some((s) => s.startsWith('CREATE TABLE "public"."logs_2026_02" PARTITION OF "public"."logs" (\n  "note" NOT NULL'))).toBe(true);
    });
  });
});

