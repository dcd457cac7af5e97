/**
 * Identity keys of model objects, shared by every stage: the YAML loader records source positions
 * under them, the diff and the planner name objects by them.
 */
export const keys = {
  schema: (name: string) => `schema:${name}`,
  extension: (name: string) => `extension:${name}`,
  enum: (schema: string, name: string) => `enum:${schema}.${name}`,
  sequence: (schema: string, name: string) => `sequence:${schema}.${name}`,
  table: (schema: string, name: string) => `table:${schema}.${name}`,
  column: (schema: string, table: string, column: string) => `column:${schema}.${table}.${column}`,
  constraint: (schema: string, table: string, name: string) => `constraint:${schema}.${table}.${name}`,
  index: (schema: string, table: string, name: string) => `index:${schema}.${table}.${name}`,
} as const;
