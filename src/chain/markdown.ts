import type { Plan } from '../plan/plan.ts';
import type { DatabaseModel } from '../model/database.ts';
import { renderMarkdown } from '../plan/render-markdown.ts';
import { countHazards } from '../plan/render-sql.ts';
import { needsConsent } from '../plan/hazard.ts';
import { downFile, upFile } from './names.ts';

/** The pull-request twin of a saved plan: the plan, then what its reverse would do. */
export function renderChainMarkdown(id: string, number: number, plan: Plan, down: Plan, target?: DatabaseModel): string {
  const hazards = countHazards(down.steps);
  const consent = [...new Set(down.steps.flatMap((s) => s.hazards.filter(needsConsent).map((h) => h.kind)))].sort();
  const previous = String(number - 1).padStart(4, '0');
  const lines = [
    `# ${upFile(id)}`,
    '',
    renderMarkdown(plan, target).trimEnd(),
    '',
    `## Rollback (\`${downFile(id)}\`)`,
    '',
    `${down.steps.length} step(s); hazards: ${hazards.length ? hazards.map(([k, n]) => `\`${k}\`: ${n}`).join(', ') : 'none'}.`,
    '',
    `Run with \`pgform apply --down-to ${previous}\`` +
      (consent.length ? ` (refused unless \`--allow-hazards ${consent.join(',')}\`).` : '.'),
    ...down.notes.map((n) => `\n> ${n}`),
    '',
  ];
  return lines.join('\n');
}
