import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, enumType, hazardKinds, model, positionOf, sqls, table, typeUsage } from './build.ts';

describe('enums', () => {
  it('creates an enum before the table that uses it', () => {
    const to = model({ enums: [enumType('app.mood', ['a', "b'c"])], schemas: [{ name: 'app', comment: null }], tables: [table('t', [col('m', 'app.mood[]')])] });
    const create = bySql(diffModels(emptyModel(), to), 'CREATE TYPE');
    expect(create.sql).toBe(`CREATE TYPE "app"."mood" AS ENUM ('a', 'b''c')`);
    expect(create.provides).toContain('enum:app.mood');
    // Reversed input: the edge, not the input order, decides.
    const steps = orderSteps([...diffModels(emptyModel(), to)].reverse());
    expect(positionOf(steps, 'CREATE SCHEMA')).toBeLessThan(positionOf(steps, 'CREATE TYPE'));
    expect(positionOf(steps, 'CREATE TYPE')).toBeLessThan(positionOf(steps, 'CREATE TABLE'));
    expect(bySql(steps, 'CREATE TABLE').requires).toContain('enum:app.mood');
  });

  it('adds labels in place, keeping the order, outside a transaction', () => {
    const steps = orderSteps(diffModels(model({ enums: [enumType('e', ['b', 'd'])] }), model({ enums: [enumType('e', ['a', 'b', 'c', 'd', 'e'])] })));
    expect(sqls(steps)).toEqual([
      `ALTER TYPE "public"."e" ADD VALUE IF NOT EXISTS 'a' BEFORE 'b'`,
      `ALTER TYPE "public"."e" ADD VALUE IF NOT EXISTS 'c' AFTER 'b'`,
      `ALTER TYPE "public"."e" ADD VALUE IF NOT EXISTS 'e' AFTER 'd'`,
    ]);
    expect(steps.every((s) => !s.transactional)).toBe(true);
  });

  it('sets a named owner again on a recreated enum (the new type belongs to whoever runs the plan)', () => {
    const owned = (labels: string[]) => ({ ...enumType('e', labels), owner: 'app_owner' });
    const recreated = orderSteps(diffModels(model({ enums: [owned(['x', 'y'])] }), model({ enums: [owned(['y', 'x'])] })));
    expect(sqls(recreated).slice(-1)).toEqual(['ALTER TYPE "public"."e" OWNER TO "app_owner"']);
    expect(sqls(recreated).indexOf(`CREATE TYPE "public"."e" AS ENUM ('y', 'x')`)).toBeGreaterThanOrEqual(0);
    // Labels only added: the same type, the same owner, nothing to say.
    const extended = diffModels(model({ enums: [owned(['x'])] }), model({ enums: [owned(['x', 'y'])] }));
    expect(sqls(extended).some((s) => s.includes('OWNER TO'))).toBe(false);
  });

  it('recreates the type when labels are removed: rename, create, convert columns, drop old', () => {
    const from = model({ enums: [enumType('e', ['x', 'y', 'z'])], tables: [table('t', [col('v', 'e', { default: "'x'::e" }), col('vs', 'e[]')])], grants: [typeUsage('e')] });
    const to = model({ enums: [enumType('e', ['x', 'z'])], tables: [table('t', [col('v', 'e', { default: "'x'::e" }), col('vs', 'e[]')])], grants: [typeUsage('e')] });
    const steps = orderSteps(diffModels(from, to));
    expect(sqls(steps)).toEqual([
      'ALTER TYPE "public"."e" RENAME TO "e__pgform_old"',
      `CREATE TYPE "public"."e" AS ENUM ('x', 'z')`,
      `ALTER TABLE "public"."t" ALTER COLUMN "v" DROP DEFAULT, ALTER COLUMN "v" TYPE "public"."e" USING "v"::text::"public"."e", ALTER COLUMN "v" SET DEFAULT 'x'::e`,
      'ALTER TABLE "public"."t" ALTER COLUMN "vs" TYPE "public"."e"[] USING "vs"::text[]::"public"."e"[]',
      'DROP TYPE "public"."e__pgform_old"',
    ]);
    expect(hazardKinds(steps[2]!)).toEqual(['data_loss', 'long_lock', 'table_rewrite']);
  });

  it('recreates without data_loss when labels are only reordered', () => {
    const from = model({ enums: [enumType('e', ['x', 'y'])], tables: [table('t', [col('v', 'e')])] });
    const to = model({ enums: [enumType('e', ['y', 'x'])], tables: [table('t', [col('v', 'e')])] });
    const convert = bySql(diffModels(from, to), 'USING');
    expect(hazardKinds(convert)).toEqual(['long_lock', 'table_rewrite']);
  });

  it('drops an enum after the columns that use it', () => {
    const from = model({ enums: [enumType('e', ['x'])], tables: [table('t', [col('id', 'integer'), col('v', 'e')])] });
    const to = model({ tables: [table('t', [col('id', 'integer')])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(positionOf(steps, 'DROP COLUMN "v"')).toBeLessThan(positionOf(steps, 'DROP TYPE'));
  });

  it('comments on types', () => {
    const steps = diffModels(model({ enums: [enumType('e', ['x'])] }), model({ enums: [enumType('e', ['x'], { comment: 'c' })] }));
    expect(sqls(steps)).toEqual([`COMMENT ON TYPE "public"."e" IS 'c'`]);
  });
});
