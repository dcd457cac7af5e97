import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChain } from '../../src/chain/chain.ts';
import { checkChain } from '../../src/chain/check.ts';
import { savePlan } from '../../src/chain/save.ts';
import { fileChecksum, readChecksums, writeChecksums } from '../../src/chain/checksums.ts';
import { hashBody, signedText } from '../../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { UserError } from '../../src/errors.ts';
import { PLAN_IDS, V1, V2, V3, buildChain, copyChain, desired, workspace } from './fixture.ts';

let ws: Workspace;
let dir: string;

beforeAll(async () => {
  ws = workspace();
  dir = await buildChain(ws);
});

function kinds(d: string): string[] {
  return readChain(d).problems.map((p) => p.kind);
}

describe('plan --save', () => {
  it('writes numbered plans, their reverse and markdown, linked by fingerprints, with checksums', () => {
    const files = readdirSync(dir).sort();
    expect(files).toEqual([...PLAN_IDS.flatMap((id) => [`${id}.down.sql`, `${id}.md`, `${id}.sql`]), 'pgform.sum'].sort());
    const chain = readChain(dir);
    expect(chain.problems).toEqual([]);
    expect(chain.plans.map((p) => p.id)).toEqual([...PLAN_IDS]);
    const [a, b, c] = chain.plans.map((p) => p.up.plan);
    expect(b!.sourceFingerprint).toBe(a!.targetFingerprint);
    expect(c!.sourceFingerprint).toBe(b!.targetFingerprint);
    for (const p of chain.plans) {
      expect(p.down!.plan.sourceFingerprint).toBe(p.up.plan.targetFingerprint);
      expect(p.down!.plan.targetFingerprint).toBe(p.up.plan.sourceFingerprint);
      expect(p.down!.plan.notes).toEqual([]); // replayed, each reverse came back to its source
    }
    expect(chain.plans[1]!.up.text).toContain('CREATE TABLE "public"."tags"');
    expect(chain.plans[1]!.down!.text).toContain('DROP TABLE "public"."tags"');
    expect(chain.plans[2]!.up.text).toMatch(/DROP COLUMN "price"[\s\S]*ADD COLUMN "sku" character varying\(40\)/);
    expect(chain.plans[2]!.down!.text).toMatch(/hazards: data_loss \(drops column public\.items\.sku/);
    const md = readFileSync(join(dir, '0003_sku_for_price.md'), 'utf8');
    expect(md).toMatch(/^# 0003_sku_for_price\.sql/);
    expect(md).toContain('pgform apply --down-to 0002');
    expect(md).toContain('--allow-hazards breaking_change,data_loss');
    const sums = readChecksums(dir)!;
    expect(sums.badLines).toEqual([]);
    expect(sums.sums.get('0002_add_tags.sql')).toBe(fileChecksum(readFileSync(join(dir, '0002_add_tags.sql'), 'utf8')));
  });

  it('saves nothing when the replayed chain already gives the YAML, and validates the name', async () => {
    const copy = copyChain(dir);
    expect(await savePlan({ dir: copy, name: 'again', input: desired(V3), ws, settings: DEFAULT_SETTINGS })).toBeNull();
    expect(readdirSync(copy)).toHaveLength(10);
    await expect(savePlan({ dir: copy, name: 'Add-Sku', input: desired(V1), ws, settings: DEFAULT_SETTINGS })).rejects.toThrow(
      /invalid plan name `Add-Sku`: use lowercase letters, digits and underscores/,
    );
  });

  it('refuses to save on top of a broken chain', async () => {
    const copy = copyChain(dir);
    rmSync(join(copy, '0002_add_tags.sql'));
    await expect(savePlan({ dir: copy, name: 'next', input: desired(V1), ws, settings: DEFAULT_SETTINGS })).rejects.toThrow(UserError);
  });
});

describe('check', () => {
  it('passes when the replayed chain equals the YAML', async () => {
    expect(await checkChain(readChain(dir), desired(V3), ws)).toEqual([]);
  });

  it('fails when the YAML changed without a new plan, naming what differs and the fix', async () => {
    const problems = await checkChain(readChain(dir), desired(V3.replace('label: text', 'label: varchar(20)')), ws);
    expect(problems.map((p) => p.kind)).toEqual(['yaml_changed']);
    expect(problems[0]!.message).toMatch(/the YAML changed without a new plan/);
    expect(problems[0]!.message).toMatch(/column public\.tags\.label: differs/);
    expect(problems[0]!.fix).toBe('run pgform plan --save <name> and commit the files it writes');
    // An earlier YAML state is a change too.
    expect((await checkChain(readChain(dir), desired(V2), ws)).map((p) => p.kind)).toEqual(['yaml_changed']);
  });

  it('fails when only the reference rows changed without a new plan', async () => {
    const withRows = V3.replace('      label: text\n', '      label: text\n    data: [ { id: 1, label: first } ]\n');
    expect(withRows).not.toBe(V3);
    const problems = await checkChain(readChain(dir), desired(withRows), ws);
    expect(problems.map((p) => p.kind)).toEqual(['yaml_changed']);
    expect(problems[0]!.message).toMatch(/row public\.tags \(id=1\): in the YAML, not in the plans/);
  });

  it('refuses a plan edited after it was saved: by its plan-hash and by the checksum file', () => {
    const copy = copyChain(dir);
    const file = join(copy, '0002_add_tags.sql');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"label" text', '"label" varchar(99)'));
    expect(kinds(copy).sort()).toEqual(['checksum_mismatch', 'edited']);
    const problems = readChain(copy).problems;
    expect(problems.find((p) => p.kind === 'edited')!.message).toBe(
      '0002_add_tags.sql was edited after it was saved (its text no longer matches the plan-hash in its header)',
    );

    // Also fixing up the plan-hash in its header leaves the checksum to catch it.
    const edited = readFileSync(file, 'utf8');
    const split = edited.indexOf('\n\n');
    const body = edited.slice(split + 2);
    const header = edited.slice(0, split).split('\n');
    const signed = signedText(header.filter((l) => !l.startsWith('-- plan-hash: ')), body);
    writeFileSync(file, header.map((l) => (l.startsWith('-- plan-hash: ') ? `-- plan-hash: ${hashBody(signed)}` : l)).join('\n') + '\n\n' + body);
    expect(kinds(copy)).toEqual(['checksum_mismatch']);
    expect(readChain(copy).problems[0]!.message).toMatch(/0002_add_tags\.sql does not match its checksum in pgform\.sum: it was edited/);
  });

  it('refuses a missing plan: a gap in the numbers, and checksums of files that are gone', async () => {
    const copy = copyChain(dir);
    for (const f of ['0002_add_tags.sql', '0002_add_tags.down.sql', '0002_add_tags.md']) rmSync(join(copy, f));
    const problems = readChain(copy).problems;
    expect(problems.map((p) => p.kind).sort()).toEqual([
      'checksum_file_lists_missing',
      'checksum_file_lists_missing',
      'checksum_file_lists_missing',
      'gap',
      'link',
    ]);
    expect(problems.find((p) => p.kind === 'gap')!.message).toBe('plan 0002 is missing: the plans go 0001, 0003');
    // check reports them without replaying anything
    expect((await checkChain(readChain(copy), desired(V3), ws)).map((p) => p.kind)).toContain('gap');
  });

  it('refuses two plans with one number (two branches), and a plan saved on another chain', () => {
    const copy = copyChain(dir);
    const sums = new Map(readChecksums(copy)!.sums);
    for (const ext of ['.sql', '.down.sql', '.md']) {
      cpSync(join(copy, `0003_sku_for_price${ext}`), join(copy, `0003_other_branch${ext}`));
      sums.set(`0003_other_branch${ext}`, sums.get(`0003_sku_for_price${ext}`)!);
    }
    writeChecksums(copy, sums);
    const problems = readChain(copy).problems;
    expect(problems.map((p) => p.kind)).toEqual(['duplicate_number']);
    expect(problems[0]!.message).toBe(
      '2 plans share number 0003: 0003_other_branch.sql, 0003_sku_for_price.sql (two branches each added a plan)',
    );

    // Renumbered by hand, the other branch's plan still starts where 0002 ended: the chain does not link.
    for (const ext of ['.sql', '.down.sql', '.md']) {
      cpSync(join(copy, `0003_other_branch${ext}`), join(copy, `0004_other_branch${ext}`));
      rmSync(join(copy, `0003_other_branch${ext}`));
      sums.set(`0004_other_branch${ext}`, sums.get(`0003_other_branch${ext}`)!);
      sums.delete(`0003_other_branch${ext}`);
    }
    writeChecksums(copy, sums);
    expect(kinds(copy)).toEqual(['link']);
    expect(readChain(copy).problems[0]!.message).toMatch(/^0004_other_branch\.sql starts from state sha256:\w+, but 0003_sku_for_price\.sql ends at/);
  });

  it('refuses plan files the checksum file does not list, and a missing checksum file', () => {
    const copy = copyChain(dir);
    writeFileSync(join(copy, '0004_by_hand.sql'), readFileSync(join(copy, '0003_sku_for_price.sql'), 'utf8'));
    expect(kinds(copy)).toContain('not_in_checksums');
    rmSync(join(copy, 'pgform.sum'));
    expect(kinds(copy)).toContain('no_checksum_file');
    expect(existsSync(join(copy, 'pgform.sum'))).toBe(false);
  });
});
