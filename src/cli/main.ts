import { Command } from 'commander';
import { PGFORM_VERSION } from '../version.ts';
import { UserError } from '../errors.ts';
import { redactText } from '../db/redact.ts';
import { readTimeoutMessage } from '../db/timeouts.ts';
import { registerValidate } from './validate.ts';
import { registerPlan } from './plan.ts';
import { registerApply } from './apply.ts';
import { registerDrift } from './drift.ts';
import { registerPull } from './pull.ts';
import { registerHistory } from './history.ts';
import { registerStatus } from './status.ts';
import { registerCheck } from './check.ts';
import { closeWarmScratches } from '../normalize/scratch.ts';

/** Runs a command and turns its outcome into an exit code; user errors print without a stack. */
function runner(fn: () => Promise<number>): void {
  fn()
    .finally(() => closeWarmScratches().catch(() => undefined))
    .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const err = e as Error;
      const message = redactText(readTimeoutMessage(e) ?? err?.message ?? String(e));
      process.stderr.write(`error: ${message}\n`);
      if (!(e instanceof UserError) && process.env.PGFORM_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
      process.exitCode = e instanceof UserError ? e.exitCode : 1;
    },
  );
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('pgform')
    .description('Declarative schema-as-code for PostgreSQL: YAML in, ordered and reviewable SQL plans out')
    .version(PGFORM_VERSION)
    .showHelpAfterError();
  registerValidate(program, runner);
  registerPlan(program, runner);
  registerApply(program, runner);
  registerDrift(program, runner);
  registerPull(program, runner);
  registerHistory(program, runner);
  registerStatus(program, runner);
  registerCheck(program, runner);
  return program;
}

buildProgram().parse(process.argv);
