import { UserError } from '../errors.ts';
import type { Plan, PlanDataCheck, PlanSettings } from './plan.ts';
import { DEFAULT_SETTINGS } from './plan.ts';
import type { ObjectKind, Operation, Step } from './step.ts';
import { ALL_OBJECT_KINDS, ALL_OPERATIONS } from './step.ts';
import type { Hazard, HazardKind } from './hazard.ts';
import { ALL_HAZARD_KINDS } from './hazard.ts';
import { DATA_CHECK_PREFIX, HAZARD_INDENT, LOCKS_PREFIX, hashBody, PLAN_HASH_PREFIX, planHash, signedText } from './render-sql.ts';
import { formatLocks, parseLocks, type StepLocks } from './locks.ts';
import { PLAN_MODES, planTransactions, transactionsProblem, type PlanMode, type PlannedTransaction } from './transactions.ts';

const KINDS = ALL_OBJECT_KINDS;
const OPERATIONS = ALL_OPERATIONS;

export interface ParsedPlanFile {
  readonly plan: Plan;
  /** The body no longer matches the plan-hash recorded when the plan was made. */
  readonly edited: boolean;
}

/** The fields of a step the applier uses: what a plan file keeps (ordering edges are spent). */
export function executableStep(s: Step): Step {
  const out: Step = {
    kind: s.kind,
    object: s.object,
    operation: s.operation,
    sql: s.sql,
    hazards: s.hazards.map((h) => ({ kind: h.kind, message: h.message, ...(h.widensAccess ? { widensAccess: true } : {}) })),
    transactional: s.transactional,
    ...(s.locks ? { locks: s.locks } : {}),
    phase: 0,
  };
  const withBackfill = s.backfill ? { ...out, backfill: { batchSize: s.backfill.batchSize } } : out;
  return s.reason ? { ...withBackfill, reason: s.reason } : withBackfill;
}

/** Reads a plan file written by `renderSql` or `renderJson`. */
export function parsePlanFile(text: string): ParsedPlanFile {
  return text.trimStart().startsWith('{') ? parseJsonPlan(text) : parseSqlPlanText(text);
}

function fail(message: string): never {
  throw new UserError(`not a pgform plan file: ${message}`);
}

function parseJsonPlan(text: string): ParsedPlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`invalid JSON (${(e as Error).message})`);
  }
  const o = data as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || !Array.isArray(o.steps) || typeof o.sourceFingerprint !== 'string') {
    fail('JSON without steps and fingerprints');
  }
  const settings = (o.settings ?? DEFAULT_SETTINGS) as PlanSettings;
  const steps = (o.steps as unknown[]).map((s, i) => checkStep(s as Step, i + 1));
  const legacy = o.mode === undefined && o.transactions === undefined;
  const mode = legacy ? 'atomic' : checkMode(o.mode);
  const transactions = legacy ? planTransactions(steps, 'atomic') : checkTransactions(steps, o.transactions);
  const plan: Plan = {
    pgformVersion: String(o.pgformVersion ?? ''),
    sourceFingerprint: o.sourceFingerprint as string,
    targetFingerprint: String(o.targetFingerprint ?? ''),
    settings: { lockTimeout: String(settings.lockTimeout), statementTimeout: String(settings.statementTimeout) },
    steps,
    mode,
    transactions,
    notes: Array.isArray(o.notes) ? o.notes.map(String) : [],
    ...(Array.isArray(o.managedSchemas) ? { managedSchemas: o.managedSchemas.map(String) } : {}),
    ...(Array.isArray(o.dataChecks) && o.dataChecks.length > 0 ? { dataChecks: o.dataChecks.map((c: unknown, i: number) => checkDataCheck(c, i + 1)) } : {}),
  };
  return { plan, edited: typeof o.planHash !== 'string' || o.planHash !== planHash(plan) };
}

const DATA_CHECK_KINDS: readonly PlanDataCheck['kind'][] = ['rows', 'nulls', 'duplicates', 'violations'];

