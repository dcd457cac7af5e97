import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv';

/**
 * ajv's options for the format's JSON Schema, shared by the validator `npm run build` compiles ahead
 * of time (scripts/build-validator.mjs) and the one compiled at run time from the sources.
 * verbose: errors carry the failing schema, which lists the keys allowed where a key is unknown.
 */
export const VALIDATOR_OPTIONS: Options = { allErrors: true, verbose: true, allowUnionTypes: true, strict: true };

/** The JSON Schema of the YAML format; editors read the same file. */
export const SCHEMA_FILE = 'pgform.schema.json';

/** The module the build writes next to the compiled validate.js: ajv's standalone code for the schema. */
export const PRECOMPILED_FILE = 'pgform.schema.validator.js';

/** Loaded at module start: importing the precompiled module needs `await`, using it does not. */
const precompiledUrl = new URL(`./${PRECOMPILED_FILE}`, import.meta.url);
const precompiled: ValidateFunction | null = existsSync(precompiledUrl)
  ? ((await import(precompiledUrl.href)) as { default: ValidateFunction }).default
  : null;

let compiled: ValidateFunction | null = precompiled;

/** The schema's validator: the build's (a module load), else compiled here on first use (~0.3 s). */
export function schemaValidator(): ValidateFunction {
  compiled ??= compileSchema();
  return compiled;
}

function compileSchema(): ValidateFunction {
  // Only a run from the sources compiles: ajv's compiler stays out of the installed start-up.
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const schema = JSON.parse(readFileSync(new URL(`./${SCHEMA_FILE}`, import.meta.url), 'utf8')) as object;
  return new Ajv(VALIDATOR_OPTIONS).compile(schema);
}
