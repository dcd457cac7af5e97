import { describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { YamlError } from '../../src/yaml/problems.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { generatePartitions } from '../../src/yaml/kinds/partitions.ts';
import type { Table } from '../../src/model/table.ts';

const load = (text: string) => loadSchemaFiles([{ path: 'schema.yaml', text }]);

function problems(text: string): string[] {
  try {
    load(text);
  } catch (e) {
    if (e instanceof YamlError) return e.message.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('schema.yaml:'));
    throw e;
  }
  throw new Error('expected problems');
}

const partitionsOf = (tables: readonly Table[], parent: string) =>
  tables.filter((t) => t.partitionOf?.table === parent).map((t) => [t.name, t.partitionOf!.bound]);

describe('partition generation rule', () => {
  it('steps months across a year end and names them from the template', () => {
    const got = generatePartitions('logs', 'monthly', new Date(Date.UTC(2025, 10, 1)), 3, '{table}_{yyyy}_{mm}');
    expect(got).toEqual([
      { name: 'logs_2025_11', from: '2025-11-01', to: '2025-12-01' },
      { name: 'logs_2025_12', from: '2025-12-01', to: '2026-01-01' },
      { name: 'logs_2026_01', from: '2026-01-01', to: '2026-02-01' },
    ]);
  });

  it('steps days across a month end (leap year)', () => {
    const got = generatePartitions('d', 'daily', new Date(Date.UTC(2028, 1, 28)), 3, 'd_{yyyy}{mm}{dd}');
    expect(got.map((g) => [g.name, g.from, g.to])).toEqual([
      ['d_20280228', '2028-02-28', '2028-02-29'],
      ['d_20280229', '2028-02-29', '2028-03-01'],
      ['d_20280301', '2028-03-01', '2028-03-02'],
    ]);
  });
});