function checkDataCheck(value: unknown, n: number): PlanDataCheck {
  const c = (value ?? {}) as Record<string, unknown>;
  const fields = ['table', 'change', 'sql', 'fix'] as const;
  if (typeof value !== 'object' || fields.some((f) => typeof c[f] !== 'string') || !DATA_CHECK_KINDS.includes(c.kind as PlanDataCheck['kind'])) {
    fail(`data check ${n} is incomplete`);
  }
  return { table: c.table as string, change: c.change as string, sql: c.sql as string, kind: c.kind as PlanDataCheck['kind'], fix: c.fix as string };
}

function checkMode(mode: unknown): PlanMode {
  if (!PLAN_MODES.includes(mode as PlanMode)) fail(`unknown mode ${String(mode)} (online or atomic)`);
  return mode as PlanMode;
}

function checkTransactions(steps: readonly Step[], value: unknown): PlannedTransaction[] {
  if (!Array.isArray(value)) fail('JSON without transactions');
  const transactions = value.map((t: Record<string, unknown>) => ({
    transactional: t.transactional === true,
    firstStep: Number(t.firstStep),
    lastStep: Number(t.lastStep),
  }));
  const problem = transactionsProblem(steps, transactions);
  if (problem) fail(problem);
  return transactions;
}

function checkStep(s: Step, n: number): Step {
  if (typeof s !== 'object' || s === null) fail(`step ${n} is not an object`);
  if (!KINDS.includes(s.kind)) fail(`step ${n} has unknown kind ${String(s.kind)}`);
  if (!OPERATIONS.includes(s.operation)) fail(`step ${n} has unknown operation ${String(s.operation)}`);
  if (typeof s.sql !== 'string' || typeof s.transactional !== 'boolean' || !Array.isArray(s.hazards)) fail(`step ${n} is incomplete`);
  for (const h of s.hazards) if (!ALL_HAZARD_KINDS.includes(h.kind)) fail(`step ${n} has unknown hazard ${String(h.kind)}`);
  if (s.locks !== undefined && parseLocks(formatLocks(s.locks)) === null) fail(`step ${n} has unreadable locks`);
  // `needsConsent` is derived (renderJson writes it for readers), never read back.
  const hazards = s.hazards.map((h) => ({ kind: h.kind, message: h.message, ...(h.widensAccess === true ? { widensAccess: true } : {}) }));
  return { ...s, hazards, phase: typeof s.phase === 'number' ? s.phase : 0 };
}

/** Reads a SQL string literal as written by `literal()`. */
function unquote(lit: string): string {
  return lit.slice(1, -1).replace(/''/g, "'");
}

function headerValue(header: readonly string[], name: string): string | null {
  const prefix = `-- ${name}: `;
  const line = header.find((l) => l.startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length);
}

/** Reads a plan file written by `renderSql`. */
export function parseSqlPlanText(text: string): ParsedPlanFile {
  const normalized = text.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  if (split < 0) fail('no blank line after the header');
  const header = normalized.slice(0, split).split('\n');
  const body = normalized.slice(split + 2);
  if (header[0] !== '-- pgform plan') fail('the first line is not `-- pgform plan`');
  const source = headerValue(header, 'source');
  const target = headerValue(header, 'target');
  if (header.filter((l) => l.startsWith(PLAN_HASH_PREFIX)).length > 1) fail('more than one plan-hash line');
  const recordedHash = headerValue(header, 'plan-hash');
  if (source === null || target === null) fail('the header has no source/target fingerprints');
  const managed = headerValue(header, 'managed-schemas');
  const notes = header.filter((l) => l.startsWith('-- note: ')).map((l) => l.slice('-- note: '.length));
  const dataChecks = header.filter((l) => l.startsWith(DATA_CHECK_PREFIX)).map((l, i) => {
    try {
      return checkDataCheck(JSON.parse(l.slice(DATA_CHECK_PREFIX.length)), i + 1);
    } catch (e) {
      if (e instanceof UserError) throw e;
      return fail(`data check ${i + 1} is not readable JSON`);
    }
  });

  const lines = body.split('\n');
  const settings = parseSettings(lines);
  const modeText = headerValue(header, 'mode');
  const { steps, transactions } = parseSteps(lines, modeText === null);
  const mode = modeText === null ? 'atomic' : checkMode(modeText);
  let managedSchemas: string[] | undefined;
  if (managed !== null) {
    try {
      managedSchemas = (JSON.parse(managed) as unknown[]).map(String);
    } catch {
      fail('unreadable managed-schemas line');
    }
  }
  const plan: Plan = {
    pgformVersion: headerValue(header, 'pgform-version') ?? '',
    sourceFingerprint: source,
    targetFingerprint: target,
    settings,
    steps,
    mode,
    transactions,
    notes,
    ...(managedSchemas ? { managedSchemas } : {}),
    ...(dataChecks.length > 0 ? { dataChecks } : {}),
  };
  const signed = signedText(header.filter((l) => !l.startsWith(PLAN_HASH_PREFIX)), body);
  return { plan, edited: recordedHash === null || recordedHash !== hashBody(signed) };
}

