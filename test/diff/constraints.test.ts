import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, check, col, exclusion, fk, hazardKinds, model, pk, positionOf, sqls, table, unique } from './build.ts';

const parent = table('parent', [col('id', 'integer', { notNull: true })], { constraints: [pk('parent_pkey', ['id'], { definition: 'PRIMARY KEY (id)' })] });
const child = (extra: Partial<Parameters<typeof table>[2]> = {}) => table('child', [col('id', 'integer', { notNull: true }), col('parent_id', 'integer')], extra);

describe('constraints on existing tables', () => {
  it('adds an FK NOT VALID, then validates it in its own step', () => {
    const steps = orderSteps(diffModels(model({ tables: [parent, child()] }), model({ tables: [parent, child({ constraints: [fk('child_parent_id_fkey', ['parent_id'], 'parent', ['id'], { onDelete: 'set null' })] })] })));
    expect(sqls(steps)).toEqual([
      'ALTER TABLE "public"."child" ADD CONSTRAINT "child_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."parent" ("id") ON DELETE SET NULL NOT VALID',
      'ALTER TABLE "public"."child" VALIDATE CONSTRAINT "child_parent_id_fkey"',
    ]);
    expect(steps[1]!.operation).toBe('validate');
    expect(hazardKinds(steps[1]!)).toEqual(['validation_scan']);
  });

  it('adds an FK plainly offline, flagged as blocking writes', () => {
    const steps = diffModels(model({ tables: [parent, child()] }), model({ tables: [parent, child({ constraints: [fk('f', ['parent_id'], 'parent', ['id'])] })] }), { online: false });
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."child" ADD CONSTRAINT "f" FOREIGN KEY ("parent_id") REFERENCES "public"."parent" ("id")']);
    expect(hazardKinds(steps[0]!)).toEqual(['blocks_writes']);
  });

  it('adds a CHECK NOT VALID then validates it', () => {
    const steps = orderSteps(diffModels(model({ tables: [child()] }), model({ tables: [child({ constraints: [check('child_id_check', 'id > 0')] })] })));
    expect(sqls(steps)).toEqual([
      'ALTER TABLE "public"."child" ADD CONSTRAINT "child_id_check" CHECK (id > 0) NOT VALID',
      'ALTER TABLE "public"."child" VALIDATE CONSTRAINT "child_id_check"',
    ]);
  });

  it('adds UNIQUE and PRIMARY KEY through a concurrent index', () => {
    const steps = orderSteps(diffModels(model({ tables: [child()] }), model({ tables: [child({ constraints: [pk('child_pkey', ['id']), unique('child_parent_id_key', ['parent_id'], { nullsNotDistinct: true, deferrable: true })] })] })));
    expect(sqls(steps)).toEqual([
      'CREATE UNIQUE INDEX CONCURRENTLY "child_pkey" ON "public"."child" ("id")',
      'ALTER TABLE "public"."child" ADD CONSTRAINT "child_pkey" PRIMARY KEY USING INDEX "child_pkey"',
      'CREATE UNIQUE INDEX CONCURRENTLY "child_parent_id_key" ON "public"."child" ("parent_id") NULLS NOT DISTINCT',
      'ALTER TABLE "public"."child" ADD CONSTRAINT "child_parent_id_key" UNIQUE USING INDEX "child_parent_id_key" DEFERRABLE',
    ]);
    expect(steps[0]!.transactional).toBe(false);
    expect(hazardKinds(steps[0]!)).toEqual(['non_transactional']);
  });

  it('adds an exclusion constraint from its definition, blocking writes', () => {
    const steps = diffModels(model({ tables: [child()] }), model({ tables: [child({ constraints: [exclusion('child_excl', 'EXCLUDE USING gist (id WITH =)')] })] }));
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."child" ADD CONSTRAINT "child_excl" EXCLUDE USING gist (id WITH =)']);
    expect(hazardKinds(steps[0]!)).toEqual(['blocks_writes']);
  });

  it('drops and adds a changed constraint, drop first', () => {
    const from = model({ tables: [child({ constraints: [check('c', '(id > 0)', { definition: 'CHECK ((id > 0))' })] })] });
    const to = model({ tables: [child({ constraints: [check('c', 'id > 1', { definition: 'CHECK ((id > 1))' })] })] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(sqls(steps)).toEqual([
      'ALTER TABLE "public"."child" DROP CONSTRAINT "c"',
      'ALTER TABLE "public"."child" ADD CONSTRAINT "c" CHECK (id > 1) NOT VALID',
      'ALTER TABLE "public"."child" VALIDATE CONSTRAINT "c"',
    ]);
  });

  it('compares FKs by structure: an action change recreates, equal ones are left alone', () => {
    const a = fk('f', ['parent_id'], 'parent', ['id'], { definition: 'FOREIGN KEY (parent_id) REFERENCES parent(id)' });
    expect(diffModels(model({ tables: [parent, child({ constraints: [a] })] }), model({ tables: [parent, child({ constraints: [{ ...a, definition: 'other spelling' }] })] }))).toEqual([]);
    const changed = diffModels(model({ tables: [parent, child({ constraints: [a] })] }), model({ tables: [parent, child({ constraints: [{ ...a, onDelete: 'cascade' }] })] }));
    expect(changed.map((s) => s.operation).sort()).toEqual(['create', 'drop', 'validate']);
  });

  it('swaps a changed primary key onto its concurrently built index in one statement; FKs on it go after the build', () => {
    const from = model({ tables: [parent, child({ constraints: [fk('f', ['parent_id'], 'parent', ['id'])] })] });
    const newParent = table('parent', [col('id', 'integer', { notNull: true })], { constraints: [pk('parent_pkey', ['id'], { definition: 'PRIMARY KEY (id) DEFERRABLE', deferrable: true })] });
    const steps = orderSteps(diffModels(from, model({ tables: [newParent, child({ constraints: [fk('f', ['parent_id'], 'parent', ['id'])] })] })));
    const swap = 'ALTER TABLE "public"."parent" DROP CONSTRAINT "parent_pkey", ADD CONSTRAINT "parent_pkey" PRIMARY KEY USING INDEX "pgform_new_parent_pkey" DEFERRABLE';
    expect(sqls(steps)).toContain(swap);
    expect(positionOf(steps, 'CREATE UNIQUE INDEX CONCURRENTLY "pgform_new_parent_pkey"')).toBeLessThan(positionOf(steps, 'DROP CONSTRAINT "f"'));
    expect(positionOf(steps, 'DROP CONSTRAINT "f"')).toBeLessThan(positionOf(steps, swap));
    expect(positionOf(steps, swap)).toBeLessThan(positionOf(steps, 'ADD CONSTRAINT "f"'));
    const offline = sqls(orderSteps(diffModels(from, model({ tables: [newParent, child({ constraints: [fk('f', ['parent_id'], 'parent', ['id'])] })] }), { online: false })));
    expect(offline).toContain('ALTER TABLE "public"."parent" DROP CONSTRAINT "parent_pkey"');
    expect(offline.join('\n')).not.toMatch(/CONCURRENTLY|pgform_new_/);
  });

  it('renames a constraint whose definition is unchanged under a new name', () => {
    const from = model({ tables: [child({ constraints: [check('old_name', '(id > 0)', { definition: 'CHECK ((id > 0))' })] })] });
    const to = model({ tables: [child({ constraints: [check('new_name', '(id > 0)', { definition: 'CHECK ((id > 0))' })] })] });
    expect(sqls(diffModels(from, to))).toEqual(['ALTER TABLE "public"."child" RENAME CONSTRAINT "old_name" TO "new_name"']);
  });

  it('validates a live constraint that was never validated', () => {
    const c = check('c', '(id > 0)', { definition: 'CHECK ((id > 0))' });
    const steps = diffModels(model({ tables: [child({ constraints: [{ ...c, valid: false }] })] }), model({ tables: [child({ constraints: [c] })] }));
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."child" VALIDATE CONSTRAINT "c"']);
  });

  it('drops an FK before the column it uses and the referenced column', () => {
    const from = model({ tables: [parent, child({ constraints: [fk('f', ['parent_id'], 'parent', ['id'])] })] });
    const to = model({ tables: [table('parent', [col('x', 'integer')]), table('child', [col('id', 'integer', { notNull: true })])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    const dropFk = positionOf(steps, 'DROP CONSTRAINT "f"');
    expect(dropFk).toBeLessThan(positionOf(steps, 'DROP COLUMN "parent_id"'));
    expect(dropFk).toBeLessThan(positionOf(steps, 'DROP COLUMN "id"'));
    expect(positionOf(steps, 'DROP CONSTRAINT "parent_pkey"')).toBeLessThan(positionOf(steps, 'DROP COLUMN "id"'));
  });

  it('comments on constraints', () => {
    const c = check('c', '(id > 0)', { definition: 'CHECK ((id > 0))' });
    const steps = diffModels(model({ tables: [child({ constraints: [c] })] }), model({ tables: [child({ constraints: [{ ...c, comment: 'positive' }] })] }));
    expect(bySql(steps, 'COMMENT').sql).toBe(`COMMENT ON CONSTRAINT "c" ON "public"."child" IS 'positive'`);
  });
});
