import type { QualifiedName } from './names.ts';

export interface CompositeAttribute {
  readonly name: string;
  /** As `format_type` prints it. */
  readonly type: string;
  /** Set only when it differs from the type's default collation (as written after COLLATE). */
  readonly collation: string | null;
}

/** CREATE TYPE ... AS (...): a standalone row type. */
export interface CompositeType extends QualifiedName {
  /** Attributes in order (the order is part of the type). */
  readonly attributes: readonly CompositeAttribute[];
  readonly comment: string | null;
  /** Managed only when the YAML names one; left out or null: left as it is. */
  readonly owner?: string | null;
}
