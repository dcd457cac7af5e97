// `npm run build`, after tsc: compiles the YAML format's JSON Schema ahead of time with ajv's
// standalone code, so the installed pgform never runs ajv's compiler (src/yaml/schema-validator.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('../', import.meta.url);
const { VALIDATOR_OPTIONS, SCHEMA_FILE, PRECOMPILED_FILE } = await import(new URL('dist/yaml/schema-validator.js', root).href);
const schema = JSON.parse(readFileSync(new URL(`src/yaml/${SCHEMA_FILE}`, root), 'utf8'));
const ajv = new Ajv({ ...VALIDATOR_OPTIONS, code: { source: true, esm: true } });
const code = standaloneCode.default(ajv, ajv.compile(schema));
// ajv's ESM output still calls require() for its runtime helpers (e.g. ucs2length).
const esm = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}`;
writeFileSync(new URL(`dist/yaml/${PRECOMPILED_FILE}`, root), esm);
