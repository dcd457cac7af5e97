import { readFileSync } from 'node:fs';

/** pgform's version, from package.json. */
export const PGFORM_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
