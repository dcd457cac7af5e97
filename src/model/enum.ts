import type { QualifiedName } from './names.ts';

export interface EnumType extends QualifiedName {
  /** Labels in sort order. */
  readonly labels: readonly string[];
  readonly comment: string | null;
}
