import type { DatabaseModel } from '../model/database.ts';
import type { Step } from '../plan/step.ts';
import { makeContext } from './context.ts';
import { diffSchemas } from './schemas.ts';
import { diffExtensions } from './extensions.ts';
import { diffEnums } from './enums.ts';
import { diffSequences } from './sequences.ts';
import { diffTables } from './tables.ts';

export interface DiffOptions {
  /** Use the non-blocking forms of changes to existing tables (default true). */
  readonly online?: boolean;
}

/**
 * The steps that take a database from state `from` to state `to`, unordered but with the edges
 * `orderSteps` needs. `to` may carry annotations (`renamedFrom`, `using`); `from`'s are ignored.
 */
export function diffModels(from: DatabaseModel, to: DatabaseModel, opts: DiffOptions = {}): Step[] {
  const ctx = makeContext(from, to, opts.online ?? true);
  return [...diffSchemas(ctx), ...diffExtensions(ctx), ...diffEnums(ctx), ...diffSequences(ctx), ...diffTables(ctx)];
}
