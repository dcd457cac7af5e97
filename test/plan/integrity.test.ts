import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanFile } from '../../src/plan/parse.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Step } from '../../src/plan/step.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { planTransactions } from '../../src/plan/transactions.ts';
import { UserError } from '../../src/errors.ts';
import { runPgform } from '../support/cli.ts';

function step(sql: string, object: string, extra: Partial<Step> = {}): Step {
  return { kind: 'table', object, operation: 'create', sql, hazards: [], transactional: true, phase: 0, ...extra };
}

const DROP: Step = step('ALTER TABLE "public"."t" DROP COLUMN "secret"', 'public.t.secret', {
  kind: 'column',
  operation: 'drop',
  hazards: [{ kind: 'data_loss', message: 'values of public.t.secret are lost' }],
});

function plan(steps: readonly Step[]): Plan {
  return {
    pgformVersion: '0.1.0',
    sourceFingerprint: 'sha256:aaaaaaaaaaaaaaaa',
    targetFingerprint: 'sha256:bbbbbbbbbbbbbbbb',
    settings: DEFAULT_SETTINGS,
    steps,
    notes: [],
    managedSchemas: ['public'],
    mode: 'online',
    transactions: planTransactions(steps, 'online'),
  };
}

const TEXT = renderSql(plan([step('CREATE TABLE "public"."t" (id int)', 'public.t'), DROP]));

describe('the plan-hash covers the whole file', () => {
  it.each([
    ['the source fingerprint', (t: string) => t.replace('-- source: sha256:aaaaaaaaaaaaaaaa', '-- source: sha256:cccccccccccccccc')],
    ['the managed schemas', (t: string) => t.replace('-- managed-schemas: ["public"]', '-- managed-schemas: ["public","app"]')],
    ['a hazard line', (t: string) => t.replace(/--   hazards: data_loss \(.*\)/, '--   hazards: none')],
    ['the header counts', (t: string) => t.replace('-- hazards: data_loss: 1', '-- hazards: none')],
    ['a statement', (t: string) => t.replace('DROP COLUMN "secret"', 'DROP COLUMN "other"')],
    ['an added comment line', (t: string) => t.replace('-- pgform plan\n', '-- pgform plan\n-- looks fine\n')],
    ['the settings', (t: string) => t.replace("SET lock_timeout = '5s';", "SET lock_timeout = '0';")],
  ])('an edit of %s is seen', (_what, edit) => {
    const edited = edit(TEXT);
    expect(edited).not.toBe(TEXT);
    expect(parsePlanFile(edited).edited).toBe(true);
  });

  it('is intact as written, and a second plan-hash line is refused', () => {
    expect(parsePlanFile(TEXT).edited).toBe(false);
    expect(() => parsePlanFile(TEXT.replace('-- steps: 2', '-- plan-hash: sha256:00\n-- steps: 2'))).toThrow(/more than one plan-hash line/);
  });
});

describe('steps cannot be forged from inside a statement', () => {
  it('refuses to write a plan whose statement text reads as a step header', () => {
    const forged = step(
      "COMMENT ON TABLE \"public\".\"t\" IS 'x;\n\n-- step 2/2: create table public.harmless\n--   transactional: yes\n--   hazards: none\nSELECT 1'",
      'public.t',
      { operation: 'comment' },
    );
    expect(() => renderSql(plan([forged, DROP]))).toThrow(UserError);
    expect(() => renderSql(plan([forged, DROP]))).toThrow(/step 1 \(comment table public\.t\) holds text that reads as the start of a plan step/);
  });

  it('writes a statement holding step-like text that cannot be mistaken', () => {
    const body = step("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT '-- step 9/9: drop table x' $$", 'public.f()', { kind: 'function' });
    const back = parsePlanFile(renderSql(plan([body, DROP])));
    expect(back.plan.steps.map((s) => s.sql)).toEqual([body.sql, DROP.sql]);
  });
});

describe('apply of an edited plan file (CLI)', () => {
  it('exits 5; with --allow-edited, hazard consent still needs --allow-hazards all (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-integrity-'));
    writeFileSync(join(dir, 'edited.sql'), TEXT.replace(/--   hazards: data_loss \(.*\)/, '--   hazards: none').replace('-- hazards: data_loss: 1', '-- hazards: none'));
    const refused = runPgform(dir, ['apply', 'edited.sql', '--db', 'pglite:memory']);
    expect(refused.code, refused.stderr).toBe(5);
    expect(refused.stderr).toMatch(/^error: edited\.sql was edited after it was planned/);
    const consent = runPgform(dir, ['apply', 'edited.sql', '--db', 'pglite:memory', '--allow-edited', '--allow-hazards', 'data_loss']);
    expect(consent.code, consent.stderr).toBe(3);
    expect(consent.stderr).toMatch(/its hazard lines cannot be trusted, so --allow-edited needs --allow-hazards all/);
  });
});
