import { describe, it } from 'vitest';
import { loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), proven on embedded PGlite.
describe('before/after cases on pglite', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('pglite'))) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'pglite'));
  }
});
