import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The installed entry point, as `npx pgform` runs it. */
export const PGFORM_BIN = resolve('bin/pgform.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `pgform ARGS` in `cwd` as a user would, without a terminal and with no database or scratch
 * server inherited from the environment (`env` adds or overrides variables).
 */
export function runPgform(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  const r = spawnSync(process.execPath, [PGFORM_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PGFORM_DEV_URL: '', ...env },
    input: '',
    timeout: 180_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
