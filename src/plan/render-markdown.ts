import type { DatabaseModel } from '../model/database.ts';
import { renderErDiagram } from './render-er-diagram.ts';
import type { Plan, PlanDataCheck } from './plan.ts';
import { commitLine, countHazards, oneLine, planHash, renderStep, transactionTitle } from './render-sql.ts';
import { literal } from '../sql/quote.ts';
import { needsConsent } from './hazard.ts';
import { locksOf, longer, mergeLocks, relationDisplay } from './locks.ts';

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

/** A fence longer than any backtick run in the text, so the SQL cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** GitHub refuses comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

/** What `apply` decides about the plan: the steps it refuses and the exact flag that lets them run. */
function decision(plan: Plan): string[] {
  const refused = plan.steps.filter((s) => s.hazards.some(needsConsent));
  if (refused.length === 0) return ['**Decision:** `pgform apply` runs this plan as it is: no hazard needs consent.'];
  const kinds = [...new Set(refused.flatMap((s) => s.hazards.filter(needsConsent).map((h) => h.kind)))].sort();
  return [
    `**Decision:** \`pgform apply\` refuses ${refused.length} step(s) of this plan unless run with \`--allow-hazards ${kinds.join(',')}\`:`,
    '',
    ...kinds.map((k) => `- \`${k}\`: ${refused.filter((s) => s.hazards.some((h) => h.kind === k && needsConsent(h))).length} step(s)`),
  ];
}

/**
 * The facts about the live rows the plan was made with (they held then; apply checks them again
 * before its first step and refuses the plan when one no longer holds).
 */
function dataCheckList(plan: Plan): string[] {
  const checks = plan.dataChecks ?? [];
  if (checks.length === 0) return [];
  return [
    '### Data checks',
    '',
    `Checked against the live rows when this plan was made; \`pgform apply\` checks them again before its first step:`,
    '',
    ...checks.map((c) => `- ${cell(c.change)} (\`${cell(c.table)}\`): ${DATA_CHECK_WHAT[c.kind]}`),
    '',
  ];
}

const DATA_CHECK_WHAT: Readonly<Record<PlanDataCheck['kind'], string>> = {
  rows: 'the table has no rows',
  nulls: 'no row holds NULL there',
  duplicates: 'no duplicate values',
  violations: 'no row violates it',
};

/**
 * The plan as a pull-request comment, decision first: what apply refuses and the flag it needs,
 * the summary, the transactions with their strongest locks, the hazards, then the SQL folded per
 * transaction. Kept under GitHub's comment limit: past it, the hazard list is cut and then the SQL
 * left to the plan file.
 */
/**
 * `target`, the state the plan leads to, adds a diagram of the tables the plan changes (dropped
 * first when the comment would be too long).
 */
export function renderMarkdown(plan: Plan, target?: DatabaseModel): string {
  const out: string[] = ['## pgform plan', ''];
  out.push(`- source: \`${plan.sourceFingerprint}\``);
  out.push(`- target: \`${plan.targetFingerprint}\``);
  out.push(`- plan-hash: \`${planHash(plan)}\``);
  out.push('');
  if (plan.steps.length === 0) {
    out.push('No changes: the database already matches the schema.', '');
    return out.join('\n');
  }
  out.push(...decision(plan), '');
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
  const items: string[] = [];
  if (hazards.length === 0) out.push('None.');
  else {
    out.push(hazards.map(([k, n]) => `\`${k}\`: ${n}`).join(', '), '');
    plan.steps.forEach((s, i) => {
      for (const h of s.hazards) {
        const mark = needsConsent(h) ? ' (needs consent)' : '';
        items.push(`- **${h.kind}**${mark}, step ${i + 1} (\`${cell(`${s.operation} ${s.kind} ${s.object}`)}\`): ${oneLine(h.message)}`);
      }
    });
  }
  const notes = [
    ...dataCheckList(plan),
    ...(plan.notes.length ? ['### Notes', '', ...plan.notes.map((n) => `- ${oneLine(n)}`), ''] : []),
  ];
  const sql = foldedSql(plan);
  const diagram = target ? renderErDiagram(plan.steps, target) : null;
  const tables = diagram ? ['### Tables this plan changes', '', ...diagram, ''] : [];
  const assemble = (list: readonly string[], sqlPart: readonly string[], withTables = true) =>
    [...out, ...list, '', ...notes, ...(withTables ? tables : []), ...sqlPart].join('\n');
  let text = assemble(items, sql);
  if (text.length <= COMMENT_LIMIT) return text;
  text = assemble(items, sql, false);
  if (text.length <= COMMENT_LIMIT) return text;
  // Too long for one comment: keep the decision, the tables and as much of the list as fits; the file has it all.
  const pointer = [
    '### SQL',
    '',
    `The SQL of the ${plan.steps.length} step(s) does not fit in a comment: read it in the plan file (\`pgform plan --out plan.sql\`, or the saved \`plans/NNNN_name.sql\`), plan-hash \`${planHash(plan)}\`.`,
    '',
  ];
  const room = COMMENT_LIMIT - assemble([], pointer, false).length - 200;
  const kept: string[] = [];
  let used = 0;
  for (const line of items) {
    if (used + line.length + 1 > room) break;
    kept.push(line);
    used += line.length + 1;
  }
  if (kept.length < items.length) kept.push(`- ... and ${items.length - kept.length} more hazard line(s): see the plan file`);
  text = assemble(kept, pointer, false);
  return text;
}

/** The settings, then each transaction (or step outside one) folded in its own `<details>`. */
function foldedSql(plan: Plan): string[] {
  const total = plan.steps.length;
  const transactional = plan.transactions.filter((t) => t.transactional).length;
  const settings = [
    `SET lock_timeout = ${literal(plan.settings.lockTimeout)};`,
    `SET statement_timeout = ${literal(plan.settings.statementTimeout)};`,
    'SET check_function_bodies = off;',
  ].join('\n');
  const out = ['### SQL', '', '```sql', settings, '```', ''];
  let k = 0;
  for (const t of plan.transactions) {
    const steps = plan.steps.slice(t.firstStep - 1, t.lastStep).map((s, i) => renderStep(s, t.firstStep + i, total));
    const range = t.firstStep === t.lastStep ? `step ${t.firstStep}` : `steps ${t.firstStep}-${t.lastStep}`;
    let body: string;
    let summary: string;
    if (t.transactional) {
      k++;
      body = [`${transactionTitle(t, k, transactional)}\nBEGIN;`, ...steps, commitLine(k, transactional)].join('\n\n');
      summary = `transaction ${k}/${transactional}: ${range}`;
    } else {
      body = steps.join('\n\n');
      summary = `outside a transaction: ${range}`;
    }
    const titles = plan.steps.slice(t.firstStep - 1, t.lastStep).map((s) => `${s.operation} ${s.kind} ${s.object}`);
    const shown = titles.length > 3 ? `${titles.slice(0, 3).join(', ')}, ...` : titles.join(', ');
    const f = fence(body);
    out.push('<details>', `<summary>${escapeHtml(`${summary} (${shown})`)}</summary>`, '', `${f}sql`, body, f, '', '</details>', '');
  }
  return out;
}

function escapeHtml(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
