import { describe, expect, it } from 'vitest';
import { castPath } from '../../src/diff/casts.ts';
import { diffModels } from '../../src/diff/index.ts';
import { UserError } from '../../src/errors.ts';
import { col, enumType, hazardKinds, model, sqls, table } from './build.ts';

const empty = model({});
const withEnums = model({ enums: [enumType('mood', ['ok', 'sad']), enumType('state', ['ok', 'gone'])] });

describe('castPath', () => {
  it('needs nothing where PostgreSQL casts by assignment', () => {
    for (const [a, b] of [['integer', 'bigint'], ['bigint', 'integer'], ['numeric(10,2)', 'integer'], ['uuid', 'text'], ['jsonb', 'character varying(20)'], ['timestamp with time zone', 'date']]) {
      expect(castPath(empty, empty, a!, b!), `${a} -> ${b}`).toEqual({ kind: 'assignment' });
    }
    expect(castPath(withEnums, withEnums, 'mood', 'text')).toEqual({ kind: 'assignment' });
  });

  it('asks for an explicit cast from strings (checked input) and for explicit-only casts (values may change)', () => {
    expect(castPath(empty, empty, 'text', 'uuid')).toEqual({ kind: 'explicit', via: 'input', checks: true });
    expect(castPath(empty, withEnums, 'character varying(10)', 'mood')).toEqual({ kind: 'explicit', via: 'input', checks: true });
    expect(castPath(empty, empty, 'text', 'integer[]')).toEqual({ kind: 'explicit', via: 'input', checks: true });
    expect(castPath(empty, empty, 'integer', 'boolean')).toEqual({ kind: 'explicit', via: 'cast', checks: false });
    expect(castPath(withEnums, withEnums, 'mood', 'state')).toEqual({ kind: 'explicit', via: 'text', checks: true });
    expect(castPath(empty, withEnums, 'text[]', 'mood[]')).toEqual({ kind: 'explicit', via: 'input', checks: true });
    expect(castPath(empty, empty, 'integer[]', 'uuid[]')).toEqual({ kind: 'none' });
  });

  it('knows when no cast exists, and leaves types it does not know to PostgreSQL', () => {
    expect(castPath(empty, empty, 'integer', 'uuid')).toEqual({ kind: 'none' });
    expect(castPath(empty, empty, 'boolean', 'date')).toEqual({ kind: 'none' });
    expect(castPath(empty, empty, 'integer', 'integer[]')).toEqual({ kind: 'none' });
    expect(castPath(empty, empty, 'text', 'geometry')).toEqual({ kind: 'unknown' });
    expect(castPath(empty, empty, 'vector(3)', 'integer')).toEqual({ kind: 'unknown' });
  });
});

describe('type changes without an automatic cast', () => {
  const change = (from: string, to: string) =>
    diffModels(model({ ...withEnums, tables: [table('t', [col('c', from)])] }), model({ ...withEnums, tables: [table('t', [col('c', to)])] }), { online: true });

  it('converts with USING col::type and names the check', () => {
    const steps = change('text', 'uuid');
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE uuid USING "c"::uuid']);
    expect(hazardKinds(steps[0]!)).toContain('validation_scan');
    expect(hazardKinds(steps[0]!)).not.toContain('data_loss');
    expect(sqls(change('mood', 'state'))).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE state USING "c"::text::state']);
    expect(hazardKinds(change('integer', 'boolean')[0]!)).toContain('data_loss');
  });

  it('refuses at plan time, with the fix, when no cast exists', () => {
    expect(() => change('integer', 'uuid')).toThrow(UserError);
    expect(() => change('integer', 'uuid')).toThrow(/no cast between them: give the column a `using` expression/);
  });

  it('uses the YAML using expression as given', () => {
    const steps = diffModels(
      model({ tables: [table('t', [col('c', 'integer')])] }),
      model({ tables: [table('t', [col('c', 'uuid', { using: "md5(c::text)::uuid" })])] }),
      { online: true },
    );
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE uuid USING md5(c::text)::uuid']);
  });
});
