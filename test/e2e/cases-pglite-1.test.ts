import { describe, it } from 'vitest';
import { caseNumber, loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), cases 1-59, proven on embedded PGlite, the default engine:
// A toward B's YAML, applied, compared, planned again; the same YAML on an empty database; and the
// reverse over A's rows. The corpus is split in two files so that both test workers share it.
describe('before/after cases on pglite', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('pglite') && caseNumber(x.name) < 60)) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'pglite'));
  }
});
