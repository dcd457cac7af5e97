/** Schema-qualified name of a relation, type, sequence or routine. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/** Stable identity key: `schema.name` (names may contain dots; keys are only compared, never parsed). */
export function qualifiedKey(n: QualifiedName): string {
  return `${n.schema}.${n.name}`;
}

/** Key of a sub-object (column, constraint, index) inside a relation. */
export function childKey(parent: QualifiedName, child: string): string {
  return `${parent.schema}.${parent.name}.${child}`;
}

export function compareNames(a: QualifiedName, b: QualifiedName): number {
  return a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