function parseSettings(lines: readonly string[]): PlanSettings {
  const find = (name: string) => {
    const re = new RegExp(`^SET ${name} = ('(?:[^']|'')*');$`);
    for (const l of lines) {
      if (l.startsWith('-- step ')) break;
      const m = re.exec(l);
      if (m) return unquote(m[1]!);
    }
    return null;
  };
  return {
    lockTimeout: find('lock_timeout') ?? DEFAULT_SETTINGS.lockTimeout,
    statementTimeout: find('statement_timeout') ?? DEFAULT_SETTINGS.statementTimeout,
  };
}

const BACKFILL_LINE = /^--   backfill: batches of (\d+) rows,/;

const STEP_HEADER = /^-- step (\d+)\/(\d+): (\S+) (\S+) (.*)$/;

/** Drops trailing blank lines. */
function trimEnd(block: readonly string[]): string[] {
  let end = block.length;
  while (end > 0 && block[end - 1] === '') end--;
  return block.slice(0, end);
}

const TRANSACTION_TITLE = /^-- transaction (\d+)\/(\d+): steps? (\d+)(?:-(\d+))?$/;
const COMMIT_LINE = /^COMMIT; -- transaction (\d+)\/(\d+)$/;

/**
 * The lines between two steps may end one transaction (`COMMIT; -- transaction k/n`) and begin
 * the next (`-- transaction k/n: ...` then `BEGIN;`). Takes them off the end of a block.
 */
function takeMarkers(block: readonly string[]): { rest: string[]; begins: number | null; commits: number | null } {
  let rest = trimEnd(block);
  let begins: number | null = null;
  let commits: number | null = null;
  if (rest.length >= 2 && rest[rest.length - 1] === 'BEGIN;') {
    const m = TRANSACTION_TITLE.exec(rest[rest.length - 2]!);
    if (m) {
      begins = Number(m[1]);
      rest = trimEnd(rest.slice(0, -2));
    }
  }
  const c = rest.length > 0 ? COMMIT_LINE.exec(rest[rest.length - 1]!) : null;
  if (c) {
    commits = Number(c[1]);
    rest = trimEnd(rest.slice(0, -1));
  }
  return { rest, begins, commits };
}

function stepStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let total = -1;
  lines.forEach((l, i) => {
    const m = STEP_HEADER.exec(l);
    // A step starts at `-- step k/n:` for the next k after a blank line (SQL may quote such text).
    if (!m || (i > 0 && lines[i - 1] !== '')) return;
    const k = Number(m[1]);
    const n = Number(m[2]);
    if (k !== starts.length + 1 || (total >= 0 && n !== total)) return;
    total = n;
    starts.push(i);
  });
  if (total >= 0 && starts.length !== total) fail(`expected ${total} steps, found ${starts.length}`);
  return starts;
}

/**
 * The steps and the transactions they run in. `legacy`: a file from before planned transactions
 * (no markers): consecutive transactional steps ran as one transaction, and still do.
 */
