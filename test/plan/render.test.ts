import { describe, expect, it } from 'vitest';
import { emptyModel } from '../../src/model/database.ts';
import { makePlan, reverseAnnotations, reverseModelAnnotations } from '../../src/plan/make-plan.ts';
import { executableStep, parsePlanFile } from '../../src/plan/parse.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { renderJson } from '../../src/plan/render-json.ts';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/plan/render-markdown.ts';
import { isEmpty, planHash, renderSql } from '../../src/plan/render-sql.ts';
import { PGFORM_VERSION } from '../../src/version.ts';
import { check, col, enumType, fk, index, model, pk, table } from '../diff/build.ts';

const from = model({
  enums: [enumType('mood', ['a', 'b'])],
  tables: [
    table('users', [col('id', 'integer', { notNull: true }), col('email', 'text'), col('old', 'text'), col('code', 'character varying(20)')], { constraints: [pk('users_pkey', ['id'])] }),
  ],
});
const to = model({
  enums: [enumType('mood', ['a', 'b', 'c'])],
  tables: [
    table('people', [col('id', 'integer', { notNull: true }), col('mail', 'text', { notNull: true, renamedFrom: 'email' }), col('bio', 'text', { default: "'multi\nline'" }), col('code', 'character varying(10)')], {
      renamedFrom: 'users',
      constraints: [pk('users_pkey', ['id']), check('people_bio_check', "bio <> ''")],
      indexes: [index('people_mail_idx', ['mail'])],
    }),
    table('posts', [col('id', 'integer'), col('person_id', 'integer')], { constraints: [fk('posts_person_id_fkey', ['person_id'], 'people', ['id'])] }),
  ],
});

function plan(settings = { lockTimeout: "5s'", statementTimeout: '1h' }): Plan {
  return makePlan({ from, to, sourceFingerprint: 'sha256:aaaa', targetFingerprint: 'sha256:bbbb', settings, managedSchemas: ['public'] });
}

describe('renderSql', () => {
  it('writes a header, the settings and every step with its hazards next to the SQL', () => {
    const text = renderSql(plan());
    const [header, body] = [text.slice(0, text.indexOf('\n\n')), text.slice(text.indexOf('\n\n') + 2)];
    expect(header.split('\n').every((l) => l.startsWith('-- '))).toBe(true);
    expect(header).toContain('-- pgform plan');
    expect(header).toContain(`-- pgform-version: ${PGFORM_VERSION}`);
    expect(header).toContain('-- source: sha256:aaaa');
    expect(header).toContain('-- target: sha256:bbbb');
    expect(header).toContain(`-- plan-hash: ${planHash(plan())}`);
    expect(header).toMatch(/^-- steps: \d+$/m);
    expect(header).toMatch(/^--   create table: 1$/m);
    expect(header).toMatch(/^-- hazards: .*data_loss: 2/m);
    expect(body.startsWith(`SET lock_timeout = '5s''';\nSET statement_timeout = '1h';\nSET check_function_bodies = off;\n\n-- step 1/`)).toBe(true);
    expect(body).toMatch(
      /-- step \d+\/\d+: create index public\.people\.people_mail_idx\n--   transactional: no\n--   locks: scan: "public"\."people" SHARE UPDATE EXCLUSIVE\n--   hazards: non_transactional \(runs outside a transaction; re-running the plan completes it\)\nCREATE INDEX CONCURRENTLY "people_mail_idx" ON "public"\."people" USING btree \("mail"\);\n/,
    );
    expect(body).toContain("'multi\nline'");
  });

  it('is deterministic', () => {
    expect(renderSql(plan())).toBe(renderSql(plan()));
    expect(renderJson(plan())).toBe(renderJson(plan()));
    expect(renderMarkdown(plan())).toBe(renderMarkdown(plan()));
  });

  it('says so for an empty plan', () => {
    const empty = makePlan({ from: to, to, sourceFingerprint: 'sha256:x', targetFingerprint: 'sha256:x' });
    expect(isEmpty(empty)).toBe(true);
    const text = renderSql(empty);
    expect(text).toContain('-- no changes');
    expect(text).not.toContain('-- step');
    expect(parsePlanFile(text).plan.steps).toEqual([]);
  });
});

