import type { Command } from 'commander';
import { readDesired } from '../workflow/desired.ts';
import { commandContext, textOrJson, writeJson, writeOut, type CommonOptions } from './context.ts';

interface ValidateOptions extends CommonOptions {
  readonly format?: string;
}

export function registerValidate(program: Command, run: (fn: () => Promise<number>) => void): void {
  program
    .command('validate')
    .description('load and check the YAML; exit 0, or 1 listing every error')
    .option('--schema <dir>', 'schema directory')
    .option('--format <format>', 'text or json (errors: {"error": {"message", "problems": [{file, line, column, path, message}]}})', 'text')
    .action((opts: ValidateOptions) => run(() => validateCommand(opts)));
}

export async function validateCommand(opts: ValidateOptions): Promise<number> {
  const format = textOrJson(opts.format);
  const ctx = commandContext(opts);
  const { loaded } = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
  const m = loaded.model;
  if (format === 'json') {
    writeJson({
      ok: true,
      files: loaded.files,
      counts: { tables: m.tables.length, types: m.enums.length, sequences: m.sequences.length, extensions: m.extensions.length },
    });
    return 0;
  }
  writeOut(
    `ok: ${loaded.files.length} file(s), ${m.tables.length} table(s), ${m.enums.length} type(s), ` +
      `${m.sequences.length} sequence(s), ${m.extensions.length} extension(s)\n`,
  );
  return 0;
}
