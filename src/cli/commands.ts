import type { Command } from 'commander';
import type { ValidateOptions } from './validate.ts';
import type { PlanOptions } from './plan.ts';
import type { ApplyCliOptions } from './apply.ts';
import type { DriftOptions } from './drift.ts';
import type { PullOptions } from './pull.ts';
import type { HistoryOptions } from './history.ts';
import type { StatusOptions } from './status.ts';
import type { CheckOptions } from './check.ts';

/**
 * The commands and their options, as commander declares them. Each command's module is loaded
 * only when that command runs: `--help` and `--version` pay for none of them.
 */

type Runner = (fn: () => Promise<number>) => void;

function registerInit(program: Command, run: Runner): void {
  program
    .command('init [dir]')
    .description('start a project: pgform.yaml, schema/, plans/ and .pgform/ in .gitignore (existing files are kept)')
    .action((dir: string | undefined) => run(async () => (await import('./init.ts')).initCommand(dir)));
}

function registerValidate(program: Command, run: Runner): void {
  program
    .command('validate')
    .description('load and check the YAML; exit 0, or 1 listing every error')
    .option('--schema <dir>', 'schema directory')
    .option('--format <format>', 'text or json (errors: {"error": {"message", "problems": [{file, line, column, path, message}]}})', 'text')
    .action((opts: ValidateOptions) => run(async () => (await import('./validate.ts')).validateCommand(opts)));
}

function registerPlan(program: Command, run: Runner): void {
  program
    .command('plan')
    .description('diff the database against the YAML and print the ordered plan')
    .option('--schema <dir>', 'schema directory (default: schema_dir of pgform.yaml, else ./schema)')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .option('--dev-url <url>', 'scratch database server of the live version, for normalizing')
    .option('--skip-data-checks', 'do not check the live rows at plan time (tables too large to scan); the plan says so')
    .option('--out <file>', 'write the plan to a file instead of stdout')
    .option('--format <format>', 'sql, json or markdown', 'sql')
    .option('--rollback-out <file>', 'also write the plan that goes back to the current state')
    .option('--lock-timeout <duration>', "lock_timeout set at the top of the plan (default '5s')")
    .option('--statement-timeout <duration>', "statement_timeout set at the top of the plan (default '1h')")
    .option('--atomic', 'one transaction for the whole plan (today: all or nothing, locks held to the end); default: online')
    .option('--exit-code', 'exit 2 when the plan is not empty')
    .option('--save <name>', 'write the next numbered plan of the plans folder (replays the folder; no database needed)')
    .option('--plans <dir>', 'plans folder for --save (default: plans/ of the project)')
    .action((opts: PlanOptions) => run(async () => (await import('./plan.ts')).planCommand(opts)));
}

function registerApply(program: Command, run: Runner): void {
  program
    .command('apply [plan_file]')
    .description('execute a plan file exactly, or plan, confirm and execute')
    .option('--schema <dir>', 'schema directory (when no plan file is given)')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .option('--dev-url <url>', 'scratch database server of the live version, for normalizing')
    .option('--skip-data-checks', 'do not check the live rows at plan time (tables too large to scan); the plan says so')
    .option('--yes', 'do not ask for confirmation')
    .option('--allow-hazards <list>', 'comma-separated hazard kinds to allow, or all')
    .option('--allow-edited', 'run a plan file whose text was changed after it was planned')
    .option('--allow-stale', 'run even if the database changed since the plan was made')
    .option('--plans <dir>', 'apply the plans of this folder the database has not run, in order')
    .option('--baseline <number>', 'record the database as being at this plan of --plans, without running anything')
    .option('--down-to <number>', 'run the reverse plans of the applied plans after this one, newest first')
    .option('--format <format>', 'text or json: the outcome as JSON on stdout (the plan is not printed)', 'text')
    .option('--lock-wait <seconds>', 'how long to wait for another apply to finish', '60')
    .option('--lock-timeout <duration>', "lock_timeout for the steps (default '5s')")
    .option('--lock-retries <n>', 'times a transaction stopped by lock_timeout is rolled back and tried again, waiting longer each time', '3')
    .option('--atomic', 'when planning here: one transaction for the whole plan instead of online transactions')
    .option('--statement-timeout <duration>', "statement_timeout for the steps (default '1h')")
    .action((file: string | undefined, opts: ApplyCliOptions) => run(async () => (await import('./apply.ts')).applyCommand(file, opts)));
}

function registerDrift(program: Command, run: Runner): void {
  program
    .command('drift')
    .description('exit 0 when the database matches the YAML, 2 when it drifted (and say how)')
    .option('--schema <dir>', 'schema directory')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .option('--dev-url <url>', 'scratch database server of the live version, for normalizing')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: DriftOptions) => run(async () => (await import('./drift.ts')).driftCommand(opts)));
}

function registerPull(program: Command, run: Runner): void {
  program
    .command('pull')
    .description('write the live database as YAML, to adopt an existing database')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .requiredOption('--out <dir>', 'directory to write the YAML files to')
    .option('--schemas <list>', 'comma-separated schemas to pull (default: every user schema)')
    .option('--format <format>', 'text or json: the summary on stdout instead of stderr', 'text')
    .action((opts: PullOptions) => run(async () => (await import('./pull.ts')).pullCommand(opts)));
}

function registerHistory(program: Command, run: Runner): void {
  program
    .command('history')
    .description('the plans applied to this database, newest first')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: HistoryOptions) => run(async () => (await import('./history.ts')).historyCommand(opts)));
}

function registerStatus(program: Command, run: Runner): void {
  program
    .command('status')
    .description('applied and pending plans of the plans folder for a database; exit 0 up to date, 4 pending, 2 drifted')
    .option('--plans <dir>', 'plans folder (default: plans/ of the project)')
    .option('--db <url>', 'postgres://..., pglite:PATH or pglite:memory')
    .option('--dev-url <url>', 'scratch database server of the live version, for normalizing')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: StatusOptions) => run(async () => (await import('./status.ts')).statusCommand(opts)));
}

function registerCheck(program: Command, run: Runner): void {
  program
    .command('check')
    .description('for CI: the plans folder is intact and replaying it gives the YAML; exit 0, or 1 with each problem and its fix')
    .option('--schema <dir>', 'schema directory')
    .option('--plans <dir>', 'plans folder (default: plans/ of the project)')
    .option('--dev-url <url>', 'scratch database server, for normalizing and replaying')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: CheckOptions) => run(async () => (await import('./check.ts')).checkCommand(opts)));
}

/** Every command, by name, in the order `pgform --help` lists them. */
export const COMMANDS: ReadonlyMap<string, (program: Command, run: Runner) => void> = new Map([
  ['init', registerInit],
  ['validate', registerValidate],
  ['plan', registerPlan],
  ['apply', registerApply],
  ['drift', registerDrift],
  ['pull', registerPull],
  ['history', registerHistory],
  ['status', registerStatus],
  ['check', registerCheck],
]);