describe('partitioned tables in YAML', () => {
  it('loads partition_by, declared partitions and a monthly rule as plain partitions', () => {
    const { model } = load(`
tables:
  audit_logs:
    owner: auditor
    columns:
      id: bigint
      created_at: timestamptz
    partition_by: { range: [created_at] }
    partitions:
      audit_logs_old: { from: MINVALUE, to: "2026-01-01", comment: before the rule }
      monthly: { from: 2026-01, count: 3 }
      audit_logs_default: default
`);
    const parent = model.tables.find((t) => t.name === 'audit_logs')!;
    expect(parent.partitionBy).toEqual({ strategy: 'range', key: '"created_at"' });
    expect(parent.partitionOf).toBeUndefined();
    expect(partitionsOf(model.tables, 'audit_logs').sort()).toEqual([
      ['audit_logs_2026_01', "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"],
      ['audit_logs_2026_02', "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"],
      ['audit_logs_2026_03', "FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')"],
      ['audit_logs_default', 'DEFAULT'],
      ['audit_logs_old', "FOR VALUES FROM (MINVALUE) TO ('2026-01-01')"],
    ]);
    const old = model.tables.find((t) => t.name === 'audit_logs_old')!;
    expect(old.columns).toEqual([]);
    expect(old.comment).toBe('before the rule');
    expect(old.owner).toBe('auditor');
  });

  it('loads LIST and HASH bounds and an expression key', () => {
    const { model } = load(`
tables:
  docs:
    columns: { id: bigint, region: text }
    partition_by: "LIST (lower(region))"
    partitions:
      docs_eu: { in: [eu, uk, null] }
  sessions:
    columns: { id: bigint, tenant: integer }
    partition_by: { hash: [tenant, id] }
    partitions:
      sessions_p0: { modulus: 2, remainder: 0 }
`);
    expect(model.tables.find((t) => t.name === 'docs')!.partitionBy).toEqual({ strategy: 'list', key: 'lower(region)' });
    expect(partitionsOf(model.tables, 'docs')).toEqual([['docs_eu', "FOR VALUES IN ('eu', 'uk', NULL)"]]);
    expect(model.tables.find((t) => t.name === 'sessions')!.partitionBy).toEqual({ strategy: 'hash', key: '"tenant", "id"' });
    expect(partitionsOf(model.tables, 'sessions')).toEqual([['sessions_p0', 'FOR VALUES WITH (MODULUS 2, REMAINDER 0)']]);
  });

  it('reports what is wrong, with file, line and column', () => {
    expect(
      problems(`tables:
  logs:
    columns: { id: bigint, at: date }
    primary_key: [id]
    partition_by: { range: [created_at] }
    partitions:
      weekly: { from: 2026-01, count: 4 }
      monthly: { from: 2026-01-15, count: 2 }
      logs_x: { in: [a] }
      logs_2026_01: { from: "2026-01-01", to: "2026-02-01" }
  plain:
    columns: { id: bigint }
    partitions:
      plain_1: default
  hashed:
    columns: { id: bigint }
    partition_by: { hash: [id] }
    partitions:
      hashed_default: default
  keyed:
    columns: { id: bigint, at: date }
    primary_key: [id]
    partition_by: { range: [at] }
`),
    ).toEqual([
      'schema.yaml:5:29: tables.logs.partition_by.range[0]: table `public.logs` has no column `created_at`',
      'schema.yaml:7:7: tables.logs.partitions.weekly: a partition rule (an entry with `count` or `premake`) is named by its period: daily, monthly, yearly',
      'schema.yaml:8:24: tables.logs.partitions.monthly.from: `from` of a monthly rule is the first period, like `2026-01`',
      'schema.yaml:9:7: tables.logs.partitions.logs_x: `in` bounds belong to LIST partitioning; this table is partitioned by RANGE',
      'schema.yaml:13:5: tables.plain.partitions: table `public.plain` declares partitions but no `partition_by`',
      'schema.yaml:19:23: tables.hashed.partitions.hashed_default: a HASH partitioned table cannot have a default partition',
      'schema.yaml:22:5: tables.keyed.primary_key: the primary key of partitioned table `public.keyed` must include the partition key column(s) `at`',
    ]);
  });

  it('reports a generated name that repeats a declared partition', () => {
    const got = problems(`tables:
  logs:
    columns: { id: bigint, at: date }
    partition_by: { range: [at] }
    partitions:
      logs_2026_02: { from: "2026-02-01", to: "2026-03-01" }
      monthly: { from: 2026-01, count: 2 }
`);
    expect(got).toEqual(['schema.yaml:7:7: tables.logs.partitions.monthly: table `public.logs_2026_02` is already declared at schema.yaml:6:7']);
  });

  it('pulls partitions one by one inside their parent and loads them back to the same model', () => {
    const text = `
tables:
  logs:
    columns: { id: bigint, at: date, region: text }
    partition_by: { range: [at] }
    partitions:
      logs_2026_01: { from: "2026-01-01", to: "2026-02-01" }
      logs_rest: { default: true, comment: everything else }
`;
    const first = load(text).model;
    const files = modelToYamlFiles(first, {});
    const yaml = [...files.values()].join('\n');
    expect(yaml).toContain('partition_by:');
    expect(yaml).not.toMatch(/^ {2}logs_2026_01:/m);
    const again = loadSchemaFiles([...files].map(([path, t]) => ({ path, text: t }))).model;
    const pick = (ts: readonly Table[]) => ts.map((t) => ({ name: t.name, columns: t.columns.length, by: t.partitionBy, of: t.partitionOf, comment: t.comment }));
    expect(pick(again.tables)).toEqual(pick(first.tables));
  });
});

