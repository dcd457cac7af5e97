import type { Command } from 'commander';
import { readDesired } from '../workflow/desired.ts';
import { readChain, resolvePlansDir } from '../chain/chain.ts';
import { checkChain } from '../chain/check.ts';
import { renderProblems } from '../chain/problems.ts';
import { commandContext, note, textOrJson, writeJson, writeOut, type CommonOptions } from './context.ts';

interface CheckOptions extends CommonOptions {
  readonly plans?: string;
  readonly format?: string;
}

export function registerCheck(program: Command, run: (fn: () => Promise<number>) => void): void {
  program
    .command('check')
    .description('for CI: the plans folder is intact and replaying it gives the YAML; exit 0, or 1 with each problem and its fix')
    .option('--schema <dir>', 'schema directory')
    .option('--plans <dir>', 'plans folder (default: plans/ of the project)')
    .option('--dev-url <url>', 'scratch database server, for normalizing and replaying')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: CheckOptions) => run(() => checkCommand(opts)));
}

export async function checkCommand(opts: CheckOptions): Promise<number> {
  const format = textOrJson(opts.format);
  const ctx = commandContext(opts);
  const input = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
  const chain = readChain(resolvePlansDir(opts.plans, ctx.cwd, ctx.config?.root ?? null));
  const problems = await checkChain(chain, input, ctx.workspace);
  if (format === 'json') {
    writeJson({ ok: problems.length === 0, plansDir: chain.dir, plans: chain.plans.length, problems });
    return problems.length > 0 ? 1 : 0;
  }
  if (problems.length > 0) {
    note(`check failed: ${problems.length} problem(s) in ${chain.dir}:\n${renderProblems(problems)}`);
    return 1;
  }
  writeOut(`ok: ${chain.plans.length} plan(s) in ${chain.dir}; replayed, they give the schema\n`);
  return 0;
}
