import { Command } from 'commander';
import { PGFORM_VERSION } from '../version.ts';
import { printable, UserError } from '../errors.ts';
import { redactText } from '../db/redact.ts';
import { readTimeoutMessage } from '../db/timeouts.ts';
import { setPhaseSink } from '../progress.ts';
import { setQuiet, showPhase } from './terminal.ts';
import { COMMANDS } from './commands.ts';

/** Runs a command and turns its outcome into an exit code; user errors print without a stack. */
function runner(fn: () => Promise<number>): void {
  fn()
    .finally(async () => {
      // Only commands that normalized have warm scratch databases; the module is loaded by then.
      const { closeWarmScratches } = await import('../normalize/scratch.ts');
      await closeWarmScratches().catch(() => undefined);
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        const err = e as Error;
        const message = redactText(readTimeoutMessage(e) ?? err?.message ?? String(e));
        process.stderr.write(`error: ${printable(message)}\n`);
        if (jsonRequested) {
          // A program reading JSON gets the error as JSON too (the YAML problems one by one).
          const problems = (e as { problems?: unknown }).problems;
          const error = { message, exitCode: e instanceof UserError ? e.exitCode : 1, ...(Array.isArray(problems) ? { problems } : {}) };
          process.stdout.write(JSON.stringify({ error }, null, 2) + '\n');
        }
        if (!(e instanceof UserError) && process.env.PGFORM_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
        process.exitCode = e instanceof UserError ? e.exitCode : 1;
      },
    );
}

/** The program with every command declared (their modules load only when one runs). */
function buildProgram(): Command {
  const program = new Command();
  program
    .name('pgform')
    .description('Declarative schema-as-code for PostgreSQL: YAML in, ordered and reviewable SQL plans out')
    .version(PGFORM_VERSION)
    .option('-q, --quiet', 'no progress on stderr (results and errors still print)')
    .showHelpAfterError();
  for (const register of COMMANDS.values()) register(program, runner);
  return program;
}

// --quiet goes with any command, before or after its name: taken out before commander parses.
const argv = process.argv.filter((a, i) => i < 2 || (a !== '--quiet' && a !== '-q'));
setQuiet(argv.length !== process.argv.length);
const jsonRequested = argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
setPhaseSink(showPhase);
buildProgram().parse(argv);
