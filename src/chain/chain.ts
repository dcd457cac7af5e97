import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plan } from '../plan/plan.ts';
import { parsePlanFile } from '../plan/parse.ts';
import { EXIT, UserError } from '../errors.ts';
import { CHECKSUM_FILE, downFile, markdownFile, parsePlanFileName, planId, upFile } from './names.ts';
import { fileChecksum, readChecksums, type Checksums } from './checksums.ts';
import { renderProblems, type ChainProblem } from './problems.ts';

/** One file of a plan, read and parsed. */
export interface PlanFile {
  readonly file: string;
  readonly text: string;
  readonly plan: Plan;
  /** Its body no longer matches the plan-hash in its header. */
  readonly edited: boolean;
}

/** One saved plan: `NNNN_name.sql` and its reverse `NNNN_name.down.sql`. */
export interface ChainPlan {
  readonly number: number;
  readonly name: string;
  /** `0003_add_sku`. */
  readonly id: string;
  readonly up: PlanFile;
  readonly down: PlanFile | null;
}

/** A plans folder: the plans in order, and everything wrong with it. */
export interface Chain {
  readonly dir: string;
  /** Sorted by number (then name, when two share a number: the chain is then invalid). */
  readonly plans: readonly ChainPlan[];
  readonly problems: readonly ChainProblem[];
  /** The checksum file's contents (empty when there is none). */
  readonly checksums: Checksums;
}

export function managedSchemasOfPlan(plan: Plan): readonly string[] {
  return plan.managedSchemas ?? ['public'];
}

function readPlanFile(dir: string, file: string, problems: ChainProblem[]): PlanFile | null {
  const text = readFileSync(join(dir, file), 'utf8');
  try {
    const parsed = parsePlanFile(text);
    return { file, text, plan: parsed.plan, edited: parsed.edited };
  } catch (e) {
    problems.push({
      kind: 'unreadable',
      message: `${file} cannot be read as a plan: ${(e as Error).message}`,
      fix: 'restore it from version control (plans are only ever written by pgform plan --save)',
    });
    return null;
  }
}

/**
 * Reads a plans folder and checks everything that needs no database: file names, numbering (no
 * duplicates, no gaps), each plan's own plan-hash, the checksum file, and that each plan starts
 * where the previous one ends. A missing folder is an empty chain.
 */
export function readChain(dir: string): Chain {
  if (!existsSync(dir)) return { dir, plans: [], problems: [], checksums: new Map() };
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is not a directory (give --plans DIR)`);
  const problems: ChainProblem[] = [];
  const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();

  const ids = new Map<string, { number: number; name: string; roles: Set<string> }>();
  for (const f of files) {
    if (f === CHECKSUM_FILE) continue;
    const parsed = parsePlanFileName(f);
    if (!parsed) {
      if (f.endsWith('.sql')) {
        problems.push({
          kind: 'bad_file_name',
          message: `${f} is not named like a plan (NNNN_name.sql)`,
          fix: 'plans are written by pgform plan --save NAME; move other SQL files out of the plans folder',
        });
      }
      continue;
    }
    const id = planId(parsed.number, parsed.name);
    const entry = ids.get(id) ?? { number: parsed.number, name: parsed.name, roles: new Set<string>() };
    entry.roles.add(parsed.role);
    ids.set(id, entry);
  }

  const plans: ChainPlan[] = [];
  for (const [id, entry] of [...ids].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!entry.roles.has('up')) {
      problems.push({
        kind: 'missing_file',
        message: `${upFile(id)} is missing (its ${[...entry.roles].map((r) => (r === 'down' ? downFile(id) : markdownFile(id))).join(' and ')} remain)`,
        fix: `restore ${upFile(id)} from version control, or delete the remaining files of plan ${id}`,
      });
      continue;
    }
    const up = readPlanFile(dir, upFile(id), problems);
    const down = entry.roles.has('down') ? readPlanFile(dir, downFile(id), problems) : null;
    if (!entry.roles.has('down')) {
      problems.push({
        kind: 'missing_file',
        message: `${downFile(id)} (the reverse of ${upFile(id)}) is missing`,
        fix: `restore it from version control`,
      });
    }
    if (up) plans.push({ number: entry.number, name: entry.name, id, up, down });
  }
  plans.sort((a, b) => a.number - b.number || (a.id < b.id ? -1 : 1));

  problems.push(...numberingProblems(plans), ...editProblems(plans), ...linkProblems(plans));
  const sums = readChecksums(dir);
  problems.push(...checksumProblems(dir, files, plans.length > 0 || ids.size > 0, sums));
  return { dir, plans, problems, checksums: sums?.sums ?? new Map() };
}

function numberingProblems(plans: readonly ChainPlan[]): ChainProblem[] {
  const out: ChainProblem[] = [];
  const byNumber = new Map<number, ChainPlan[]>();
  for (const p of plans) byNumber.set(p.number, [...(byNumber.get(p.number) ?? []), p]);
  for (const [n, list] of byNumber) {
    if (list.length < 2) continue;
    out.push({
      kind: 'duplicate_number',
      message: `${list.length} plans share number ${String(n).padStart(4, '0')}: ${list.map((p) => upFile(p.id)).join(', ')} (two branches each added a plan)`,
      fix: 'keep the plan that was merged first; delete the other branch\'s files and its lines in pgform.sum, then run pgform plan --save <name> again on top',
    });
  }
  for (const p of byNumber.get(0) ?? []) {
    out.push({ kind: 'bad_file_name', message: `${upFile(p.id)}: plans are numbered from 0001`, fix: 'renumber it as the next plan' });
  }
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const last = numbers[numbers.length - 1] ?? 0;
  for (let n = 1; n <= last; n++) {
    if (byNumber.has(n)) continue;
    out.push({
      kind: 'gap',
      message: `plan ${String(n).padStart(4, '0')} is missing: the plans go ${numbers.map((x) => String(x).padStart(4, '0')).join(', ')}`,
      fix: 'restore the missing plan from version control (a plan that ran somewhere must stay in the chain)',
    });
  }
  return out;
}

function editProblems(plans: readonly ChainPlan[]): ChainProblem[] {
  const out: ChainProblem[] = [];
  for (const p of plans) {
    for (const f of [p.up, p.down]) {
      if (!f?.edited) continue;
      out.push({
        kind: 'edited',
        message: `${f.file} was edited after it was saved (its text no longer matches the plan-hash in its header)`,
        fix: `restore it from version control; to change the database further, change the YAML and run pgform plan --save <name>`,
      });
    }
  }
  return out;
}

function linkProblems(plans: readonly ChainPlan[]): ChainProblem[] {
  const out: ChainProblem[] = [];
  plans.forEach((p, i) => {
    const prev = plans[i - 1];
    if (prev && prev.number !== p.number && p.up.plan.sourceFingerprint !== prev.up.plan.targetFingerprint) {
      out.push({
        kind: 'link',
        message:
          `${p.up.file} starts from state ${p.up.plan.sourceFingerprint}, but ${prev.up.file} ends at ${prev.up.plan.targetFingerprint}: ` +
          'the chain does not link (the plan was saved on top of another chain)',
        fix: `delete ${p.id}'s files and their lines in pgform.sum, then run pgform plan --save ${p.name} again`,
      });
    }
    const d = p.down?.plan;
    if (d && (d.sourceFingerprint !== p.up.plan.targetFingerprint || d.targetFingerprint !== p.up.plan.sourceFingerprint)) {
      out.push({
        kind: 'link',
        message: `${p.down!.file} does not lead from ${p.up.file}'s target back to its source`,
        fix: 'restore both files from version control',
      });
    }
  });
  return out;
}

