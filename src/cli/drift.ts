import { readDesired } from '../workflow/desired.ts';
import { compareStates, desiredState } from '../workflow/states.ts';
import { forServerMajor, withInitdbDefaults } from '../workflow/server-version.ts';
import { majorVersion, serverVersionNum } from '../db/connection.ts';
import { driftRecords, driftReport, partitionRunway, renderDriftText } from '../drift/report.ts';
import { UserError } from '../errors.ts';
import { listUnmodelled, unmodelledNote } from '../introspect/unmodelled.ts';
import { commandContext, note, writeOut, type CommonOptions } from './context.ts';
import { colourDrift } from './terminal.ts';

export interface DriftOptions extends CommonOptions {
  readonly format?: string;
}


export async function driftCommand(opts: DriftOptions): Promise<number> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`unknown --format ${format} (text or json)`);
  const ctx = commandContext(opts);
  const input = await readDesired(ctx.schemaDir, ctx.config, ctx.workspace.cacheDir);
  const conn = await ctx.open(input.loaded.model.extensions.map((e) => e.name));
  try {
    const major = majorVersion(await serverVersionNum(conn));
    const model = forServerMajor(input.loaded, major);
    const desired = withInitdbDefaults(await desiredState(model, input.managedSchemas, ctx.workspace, input.loaded.sources), input.loaded.sources, major);
    const states = await compareStates(conn, desired, input.managedSchemas, ctx.workspace);
    const entries = [...partitionRunway(states.live, states.desired), ...driftReport(states.live, states.desired)];
    // The report compares modelled objects only: say which ones it cannot see.
    const unmodelled = await listUnmodelled(conn, input.managedSchemas);
    if (format === 'json') {
      writeOut(
        JSON.stringify(
          {
            drifted: entries.length > 0,
            database: conn.description,
            liveFingerprint: states.sourceFingerprint,
            schemaFingerprint: states.targetFingerprint,
            objects: entries.map((e) => ({ kind: e.kind, object: e.object, status: e.status })),
            differences: driftRecords(states.live, states.desired),
            unmodelled,
          },
          null,
          2,
        ) + '\n',
      );
    } else writeOut(colourDrift(renderDriftText(entries, conn.description)));
    const unmodelledText = unmodelledNote(unmodelled, 'the managed schemas', 'are not covered by this report');
    if (unmodelledText !== null) note(unmodelledText);
    return entries.length > 0 ? 2 : 0;
  } finally {
    await conn.close();
  }
}
