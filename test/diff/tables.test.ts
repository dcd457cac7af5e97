import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, check, col, fk, hazardKinds, index, model, pk, positionOf, sqls, table, unique } from './build.ts';

describe('tables', () => {
  it('creates a table with its non-FK constraints inline, unnamed ones without CONSTRAINT', () => {
    const to = model({
      tables: [
        table('t', [col('id', 'serial', { notNull: true }), col('n', 'varchar(10)', { default: "'x'" })], {
          constraints: [pk('', ['id']), check('t_n_check', "n <> ''"), unique('', ['n'])],
        }),
      ],
    });
    const steps = diffModels(emptyModel(), to);
    const create = bySql(steps, 'CREATE TABLE');
    expect(create.sql).toBe(
      'CREATE TABLE "public"."t" (\n  "id" serial NOT NULL,\n  "n" varchar(10) DEFAULT \'x\',\n  PRIMARY KEY ("id"),\n  CONSTRAINT "t_n_check" CHECK (n <> \'\'),\n  UNIQUE ("n")\n)',
    );
    expect(create.hazards).toEqual([]);
    expect(create.operation).toBe('create');
    expect(create.kind).toBe('table');
    expect(create.object).toBe('public.t');
  });

  it('adds FKs of new tables after all tables exist, plainly, so circular references work', () => {
    const to = model({
      tables: [
        table('a', [col('id', 'integer', { notNull: true }), col('b_id', 'integer')], { constraints: [pk('a_pkey', ['id']), fk('a_b_fkey', ['b_id'], 'b', ['id'])] }),
        table('b', [col('id', 'integer', { notNull: true }), col('a_id', 'integer')], { constraints: [pk('b_pkey', ['id']), fk('b_a_fkey', ['a_id'], 'a', [])] }),
      ],
    });
    const steps = orderSteps(diffModels(emptyModel(), to));
    const fkA = bySql(steps, 'ADD CONSTRAINT "a_b_fkey"');
    expect(fkA.sql).toBe('ALTER TABLE "public"."a" ADD CONSTRAINT "a_b_fkey" FOREIGN KEY ("b_id") REFERENCES "public"."b" ("id")');
    expect(bySql(steps, 'b_a_fkey').sql).toContain('REFERENCES "public"."a"');
    expect(bySql(steps, 'b_a_fkey').sql).not.toContain('NOT VALID');
    const lastTable = Math.max(positionOf(steps, 'CREATE TABLE "public"."a"'), positionOf(steps, 'CREATE TABLE "public"."b"'));
    expect(positionOf(steps, 'a_b_fkey')).toBeGreaterThan(lastTable);
    expect(positionOf(steps, 'b_a_fkey')).toBeGreaterThan(lastTable);
  });

  it('drops a table after the FKs of other tables that reference it', () => {
    const from = model({
      tables: [
        table('parent', [col('id', 'integer', { notNull: true })], { constraints: [pk('parent_pkey', ['id'])] }),
        table('child', [col('id', 'integer'), col('parent_id', 'integer')], { constraints: [fk('child_parent_id_fkey', ['parent_id'], 'parent', ['id'])] }),
      ],
    });
    const to = model({ tables: [table('child', [col('id', 'integer'), col('parent_id', 'integer')])] });
    // Input order puts the table drop first; the edges must still put the FK drop before it.
    const steps = orderSteps([...diffModels(from, to)].reverse());
    const drop = bySql(steps, 'DROP TABLE');
    expect(drop.sql).toBe('DROP TABLE "public"."parent"');
    expect(hazardKinds(drop)).toEqual(['breaking_change', 'data_loss']);
    expect(positionOf(steps, 'DROP CONSTRAINT "child_parent_id_fkey"')).toBeLessThan(positionOf(steps, 'DROP TABLE'));
  });

  it('drops two tables that reference each other by dropping their FKs first', () => {
    const from = model({
      tables: [
        table('a', [col('id', 'integer', { notNull: true }), col('b_id', 'integer')], { constraints: [pk('a_pkey', ['id']), fk('a_b_fkey', ['b_id'], 'b', ['id'])] }),
        table('b', [col('id', 'integer', { notNull: true }), col('a_id', 'integer')], { constraints: [pk('b_pkey', ['id']), fk('b_a_fkey', ['a_id'], 'a', ['id'])] }),
      ],
    });
    const steps = orderSteps(diffModels(from, model({})));
    expect(sqls(steps)).toEqual([
      'ALTER TABLE "public"."a" DROP CONSTRAINT "a_b_fkey"',
      'ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_fkey"',
      'DROP TABLE "public"."a"',
      'DROP TABLE "public"."b"',
    ]);
  });

  it('renames a table and diffs it against the desired one under its new name', () => {
    const from = model({
      tables: [table('users', [col('id', 'integer'), col('age', 'integer')], { constraints: [check('users_age_check', '(age > 0)', { definition: 'CHECK ((age > 0))' })], indexes: [index('users_age_idx', ['age'], { definition: 'USING btree (age)' })] })],
    });
    const to = model({
      tables: [
        table('people', [col('id', 'integer'), col('age', 'integer'), col('nick', 'text')], {
          renamedFrom: 'users',
          constraints: [check('users_age_check', '(age > 0)', { definition: 'CHECK ((age > 0))' })],
          indexes: [index('users_age_idx', ['age'], { definition: 'USING btree (age)' })],
        }),
      ],
    });
    const steps = orderSteps(diffModels(from, to));
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."users" RENAME TO "people"', 'ALTER TABLE "public"."people" ADD COLUMN "nick" text']);
    expect(steps[0]!.operation).toBe('rename');
  });

  it('ignores renamedFrom when the old table does not exist (already renamed)', () => {
    const t = table('people', [col('id', 'integer')]);
    const steps = diffModels(model({ tables: [t] }), model({ tables: [{ ...t, renamedFrom: 'users' }] }));
    expect(steps).toEqual([]);
  });

  it('changes table comments with COMMENT ON ... IS literal / IS NULL', () => {
    const t = table('t', [col('id', 'integer')], { comment: "it's" });
    const steps = diffModels(model({ tables: [t] }), model({ tables: [{ ...t, comment: null }] }));
    expect(sqls(steps)).toEqual(['COMMENT ON TABLE "public"."t" IS NULL']);
    const back = diffModels(model({ tables: [{ ...t, comment: null }] }), model({ tables: [t] }));
    expect(back[0]!.sql).toBe(`COMMENT ON TABLE "public"."t" IS 'it''s'`);
    expect(back[0]!.operation).toBe('comment');
  });
});
