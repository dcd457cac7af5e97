import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** pgform run from the sources under test (the installed, compiled package is tested by test/package.test.ts). */
export const PGFORM_BIN = resolve('scripts/pgform-src.js');

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
    env: { ...isolatedEnv(), ...env },
    input: '',
    timeout: 180_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The test process's environment without a database or scratch server a developer may have set. */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PGFORM_DEV_URL;
  return env;
}