describe('a partition\'s own column settings', () => {
  const yaml = (columns: string) => `
tables:
  orders:
    columns:
      id: { type: bigint, identity: always }
      region: { type: text, not_null: true }
      priority: { type: int, default: 0 }
      notes: text
    partition_by: { list: [region] }
    partitions:
      orders_eu: { in: [eu] }
      orders_us: { in: [us], columns: ${columns} }
`;

  it('loads defaults (null for none) and NOT NULL, sorted by column, and pulls them back the same', () => {
    const first = load(yaml('{ priority: { default: 10 }, notes: { not_null: true, default: null } }')).model;
    const us = first.tables.find((t) => t.name === 'orders_us')!;
    expect(us.partitionColumns).toEqual([
      { name: 'notes', default: null, notNull: true },
      { name: 'priority', default: '10' },
    ]);
    expect(first.tables.find((t) => t.name === 'orders_eu')!.partitionColumns).toBeUndefined();
    const files = modelToYamlFiles(first, {});
    const again = loadSchemaFiles([...files].map(([path, t]) => ({ path, text: t }))).model;
    expect(again.tables.find((t) => t.name === 'orders_us')!.partitionColumns).toEqual(us.partitionColumns);
  });

  it('reports a column the parent lacks, an identity column and an entry that sets nothing, at their keys', () => {
    expect(problems(yaml('{ nope: { default: 1 }, id: { default: 1 }, notes: { not_null: false } }'))).toEqual([
      'schema.yaml:12:41: tables.orders.partitions.orders_us.columns.nope: table `public.orders` has no column `nope`',
      'schema.yaml:12:63: tables.orders.partitions.orders_us.columns.id: `id` is an identity column: a partition takes it from its parent as it is',
      'schema.yaml:12:83: tables.orders.partitions.orders_us.columns.notes: a partition column sets `default` (null for none) or `not_null: true`',
    ]);
  });
});

describe('rolling partition rule', () => {
  const rolling = (rule: string) => `
tables:
  logs:
    columns: { id: bigint, at: date }
    partition_by: { range: [at] }
    partitions:
      ${rule}
`;
  const withToday = <T>(today: string, fn: () => T): T => {
    const before = process.env.PGFORM_TODAY;
    process.env.PGFORM_TODAY = today;
    try {
      return fn();
    } finally {
      if (before === undefined) delete process.env.PGFORM_TODAY;
      else process.env.PGFORM_TODAY = before;
    }
  };

  it('makes the current period and premake after it from PGFORM_TODAY, a default partition, and puts the rule on the parent', () => {
    const m = withToday('2026-12-04', () => load(rolling('monthly: { premake: 2, retain: 24, default: true }')).model);
    expect(partitionsOf(m.tables, 'logs')).toEqual([
      ['logs_2026_12', "FOR VALUES FROM ('2026-12-01') TO ('2027-01-01')"],
      ['logs_2027_01', "FOR VALUES FROM ('2027-01-01') TO ('2027-02-01')"],
      ['logs_2027_02', "FOR VALUES FROM ('2027-02-01') TO ('2027-03-01')"],
      ['logs_default', 'DEFAULT'],
    ]);
    expect(m.tables.find((t) => t.name === 'logs')!.partitionRule).toEqual({ period: 'monthly', premake: 2, retain: 24, today: '2026-12-04' });
    const daily = withToday('2027-02-28', () => load(rolling('daily: { premake: 1, default: logs_other }')).model);
    expect(partitionsOf(daily.tables, 'logs').map(([n]) => n)).toEqual(['logs_2027_02_28', 'logs_2027_03_01', 'logs_other']);
    expect(daily.tables.find((t) => t.name === 'logs')!.partitionRule!.retain).toBeNull();
  });

  it('reports a wrong rule at its key, and a wrong PGFORM_TODAY', () => {
    withToday('2026-12-04', () => {
      expect(problems(rolling('monthly: { premake: -1 }'))).toEqual([expect.stringMatching(/^schema\.yaml:7:\d+: tables\.logs\.partitions\.monthly\.premake: must be >= 0/)]);
      expect(problems(rolling('monthly: { premake: 3, count: 2 }'))).toEqual([expect.stringMatching(/^schema\.yaml:7:\d+: tables\.logs\.partitions\.monthly\.count: a rolling partition rule takes/)]);
      expect(problems(rolling('weekly: { premake: 3 }'))).toEqual([expect.stringMatching(/^schema\.yaml:7:\d+: tables\.logs\.partitions\.weekly: .*named by its period/)]);
    });
    expect(() => withToday('2026-13-01', () => load(rolling('monthly: { premake: 3 }')))).toThrow(/PGFORM_TODAY must be a date like/);
  });
});
