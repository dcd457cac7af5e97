import { sha256 } from '../model/fingerprint.ts';
import { literal } from '../sql/quote.ts';
import type { Plan } from './plan.ts';
import type { Step } from './step.ts';
import type { HazardKind } from './hazard.ts';
import { ALL_HAZARD_KINDS } from './hazard.ts';
import { formatLocks, locksOf } from './locks.ts';
import type { PlannedTransaction } from './transactions.ts';
import { UserError } from '../errors.ts';
import { parseSqlPlanText } from './parse.ts';

/** Header and step comments are one line each: line breaks in names or messages become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ');
}

export function stepTitle(s: Step): string {
  return `${s.operation} ${s.kind} ${oneLine(s.object)}`;
}

/** Written after `authz_change` when the change widens access (and so needs consent). */
export const WIDENS_MARK = ' [widens access]';

/** Where `hazards:` continuation lines start, under the first hazard. */
export const HAZARD_INDENT = '--            ';

/** Read back by parse.ts (`BACKFILL_LINE`). */
function backfillLine(batchSize: number): string {
  return `--   backfill: batches of ${batchSize} rows, each its own transaction, repeated until none is left (a re-run continues where it stopped)`;
}

export function renderStep(s: Step, index: number, total: number): string {
  const lines = [
    `-- step ${index}/${total}: ${stepTitle(s)}`,
    `--   transactional: ${s.transactional ? 'yes' : 'no'}`,
    `${LOCKS_PREFIX}${formatLocks(locksOf(s))}`,
  ];
  if (s.hazards.length === 0) lines.push('--   hazards: none');
  s.hazards.forEach((h, i) => lines.push(`${i === 0 ? '--   hazards: ' : HAZARD_INDENT}${h.kind}${h.widensAccess ? WIDENS_MARK : ''} (${oneLine(h.message)})`));
  if (s.backfill) lines.push(backfillLine(s.backfill.batchSize));
  if (s.reason) lines.push(`--   reason: ${oneLine(s.reason)}`);
  lines.push(`${s.sql};`);
  return lines.join('\n');
}

export const LOCKS_PREFIX = '--   locks: ';

/** `-- transaction 2/7: steps 3-9` and `BEGIN;`: the first lines of a transaction. */
export function transactionTitle(t: PlannedTransaction, k: number, n: number): string {
  const steps = t.firstStep === t.lastStep ? `step ${t.firstStep}` : `steps ${t.firstStep}-${t.lastStep}`;
  return `-- transaction ${k}/${n}: ${steps}`;
}

/** The last line of transaction k of n. */
export function commitLine(k: number, n: number): string {
  return `COMMIT; -- transaction ${k}/${n}`;
}

/** Everything after the header: the settings and the steps, in their transactions. This is what plan-hash covers. */
export function renderBody(plan: Plan): string {
  const total = plan.steps.length;
  const transactional = plan.transactions.filter((t) => t.transactional);
  const groups: string[] = [];
  let k = 0;
  for (const t of plan.transactions) {
    const steps = plan.steps.slice(t.firstStep - 1, t.lastStep).map((s, i) => renderStep(s, t.firstStep + i, total));
    if (!t.transactional) groups.push(...steps);
    else {
      k++;
      groups.push(`${transactionTitle(t, k, transactional.length)}\nBEGIN;`, ...steps, commitLine(k, transactional.length));
    }
  }
  const parts = [
    [
      `SET lock_timeout = ${literal(plan.settings.lockTimeout)};`,
      `SET statement_timeout = ${literal(plan.settings.statementTimeout)};`,
      // As pg_dump does: function bodies may use objects created later in the plan.
      'SET check_function_bodies = off;',
    ].join('\n'),
    ...groups,
  ];
  return `${parts.join('\n\n')}\n`;
}

export function hashBody(body: string): string {
  return `sha256:${sha256(body)}`;
}

/**
 * The plan's signature: the hash of the whole file as rendered (header and body) without its own
 * `-- plan-hash:` line, so an edit anywhere (a fingerprint, the managed schemas, a hazard line,
 * a statement) is seen.
 */
export function planHash(plan: Plan): string {
  return hashBody(signedText(headerLines(plan), renderBody(plan)));
}

/** The hash plans had when it covered the body only: history rows written then still match. */
export function bodyOnlyHash(plan: Plan): string {
  return hashBody(renderBody(plan));
}

export const PLAN_HASH_PREFIX = '-- plan-hash: ';

