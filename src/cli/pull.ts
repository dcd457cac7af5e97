import { introspect } from '../introspect/index.ts';
import { listUnmodelled, unmodelledNote } from '../introspect/unmodelled.ts';
import { modelToYamlFiles, writeYamlFiles } from '../yaml/pull.ts';
import { commandContext, note, textOrJson, writeJson, type CommonOptions } from './context.ts';

export interface PullOptions extends CommonOptions {
  readonly out: string;
  readonly schemas?: string;
  readonly format?: string;
}


export async function pullCommand(opts: PullOptions): Promise<number> {
  const format = textOrJson(opts.format);
  const ctx = commandContext(opts);
  const conn = await ctx.open();
  try {
    const schemas = opts.schemas ? opts.schemas.split(',').map((s) => s.trim()).filter(Boolean) : ctx.config?.managedSchemas ?? undefined;
    const model = await introspect(conn, schemas ? { schemas } : {});
    const [me] = await conn.query<{ user: string }>('SELECT current_user AS "user"');
    const files = modelToYamlFiles(model, { omitOwner: me!.user });
    writeYamlFiles(files, opts.out);
    if (format === 'json') {
      const unmodelledObjects = await listUnmodelled(conn, schemas ?? null);
      writeJson({
        out: opts.out,
        files: [...files.keys()].sort(),
        counts: { tables: model.tables.length, types: model.enums.length, sequences: model.sequences.length },
        unmodelled: unmodelledObjects,
      });
      return 0;
    }
    note(`wrote ${files.size} file(s) to ${opts.out}: ${model.tables.length} table(s), ${model.enums.length} type(s), ${model.sequences.length} sequence(s)`);
    const unmodelled = unmodelledNote(await listUnmodelled(conn, schemas ?? null), 'the pulled schemas', 'were not written');
    if (unmodelled !== null) note(unmodelled);
    return 0;
  } finally {
    await conn.close();
  }
}
