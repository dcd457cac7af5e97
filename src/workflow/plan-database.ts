import { majorVersion, serverVersionNum, type Connection } from '../db/connection.ts';
import type { Plan, PlanSettings } from '../plan/plan.ts';
import { makePlan, reverseAnnotations } from '../plan/make-plan.ts';
import type { DesiredInput } from './desired.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { SourcePosition } from '../model/source.ts';
import { formatPosition } from '../model/source.ts';
import { unknownRoles } from '../diff/roles.ts';
import { UserError } from '../errors.ts';
import { readCalledVolatility } from './volatility.ts';
import { checksFor, runDataChecks, SKIPPED_DATA_CHECKS_NOTE } from './data-checks.ts';
import { compareStates, desiredState, type ComparedStates, type Workspace } from './states.ts';
import { withRetentionCounts } from './retention-cut.ts';
import { forServerMajor, withInitdbDefaults } from './server-version.ts';

export interface DatabasePlan {
  readonly plan: Plan;
  readonly states: ComparedStates;
  readonly managedSchemas: readonly string[];
}

export interface PlanDatabaseOptions {
  /** Do not query the rows (stated in the plan's notes); see data-checks.ts. */
  readonly skipDataChecks?: boolean;
}

/** Introspects the database, normalizes the YAML, and plans the way from the one to the other. */
export async function planDatabase(
  conn: Connection,
  input: DesiredInput,
  ws: Workspace,
  settings: PlanSettings,
  opts: PlanDatabaseOptions = {},
): Promise<DatabasePlan> {
  const major = majorVersion(await serverVersionNum(conn));
  const desired = withInitdbDefaults(
    await desiredState(forServerMajor(input.loaded, major), input.managedSchemas, ws, input.loaded.sources),
    input.loaded.sources,
    major,
  );
  const states = await compareStates(conn, desired, input.managedSchemas, ws);
  checkRolesExist(desired, states.liveRaw.roles.map((r) => r.name), input.loaded.sources);
  const plan = await withRetentionCounts(conn, makePlan({
    from: states.live,
    to: states.desired,
    online: conn.concurrentIndexBuilds !== false,
    // DETACH PARTITION ... CONCURRENTLY came with PostgreSQL 14.
    detachConcurrently: major >= 14,
    sourceFingerprint: states.sourceFingerprint,
    targetFingerprint: states.targetFingerprint,
    settings,
    managedSchemas: input.managedSchemas,
    catalogVolatility: await readCalledVolatility(conn, desired),
  }));
  if (opts.skipDataChecks) return { plan: { ...plan, notes: [...plan.notes, SKIPPED_DATA_CHECKS_NOTE] }, states, managedSchemas: input.managedSchemas };
  if (plan.steps.length === 0) return { plan, states, managedSchemas: input.managedSchemas };
  const checks = checksFor(states.live, desired);
  await runDataChecks(conn, checks);
  // Recorded with the plan: apply runs them again, so rows changed since are seen before any step.
  return { plan: checks.length > 0 ? { ...plan, dataChecks: checks } : plan, states, managedSchemas: input.managedSchemas };
}

/**
 * Roles are cluster-wide and pgform creates only the ones the YAML declares: a grant, policy or
 * owner naming a role that neither exists nor is declared would fail at apply time, so say it now.
 */
export function checkRolesExist(
  desired: DatabaseModel,
  liveRoles: readonly string[],
  sources?: ReadonlyMap<string, SourcePosition>,
): void {
  const missing = unknownRoles(desired, liveRoles);
  if (missing.length === 0) return;
  const where = (r: { role: string; source?: string }) => {
    const at = r.source === undefined ? undefined : sources?.get(r.source);
    if (at !== undefined) return `${formatPosition(at)}: `;
    for (const [key, pos] of sources ?? []) if (key.startsWith('grant:') && key.endsWith(`:${r.role}`)) return `${formatPosition(pos)}: `;
    return '';
  };
  throw new UserError(
    missing
      .map((r) => `${where(r)}role ${r.role} (used by ${r.usedBy}) does not exist and is not declared under roles:`)
      .join('\n') + '\ndeclare it in a roles: section (pgform creates it) or create it on the server first',
  );
}

/** The plan that takes the target state back to the current one (renames turned back). */
export function rollbackPlan(p: DatabasePlan, settings: PlanSettings): Plan {
  const { from, to } = reverseAnnotations(p.states.desired, p.states.live);
  return makePlan({
    from,
    to,
    sourceFingerprint: p.states.targetFingerprint,
    targetFingerprint: p.states.sourceFingerprint,
    settings,
    managedSchemas: p.managedSchemas,
  });
}