/** What the plan-hash covers: the header lines other than the hash's own, a blank line, the body. */
export function signedText(headerWithoutHash: readonly string[], body: string): string {
  return `${headerWithoutHash.join('\n')}\n\n${body}`;
}

export function isEmpty(plan: Plan): boolean {
  return plan.steps.length === 0;
}

/** `create table` -> count, in order of first appearance. */
export function countByOperation(steps: readonly Step[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of steps) {
    const k = `${s.operation} ${s.kind}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts];
}

export function countHazards(steps: readonly Step[]): [HazardKind, number][] {
  return ALL_HAZARD_KINDS.map((k) => [k, steps.filter((s) => s.hazards.some((h) => h.kind === k)).length] as [HazardKind, number]).filter(
    ([, n]) => n > 0,
  );
}

/**
 * `-- mode: online` (or `atomic`) in the header; the transactions themselves are in the body.
 * Plan files without it predate planned transactions: they run as `atomic` did.
 */
export const MODE_PREFIX = '-- mode: ';

/** A data check the plan was made with (see `PlanDataCheck`), in the header. */
export const DATA_CHECK_PREFIX = '-- data-check: ';

/** The header's lines without the plan-hash line (which goes right before the mode line). */
function headerLines(plan: Plan): string[] {
  const lines = [
    '-- pgform plan',
    `-- pgform-version: ${oneLine(plan.pgformVersion)}`,
    `-- source: ${oneLine(plan.sourceFingerprint)}`,
    `-- target: ${oneLine(plan.targetFingerprint)}`,
  ];
  if (plan.managedSchemas) lines.push(`-- managed-schemas: ${JSON.stringify(plan.managedSchemas)}`);
  lines.push(`${MODE_PREFIX}${plan.mode}`);
  if (plan.steps.length === 0) lines.push('-- no changes');
  else {
    lines.push(`-- steps: ${plan.steps.length}`);
    for (const [k, n] of countByOperation(plan.steps)) lines.push(`--   ${k}: ${n}`);
    const hazards = countHazards(plan.steps);
    lines.push(`-- hazards: ${hazards.length ? hazards.map(([k, n]) => `${k}: ${n}`).join(', ') : 'none'}`);
  }
  for (const n of plan.notes) lines.push(`-- note: ${oneLine(n)}`);
  // One JSON object a line (JSON has no raw line breaks), covered by the plan-hash like every line.
  for (const c of plan.dataChecks ?? []) lines.push(`${DATA_CHECK_PREFIX}${JSON.stringify({ table: c.table, change: c.change, kind: c.kind, sql: c.sql, fix: c.fix })}`);
  return lines;
}

/** The header: `-- ` lines, no blank line (the first blank line ends it). */
function renderHeader(plan: Plan, body: string): string {
  const lines = headerLines(plan);
  const at = lines.findIndex((l) => l.startsWith(MODE_PREFIX));
  const hash = `${PLAN_HASH_PREFIX}${hashBody(signedText(lines, body))}`;
  return `${[...lines.slice(0, at), hash, ...lines.slice(at)].join('\n')}\n`;
}

/**
 * The plan as a reviewable SQL file; `parsePlanFile` reads it back. Deterministic: the same plan
 * gives the same bytes.
 */
export function renderSql(plan: Plan): string {
  const body = renderBody(plan);
  const text = `${renderHeader(plan, body)}\n${body}`;
  requireUnambiguous(plan, text);
  return text;
}

/**
 * A statement (a function body, a comment's text) may hold lines that read as a step header.
 * The file is written only when it reads back as exactly these steps: no text inside a
 * statement can make it parse as another plan.
 */
function requireUnambiguous(plan: Plan, text: string): void {
  let back: readonly Step[] = [];
  try {
    back = parseSqlPlanText(text).plan.steps;
  } catch {
    // Unreadable as rendered: treated as a mismatch below.
  }
  const same = back.length === plan.steps.length && back.every((s, i) => s.sql === plan.steps[i]!.sql && s.object === oneLine(plan.steps[i]!.object));
  if (!same) {
    const i = Math.max(0, back.findIndex((s, k) => s.sql !== plan.steps[k]?.sql));
    const s = plan.steps[i];
    throw new UserError(
      `step ${i + 1} (${s ? stepTitle(s) : '?'}) holds text that reads as the start of a plan step ` +
        '(a blank line, then `-- step k/n:`); pgform does not write a plan file that could read as other steps: change that text',
    );
  }
}
