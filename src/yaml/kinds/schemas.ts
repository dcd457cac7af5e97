import { keys } from '../../model/keys.ts';
import { checkIdentifier } from '../names.ts';
import type { Kind } from './kind.ts';

interface SchemaYaml {
  readonly comment?: string | null;
}

export const schemasKind: Kind = {
  key: 'schemas',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as SchemaYaml;
    checkIdentifier(ctx, name, loc);
    if (!ctx.declare(keys.schema(name), `schema \`${name}\``, loc)) return;
    ctx.model.schemas.push(ctx.mark({ name, comment: v.comment ?? null }, loc));
  },
};