describe('parsePlanFile', () => {
  it('reads back every field the applier needs from the SQL rendering', () => {
    const p = plan();
    const { plan: back, edited } = parsePlanFile(renderSql(p));
    expect(edited).toBe(false);
    expect(back.steps).toEqual(p.steps.map(executableStep));
    expect(back.steps.some((s) => s.reason)).toBe(true);
    expect(back.steps.some((s) => s.hazards.length > 1)).toBe(true);
    expect(back.settings).toEqual(p.settings);
    expect(back.sourceFingerprint).toBe('sha256:aaaa');
    expect(back.targetFingerprint).toBe('sha256:bbbb');
    expect(back.managedSchemas).toEqual(['public']);
    expect(back.pgformVersion).toBe(PGFORM_VERSION);
    expect(planHash(back)).toBe(planHash(p));
  });

  it('notices an edit anywhere: body and header', () => {
    const text = renderSql(plan());
    expect(parsePlanFile(text.replace('DROP COLUMN "old"', 'DROP COLUMN "older"')).edited).toBe(true);
    expect(parsePlanFile(text.replace("SET lock_timeout = '5s''';", "SET lock_timeout = '1s';")).edited).toBe(true);
    expect(parsePlanFile(text.replace('-- pgform plan\n', '-- pgform plan\n-- reviewed by me\n')).edited).toBe(true);
  });

  it('reads the JSON rendering, with the full steps', () => {
    const p = plan();
    const json = renderJson(p);
    const { plan: back, edited } = parsePlanFile(json);
    expect(edited).toBe(false);
    expect(back.steps).toEqual(p.steps);
    expect(JSON.parse(json).planHash).toBe(planHash(p));
    const tampered = JSON.parse(json) as { steps: { sql: string }[] };
    tampered.steps[0]!.sql += ' -- changed';
    expect(parsePlanFile(JSON.stringify(tampered)).edited).toBe(true);
  });

  it('rejects text that is not a plan', () => {
    expect(() => parsePlanFile('SELECT 1;')).toThrow(/not a pgform plan/);
  });
});

describe('renderMarkdown', () => {
  it('has fingerprints, a summary table, hazards with their steps, and the SQL', () => {
    const md = renderMarkdown(plan());
    expect(md).toContain('`sha256:aaaa`');
    expect(md).toContain('| operation | kind | count |');
    expect(md).toContain('| create | table | 1 |');
    expect(md).toMatch(/\*\*data_loss\*\* \(needs consent\), step \d+ \(`drop column public\.people\.old`\)/);
    expect(md).toMatch(/```sql\nSET lock_timeout/);
  });

  it('puts the decision first and folds the SQL per transaction', () => {
    const md = renderMarkdown(plan());
    const decision = md.indexOf('**Decision:** `pgform apply` refuses');
    expect(decision).toBeGreaterThan(0);
    expect(decision).toBeLessThan(md.indexOf('### Transactions'));
    expect(md).toContain('unless run with `--allow-hazards breaking_change,data_loss,long_lock,table_rewrite`');
    expect(md).toMatch(/<details>\n<summary>transaction 1\/\d+: step/);
    expect(md).toContain('**data_loss** (needs consent)');
  });

  it('fits a plan too long for one comment under GitHub\'s limit, pointing to the plan file', () => {
    const wide = (i: number) => table(`table_with_a_rather_long_name_${i}`, [col('id', 'integer'), col('description_of_the_thing', 'text')], { comment: 'x'.repeat(120) });
    const from = model({ tables: Array.from({ length: 400 }, (_, i) => wide(i)) });
    const big = makePlan({ from, to: emptyModel(), sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b' });
    expect(renderSql(big).length).toBeGreaterThan(COMMENT_LIMIT);
    const md = renderMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toContain('`--allow-hazards breaking_change,data_loss`');
    expect(md).toMatch(/does not fit in a comment: read it in the plan file/);
    expect(md).toMatch(/and \d+ more hazard line\(s\): see the plan file/);
  });
});

describe('rollback annotations', () => {
  it('turns renames back into renames', () => {
    const annotated = reverseModelAnnotations(from, to);
    const users = annotated.tables.find((t) => t.name === 'users')!;
    expect(users.renamedFrom).toBe('people');
    expect(users.columns.find((c) => c.name === 'email')!.renamedFrom).toBe('mail');
    const { from: back, to: target } = reverseAnnotations(to, from);
    expect(back.tables.find((t) => t.name === 'people')!.renamedFrom).toBeUndefined();
    const rollback = makePlan({ from: back, to: target, sourceFingerprint: 'sha256:b', targetFingerprint: 'sha256:a' });
    const sql = rollback.steps.map((s) => s.sql);
    expect(sql).toContain('ALTER TABLE "public"."people" RENAME TO "users"');
    expect(sql).toContain('ALTER TABLE "public"."users" RENAME COLUMN "mail" TO "email"');
    expect(sql.some((s) => s.startsWith('DROP TABLE "public"."people"'))).toBe(false);
  });

  it('plans from the empty model', () => {
    expect(makePlan({ from: emptyModel(), to: emptyModel(), sourceFingerprint: 'a', targetFingerprint: 'a' }).steps).toEqual([]);
  });
});
