import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import type { Column } from '../../src/model/column.ts';
import { check, col, hazardKinds, index, model, sqls, table } from './build.ts';

function diffColumn(from: Column[], to: Column[], online = true) {
  return orderSteps(diffModels(model({ tables: [table('t', from)] }), model({ tables: [table('t', to)] }), { online }));
}

describe('columns', () => {
  it('adds a column with a constant or stable default without hazards', () => {
    const steps = diffColumn([col('id', 'integer')], [col('id', 'integer'), col('at', 'timestamp with time zone', { default: 'now()', notNull: true })]);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ADD COLUMN "at" timestamp with time zone DEFAULT now() NOT NULL']);
    expect(steps[0]!.hazards).toEqual([]);
  });

  it('flags a volatile default as a table rewrite', () => {
    const steps = diffColumn([col('id', 'integer')], [col('id', 'integer'), col('u', 'uuid', { default: 'gen_random_uuid()' })]);
    expect(hazardKinds(steps[0]!)).toEqual(['table_rewrite']);
  });

  it('warns that NOT NULL without a default fails on a non-empty table', () => {
    const steps = diffColumn([col('id', 'integer')], [col('id', 'integer'), col('x', 'integer', { notNull: true })]);
    expect(steps[0]!.hazards[0]!.message).toMatch(/fails if .* has any rows/);
  });

  it('drops a column with data_loss', () => {
    const steps = diffColumn([col('id', 'integer'), col('x', 'text')], [col('id', 'integer')]);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" DROP COLUMN "x"']);
    expect(hazardKinds(steps[0]!)).toEqual(['breaking_change', 'data_loss']);
  });

  it('renames a column and compares it under the new name', () => {
    const steps = diffColumn([col('a', 'integer', { default: '0' })], [col('b', 'integer', { default: '0', renamedFrom: 'a' })]);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" RENAME COLUMN "a" TO "b"']);
  });

  it('treats definitions equal after substituting a renamed column (outside literals, honouring quotes)', () => {
    const from = model({
      tables: [
        table('t', [col('a', 'integer'), col('Big', 'integer')], {
          constraints: [check('c1', '(a > 0)', { definition: "CHECK (((a > 0) AND ('a'::text <> ''::text)))" }), check('c2', '("Big" > 1)', { definition: 'CHECK (("Big" > 1))' })],
          indexes: [index('i', ['a'], { definition: 'USING btree (a, "Big")' })],
        }),
      ],
    });
    const to = model({
      tables: [
        table('t', [col('total', 'integer', { renamedFrom: 'a' }), col('small', 'integer', { renamedFrom: 'Big' })], {
          constraints: [check('c1', '(total > 0)', { definition: "CHECK (((total > 0) AND ('a'::text <> ''::text)))" }), check('c2', '(small > 1)', { definition: 'CHECK ((small > 1))' })],
          indexes: [index('i', ['total'], { definition: 'USING btree (total, small)' })],
        }),
      ],
    });
    const steps = orderSteps(diffModels(from, to));
    expect(steps.map((s) => s.operation)).toEqual(['rename', 'rename']);
  });

  it('changes defaults with SET/DROP DEFAULT', () => {
    expect(sqls(diffColumn([col('a', 'integer')], [col('a', 'integer', { default: '1' })]))).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "a" SET DEFAULT 1']);
    expect(sqls(diffColumn([col('a', 'integer', { default: '1' })], [col('a', 'integer')]))).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "a" DROP DEFAULT']);
  });

  it('sets NOT NULL online through a validated temporary check', () => {
    const steps = diffColumn([col('email', 'text')], [col('email', 'text', { notNull: true })]);
    expect(sqls(steps)).toEqual([
      'ALTER TABLE "public"."t" ADD CONSTRAINT "pgform_nn_t_email" CHECK ("email" IS NOT NULL) NOT VALID',
      'ALTER TABLE "public"."t" VALIDATE CONSTRAINT "pgform_nn_t_email"',
      'ALTER TABLE "public"."t" ALTER COLUMN "email" SET NOT NULL',
      'ALTER TABLE "public"."t" DROP CONSTRAINT "pgform_nn_t_email"',
    ]);
    expect(hazardKinds(steps[1]!)).toEqual(['validation_scan']);
  });

  it('keeps the temporary check name within 63 bytes, deterministically', () => {
    const long = 'c'.repeat(60);
    const a = diffColumn([col(long, 'text')], [col(long, 'text', { notNull: true })]);
    const b = diffColumn([col(long, 'text')], [col(long, 'text', { notNull: true })]);
    const name = /CONSTRAINT "([^"]+)"/.exec(a[0]!.sql)![1]!;
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(a[0]!.sql).toBe(b[0]!.sql);
  });

  it('sets NOT NULL plainly offline, as a long lock', () => {
    const steps = diffColumn([col('email', 'text')], [col('email', 'text', { notNull: true })], false);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "email" SET NOT NULL']);
    expect(hazardKinds(steps[0]!)).toEqual(['long_lock']);
    expect(sqls(diffColumn([col('e', 'text', { notNull: true })], [col('e', 'text')]))).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "e" DROP NOT NULL']);
  });

  it('changes types with the hazards of the change', () => {
    const change = (a: string, b: string, using?: string) => diffColumn([col('c', a)], [col('c', b, { using: using ?? null })])[0]!;
    expect(change('character varying(10)', 'character varying(20)').hazards).toEqual([]);
    expect(change('character varying(10)', 'text').hazards).toEqual([]);
    expect(change('numeric(10,2)', 'numeric(12,2)').hazards).toEqual([]);
    expect(change('character varying(20)', 'character varying(10)').sql).toBe('ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE character varying(10)');
    expect(hazardKinds(change('character varying(20)', 'character varying(10)'))).toEqual(['data_loss', 'long_lock', 'table_rewrite']);
    expect(hazardKinds(change('text', 'character varying(5)'))).toContain('data_loss');
    expect(hazardKinds(change('integer', 'bigint'))).toEqual(['long_lock', 'table_rewrite']);
    expect(hazardKinds(change('bigint', 'integer'))).toEqual(['data_loss', 'long_lock', 'table_rewrite']);
    expect(hazardKinds(change('numeric(10,2)', 'numeric(10,1)'))).toContain('data_loss');
    const withUsing = change('text', 'integer', 'c::integer');
    expect(withUsing.sql).toBe('ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE integer USING c::integer');
    expect(withUsing.reason).toBeUndefined();
    expect(change('text', 'integer').sql).toBe('ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE integer USING "c"::integer');
    expect(change('text', 'geometry').reason).toMatch(/using/);
  });

  it('drops and sets the default around a type change in one statement', () => {
    const steps = diffColumn([col('c', 'integer', { default: '0' })], [col('c', 'text', { default: "'0'::text" })]);
    expect(sqls(steps)).toEqual([`ALTER TABLE "public"."t" ALTER COLUMN "c" DROP DEFAULT, ALTER COLUMN "c" TYPE text, ALTER COLUMN "c" SET DEFAULT '0'::text`]);
  });

  it('changes identity options in one statement, and adds identity after dropping the default', () => {
    const id = { generation: 'by default' as const, start: '1', increment: '1', minValue: '1', maxValue: '2147483647', cache: '1', cycle: false };
    const steps = diffColumn([col('id', 'integer', { notNull: true, identity: id })], [col('id', 'integer', { notNull: true, identity: { ...id, generation: 'always', increment: '5' } })]);
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "id" SET GENERATED ALWAYS SET INCREMENT BY 5']);
    const add = diffColumn([col('id', 'integer', { notNull: true, default: "nextval('t_id_seq'::regclass)" })], [col('id', 'integer', { notNull: true, identity: id })]);
    expect(sqls(add)).toEqual([
      'ALTER TABLE "public"."t" ALTER COLUMN "id" DROP DEFAULT',
      'ALTER TABLE "public"."t" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1)',
    ]);
    expect(sqls(diffColumn([col('id', 'integer', { notNull: true, identity: id })], [col('id', 'integer', { notNull: true })]))).toEqual([
      'ALTER TABLE "public"."t" ALTER COLUMN "id" DROP IDENTITY',
    ]);
  });

  it('recreates a column whose generated expression changes (data_loss) and keeps an index on it', () => {
    const from = model({ tables: [table('t', [col('a', 'integer'), col('g', 'integer', { generated: '(a * 2)' })], { indexes: [index('t_g', ['g'], { definition: 'USING btree (g)' })] })] });
    const to = model({ tables: [table('t', [col('a', 'integer'), col('g', 'integer', { generated: '(a * 3)' })], { indexes: [index('t_g', ['g'], { definition: 'USING btree (g)' })] })] });
    const steps = orderSteps(diffModels(from, to));
    expect(sqls(steps)).toEqual([
      'DROP INDEX CONCURRENTLY IF EXISTS "public"."t_g"',
      'ALTER TABLE "public"."t" DROP COLUMN "g"',
      'ALTER TABLE "public"."t" ADD COLUMN "g" integer GENERATED ALWAYS AS ((a * 3)) STORED',
      'CREATE INDEX CONCURRENTLY "t_g" ON "public"."t" USING btree ("g")',
    ]);
    expect(hazardKinds(steps[1]!)).toEqual(['data_loss']);
  });

  it('changes column comments and collation', () => {
    expect(sqls(diffColumn([col('a', 'text')], [col('a', 'text', { comment: 'x' })]))).toEqual([`COMMENT ON COLUMN "public"."t"."a" IS 'x'`]);
    const coll = diffColumn([col('a', 'text')], [col('a', 'text', { collation: '"C"' })]);
    expect(sqls(coll)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE text COLLATE "C"']);
    expect(hazardKinds(coll[0]!)).toEqual(['long_lock']);
  });
});
