import { describe, it } from 'vitest';
import { loadCases } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';

// The before/after corpus (test/cases), proven on the PostgreSQL 15 server.
describe('before/after cases on postgres', () => {
  for (const c of loadCases().filter((x) => x.engines.includes('postgres'))) {
    it(`${c.name}: ${c.description}`, () => runCase(c, 'postgres'));
  }
});
