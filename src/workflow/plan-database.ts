import type { Connection } from '../db/connection.ts';
import type { Plan, PlanSettings } from '../plan/plan.ts';
import { makePlan, reverseAnnotations } from '../plan/make-plan.ts';
import type { DesiredInput } from './desired.ts';
import { compareStates, desiredState, type ComparedStates, type Workspace } from './states.ts';

export interface DatabasePlan {
  readonly plan: Plan;
  readonly states: ComparedStates;
  readonly managedSchemas: readonly string[];
}

/** Introspects the database, normalizes the YAML, and plans the way from the one to the other. */
export async function planDatabase(
  conn: Connection,
  input: DesiredInput,
  ws: Workspace,
  settings: PlanSettings,
): Promise<DatabasePlan> {
  const desired = await desiredState(input.loaded.model, input.managedSchemas, ws, input.loaded.sources);
  const states = await compareStates(conn, desired, input.managedSchemas, ws);
  const plan = makePlan({
    from: states.live,
    to: desired,
    sourceFingerprint: states.sourceFingerprint,
    targetFingerprint: states.targetFingerprint,
    settings,
    managedSchemas: input.managedSchemas,
  });
  return { plan, states, managedSchemas: input.managedSchemas };
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
