import { readDesired } from '../workflow/desired.ts';
import { readChain, resolvePlansDir } from '../chain/chain.ts';
import { checkChain } from '../chain/check.ts';
import { renderProblems } from '../chain/problems.ts';
import { commandContext, note, textOrJson, writeJson, writeOut, type CommonOptions } from './context.ts';

export interface CheckOptions extends CommonOptions {
  readonly plans?: string;
  readonly format?: string;
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
