import type { QualifiedName } from './names.ts';
import type { Column } from './column.ts';
import type { Constraint } from './constraint.ts';
import type { Index } from './index.ts';

export interface Table extends QualifiedName {
  /** In column order (attnum). */
  readonly columns: readonly Column[];
  /** Sorted by name. */
  readonly constraints: readonly Constraint[];
  /** Sorted by name; constraint-backing indexes are not listed here. */
  readonly indexes: readonly Index[];
  readonly comment: string | null;
  /** ALTER TABLE ... ENABLE ROW LEVEL SECURITY. */
  readonly rowSecurity: boolean;
  /** ALTER TABLE ... FORCE ROW LEVEL SECURITY (the owner is subject to the policies too). */
  readonly forceRowSecurity: boolean;
  /** Managed only when the YAML names one (null: left as it is). */
  readonly owner: string | null;
  /** Desired-state only: previous name in the same schema; turns drop+create into RENAME. */
  readonly renamedFrom?: string | null;
}
