import { existsSync, statSync } from 'node:fs';
import type { DatabaseModel } from '../model/database.ts';
import type { ProjectConfig } from '../config/project.ts';
import { readSchemaDir, type LoadedSchema } from '../yaml/load.ts';
import { loadSchemaFilesCached } from '../yaml/load-cache.ts';
import { loadSqlParser } from '../sql/parser.ts';
import { UserError } from '../errors.ts';
import { startPhase } from '../progress.ts';

export interface DesiredInput {
  readonly loaded: LoadedSchema;
  /** Schemas pgform manages for this project: it never reads or touches any other. */
  readonly managedSchemas: readonly string[];
}

/**
 * Loads the SQL parser (once per process; schema files' SQL is checked with it), then the desired
 * state. With a cache folder, files already loaded once (same paths and bytes) are not parsed again.
 */
export async function readDesired(schemaDir: string, config: ProjectConfig | null, cacheDir: string | null = null): Promise<DesiredInput> {
  await loadSqlParser();
  return loadDesired(schemaDir, config, cacheDir);
}

/** The desired state from the schema files; the SQL parser must be loaded (`readDesired` does it). */
export function loadDesired(schemaDir: string, config: ProjectConfig | null, cacheDir: string | null = null): DesiredInput {
  if (!existsSync(schemaDir) || !statSync(schemaDir).isDirectory()) {
    throw new UserError(`schema directory ${schemaDir} does not exist (give --schema DIR or set schema_dir in pgform.yaml)`);
  }
  const done = startPhase(`loading ${schemaDir}`);
  let loaded: LoadedSchema;
  try {
    loaded = loadSchemaFilesCached(readSchemaDir(schemaDir), cacheDir);
  } finally {
    done();
  }
  return { loaded, managedSchemas: managedSchemasOf(loaded.model, config) };
}

/** The project file's list, else every schema the YAML declares or puts objects in, plus `public`. */
export function managedSchemasOf(model: DatabaseModel, config: ProjectConfig | null): readonly string[] {
  if (config?.managedSchemas) return [...config.managedSchemas].sort();
  const names = new Set<string>(['public']);
  for (const s of model.schemas) names.add(s.name);
  for (const list of [model.enums, model.domains ?? [], model.compositeTypes ?? [], model.sequences, model.tables]) for (const o of list) names.add(o.schema);
  return [...names].sort();
}
