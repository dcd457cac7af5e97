import type { LoadContext, Loc } from '../context.ts';

/** One `name: definition` entry under a top-level key, already validated against the JSON Schema. */
export interface Entry {
  readonly name: string;
  readonly value: unknown;
  /** Location of the entry's key. */
  readonly loc: Loc;
}

/**
 * A kind of object the files can declare under one top-level key. Adding a kind is one file
 * implementing this, its entry in `KINDS`, and its property in pgform.schema.json.
 */
export interface Kind {
  /** The top-level key, e.g. `tables`. */
  readonly key: string;
  /** Turns one entry into model objects (pushed into `ctx.model`), reporting what is wrong with it. */
  load(entry: Entry, ctx: LoadContext): void;
  /** Runs once everything is loaded: checks references to other declarations. */
  check?(ctx: LoadContext): void;
}
