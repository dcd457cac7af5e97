import { defineConfig } from 'vitest/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The embedded engines' initdb copies (src/db/pglite-template.ts) for this run only, shared by the
// test workers and the pgform processes the CLI tests start: the user's own cache stays untouched.
const engineCache = mkdtempSync(join(tmpdir(), 'pgform-engines-'));
// The normalization cache the corpus, systems and version suites share (test/support/run-cache.ts).
const normalizeCache = mkdtempSync(join(tmpdir(), 'pgform-test-cache-'));
process.on('exit', () => {
  rmSync(engineCache, { recursive: true, force: true });
  rmSync(normalizeCache, { recursive: true, force: true });
});

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/sql-parser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: the PGlite and the server corpus run side by side (the default would use one worker).
    maxWorkers: 2,
    env: { PGFORM_ENGINE_CACHE: engineCache, PGFORM_TEST_CACHE: normalizeCache },
  },
});
