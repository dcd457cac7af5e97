/**
 * Replaying saved plans on the embedded TimescaleDB build, which cannot build or drop indexes
 * CONCURRENTLY: the plans are saved in their server form and replayed in the plain one.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChain } from '../../src/chain/chain.ts';
import { savePlan } from '../../src/chain/save.ts';
import { plainFormOf } from '../../src/sql/concurrently.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { desired, workspace } from './fixture.ts';

const V1 = `extensions:
  vector: {}
tables:
  docs:
    columns:
      id: { type: bigint, primary_key: true }
      title: text
      embedding: vector(3)
`;
const V2 = `${V1}    indexes:
      docs_title_idx: { columns: [title] }
`;

describe('replay on the embedded TimescaleDB build', () => {
  it('saves an index added to an existing table as CREATE INDEX CONCURRENTLY and replays it (save and reverse)', async () => {
    const ws = workspace();
    const dir = join(mkdtempSync(join(tmpdir(), 'pgform-chain-vector-')), 'plans');
    await savePlan({ dir, name: 'docs', input: desired(V1), ws, settings: DEFAULT_SETTINGS });
    const saved = await savePlan({ dir, name: 'title_index', input: desired(V2), ws, settings: DEFAULT_SETTINGS });
    expect(saved).not.toBeNull();
    const up = readFileSync(join(dir, '0002_title_index.sql'), 'utf8');
    const down = readFileSync(join(dir, '0002_title_index.down.sql'), 'utf8');
    expect(up).toContain('CREATE INDEX CONCURRENTLY "docs_title_idx" ON "public"."docs"');
    expect(down).toContain('DROP INDEX CONCURRENTLY IF EXISTS "public"."docs_title_idx"');
    // saving replayed plan 1, then ran the new plan and its reverse: the reverse came back (no note)
    expect(saved!.down.notes).toEqual([]);
    expect(readChain(dir).problems).toEqual([]);
    // the saved files are the server form still
    expect(readFileSync(join(dir, '0002_title_index.sql'), 'utf8')).toBe(up);
    expect(readdirSync(dir)).toContain('pgform.sum');
  }, 300_000);

  it('knows the plain form of each concurrent statement, and leaves others alone', () => {
    expect(plainFormOf('CREATE UNIQUE INDEX CONCURRENTLY "i" ON "s"."t" USING btree ("a")')).toBe('CREATE UNIQUE INDEX "i" ON "s"."t" USING btree ("a")');
    expect(plainFormOf('DROP INDEX CONCURRENTLY IF EXISTS "s"."i"')).toBe('DROP INDEX IF EXISTS "s"."i"');
    expect(plainFormOf('REINDEX (VERBOSE) INDEX CONCURRENTLY "s"."i"')).toBe('REINDEX (VERBOSE) INDEX "s"."i"');
    expect(plainFormOf('CREATE INDEX "i" ON "s"."t" USING btree ("a") WITH (timescaledb.transaction_per_chunk)')).toBe('CREATE INDEX "i" ON "s"."t" USING btree ("a")');
    expect(plainFormOf(`CREATE INDEX "i" ON "s"."t" USING btree ("a") WITH (timescaledb.transaction_per_chunk, "fillfactor" = '70') WHERE (a > 0)`)).toBe(
      `CREATE INDEX "i" ON "s"."t" USING btree ("a") WITH ("fillfactor" = '70') WHERE (a > 0)`,
    );
    expect(plainFormOf('CREATE INDEX "concurrently" ON "t" ("a")')).toBeNull();
    expect(plainFormOf('ALTER TABLE "t" ADD COLUMN "c" int')).toBeNull();
  });
});
