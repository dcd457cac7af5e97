import { describe, it } from 'vitest';
import { caseNumber, loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), cases 1-59, proven on embedded PGlite: A toward B's YAML,
// applied, compared, planned again. The empty-database and reverse proofs run on the server
// (cases-postgres-{1,2}.test.ts), where they cost a fraction of the time; PGFORM_PGLITE_FULL=1 runs
// them here too (about 100 s more per file, left out of `npm test` for the suite's time). The corpus
// is split in two files so that both test workers share it.
const FULL = process.env.PGFORM_PGLITE_FULL === '1';

describe(`before/after cases on pglite${FULL ? ' (with the empty-database and reverse proofs)' : ''}`, () => {
  for (const c of loadCases().filter((x) => x.engines.includes('pglite') && caseNumber(x.name) < 60)) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'pglite', { full: FULL }));
  }
});
