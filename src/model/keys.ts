/**
 * Identity keys of model objects, shared by every stage: the YAML loader records source positions
 * under them, the diff and the planner name objects by them, and `dependsOn` lists hold them.
 */
export const keys = {
  schema: (name: string) => `schema:${name}`,
  extension: (name: string) => `extension:${name}`,
  enum: (schema: string, name: string) => `enum:${schema}.${name}`,
  /** Any other type a dependency points at (domain, composite, base type of an extension). */
  type: (schema: string, name: string) => `type:${schema}.${name}`,
  /** Domains and composite types are named as `type:` too, as dependencies on them are read. */
  domain: (schema: string, name: string) => `type:${schema}.${name}`,
  compositeType: (schema: string, name: string) => `type:${schema}.${name}`,
  sequence: (schema: string, name: string) => `sequence:${schema}.${name}`,
  collation: (schema: string, name: string) => `collation:${schema}.${name}`,
  table: (schema: string, name: string) => `table:${schema}.${name}`,
  column: (schema: string, table: string, column: string) => `column:${schema}.${table}.${column}`,
  constraint: (schema: string, table: string, name: string) => `constraint:${schema}.${table}.${name}`,
  index: (schema: string, table: string, name: string) => `index:${schema}.${table}.${name}`,
  role: (name: string) => `role:${name}`,
  view: (schema: string, name: string) => `view:${schema}.${name}`,
  materializedView: (schema: string, name: string) => `materialized_view:${schema}.${name}`,
  /** A routine by identity: `function:public.f(integer, text)` (procedures too). */
  routine: (schema: string, name: string, identityArguments: string) => `function:${schema}.${name}(${identityArguments})`,
  trigger: (schema: string, table: string, name: string) => `trigger:${schema}.${table}.${name}`,
  policy: (schema: string, table: string, name: string) => `policy:${schema}.${table}.${name}`,
} as const;
