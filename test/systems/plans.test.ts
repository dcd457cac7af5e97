import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { readChain } from '../../src/chain/chain.ts';
import { checkChain } from '../../src/chain/check.ts';
import { renderProblems } from '../../src/chain/problems.ts';
import { loadDesired } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { runCacheDir } from '../support/run-cache.ts';

// Rolling partition rules are evaluated for a fixed date; check does not depend on it (upkeep is
// not part of committed plans), test/e2e/rolling-partitions.test.ts shows it across dates.
vi.stubEnv('PGFORM_TODAY', '2026-12-04');

const ROOT = join(import.meta.dirname, '..', '..');
const workspace: Workspace = { cacheDir: runCacheDir(), devUrl: null };

/** Each system's committed chain and the YAML it must replay to (phase-c: base, then the runbook). */
const CHAINS = [
  { plans: 'plans/llm-governance', schema: 'schema/llm-governance' },
  { plans: 'plans/enterprise-ai', schema: 'schema/enterprise-ai' },
  { plans: 'plans/multitenant-saas', schema: 'schema/multitenant-saas' },
  { plans: 'plans/cmmc', schema: 'schema/cmmc' },
  { plans: 'plans/phase-c', schema: 'schema/phase-c/target' },
];

describe('the committed plans of the five systems', () => {
  it.each(CHAINS)('$plans is intact and replays to $schema (pgform check)', async ({ plans, schema }) => {
    const chain = readChain(join(ROOT, plans));
    expect(chain.plans.length).toBeGreaterThan(0);
    const problems = await checkChain(chain, loadDesired(join(ROOT, schema), null), workspace);
    // The rendered problems carry the differences and the fix (`pgform plan --save <name>`).
    expect(problems.length === 0 ? '' : renderProblems(problems)).toBe('');
  });

  it('phase-c is the base plan, the runbook as a second plan, then its reference rows', () => {
    const chain = readChain(join(ROOT, 'plans/phase-c'));
    expect(chain.plans.map((p) => p.id)).toEqual(['0001_base', '0002_runbook', '0003_reference_data']);
  });
});
