import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { modelOf } from '../../src/model/database.ts';
import { UserError } from '../../src/errors.ts';
import { col, table } from './build.ts';

const base = table('events', [col('id', 'integer')]);
const child = (inherits: { schema: string; table: string }[] | undefined) => table('clicks', [col('url', 'text')], inherits ? { inherits } : {});

describe('table kind and storage', () => {
  it('refuses to change the parents of an existing table, naming both lists', () => {
    const from = modelOf({ tables: [base, child(undefined)] });
    const to = modelOf({ tables: [base, child([{ schema: 'public', table: 'events' }])] });
    expect(() => diffModels(from, to)).toThrow(UserError);
    expect(() => diffModels(from, to)).toThrow(/public\.clicks changes its parents \(INHERITS none -> public\.events\)/);
  });

  it('drops a child before its parent, and creates it after', () => {
    const withChild = modelOf({ tables: [base, child([{ schema: 'public', table: 'events' }])] });
    const drop = diffModels(withChild, modelOf({}));
    const parentDrop = drop.find((s) => s.sql === 'DROP TABLE "public"."events"');
    expect(parentDrop?.requiresRemoved).toContain('table:public.clicks');
    const create = diffModels(modelOf({}), withChild).find((s) => s.sql.startsWith('CREATE TABLE "public"."clicks"'));
    expect(create?.sql).toContain('INHERITS ("public"."events")');
    expect(create?.requires).toContain('table:public.events');
  });

  it('plans SET LOGGED as a rewrite and storage parameters as SET and RESET', () => {
    const from = modelOf({ tables: [table('t', [col('a', 'text')], { unlogged: true, with: { fillfactor: '80', autovacuum_enabled: 'false' } })] });
    const to = modelOf({ tables: [table('t', [col('a', 'text', { storage: 'external' })], { with: { fillfactor: '70', 'toast.autovacuum_enabled': 'false' } })] });
    const sql = diffModels(from, to).map((s) => [s.sql, s.hazards.map((h) => h.kind)] as const);
    expect(sql).toContainEqual(['ALTER TABLE "public"."t" SET LOGGED', ['table_rewrite', 'long_lock']]);
    expect(sql.map(([s]) => s)).toContain(`ALTER TABLE "public"."t" SET ("fillfactor" = '70', "toast"."autovacuum_enabled" = 'false'), RESET ("autovacuum_enabled")`);
    expect(sql.map(([s]) => s)).toContain('ALTER TABLE "public"."t" ALTER COLUMN "a" SET STORAGE EXTERNAL');
  });
});