function checksumProblems(
  dir: string,
  files: readonly string[],
  hasPlans: boolean,
  parsed: ReturnType<typeof readChecksums>,
): ChainProblem[] {
  const planFiles = files.filter((f) => parsePlanFileName(f) !== null);
  if (parsed === null) {
    return hasPlans
      ? [{ kind: 'no_checksum_file', message: `${CHECKSUM_FILE} is missing from ${dir}`, fix: 'restore it from version control' }]
      : [];
  }
  const out: ChainProblem[] = [];
  for (const line of parsed.badLines) {
    out.push({ kind: 'bad_checksum_file', message: `${CHECKSUM_FILE} has an unreadable ${line}`, fix: `restore ${CHECKSUM_FILE} from version control` });
  }
  for (const f of planFiles) {
    const recorded = parsed.sums.get(f);
    if (recorded === undefined) {
      out.push({
        kind: 'not_in_checksums',
        message: `${f} is not listed in ${CHECKSUM_FILE} (it was not written by pgform plan --save, or its line was lost in a merge)`,
        fix: `delete it and run pgform plan --save <name>, or restore ${CHECKSUM_FILE} from version control`,
      });
    } else if (recorded !== fileChecksum(readFileSync(join(dir, f), 'utf8'))) {
      out.push({
        kind: 'checksum_mismatch',
        message: `${f} does not match its checksum in ${CHECKSUM_FILE}: it was edited after it was saved`,
        fix: `restore it from version control; committed plans never change (save a new plan instead)`,
      });
    }
  }
  for (const f of parsed.sums.keys()) {
    if (files.includes(f)) continue;
    out.push({
      kind: 'checksum_file_lists_missing',
      message: `${CHECKSUM_FILE} lists ${f}, which is gone`,
      fix: `restore ${f} from version control (a plan that ran somewhere must stay in the chain)`,
    });
  }
  return out;
}

/** Apply, status and save refuse a chain that cannot be trusted, naming every problem. */
export function requireValidChain(chain: Chain): void {
  if (chain.problems.length === 0) return;
  // Only edits found (a plan-hash or checksum that no longer matches): the edited exit code.
  const edited = chain.problems.every((p) => p.kind === 'edited' || p.kind === 'checksum_mismatch');
  throw new UserError(
    `the plans in ${chain.dir} cannot be used as they are:\n${renderProblems(chain.problems)}\n(pgform check lists the same)`,
    edited ? EXIT.edited : EXIT.error,
  );
}

/** The state at `position` (0: before the first plan): its fingerprint and managed schemas. */
export function stateAt(chain: Chain, position: number): { fingerprint: string; managedSchemas: readonly string[] } {
  if (position === 0) {
    const first = chain.plans[0];
    if (!first) throw new Error('an empty chain has no states');
    return { fingerprint: first.up.plan.sourceFingerprint, managedSchemas: managedSchemasOfPlan(first.up.plan) };
  }
  const p = chain.plans[position - 1]!;
  return { fingerprint: p.up.plan.targetFingerprint, managedSchemas: managedSchemasOfPlan(p.up.plan) };
}

/** `0003` for messages; 0 is the state before the first plan. */
export function positionLabel(chain: Chain, position: number): string {
  return position === 0 ? 'the start of the chain (no plan applied)' : `plan ${chain.plans[position - 1]!.id}`;
}

/** `--plans DIR` against the current directory; by default `plans/` of the project (pgform.yaml's folder). */
export function resolvePlansDir(option: string | undefined, cwd: string, projectRoot: string | null): string {
  return option ? resolve(cwd, option) : join(projectRoot ?? cwd, 'plans');
}
