import { canonicalJson } from '../model/canonical-json.ts';
import type { Plan } from './plan.ts';
import { planHash } from './render-sql.ts';
import { needsConsent } from './hazard.ts';

/**
 * The plan and its hash as pretty-printed JSON with sorted keys (stable for diffs and tools).
 * Each hazard says whether apply refuses it without `--allow-hazards` (`needsConsent`).
 */
export function renderJson(plan: Plan): string {
  const steps = plan.steps.map((s) => ({ ...s, hazards: s.hazards.map((h) => ({ ...h, needsConsent: needsConsent(h) })) }));
  const sorted = JSON.parse(canonicalJson({ ...plan, steps, planHash: planHash(plan) })) as unknown;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
