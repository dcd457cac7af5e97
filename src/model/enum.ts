import type { QualifiedName } from './names.ts';

export interface EnumType extends QualifiedName {
  /** Labels in sort order. */
  readonly labels: readonly string[];
  readonly comment: string | null;
  /** Managed only when the YAML names one; left out or null: left as it is. */
  readonly owner?: string | null;
}
