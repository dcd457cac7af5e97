import type { QualifiedName } from './names.ts';

/** Numbers are kept as decimal strings: sequences are bigint-ranged. */
export interface Sequence extends QualifiedName {
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** OWNED BY table.column (same database); serial columns own their sequence this way. */
  readonly ownedBy: { readonly schema: string; readonly table: string; readonly column: string } | null;
  readonly comment: string | null;
  /** Managed only when the YAML names one; left out or null: left as it is. */
  readonly owner?: string | null;
}
