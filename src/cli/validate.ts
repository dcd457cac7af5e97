import { readDesired } from '../workflow/desired.ts';
import { commandContext, textOrJson, writeJson, writeOut, type CommonOptions } from './context.ts';

export interface ValidateOptions extends CommonOptions {
  readonly format?: string;
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
