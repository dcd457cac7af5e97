import { keys } from '../../model/keys.ts';
import type { EnumType } from '../../model/enum.ts';
import { below, valueOf } from '../context.ts';
import { checkIdentifier, checkQualified, display, qualifiedFromKey } from '../names.ts';
import type { Kind } from './kind.ts';

interface EnumYaml {
  readonly values: readonly string[];
  readonly schema?: string;
  readonly comment?: string | null;
  readonly owner?: string;
}

/** `types:` declares enum types: `mood: [sad, ok, happy]` or `mood: { values: [...], comment }`. */
export const typesKind: Kind = {
  key: 'types',
  load({ name, value, loc }, ctx) {
    const v: EnumYaml = Array.isArray(value) ? { values: value as string[] } : (value as EnumYaml);
    const valuesLoc = Array.isArray(value) ? loc : below(loc, 'values');
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    const seen = new Set<string>();
    v.values.forEach((label, i) => {
      const at = valueOf(below(valuesLoc, i));
      if (label === '') ctx.problem(at, 'enum labels must not be empty');
      checkIdentifier(ctx, label, at);
      if (seen.has(label)) ctx.problem(at, `label \`${label}\` is listed twice`);
      seen.add(label);
    });
    if (!ctx.declare(keys.enum(qn.schema, qn.name), `type \`${display(qn)}\``, loc)) return;
    const e: EnumType = { schema: qn.schema, name: qn.name, labels: [...v.values], comment: v.comment ?? null, ...(v.owner !== undefined ? { owner: v.owner } : {}) };
    ctx.model.enums.push(ctx.mark(e, loc));
  },
};
