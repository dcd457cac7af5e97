import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { col, hazardKinds, model, positionOf, sqls, table } from './build.ts';

const ext = (name: string, version: string | null = null, schema: string | null = null) => ({ name, schema, version, comment: null });

describe('schemas and extensions', () => {
  it('creates schemas and extensions (schema/version only when given)', () => {
    const to = model({ schemas: [{ name: 'public', comment: null }, { name: 'x', comment: 'X' }], extensions: [ext('citext'), ext('pg_trgm', '1.6', 'x')] });
    const steps = orderSteps(diffModels(model({}), to));
    expect(sqls(steps)).toEqual([
      'CREATE SCHEMA "x"',
      'CREATE EXTENSION IF NOT EXISTS "citext"',
      `CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA "x" VERSION '1.6'`,
      `COMMENT ON SCHEMA "x" IS 'X'`,
    ]);
  });

  it('updates an extension version only when one is asked for', () => {
    expect(diffModels(model({ extensions: [ext('citext', '1.5', 'public')] }), model({ extensions: [ext('citext')] }))).toEqual([]);
    expect(sqls(diffModels(model({ extensions: [ext('citext', '1.5', 'public')] }), model({ extensions: [ext('citext', '1.6')] })))).toEqual([
      `ALTER EXTENSION "citext" UPDATE TO '1.6'`,
    ]);
  });

  it('drops a schema last, after its objects, without CASCADE', () => {
    const from = model({ schemas: [{ name: 'public', comment: null }, { name: 'old', comment: null }], tables: [table('old.t', [col('a', 'integer')])] });
    const steps = orderSteps([...diffModels(from, model({}))].reverse());
    expect(sqls(steps)).toEqual(['DROP TABLE "old"."t"', 'DROP SCHEMA "old"']);
    expect(hazardKinds(steps[0]!)).toEqual(['breaking_change', 'data_loss']);
    expect(positionOf(steps, 'DROP SCHEMA')).toBe(1);
  });

  it('never drops public', () => {
    expect(diffModels(model({}), { ...model({}), schemas: [] })).toEqual([]);
  });

  it('drops extensions with a dependency warning', () => {
    const steps = diffModels(model({ extensions: [ext('citext')] }), model({}));
    expect(sqls(steps)).toEqual(['DROP EXTENSION "citext"']);
    expect(hazardKinds(steps[0]!)).toEqual(['unchecked_dependency']);
  });
});
