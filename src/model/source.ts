/** Where a model object was declared in the YAML, so plan-time errors can point at it. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Key path inside the file, e.g. `tables.users.columns.email`. */
  readonly path: string;
}

export function formatPosition(pos: SourcePosition): string {
  return `${pos.file}:${pos.line}:${pos.column} (${pos.path})`;
}
