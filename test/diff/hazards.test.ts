import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { functionCalls, isVolatileExpression } from '../../src/diff/sql-text.ts';
import { needsConsent } from '../../src/plan/hazard.ts';
import { refusedSteps } from '../../src/apply/hazard-consent.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { renderJson } from '../../src/plan/render-json.ts';
import { parsePlanFile } from '../../src/plan/parse.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import type { Step } from '../../src/plan/step.ts';
import { bySql, col, grant, model, policy, routine, table, view } from './build.ts';

const users = (columns = [col('id', 'integer'), col('name', 'text')], extra = {}) => table('users', columns, extra);
const consentKinds = (s: Step) => s.hazards.filter(needsConsent).map((h) => h.kind);

describe('breaking_change', () => {
  it('names the effect on running code and the expand/contract way for dropped and renamed columns and tables', () => {
    const drop = bySql(diffModels(model({ tables: [users()] }), model({ tables: [users([col('id', 'integer')])] })), 'DROP COLUMN');
    expect(consentKinds(drop)).toEqual(['data_loss', 'breaking_change']);
    expect(drop.hazards.find((h) => h.kind === 'breaking_change')!.message).toMatch(/^code that reads or writes public\.users\.name fails after this step; to avoid it, expand\/contract: /);

    const renamed = diffModels(model({ tables: [users()] }), model({ tables: [users([col('id', 'integer'), col('full_name', 'text', { renamedFrom: 'name' })])] }));
    expect(bySql(renamed, 'RENAME COLUMN').hazards[0]!.message).toMatch(/code that uses public\.users\.name fails after this step \(it becomes full_name\).*add full_name, write both/);

    const table = diffModels(model({ tables: [users()] }), model({ tables: [users(undefined, { name: 'people', renamedFrom: 'users' })] }));
    expect(consentKinds(bySql(table, 'RENAME TO'))).toEqual(['breaking_change']);
    expect(consentKinds(bySql(diffModels(model({ tables: [users()] }), model({})), 'DROP TABLE'))).toEqual(['data_loss', 'breaking_change']);
  });

  it('applies to dropped views and functions, not to ones recreated under the same name', () => {
    const v = view('names', 'SELECT name FROM users', ['name']);
    const f = routine('app.next_code');
    const steps = diffModels(model({ tables: [users()], views: [v], routines: [f] }), model({ tables: [users()] }));
    expect(bySql(steps, 'DROP VIEW').hazards.map((h) => h.message)).toContainEqual(expect.stringMatching(/code that reads public\.names fails/));
    expect(bySql(steps, 'DROP FUNCTION').hazards.map((h) => h.message)).toContainEqual(expect.stringMatching(/code that calls app\.next_code\(\) fails/));
    const replaced = diffModels(model({ routines: [f] }), model({ routines: [{ ...f, returns: 'bigint' }] }));
    expect(replaced.flatMap((s) => s.hazards.map((h) => h.kind))).not.toContain('breaking_change');
  });
});

describe('volatile defaults', () => {
  it('reads calls, qualified or not, outside literals', () => {
    expect(functionCalls(`app.next_code() || lower('x(')`)).toEqual([{ schema: 'app', name: 'next_code' }, { schema: null, name: 'lower' }]);
  });

  it('are judged by catalog volatility: a user function the YAML declares, or pg_proc for the rest', () => {
    const withDefault = (d: string) => users([col('id', 'integer'), col('name', 'text'), col('code', 'text', { default: d })]);
    const add = (d: string, routines = [routine('app.next_code', '', { volatility: 'volatile' })], catalog?: Map<string, 'immutable' | 'stable' | 'volatile'>) =>
      bySql(diffModels(model({ tables: [users()] }), model({ tables: [withDefault(d)], routines }), { catalogVolatility: catalog }), 'ADD COLUMN');
    expect(add('app.next_code()').hazards.map((h) => h.kind)).toEqual(['table_rewrite']);
    expect(add('app.next_code()', [routine('app.next_code', '', { volatility: 'stable' })]).hazards).toEqual([]);
    // Not on the list of well-known names: only the catalog knows.
    expect(add('(lastval())::text').hazards).toEqual([]);
    expect(add('(lastval())::text', [], new Map([['pg_catalog.lastval', 'volatile']])).hazards.map((h) => h.kind)).toEqual(['table_rewrite']);
    expect(isVolatileExpression('now()', () => 'stable')).toBe(false);
  });
});

describe('authz_change that widens access needs consent', () => {
  const docs = (extra = {}) => table('docs', [col('id', 'integer')], extra);
  const restrictive = policy('docs', 'not_deleted', { permissive: false, command: 'select', roles: ['PUBLIC'], using: '(id > 0)' });
  const permissive = policy('docs', 'mine', { permissive: true, command: 'select', roles: ['app'], using: '(id > 0)' });

  it('disabling RLS or FORCE, dropping a restrictive policy, a new permissive one on a guarded table, a grant to PUBLIC', () => {
    const from = model({ tables: [docs({ rowSecurity: true, forceRowSecurity: true })], policies: [restrictive] });
    const open = diffModels(from, model({ tables: [docs()], policies: [permissive], grants: [grant('docs', 'PUBLIC', 'SELECT')] }));
    expect(consentKinds(bySql(open, 'DISABLE ROW LEVEL SECURITY'))).toEqual(['authz_change']);
    expect(consentKinds(bySql(open, 'NO FORCE ROW LEVEL SECURITY'))).toEqual(['authz_change']);
    expect(consentKinds(bySql(open, 'DROP POLICY'))).toEqual(['authz_change']);
    expect(consentKinds(bySql(open, 'CREATE POLICY'))).toEqual(['authz_change']);
    expect(consentKinds(bySql(open, 'TO PUBLIC'))).toEqual(['authz_change']);
  });

  it('narrowing stays review-only: enabling RLS, a new restrictive policy, dropping a permissive one, a grant to a role', () => {
    const close = diffModels(model({ tables: [docs()], policies: [permissive] }), model({ tables: [docs({ rowSecurity: true, forceRowSecurity: true })], policies: [restrictive], grants: [grant('docs', 'app', 'SELECT')] }));
    const authz = close.filter((s) => s.hazards.some((h) => h.kind === 'authz_change'));
    expect(authz.length).toBeGreaterThanOrEqual(5);
    expect(authz.flatMap(consentKinds)).toEqual([]);
  });

  it('is refused without --allow-hazards authz_change, survives the SQL and JSON renderings, and JSON marks consent', () => {
    const from = model({ tables: [docs({ rowSecurity: true })] });
    const plan = makePlan({ from, to: model({ tables: [docs()] }), sourceFingerprint: 'a', targetFingerprint: 'b' });
    expect(refusedSteps(plan, new Set()).map((r) => r.hazards)).toEqual([['authz_change']]);
    expect(refusedSteps(plan, new Set(['authz_change']))).toEqual([]);
    const sql = renderSql(plan);
    expect(sql).toContain('authz_change [widens access] (disabling row level security');
    expect(refusedSteps(parsePlanFile(sql).plan, new Set()).length).toBe(1);
    const json = JSON.parse(renderJson(plan)) as { steps: { hazards: { needsConsent: boolean }[] }[] };
    expect(json.steps[0]!.hazards[0]!.needsConsent).toBe(true);
    expect(refusedSteps(parsePlanFile(renderJson(plan)).plan, new Set()).length).toBe(1);
  });
});
