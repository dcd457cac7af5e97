import type { Plan } from '../plan/plan.ts';
import type { HazardKind } from '../plan/hazard.ts';
import { ALL_HAZARD_KINDS, needsConsent } from '../plan/hazard.ts';
import { UserError } from '../errors.ts';

export { HAZARDS_REQUIRING_CONSENT, needsConsent } from '../plan/hazard.ts';

export type AllowedHazards = ReadonlySet<HazardKind> | 'all';

/** Parses `--allow-hazards data_loss,table_rewrite` or `all`. */
export function parseAllowedHazards(text: string | undefined): AllowedHazards {
  if (!text) return new Set();
  if (text.trim() === 'all') return 'all';
  const out = new Set<HazardKind>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(ALL_HAZARD_KINDS as readonly string[]).includes(part)) {
      throw new UserError(`unknown hazard \`${part}\` in --allow-hazards (known: ${ALL_HAZARD_KINDS.join(', ')}, or all)`);
    }
    out.add(part as HazardKind);
  }
  return out;
}

export interface RefusedStep {
  readonly index: number;
  readonly object: string;
  readonly operation: string;
  readonly hazards: readonly HazardKind[];
}

/** The steps whose hazards need consent that was not given. Pure. */
export function refusedSteps(plan: Plan, allowed: AllowedHazards): RefusedStep[] {
  if (allowed === 'all') return [];
  const out: RefusedStep[] = [];
  plan.steps.forEach((s, i) => {
    const missing = [...new Set(s.hazards.filter(needsConsent).map((h) => h.kind))].filter((k) => !allowed.has(k));
    if (missing.length > 0) out.push({ index: i + 1, object: s.object, operation: `${s.operation} ${s.kind}`, hazards: missing });
  });
  return out;
}

export function refusalMessage(refused: readonly RefusedStep[]): string {
  const kinds = [...new Set(refused.flatMap((r) => r.hazards))].sort();
  const lines = refused.map((r) => `  step ${r.index}: ${r.operation} ${r.object}: ${r.hazards.join(', ')}`);
  return [
    `refusing to apply: ${refused.length} step(s) carry hazards that were not allowed:`,
    ...lines,
    `re-run with --allow-hazards ${kinds.join(',')} once you have reviewed them`,
  ].join('\n');
}
