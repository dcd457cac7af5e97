#!/usr/bin/env node
// Runs pgform from the TypeScript sources (tests, `npm run pgform`): no build between an edit and a run.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
