export type TriggerTiming = 'before' | 'after' | 'instead of';
export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate';
/** `pg_trigger.tgenabled`: origin = enabled (the default), disabled, replica, always. */
export type TriggerEnabled = 'origin' | 'disabled' | 'replica' | 'always';

/** A trigger on a table, view or materialized view. */
export interface Trigger {
  readonly schema: string;
  /** The relation the trigger is on. */
  readonly table: string;
  readonly name: string;
  readonly timing: TriggerTiming;
  /** Sorted in the order insert, update, delete, truncate. */
  readonly events: readonly TriggerEvent[];
  /** `UPDATE OF` columns, in the order written. */
  readonly updateColumns: readonly string[];
  readonly forEachRow: boolean;
  /** The WHEN condition as PostgreSQL deparses it, without `WHEN (...)`. */
  readonly when: string | null;
  readonly function: { readonly schema: string; readonly name: string };
  readonly arguments: readonly string[];
  /** Set for a CONSTRAINT trigger. */
  readonly constraint: { readonly deferrable: boolean; readonly initiallyDeferred: boolean } | null;
  /** REFERENCING transition tables. */
  readonly oldTable: string | null;
  readonly newTable: string | null;
  readonly enabled: TriggerEnabled;
  /**
   * Canonical text compared between states: `pg_get_triggerdef` from the timing onwards with the
   * trigger's own name and relation left out, so renames of the table do not count as changes.
   */
  readonly definition: string;
  readonly comment: string | null;
  /** The function, and the columns of UPDATE OF and WHEN, as `keys.*` keys. */
  readonly dependsOn: readonly string[];
}
