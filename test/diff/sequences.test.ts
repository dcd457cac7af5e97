import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { bySql, col, hazardKinds, model, positionOf, sequence, sqls, table } from './build.ts';

const owned = sequence('t_id_seq', { dataType: 'integer', maxValue: '2147483647', ownedBy: { schema: 'public', table: 't', column: 'id' } });
const tWith = (name: string, seq: string) => table(name, [col('id', 'integer', { notNull: true, default: `nextval('${seq}'::regclass)` })]);

describe('sequences', () => {
  it('creates a sequence before its table and sets OWNED BY after it', () => {
    const steps = orderSteps([...diffModels(emptyModel(), model({ sequences: [owned], tables: [tWith('t', 't_id_seq')] }))].reverse());
    expect(bySql(steps, 'CREATE SEQUENCE').sql).toBe(
      'CREATE SEQUENCE "public"."t_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE',
    );
    expect(positionOf(steps, 'CREATE SEQUENCE')).toBeLessThan(positionOf(steps, 'CREATE TABLE'));
    expect(positionOf(steps, 'CREATE TABLE')).toBeLessThan(positionOf(steps, 'OWNED BY'));
    expect(bySql(steps, 'OWNED BY').sql).toBe('ALTER SEQUENCE "public"."t_id_seq" OWNED BY "public"."t"."id"');
  });

  it('alters changed options only', () => {
    const steps = diffModels(model({ sequences: [sequence('s')] }), model({ sequences: [sequence('s', { increment: '10', cycle: true })] }));
    expect(sqls(steps)).toEqual(['ALTER SEQUENCE "public"."s" INCREMENT BY 10 CYCLE']);
  });

  it('drops a sequence (data_loss) after the defaults that use it', () => {
    const from = model({ sequences: [sequence('s')], tables: [tWith('t', 's')] });
    const to = model({ tables: [table('t', [col('id', 'integer', { notNull: true })])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(sqls(steps)).toEqual(['ALTER TABLE "public"."t" ALTER COLUMN "id" DROP DEFAULT', 'DROP SEQUENCE "public"."s"']);
    expect(hazardKinds(steps[1]!)).toEqual(['data_loss']);
  });

  it('leaves an owned sequence to its dropped table', () => {
    const steps = diffModels(model({ sequences: [owned], tables: [tWith('t', 't_id_seq')] }), model({}));
    expect(sqls(steps)).toEqual(['DROP TABLE "public"."t"']);
  });

  it('renames the sequence of a renamed table with it, and leaves the default alone', () => {
    const from = model({ sequences: [owned], tables: [tWith('t', 't_id_seq')] });
    const to = model({
      sequences: [{ ...owned, name: 'u_id_seq', ownedBy: { schema: 'public', table: 'u', column: 'id' } }],
      tables: [{ ...tWith('u', 'u_id_seq'), renamedFrom: 't' }],
    });
    const steps = orderSteps(diffModels(from, to));
    expect(sqls(steps)).toEqual(['ALTER SEQUENCE "public"."t_id_seq" RENAME TO "u_id_seq"', 'ALTER TABLE "public"."t" RENAME TO "u"']);
  });

  it('moves ownership before the old owning column is dropped', () => {
    const from = model({ sequences: [owned], tables: [table('t', [col('id', 'integer'), col('id2', 'integer')])] });
    const to = model({ sequences: [{ ...owned, ownedBy: { schema: 'public', table: 't', column: 'id2' } }], tables: [table('t', [col('id2', 'integer')])] });
    const steps = orderSteps(diffModels(from, to));
    expect(positionOf(steps, 'OWNED BY')).toBeLessThan(positionOf(steps, 'DROP COLUMN'));
  });
});
