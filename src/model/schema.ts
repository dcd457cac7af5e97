export interface Schema {
  readonly name: string;
  readonly comment: string | null;
  /** Managed only when the YAML names one; left out or null: left as it is. */
  readonly owner?: string | null;
}
