import { canonicalJson } from '../model/canonical-json.ts';
import type { Plan } from './plan.ts';
import { planHash } from './render-sql.ts';

/** The plan and its hash as pretty-printed JSON with sorted keys (stable for diffs and tools). */
export function renderJson(plan: Plan): string {
  const sorted = JSON.parse(canonicalJson({ ...plan, planHash: planHash(plan) })) as unknown;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
