import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The normalization cache of this test run, shared by every test process (vitest.config.ts
 * creates it): a state the corpus, the systems and the version suites all use is normalized once
 * per run, by whichever file needs it first. The cache keys hold the scratch engine's identity and
 * its entries are written atomically, so processes can share it; outside vitest a fresh one.
 */
export function runCacheDir(): string {
  return process.env.PGFORM_TEST_CACHE ?? mkdtempSync(join(tmpdir(), 'pgform-cache-'));
}
