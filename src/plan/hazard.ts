/** Risks a step carries. Each step names its own, next to the SQL that causes them. */
export type HazardKind =
  /** Rows or columns are destroyed: dropping a table, column or sequence, narrowing a type. */
  | 'data_loss'
  /** PostgreSQL rewrites the whole table (and its indexes) under ACCESS EXCLUSIVE. */
  | 'table_rewrite'
  /** Holds ACCESS EXCLUSIVE for longer than a catalog change (e.g. a scan while locked). */
  | 'long_lock'
  /** A plain (non-concurrent) index build: writes to the table wait until it finishes. */
  | 'blocks_writes'
  /** Scans the table to validate a constraint (SHARE UPDATE EXCLUSIVE: reads and writes go on). */
  | 'validation_scan'
  /** Cannot run inside a transaction; if it fails, re-running the plan completes it. */
  | 'non_transactional'
  /** A change whose effect on dependent objects or running code cannot be checked by pgform. */
  | 'unchecked_dependency'
  /** Who may see or change which rows or objects changes: policies, RLS, grants, owners, roles. */
  | 'authz_change'
  /** A materialized view is dropped and rebuilt: empty (or recomputed under lock) until refreshed. */
  | 'matview_rebuild'
  /** Rows are rewritten by a backfill (in batches, each its own transaction). */
  | 'data_change'
  /** A down plan's step that cannot restore what the up plan changed: rolling back is refused. */
  | 'irreversible'
  /** Running code that uses a renamed or dropped column, table, view or function fails. */
  | 'breaking_change';

export interface Hazard {
  readonly kind: HazardKind;
  /** Plain-language explanation shown to the reviewer. */
  readonly message: string;
  /** An `authz_change` that widens who may see or change what (needs consent; narrowing does not). */
  readonly widensAccess?: boolean;
}

export const ALL_HAZARD_KINDS: readonly HazardKind[] = [
  'data_loss',
  'table_rewrite',
  'long_lock',
  'blocks_writes',
  'validation_scan',
  'non_transactional',
  'unchecked_dependency',
  'authz_change',
  'matview_rebuild',
  'data_change',
  'irreversible',
  'breaking_change',
];

/** Hazards that stop an apply unless allowed: anything that destroys data, rewrites, long-locks or breaks running code. */
export const HAZARDS_REQUIRING_CONSENT: ReadonlySet<HazardKind> = new Set<HazardKind>([
  'data_loss',
  'table_rewrite',
  'long_lock',
  'blocks_writes',
  'irreversible',
  'breaking_change',
]);

/** Whether apply refuses the hazard without `--allow-hazards <kind>`: by kind, or access that widens. */
export function needsConsent(h: Hazard): boolean {
  return HAZARDS_REQUIRING_CONSENT.has(h.kind) || (h.kind === 'authz_change' && h.widensAccess === true);
}

