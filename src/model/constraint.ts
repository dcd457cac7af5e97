export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

interface ConstraintBase {
  readonly name: string;
  /** `pg_get_constraintdef` text: the canonical form compared between states. */
  readonly definition: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** False for a constraint added NOT VALID and never validated (live state only). */
  readonly valid: boolean;
  readonly comment: string | null;
  /** Functions and types a CHECK or EXCLUDE expression uses, as `keys.*` keys; left out when none. */
  readonly dependsOn?: readonly string[];
}

export interface PrimaryKeyConstraint extends ConstraintBase {
  readonly kind: 'primary_key';
  readonly columns: readonly string[];
}

export interface UniqueConstraint extends ConstraintBase {
  readonly kind: 'unique';
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export interface ForeignKeyConstraint extends ConstraintBase {
  readonly kind: 'foreign_key';
  readonly columns: readonly string[];
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly match: 'simple' | 'full' | 'partial';
}

export interface CheckConstraint extends ConstraintBase {
  readonly kind: 'check';
  /** The boolean expression, without the surrounding `CHECK (...)`. */
  readonly expression: string;
  readonly noInherit: boolean;
}

export interface ExclusionConstraint extends ConstraintBase {
  readonly kind: 'exclusion';
}

export type Constraint =
  | PrimaryKeyConstraint
  | UniqueConstraint
  | ForeignKeyConstraint
  | CheckConstraint
  | ExclusionConstraint;

export type ConstraintKind = Constraint['kind'];
