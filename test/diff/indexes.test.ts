import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { NO_COMPRESSION, type Hypertable } from '../../src/model/timescale.ts';
import { plainFormOf } from '../../src/sql/concurrently.ts';
import { bySql, col, fk, hazardKinds, index, key, model, positionOf, sqls, table } from './build.ts';

const t = (indexes: ReturnType<typeof index>[], columns = [col('id', 'integer'), col('email', 'text')]) => table('t', columns, { indexes });

describe('indexes', () => {
  it('renders structured keys: columns quoted, expressions parenthesized once, order, opclass, include, where, with', () => {
    const i = index('i', [key('email', { descending: true, nullsFirst: false }), key('lower(email)', { opclass: 'text_pattern_ops' }), key('(upper(email))', { collation: '"C"', nullsFirst: true })], {
      unique: true,
      include: ['id'],
      where: 'id > 0',
      with: { fillfactor: '70' },
    });
    const steps = diffModels(emptyModel(), model({ tables: [t([i])] }));
    expect(bySql(steps, 'CREATE UNIQUE INDEX').sql).toBe(
      `CREATE UNIQUE INDEX "i" ON "public"."t" USING btree ("email" DESC NULLS LAST, (lower(email)) text_pattern_ops, (upper(email)) COLLATE "C" NULLS FIRST) INCLUDE ("id") WITH ("fillfactor" = '70') WHERE (id > 0)`,
    );
  });

  it('builds indexes of existing tables concurrently, outside a transaction', () => {
    const steps = diffModels(model({ tables: [t([])] }), model({ tables: [t([index('t_email_idx', ['email'])])] }));
    expect(sqls(steps)).toEqual(['CREATE INDEX CONCURRENTLY "t_email_idx" ON "public"."t" USING btree ("email")']);
    expect(steps[0]!.transactional).toBe(false);
    expect(hazardKinds(steps[0]!)).toEqual(['non_transactional']);
    expect(steps[0]!.object).toBe('public.t.t_email_idx');
  });

  it('builds indexes plainly offline (blocks writes) and on new tables (no hazard)', () => {
    const off = diffModels(model({ tables: [t([])] }), model({ tables: [t([index('i', ['email'])])] }), { online: false });
    expect(sqls(off)).toEqual(['CREATE INDEX "i" ON "public"."t" USING btree ("email")']);
    expect(hazardKinds(off[0]!)).toEqual(['blocks_writes']);
    const fresh = diffModels(emptyModel(), model({ tables: [t([index('i', ['email'])])] }));
    expect(bySql(fresh, 'CREATE INDEX').hazards).toEqual([]);
    expect(bySql(fresh, 'CREATE INDEX').transactional).toBe(true);
  });

  it('drops concurrently, and swaps a changed index in without a gap: build under a temporary name, drop, rename', () => {
    const from = model({ tables: [t([index('i', ['email'], { definition: 'USING btree (email)' })])] });
    expect(sqls(diffModels(from, model({ tables: [t([])] })))).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS "public"."i"']);
    const to = model({ tables: [t([index('i', ['id'], { definition: 'USING btree (id)', comment: 'by id' })])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(sqls(steps)).toEqual([
      'CREATE INDEX CONCURRENTLY "pgform_new_i" ON "public"."t" USING btree ("id")',
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."i"',
      'ALTER INDEX "public"."pgform_new_i" RENAME TO "i"',
      `COMMENT ON INDEX "public"."i" IS 'by id'`,
    ]);
    expect(steps.map((s) => s.transactional)).toEqual([false, false, true, true]);
  });

  it('rebuilds a changed index in place where indexes cannot be built concurrently (one transaction)', () => {
    const from = model({ tables: [t([index('i', ['email'], { definition: 'USING btree (email)' })])] });
    const to = model({ tables: [t([index('i', ['id'], { definition: 'USING btree (id)' })])] });
    const steps = orderSteps(diffModels(from, to, { online: false }));
    expect(sqls(steps)).toEqual(['DROP INDEX "public"."i"', 'CREATE INDEX "i" ON "public"."t" USING btree ("id")']);
    expect(steps.every((s) => s.transactional)).toBe(true);
  });

  it('keeps a foreign key on a swapped unique index until the replacement is built', () => {
    const parentFrom = table('p', [col('id', 'integer'), col('code', 'text')], { indexes: [index('p_code', ['code'], { unique: true, definition: 'USING btree (code)' })] });
    const parentTo = table('p', [col('id', 'integer'), col('code', 'text')], { indexes: [index('p_code', ['code'], { unique: true, with: { fillfactor: '80' }, definition: 'USING btree (code) WITH (fillfactor=80)' })] });
    const child = table('c', [col('code', 'text')], { constraints: [fk('c_code_fkey', ['code'], 'p', ['code'])] });
    const steps = orderSteps([...diffModels(model({ tables: [parentFrom, child] }), model({ tables: [parentTo, child] }))].reverse());
    const build = positionOf(steps, 'CREATE UNIQUE INDEX CONCURRENTLY "pgform_new_p_code"');
    const dropFk = positionOf(steps, 'DROP CONSTRAINT "c_code_fkey"');
    expect(build).toBeLessThan(dropFk);
    expect(dropFk).toBeLessThan(positionOf(steps, 'DROP INDEX CONCURRENTLY IF EXISTS "public"."p_code"'));
    expect(positionOf(steps, 'RENAME TO "p_code"')).toBeLessThan(positionOf(steps, 'ADD CONSTRAINT "c_code_fkey"'));
  });

  it('rebuilds an invalid live index that is desired', () => {
    const i = index('i', ['email'], { definition: 'USING btree (email)' });
    const steps = orderSteps(diffModels(model({ tables: [t([{ ...i, valid: false }])] }), model({ tables: [t([i])] })));
    expect(sqls(steps)).toEqual(['DROP INDEX CONCURRENTLY IF EXISTS "public"."i"', 'CREATE INDEX CONCURRENTLY "i" ON "public"."t" USING btree ("email")']);
    expect(steps[0]!.reason).toMatch(/invalid/);
  });

  it('leaves equal indexes alone and compares by definition when both have one', () => {
    const a = index('i', ['email'], { definition: 'USING btree (email)' });
    expect(diffModels(model({ tables: [t([a])] }), model({ tables: [t([{ ...a, comment: null, with: { fillfactor: '90' } }])] }))).toEqual([]);
    expect(diffModels(model({ tables: [t([a])] }), model({ tables: [t([{ ...a, definition: '' }])] }))).toEqual([]);
  });

  it('renames an index whose definition is unchanged', () => {
    const a = index('old', ['email'], { definition: 'USING btree (email)' });
    expect(sqls(diffModels(model({ tables: [t([a])] }), model({ tables: [t([{ ...a, name: 'new' }])] })))).toEqual(['ALTER INDEX "public"."old" RENAME TO "new"']);
  });

  it('builds an index on a new column after ADD COLUMN', () => {
    const from = model({ tables: [t([], [col('id', 'integer')])] });
    const to = model({ tables: [t([index('i', [key('lower(email)')])])] });
    // Reversed input: only the edges can put ADD COLUMN first.
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(positionOf(steps, 'ADD COLUMN "email"')).toBeLessThan(positionOf(steps, 'CREATE INDEX'));
    expect(bySql(steps, 'CREATE INDEX').requires).toContain('column:public.t.email');
    expect(bySql(steps, 'ADD COLUMN').provides).toContain('column:public.t.email');
  });

  it('comments on indexes', () => {
    const a = index('i', ['email'], { definition: 'USING btree (email)' });
    expect(sqls(diffModels(model({ tables: [t([a])] }), model({ tables: [t([{ ...a, comment: 'x' }])] })))).toEqual([`COMMENT ON INDEX "public"."i" IS 'x'`]);
  });
});

describe('transaction_per_chunk on a hypertable', () => {
  const cols = [col('ts', 'timestamp with time zone', { notNull: true }), col('v', 'integer')];
  const ht: Hypertable = { schema: 'public', table: 'm', timeColumn: 'ts', chunkInterval: '1 day', dimensions: [], compression: NO_COMPRESSION, dropAfter: null };
  const perChunk = index('m_v', ['v'], { transactionPerChunk: true, with: { fillfactor: '80' }, where: 'v > 0' });
  const before = model({ tables: [table('m', cols)], hypertables: [ht] });

  it('builds the index of an existing hypertable one chunk per transaction, outside a transaction block', () => {
    const steps = diffModels(before, model({ tables: [table('m', cols, { indexes: [perChunk] })], hypertables: [ht] }));
    expect(sqls(steps)).toEqual([
      `CREATE INDEX "m_v" ON "public"."m" USING btree ("v") WITH (timescaledb.transaction_per_chunk, "fillfactor" = '80') WHERE (v > 0)`,
    ]);
    expect(steps[0]!.transactional).toBe(false);
    expect(hazardKinds(steps[0]!)).toEqual(['blocks_writes', 'non_transactional']);
    // The hypertable itself only while its (empty) index is made; each chunk while its own is built.
    expect(steps[0]!.locks).toEqual({ duration: 'catalog', relations: [{ relation: { schema: 'public', name: 'm' }, level: 'SHARE' }] });
    // The embedded replay runs the plain form.
    expect(plainFormOf(steps[0]!.sql)).toBe(`CREATE INDEX "m_v" ON "public"."m" USING btree ("v") WITH ("fillfactor" = '80') WHERE (v > 0)`);
  });

  it('is a plain build where it cannot apply: a new table, an engine that cannot commit mid-statement, a plain table', () => {
    const fresh = diffModels(emptyModel(), model({ tables: [table('m', cols, { indexes: [perChunk] })], hypertables: [ht] }));
    expect(bySql(fresh, 'CREATE INDEX').sql).not.toContain('transaction_per_chunk');
    expect(bySql(fresh, 'CREATE INDEX').transactional).toBe(true);
    const embedded = diffModels(before, model({ tables: [table('m', cols, { indexes: [perChunk] })], hypertables: [ht] }), { online: false });
    expect(sqls(embedded)).toEqual([`CREATE INDEX "m_v" ON "public"."m" USING btree ("v") WITH ("fillfactor" = '80') WHERE (v > 0)`]);
    expect(hazardKinds(embedded[0]!)).toEqual(['blocks_writes']);
    const plain = diffModels(model({ tables: [table('m', cols)] }), model({ tables: [table('m', cols, { indexes: [perChunk] })] }));
    expect(sqls(plain)).toEqual([`CREATE INDEX CONCURRENTLY "m_v" ON "public"."m" USING btree ("v") WITH ("fillfactor" = '80') WHERE (v > 0)`]);
  });

  it('turns a table into a hypertable before building its index one chunk per transaction', () => {
    const steps = orderSteps(diffModels(model({ tables: [table('m', cols)] }), model({ tables: [table('m', cols, { indexes: [perChunk] })], hypertables: [ht] })));
    expect(steps.map((s) => s.sql.split(' ')[1])).toEqual(['create_hypertable(\'"public"."m"\'::regclass,', 'INDEX']);
    expect(steps[1]!.sql).toContain('WITH (timescaledb.transaction_per_chunk');
  });
});
