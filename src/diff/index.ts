import type { DatabaseModel } from '../model/database.ts';
import type { Step } from '../plan/step.ts';
import type { Volatility } from '../model/function.ts';
import { replacementsOf, withRestoredGrants, withoutReplacedParts } from './replaced-tables.ts';
import { makeContext } from './context.ts';
import { diffSchemas } from './schemas.ts';
import { diffExtensions } from './extensions.ts';
import { diffEnums } from './enums.ts';
import { diffCollations } from './collations.ts';
import { diffDomains } from './domains.ts';
import { diffCompositeTypes } from './composite-types.ts';
import { diffSequences } from './sequences.ts';
import { diffTables } from './tables.ts';
import { diffRoles } from './roles.ts';
import { diffRoutines } from './routines.ts';
import { diffAggregates } from './aggregates.ts';
import { diffViews } from './views.ts';
import { diffMaterializedViews } from './materialized-views.ts';
import { diffTriggers } from './triggers.ts';
import { diffPolicies } from './policies.ts';
import { diffGrants } from './grants.ts';
import { diffDefaultPrivileges } from './default-privileges.ts';
import { diffOwners } from './owners.ts';
import { withDependents } from './dependents.ts';
import { diffTimescale } from './timescale.ts';
import { diffData } from './data.ts';
import { afterBackfills, diffBackfills } from './backfills.ts';
import { withConversions } from './conversions.ts';

export interface DiffOptions {
  /** Use the non-blocking forms of changes to existing tables (default true). */
  readonly online?: boolean;
  /** `schema.name` -> pg_proc volatility of functions column defaults call (see `volatilityResolver`). */
  readonly catalogVolatility?: ReadonlyMap<string, Volatility>;
  /** DETACH PARTITION ... CONCURRENTLY is available (PostgreSQL 14+; default: as `online`). */
  readonly detachConcurrently?: boolean;
}

/**
 * The steps that take a database from state `from` to state `to`, unordered but with the edges
 * `orderSteps` needs. `to` may carry annotations (`renamedFrom`, `using`); `from`'s are ignored.
 * Objects that a change forces out (a view over a column whose type changes...) are dropped
 * before it and created again after it (see dependents.ts).
 */
export function diffModels(live: DatabaseModel, to: DatabaseModel, opts: DiffOptions = {}): Step[] {
  // Tables converted to partitioned ones: their own steps, then the diff from the state they leave.
  const conversion = withConversions(live, to);
  // Tables that stop or start being partitioned otherwise: dropped and created again.
  const replaced = replacementsOf(conversion.from, to);
  const from = withoutReplacedParts(conversion.from, replaced);
  const ctx = makeContext(from, to, opts.online ?? true, opts.catalogVolatility, opts.detachConcurrently ?? opts.online ?? true, replaced);
  const steps = [
    ...diffSchemas(ctx),
    ...diffExtensions(ctx),
    ...diffCollations(ctx),
    ...diffEnums(ctx),
    ...diffDomains(ctx),
    ...diffCompositeTypes(ctx),
    ...diffSequences(ctx),
    ...diffTables(ctx),
    ...diffRoles(ctx),
    ...diffRoutines(ctx),
    ...diffAggregates(ctx),
    ...diffViews(ctx),
    ...diffMaterializedViews(ctx),
    ...diffTriggers(ctx),
    ...diffPolicies(ctx),
    ...diffGrants(ctx),
    ...diffDefaultPrivileges(ctx),
    ...diffTimescale(ctx),
    ...diffOwners(ctx),
    ...diffData(ctx),
    ...diffBackfills(ctx),
  ];
  return [...conversion.steps, ...conversion.after(withDependents(ctx, withRestoredGrants(afterBackfills(steps), replaced, conversion.from, to)))];
}
