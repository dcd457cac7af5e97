import type { Command } from 'commander';
import { readDesired } from '../workflow/desired.ts';
import { commandContext, writeOut, type CommonOptions } from './context.ts';

export function registerValidate(program: Command, run: (fn: () => Promise<number>) => void): void {
  program
    .command('validate')
    .description('load and check the YAML; exit 0, or 1 listing every error')
    .option('--schema <dir>', 'schema directory')
    .action((opts: CommonOptions) => run(() => validateCommand(opts)));
}

export async function validateCommand(opts: CommonOptions): Promise<number> {
  const ctx = commandContext(opts);
  const { loaded } = await readDesired(ctx.schemaDir, ctx.config);
  const m = loaded.model;
  writeOut(
    `ok: ${loaded.files.length} file(s), ${m.tables.length} table(s), ${m.enums.length} type(s), ` +
      `${m.sequences.length} sequence(s), ${m.extensions.length} extension(s)\n`,
  );
  return 0;
}