function parseSteps(lines: readonly string[], legacy: boolean): { steps: Step[]; transactions: PlannedTransaction[] } {
  const starts = stepStarts(lines);
  const blocks = starts.map((start, idx) => lines.slice(start, idx + 1 < starts.length ? starts[idx + 1]! : lines.length));
  const preamble = takeMarkers(lines.slice(0, starts[0] ?? lines.length));
  const steps: Step[] = [];
  const transactions: PlannedTransaction[] = [];
  let open: number | null = preamble.begins === null ? null : steps.length + 1;
  let opened = preamble.begins === null ? 0 : 1;
  if (preamble.begins !== null && preamble.begins !== 1) fail('the first transaction is not numbered 1');
  if (preamble.commits !== null) fail('COMMIT before any step');
  blocks.forEach((block, idx) => {
    const n = idx + 1;
    const marks = takeMarkers(block);
    steps.push(parseStep(marks.rest, n));
    if (open === null) transactions.push({ transactional: false, firstStep: n, lastStep: n });
    if (marks.commits !== null) {
      if (open === null || marks.commits !== opened) fail(`step ${n} is followed by a COMMIT of transaction ${marks.commits}, which is not open`);
      transactions.push({ transactional: true, firstStep: open, lastStep: n });
      open = null;
    }
    if (marks.begins !== null) {
      if (open !== null) fail(`transaction ${marks.begins} begins before transaction ${opened} committed`);
      if (marks.begins !== opened + 1) fail(`transaction ${marks.begins} is out of order`);
      opened = marks.begins;
      open = n + 1;
    }
  });
  if (open !== null) fail(`transaction ${opened} has no COMMIT`);
  if (legacy) {
    if (opened > 0) fail('transactions without a `-- mode:` header line');
    return { steps, transactions: planTransactions(steps, 'atomic') };
  }
  const problem = transactionsProblem(steps, transactions);
  if (problem) fail(problem);
  // The markers must read exactly as rendered (numbering, step ranges).
  const count = transactions.filter((t) => t.transactional).length;
  if (count !== opened) fail('the transactions are not numbered in order');
  return { steps, transactions };
}

function parseStep(block: readonly string[], n: number): Step {
  const m = STEP_HEADER.exec(block[0]!)!;
  const operation = m[3] as Operation;
  const kind = m[4] as ObjectKind;
  if (!OPERATIONS.includes(operation)) fail(`step ${n} has unknown operation ${operation}`);
  if (!KINDS.includes(kind)) fail(`step ${n} has unknown kind ${kind}`);
  let transactional = true;
  let locks: StepLocks | undefined;
  let reason: string | undefined;
  let backfill: { batchSize: number } | undefined;
  const hazards: Hazard[] = [];
  let i = 1;
  let inHazards = false;
  for (; i < block.length; i++) {
    const l = block[i]!;
    if (l.startsWith('--   transactional: ')) {
      transactional = l.slice('--   transactional: '.length) !== 'no';
      inHazards = false;
    } else if (l.startsWith(LOCKS_PREFIX)) {
      locks = parseLocks(l.slice(LOCKS_PREFIX.length)) ?? fail(`step ${n} has an unreadable locks line`);
      inHazards = false;
    } else if (l === '--   hazards: none') {
      inHazards = false;
    } else if (l.startsWith('--   hazards: ')) {
      hazards.push(parseHazard(l.slice('--   hazards: '.length), n));
      inHazards = true;
    } else if (inHazards && l.startsWith(HAZARD_INDENT)) {
      hazards.push(parseHazard(l.slice(HAZARD_INDENT.length), n));
    } else if (BACKFILL_LINE.test(l)) {
      backfill = { batchSize: Number(BACKFILL_LINE.exec(l)![1]) };
      inHazards = false;
    } else if (l.startsWith('--   reason: ')) {
      reason = l.slice('--   reason: '.length);
      inHazards = false;
    } else break;
  }
  let sqlLines = block.slice(i);
  while (sqlLines.length > 0 && sqlLines[sqlLines.length - 1] === '') sqlLines = sqlLines.slice(0, -1);
  let sql = sqlLines.join('\n');
  if (!sql.endsWith(';')) fail(`step ${n} does not end with a semicolon`);
  sql = sql.slice(0, -1);
  const step: Step = { kind, object: m[5]!, operation, sql, hazards, transactional, ...(locks ? { locks } : {}), phase: 0, ...(backfill ? { backfill } : {}) };
  return reason !== undefined ? { ...step, reason } : step;
}

function parseHazard(text: string, n: number): Hazard {
  const m = /^(\S+)( \[widens access\])? \((.*)\)$/.exec(text);
  if (!m || !ALL_HAZARD_KINDS.includes(m[1] as HazardKind)) fail(`step ${n} has an unreadable hazard line: ${text}`);
  return { kind: m[1] as HazardKind, message: m[3]!, ...(m[2] ? { widensAccess: true } : {}) };
}
