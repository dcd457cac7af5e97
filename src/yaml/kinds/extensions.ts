import { keys } from '../../model/keys.ts';
import { below } from '../context.ts';
import { checkIdentifier } from '../names.ts';
import { requireSchema } from './schema-check.ts';
import type { Kind } from './kind.ts';

interface ExtensionYaml {
  readonly schema?: string;
  readonly version?: string;
  readonly comment?: string | null;
}

export const extensionsKind: Kind = {
  key: 'extensions',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as ExtensionYaml;
    checkIdentifier(ctx, name, loc);
    if (!ctx.declare(keys.extension(name), `extension \`${name}\``, loc)) return;
    ctx.model.extensions.push(
      ctx.mark({ name, schema: v.schema ?? null, version: v.version ?? null, comment: v.comment ?? null }, loc),
    );
  },
  check(ctx) {
    for (const e of ctx.model.extensions) {
      if (e.schema !== null) requireSchema(ctx, e.schema, below(ctx.locOf(e), 'schema'));
    }
  },
};
