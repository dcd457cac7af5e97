import { emptyModel, type DatabaseModel } from '../model/database.ts';
import type { SourcePosition } from '../model/source.ts';
import { formatPath, locate } from './documents.ts';
import type { KeyPath, ParsedDocument, Segment } from './documents.ts';
import type { Problem } from './problems.ts';

/** A place in a schema file: a key path in one document, pointing at the key or at its value. */
export interface Loc {
  readonly doc: ParsedDocument;
  readonly path: KeyPath;
  readonly part: 'key' | 'value';
}

/** The location of a key below `loc` (or of its value). */
export function below(loc: Loc, ...segments: Segment[]): Loc {
  return { doc: loc.doc, path: [...loc.path, ...segments], part: 'key' };
}

export function valueOf(loc: Loc): Loc {
  return { ...loc, part: 'value' };
}

export function positionOf(loc: Loc): SourcePosition {
  const at = locate(loc.doc, loc.path, loc.part);
  return { file: loc.doc.file, line: at.line, column: at.column, path: formatPath(loc.path) };
}

/** `file:line:column`, for messages that name a second place. */
export function shortPosition(loc: Loc): string {
  const p = positionOf(loc);
  return `${p.file}:${p.line}:${p.column}`;
}

/** The model under construction: same lists as `DatabaseModel`, appendable. */
export type DraftModel = { -readonly [K in keyof DatabaseModel]-?: NonNullable<DatabaseModel[K]>[number][] };

/**
 * What loading accumulates: the model, where each object was declared, and every problem found.
 * Loaders report problems and carry on, so one run shows them all.
 */
export class LoadContext {
  // emptyModel() returns fresh arrays: appending to them is safe.
  readonly model: DraftModel = { ...(emptyModel() as DraftModel), dropRoles: [], data: [] };
  readonly problems: Problem[] = [];
  readonly sources = new Map<string, SourcePosition>();
  private readonly declarations = new Map<string, Loc>();
  private readonly locations = new WeakMap<object, Loc>();

  problem(loc: Loc, message: string): void {
    const p = positionOf(loc);
    this.problems.push({ file: p.file, line: p.line, column: p.column, path: p.path, message });
  }

  /**
   * Claims an identity key (`keys.table(...)` etc.) for a declaration. A second declaration of the
   * same object is a problem naming both places; it returns false and the caller skips the object.
   */
  declare(key: string, what: string, loc: Loc): boolean {
    const first = this.declarations.get(key);
    if (first !== undefined) {
      this.problem(loc, `${what} is already declared at ${shortPosition(first)}`);
      return false;
    }
    this.declarations.set(key, loc);
    this.sources.set(key, positionOf(loc));
    return true;
  }

  /** Where an identity key was declared, if it was. */
  declaredAt(key: string): Loc | undefined {
    return this.declarations.get(key);
  }

  /**
   * The declared table `schema.name`, for checks run after loading. Indexed once per state of the
   * table list (a table may be replaced in place), so N references cost N lookups, not N scans.
   */
  declaredTable(schema: string, name: string): DraftModel['tables'][number] | undefined {
    const tables = this.model.tables;
    if (this.tableIndex === null || this.tableIndexOf !== tables || this.tableIndexSize !== tables.length || this.tableIndexStale) {
      this.tableIndex = new Map(tables.map((t) => [`${t.schema}\u0000${t.name}`, t]));
      this.tableIndexOf = tables;
      this.tableIndexSize = tables.length;
      this.tableIndexStale = false;
    }
    return this.tableIndex.get(`${schema}\u0000${name}`);
  }

  /** Replaces a table already in the model (the index of tables follows). */
  replaceTable(old: DraftModel['tables'][number], next: DraftModel['tables'][number]): void {
    const i = this.model.tables.indexOf(old);
    if (i >= 0) this.model.tables[i] = next;
    this.tableIndexStale = true;
  }

  private tableIndex: Map<string, DraftModel['tables'][number]> | null = null;
  private tableIndexOf: unknown = null;
  private tableIndexSize = 0;
  private tableIndexStale = false;

  /** Remembers where a model object (or a part of one, like an FK's `references`) came from. */
  mark<T extends object>(obj: T, loc: Loc): T {
    this.locations.set(obj, loc);
    return obj;
  }

  tryLocOf(obj: object): Loc | undefined {
    return this.locations.get(obj);
  }

  locOf(obj: object): Loc {
    const loc = this.locations.get(obj);
    if (loc === undefined) throw new Error('internal: model object without a source location');
    return loc;
  }
}
