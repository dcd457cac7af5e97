import { describe, it } from 'vitest';
import { caseNumber, loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), cases 1-59, proven on the PostgreSQL 15 server: A toward B's
// YAML, the same YAML on an empty database, and the reverse. Split in two files so that both test
// workers share it. Last case first: where a worker runs the PGlite file of the same cases at the
// same time, the two meet in the middle, and each state is normalized once (the run's shared cache)
// rather than by both at once.
describe('before/after cases on postgres', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('postgres') && caseNumber(x.name) < 60).reverse()) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'postgres'));
  }
});
