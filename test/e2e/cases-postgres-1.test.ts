import { describe, it } from 'vitest';
import { caseNumber, loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), cases 1-59, proven on the PostgreSQL 15 server: A toward
// B's YAML, the same YAML on an empty database, and the reverse. Split in two files so that both
// test workers share it (cases-postgres-2.test.ts has the rest).
describe('before/after cases on postgres', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('postgres') && caseNumber(x.name) < 60)) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'postgres'));
  }
});
