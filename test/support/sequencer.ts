import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each long test file took in a measured run of the whole suite (files under 10 s are
 * left out). Only the order depends on it: a stale number costs time, never a result.
 */
const SECONDS: ReadonlyMap<string, number> = new Map(
  Object.entries(JSON.parse(readFileSync(new URL('./file-seconds.json', import.meta.url), 'utf8')) as Record<string, number>),
);

/**
 * Longest files first, so the two workers end together. Without it a fresh clone (no vitest
 * cache) starts the largest files first, and the corpus files, short to read but the longest to
 * run, started last and ran alone at the end.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const seconds = (f: TestSpecification) => SECONDS.get(relative(this.ctx.config.root, f.moduleId).split('\\').join('/')) ?? 0;
    // Array.prototype.sort is stable: files without a number keep the base order after the known ones.
    return [...base].sort((a, b) => seconds(b) - seconds(a));
  }
}
