import type { Plan } from './plan.ts';
import { countHazards, oneLine, planHash, renderBody } from './render-sql.ts';
import { locksOf, longer, mergeLocks, relationDisplay } from './locks.ts';

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

/** A fence longer than any backtick run in the text, so the SQL cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** The plan as a pull-request comment: summary table, hazards with their steps, and the SQL. */
export function renderMarkdown(plan: Plan): string {
  const out: string[] = ['## pgform plan', ''];
  out.push(`- source: \`${plan.sourceFingerprint}\``);
  out.push(`- target: \`${plan.targetFingerprint}\``);
  out.push(`- plan-hash: \`${planHash(plan)}\``);
  out.push('');
  if (plan.steps.length === 0) {
    out.push('No changes: the database already matches the schema.', '');
    return out.join('\n');
  }
  const counts = new Map<string, { operation: string; kind: string; n: number }>();
  for (const s of plan.steps) {
    const k = `${s.operation} ${s.kind}`;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { operation: s.operation, kind: s.kind, n: 1 });
  }
  out.push(`${plan.steps.length} step(s):`, '', '| operation | kind | count |', '| --- | --- | ---: |');
  for (const c of counts.values()) out.push(`| ${c.operation} | ${c.kind} | ${c.n} |`);
  out.push('');

  out.push(...transactionTable(plan), '');

  out.push('### Hazards', '');
  const hazards = countHazards(plan.steps);
  if (hazards.length === 0) out.push('None.');
  else {
    out.push(hazards.map(([k, n]) => `\`${k}\`: ${n}`).join(', '), '');
    plan.steps.forEach((s, i) => {
      for (const h of s.hazards) {
        out.push(`- **${h.kind}**, step ${i + 1} (\`${cell(`${s.operation} ${s.kind} ${s.object}`)}\`): ${oneLine(h.message)}`);
      }
    });
  }
  out.push('');
  if (plan.notes.length) {
    out.push('### Notes', '', ...plan.notes.map((n) => `- ${oneLine(n)}`), '');
  }
  const body = renderBody(plan);
  const f = fence(body);
  out.push('### SQL', '', `${f}sql`, body.trimEnd(), f, '');
  return out.join('\n');
}

/** Each transaction (and each step outside one) with, per relation, the strongest lock it takes. */
function transactionTable(plan: Plan): string[] {
  const out = [
    '### Transactions',
    '',
    plan.mode === 'online'
      ? 'Mode `online`: each transaction commits before the next begins; a step that scans or rewrites a table runs alone.'
      : 'Mode `atomic`: consecutive transactional steps run in one transaction; its locks are held until it commits.',
    '',
    '| # | steps | duration | locks |',
    '| ---: | --- | --- | --- |',
  ];
  let k = 0;
  for (const t of plan.transactions) {
    const steps = plan.steps.slice(t.firstStep - 1, t.lastStep);
    const merged = mergeLocks(...steps.map(locksOf));
    const duration = steps.map((s) => locksOf(s).duration).reduce(longer, 'catalog');
    const label = t.transactional ? String(++k) : 'outside';
    const range = t.firstStep === t.lastStep ? `${t.firstStep}` : `${t.firstStep}-${t.lastStep}`;
    const locks = merged.relations.map((l) => `${relationDisplay(l.relation)}: ${l.level}`).join(', ') || 'no table locks';
    out.push(`| ${label} | ${range} | ${duration} | ${cell(locks)} |`);
  }
  return out;
}
