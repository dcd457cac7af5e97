import { describe, it } from 'vitest';
import { caseNumber, loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), cases from 60 on, proven on the PostgreSQL 15 server: A toward
// B's YAML, the same YAML on an empty database, and the reverse. Split in two files so that both
// test workers share it (cases-postgres-1.test.ts has the first ones).
describe('before/after cases on postgres', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('postgres') && caseNumber(x.name) >= 60)) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'postgres'));
  }
});
