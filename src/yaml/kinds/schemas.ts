import { keys } from '../../model/keys.ts';
import { checkIdentifier } from '../names.ts';
import type { Kind } from './kind.ts';
import { loadGrants } from './grants.ts';
import type { GrantYaml } from './grants.ts';

interface SchemaYaml {
  readonly comment?: string | null;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
}

export const schemasKind: Kind = {
  key: 'schemas',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as SchemaYaml;
    checkIdentifier(ctx, name, loc);
    if (!ctx.declare(keys.schema(name), `schema \`${name}\``, loc)) return;
    ctx.model.schemas.push(ctx.mark({ name, comment: v.comment ?? null, ...(v.owner !== undefined ? { owner: v.owner } : {}) }, loc));
    loadGrants(ctx, { objectKind: 'schema', schema: name, name: null, arguments: null, what: `schema \`${name}\``, columns: null }, v.grants, loc);
  },
};
