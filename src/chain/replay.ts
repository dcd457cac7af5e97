import type { Connection } from '../db/connection.ts';
import type { DatabaseModel } from '../model/database.ts';
import { fingerprint } from '../model/fingerprint.ts';
import type { Plan } from '../plan/plan.ts';
import { planHash } from '../plan/render-sql.ts';
import { plainFormOf } from '../sql/concurrently.ts';
import { introspect } from '../introspect/index.ts';
import { executePlan } from '../apply/executor.ts';
import { openScratch } from '../normalize/scratch.ts';
import { startPhase } from '../progress.ts';
import { comparableLive, type Workspace } from '../workflow/states.ts';
import { PGFORM_VERSION } from '../version.ts';
import { managedSchemasOfPlan, stateAt, type Chain, type ChainPlan } from './chain.ts';
import type { ChainProblem } from './problems.ts';

/** A database state in the form plans record (see `comparableLive`), with its fingerprint. */
export interface State {
  readonly model: DatabaseModel;
  readonly fingerprint: string;
}

/** Extensions a plan creates: an embedded engine must load them when it starts. */
export function extensionsCreatedBy(plans: readonly Plan[]): string[] {
  const names = plans.flatMap((p) => p.steps.filter((s) => s.kind === 'extension' && s.operation === 'create').map((s) => s.object));
  return [...new Set(names)].sort();
}

export function chainExtensions(chain: Chain): string[] {
  return extensionsCreatedBy(chain.plans.flatMap((p) => [p.up.plan, ...(p.down ? [p.down.plan] : [])]));
}

/** The state of a database, read and put in comparison form exactly as apply reads it. */
export async function readState(conn: Connection, managedSchemas: readonly string[], ws: Workspace): Promise<State> {
  const raw = await introspect(conn, { schemas: managedSchemas });
  const model = await comparableLive(conn, raw, managedSchemas, ws);
  return { model, fingerprint: fingerprint(model) };
}

/**
 * Runs a plan's steps as apply does (same session settings, transactions and history). On an
 * engine that cannot build indexes CONCURRENTLY (the embedded TimescaleDB build), such a step runs
 * in its plain form, alone as written: the saved plan (and its hash) stay as they are.
 */
export async function runPlan(conn: Connection, plan: Plan, name: string, planSql: string): Promise<void> {
  await executePlan(conn, runnableOn(conn, plan), { planHash: planHash(plan), planName: name, planSql, pgformVersion: PGFORM_VERSION });
}

function runnableOn(conn: Connection, plan: Plan): Plan {
  if (conn.concurrentIndexBuilds !== false) return plan;
  return { ...plan, steps: plan.steps.map((s) => ({ ...s, sql: plainFormOf(s.sql) ?? s.sql })) };
}

export interface Replay {
  /** The scratch database, at `reached`. */
  readonly conn: Connection;
  /** How many plans ran: the chain's position the scratch database is at. */
  readonly reached: number;
  /** Empty when every plan started from its source state and reached its target. */
  readonly problems: readonly ChainProblem[];
}

export interface ReplayOptions {
  /** Stop after this many plans (default: all). */
  readonly upTo?: number;
  /** `all`: check every plan's source and target state; `none`: only run them (the caller checks). */
  readonly verify: 'all' | 'none';
  /** More extensions the scratch engine must be able to create (e.g. the YAML's). */
  readonly extensions?: readonly string[];
}

/**
 * Builds a scratch database by running the chain's plans in order, from an empty database, and
 * hands it to `use` (then disposes of it). No live database is involved.
 */
export async function withReplay<T>(chain: Chain, ws: Workspace, opts: ReplayOptions, use: (r: Replay) => Promise<T>): Promise<T> {
  const scratch = await openScratch({
    cacheDir: ws.cacheDir,
    devUrl: ws.devUrl,
    extensions: [...new Set([...chainExtensions(chain), ...(opts.extensions ?? [])])].sort(),
  });
  try {
    const upTo = Math.min(opts.upTo ?? chain.plans.length, chain.plans.length);
    const problems: ChainProblem[] = [];
    let reached = 0;
    const done = startPhase(`replaying ${upTo} plan(s) of ${chain.dir}`);
    try {
      for (const p of chain.plans.slice(0, upTo)) {
        const problem = await replayOne(scratch.conn, chain, p, reached, ws, opts.verify === 'all');
        if (problem) {
          problems.push(problem);
          break;
        }
        reached++;
      }
    } finally {
      done();
    }
    return await use({ conn: scratch.conn, reached, problems });
  } finally {
    await scratch.dispose();
  }
}

async function replayOne(conn: Connection, chain: Chain, p: ChainPlan, position: number, ws: Workspace, verify: boolean): Promise<ChainProblem | null> {
  const managed = managedSchemasOfPlan(p.up.plan);
  if (verify) {
    const before = await readState(conn, managed, ws);
    if (before.fingerprint !== p.up.plan.sourceFingerprint) {
      return {
        kind: 'replay',
        message:
          `replaying the chain, ${p.up.file} starts from state ${p.up.plan.sourceFingerprint} but the plans before it lead to ${before.fingerprint}` +
          (position === 0 ? ' (an empty database)' : ''),
        fix: `delete ${p.id}'s files and their lines in pgform.sum, then run pgform plan --save ${p.name} again`,
      };
    }
  }
  try {
    await runPlan(conn, p.up.plan, p.up.file, p.up.text);
  } catch (e) {
    return {
      kind: 'replay',
      message: `replaying the chain, ${p.up.file} fails on a database built by the plans before it:\n  ${(e as Error).message.split('\n').join('\n  ')}`,
      fix: `delete ${p.id}'s files and their lines in pgform.sum, then run pgform plan --save ${p.name} again`,
    };
  }
  if (verify) {
    const after = await readState(conn, managed, ws);
    const expected = stateAt(chain, position + 1).fingerprint;
    if (after.fingerprint !== expected) {
      return {
        kind: 'replay',
        message: `replaying the chain, ${p.up.file} leads to state ${after.fingerprint}, not to its recorded target ${expected}`,
        fix: `delete ${p.id}'s files and their lines in pgform.sum, then run pgform plan --save ${p.name} again`,
      };
    }
  }
  return null;
}
