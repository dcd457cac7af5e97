import type { QualifiedName } from './names.ts';

/** A CHECK constraint of a domain. */
export interface DomainCheck {
  readonly name: string;
  /** The boolean expression over `VALUE`, without the surrounding `CHECK (...)`. */
  readonly expression: string;
  /** False for a check added NOT VALID and never validated (live state only). */
  readonly valid: boolean;
}

/** CREATE DOMAIN: a base type with an optional default, NOT NULL, collation and checks. */
export interface Domain extends QualifiedName {
  /** The base type, as `format_type` prints it (with its modifiers). */
  readonly type: string;
  readonly notNull: boolean;
  /** The default expression, or null. */
  readonly default: string | null;
  /** Set only when it differs from the base type's default collation (as written after COLLATE). */
  readonly collation: string | null;
  /** Checks by name, sorted by name. */
  readonly checks: readonly DomainCheck[];
  readonly comment: string | null;
  /** Managed only when the YAML names one; left out or null: left as it is. */
  readonly owner?: string | null;
}
