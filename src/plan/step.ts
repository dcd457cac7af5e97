import type { Hazard } from './hazard.ts';
import type { StepLocks } from './locks.ts';

export type ObjectKind =
  | 'schema'
  | 'extension'
  | 'enum'
  | 'domain'
  | 'composite_type'
  | 'collation'
  | 'aggregate'
  | 'sequence'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'role'
  | 'view'
  | 'materialized_view'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'grant'
  | 'default_privilege'
  /** Reference rows of a table (INSERT, UPDATE, DELETE). */
  | 'data'
  /** A TimescaleDB user-defined job (add_job). */
  | 'job';

export type Operation =
  | 'create'
  | 'drop'
  | 'alter'
  | 'rename'
  | 'comment'
  | 'validate'
  | 'replace'
  | 'grant'
  | 'revoke'
  | 'owner'
  | 'enable'
  | 'disable'
  | 'refresh'
  | 'insert'
  | 'update'
  | 'delete';

export const ALL_OBJECT_KINDS: readonly ObjectKind[] = [
  'schema',
  'extension',
  'enum',
  'domain',
  'composite_type',
  'collation',
  'aggregate',
  'sequence',
  'table',
  'column',
  'constraint',
  'index',
  'role',
  'view',
  'materialized_view',
  'function',
  'trigger',
  'policy',
  'grant',
  'default_privilege',
  'data',
  'job',
];

export const ALL_OPERATIONS: readonly Operation[] = [
  'create',
  'drop',
  'alter',
  'rename',
  'comment',
  'validate',
  'replace',
  'grant',
  'revoke',
  'owner',
  'enable',
  'disable',
  'refresh',
  'insert',
  'update',
  'delete',
];

/**
 * One SQL statement of a plan. Steps are plain data: the diff produces them unordered, with
 * dependency edges; the planner orders them; renderers print them; the applier runs `sql`.
 */
export interface Step {
  /** Kind of the object the step acts on. */
  readonly kind: ObjectKind;
  /** Display name of the object, e.g. `public.users.email`. */
  readonly object: string;
  readonly operation: Operation;
  /** Exactly one SQL statement, without a trailing semicolon. */
  readonly sql: string;
  readonly hazards: readonly Hazard[];
  /** False for statements PostgreSQL refuses inside a transaction block (CONCURRENTLY, ...). */
  readonly transactional: boolean;
  /**
   * The relations the step locks, at which level, and for how long (see locks.ts): what the
   * planner splits transactions by. Set on every step the diff builds; `locksOf` reads it.
   */
  readonly locks?: StepLocks;
  /** Why this step exists when it is not obvious (e.g. "dropped to let the column type change"). */
  readonly reason?: string;
  /**
   * Ordering keys. `provides` names what the step creates or makes ready; `requires` what must
   * exist first. For drops, `removes` names what goes away and `requiresRemoved` what must be gone
   * first. The planner orders steps by these edges, then by phase, then by the order produced.
   */
  readonly provides?: readonly string[];
  readonly requires?: readonly string[];
  readonly removes?: readonly string[];
  readonly requiresRemoved?: readonly string[];
  /**
   * Keys of objects this step drops or changes in a way PostgreSQL refuses while other objects
   * depend on them (a column type change, DROP FUNCTION, a view dropped to be recreated). The diff
   * drops those dependents (found through `dependsOn`) before the step and recreates them after.
   */
  readonly disrupts?: readonly string[];
  /**
   * A backfill: `sql` updates one batch of at most `batchSize` rows and returns their keys; the
   * applier runs it, each batch its own transaction, until it updates no row.
   */
  readonly backfill?: { readonly batchSize: number };
  /** Coarse order used when no edge decides; lower runs first. See `PHASES`. */
  readonly phase: number;
}

/** Coarse ordering of steps, the usual order a DBA writes a migration in. */
export const PHASES = {
  createRole: 5,
  alterRole: 6,
  createSchema: 10,
  createExtension: 20,
  createType: 30,
  /** Reference rows go before anything is dropped or changed under them. */
  /** A partition that becomes an ordinary table leaves its parent before the parent changes. */
  detachPartition: 33,
  deleteData: 34,
  alterType: 35,
  revoke: 36,
  /** Before the last policies go, so no window opens where every row is denied. */
  disableRowSecurity: 37,
  dropPolicy: 38,
  dropTrigger: 38,
  dropView: 39,
  dropMaterializedView: 39,
  dropForeignKey: 40,
  dropIndex: 45,
  dropConstraint: 50,
  dropColumn: 55,
  dropTable: 60,
  dropSequence: 65,
  dropFunction: 68,
  dropType: 70,
  rename: 90,
  createFunction: 95,
  replaceFunction: 96,
  createSequence: 100,
  alterSequence: 105,
  createTable: 110,
  alterColumn: 120,
  addColumn: 125,
  /** After the column and its type are in place, before constraints on it are validated. */
  backfill: 127,
  addConstraint: 130,
  createIndex: 140,
  createView: 145,
  createMaterializedView: 146,
  addForeignKey: 150,
  createTrigger: 155,
  alterPolicy: 156,
  createPolicy: 156,
  /** After the policies exist, so no window opens where every row is denied. */
  enableRowSecurity: 157,
  validate: 160,
  sequenceOwnership: 170,
  grant: 172,
  defaultPrivileges: 174,
  comment: 180,
  owner: 182,
  /** Reference rows once every table, constraint and trigger is in place. */
  writeData: 184,
  /** Last: whatever used an extension's types or a schema's objects is gone or changed by now. */
  dropExtension: 185,
  dropSchema: 190,
  dropRole: 195,
} as const;
