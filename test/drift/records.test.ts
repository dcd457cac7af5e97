import { describe, expect, it } from 'vitest';
import { driftRecords } from '../../src/drift/report.ts';
import { col, model, table } from '../diff/build.ts';

describe('drift records', () => {
  it('gives each difference once: a new column as one record, a changed one per property, in YAML spelling', () => {
    const live = model({ tables: [table('items', [col('id', 'bigint', { notNull: true }), col('name', 'text'), col('rogue', 'integer')])] });
    const desired = model({
      tables: [table('items', [col('id', 'bigint', { notNull: true }), col('name', 'varchar(40)', { notNull: true }), col('sku', 'text')])],
    });
    const records = driftRecords(live, desired);
    expect(records.map((r) => [r.kind, r.object, r.status, r.property])).toEqual([
      ['column', 'public.items.name', 'changed', 'not_null'],
      ['column', 'public.items.name', 'changed', 'type'],
      ['column', 'public.items.rogue', 'unexpected', null],
      ['column', 'public.items.sku', 'missing', null],
    ]);
    expect(records[0]).toMatchObject({ live: false, desired: true });
    expect(records[1]).toMatchObject({ live: 'text', desired: 'varchar(40)' });
    expect(records[3]!.live).toBeNull();
    expect(records[3]!.desired).toMatchObject({ name: 'sku', type: 'text' });
    expect(JSON.stringify(records)).not.toMatch(/columnOrder|"position"/);
  });
});
