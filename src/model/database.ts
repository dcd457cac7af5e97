import type { Schema } from './schema.ts';
import type { Extension } from './extension.ts';
import type { EnumType } from './enum.ts';
import type { Sequence } from './sequence.ts';
import type { Table } from './table.ts';
import { byName, compareNames } from './names.ts';

/**
 * The whole managed state of a database. The desired state (YAML, normalized through a scratch
 * database) and the live state (introspected) have this same shape, so they can be diffed.
 * Every list is sorted canonically (see `canonicalize`).
 */
export interface DatabaseModel {
  readonly schemas: readonly Schema[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
}

export function emptyModel(): DatabaseModel {
  return { schemas: [], extensions: [], enums: [], sequences: [], tables: [] };
}

/** Sorts every list into canonical order; column order is meaningful and kept. */
export function canonicalize(m: DatabaseModel): DatabaseModel {
  return {
    schemas: [...m.schemas].sort(byName),
    extensions: [...m.extensions].sort(byName),
    enums: [...m.enums].sort(compareNames),
    sequences: [...m.sequences].sort(compareNames),
    tables: [...m.tables].sort(compareNames).map((t) => ({
      ...t,
      constraints: [...t.constraints].sort(byName),
      indexes: [...t.indexes].sort(byName),
    })),
  };
}
