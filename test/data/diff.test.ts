import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { modelOf } from '../../src/model/database.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { TableData } from '../../src/model/data.ts';
import type { Table } from '../../src/model/table.ts';
import type { Column } from '../../src/model/column.ts';
import { fingerprint } from '../../src/model/fingerprint.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { executableStep, parsePlanFile } from '../../src/plan/parse.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { renderJson } from '../../src/plan/render-json.ts';

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name, type, notNull: false, default: null, identity: null, generated: null, collation: null, comment: null, ...extra,
});
const base = { definition: '', deferrable: false, initiallyDeferred: false, valid: true, comment: null };

const roles: Table = {
  schema: 'public', name: 'roles', comment: null, rowSecurity: false, forceRowSecurity: false, owner: null, indexes: [],
  columns: [col('id', 'integer', { identity: { generation: 'always', start: null, increment: null, minValue: null, maxValue: null, cache: null, cycle: false } }), col('name', 'text')],
  constraints: [{ ...base, kind: 'primary_key', name: 'roles_pkey', columns: ['id'] }],
};
const grants: Table = {
  schema: 'public', name: 'grants', comment: null, rowSecurity: false, forceRowSecurity: false, owner: null, indexes: [],
  columns: [col('role_id', 'integer'), col('perm', 'text'), col('note', 'text')],
  constraints: [
    { ...base, kind: 'primary_key', name: 'grants_pkey', columns: ['role_id', 'perm'] },
    { ...base, kind: 'foreign_key', name: 'grants_role_id_fkey', columns: ['role_id'], references: { schema: 'public', table: 'roles', columns: ['id'] }, onDelete: 'no action', onUpdate: 'no action', match: 'simple' },
  ],
};
const data = (table: string, key: string[], rows: TableData['rows'], full = false): TableData => ({ schema: 'public', table, key, rows, full });

function plan(from: DatabaseModel, to: DatabaseModel) {
  return orderSteps(diffModels(from, to)).map((s) => ({ op: s.operation, object: s.object, sql: s.sql, hazards: s.hazards.map((h) => h.kind) }));
}

describe('data diff', () => {
  const desired = modelOf({
    tables: [grants, roles],
    data: [
      data('grants', ['role_id', 'perm'], [{ role_id: '1', perm: 'read', note: "it's" }], true),
      data('roles', ['id'], [{ id: '1', name: 'admin' }], true),
    ],
  });

  it('plans nothing for rows when the live rows were not read', () => {
    expect(plan(modelOf({ tables: [grants, roles] }), desired)).toEqual([]);
  });

  it('inserts referenced rows first, with OVERRIDING SYSTEM VALUE for identity always', () => {
    const steps = plan(modelOf({ tables: [grants, roles], data: [] }), desired);
    expect(steps).toEqual([
      { op: 'insert', object: 'public.roles', sql: `INSERT INTO "public"."roles" ("id", "name") OVERRIDING SYSTEM VALUE VALUES\n  ('1', 'admin')`, hazards: [] },
      { op: 'insert', object: 'public.grants', sql: `INSERT INTO "public"."grants" ("role_id", "perm", "note") VALUES\n  ('1', 'read', 'it''s')`, hazards: [] },
    ]);
  });

  it('deletes referencing rows first, updates only named columns, keys compared as written', () => {
    const live = modelOf({
      tables: [grants, roles],
      data: [
        data('grants', ['role_id', 'perm'], [{ role_id: '1', perm: 'read', note: 'old' }, { role_id: '2', perm: 'x', note: null }], true),
        data('roles', ['id'], [{ id: '1', name: 'admin' }, { id: '2', name: 'gone' }], true),
      ],
    });
    // Declared roles first, so only the foreign key edge puts the grants' delete first.
    const rolesFirst = { ...desired, data: [...desired.data!].reverse() };
    expect(plan(live, rolesFirst)).toEqual([
      { op: 'delete', object: 'public.grants', sql: `DELETE FROM "public"."grants"\nWHERE ("role_id" = '2' AND "perm" = 'x')`, hazards: ['data_loss'] },
      { op: 'delete', object: 'public.roles', sql: `DELETE FROM "public"."roles"\nWHERE "id" IN ('2')`, hazards: ['data_loss'] },
      { op: 'update', object: 'public.grants (role_id=1, perm=read)', sql: `UPDATE "public"."grants" SET "note" = 'it''s'\nWHERE "role_id" = '1' AND "perm" = 'read'`, hazards: [] },
    ]);
    // Rows are not schema: the fingerprints ignore them.
    expect(fingerprint(live)).toBe(fingerprint(desired));
  });

  it('never deletes from a table not declared fully managed, never compares { sql } values', () => {
    const to = modelOf({ tables: [roles], data: [data('roles', ['id'], [{ id: '1', name: { sql: 'current_user' } }])] });
    const from = modelOf({ tables: [roles], data: [data('roles', ['id'], [{ id: '1', name: 'x' }, { id: '9', name: 'other' }])] });
    expect(plan(from, to)).toEqual([]);
  });

  it('round-trips through the SQL and JSON plan files', () => {
    const live = modelOf({ tables: [grants, roles], data: [data('roles', ['id'], [{ id: '1', name: 'a\nb' }, { id: '7', name: 'x' }], true)] });
    const p = makePlan({ from: live, to: desired, sourceFingerprint: fingerprint(live), targetFingerprint: fingerprint(desired) });
    expect(p.steps.map((st) => st.operation).sort()).toEqual(['delete', 'insert', 'update']);
    for (const text of [renderSql(p), renderJson(p)]) {
      const parsed = parsePlanFile(text);
      expect(parsed.edited).toBe(false);
      expect(parsed.plan.steps.map(executableStep)).toEqual(p.steps.map(executableStep));
    }
  });
});
