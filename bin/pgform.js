#!/usr/bin/env node
// The installed entry point: the compiled JavaScript of `npm run build` (run by `prepare`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(main)) await import(main.href);
else {
  process.stderr.write('error: pgform is not built: run `npm run build` in its folder (npm install and npm pack do it)\n');
  process.exitCode = 1;
}
