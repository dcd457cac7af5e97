import { canonicalIcuLocale, type Collation, type CollationProvider } from '../../model/collation.ts';
import { keys } from '../../model/keys.ts';
import { below } from '../context.ts';
import { checkQualified, display, qualifiedFromKey } from '../names.ts';
import type { Kind } from './kind.ts';

interface CollationYaml {
  readonly schema?: string;
  readonly provider?: CollationProvider;
  readonly locale?: string;
  readonly lc_collate?: string;
  readonly lc_ctype?: string;
  readonly deterministic?: boolean;
  readonly comment?: string | null;
}

/**
 * `collations:` CREATE COLLATION. `locale` is the ICU (or builtin) locale, or for libc both
 * LC_COLLATE and LC_CTYPE unless those are given apart.
 */
export const collationsKind: Kind = {
  key: 'collations',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as CollationYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    if (!ctx.declare(keys.collation(qn.schema, qn.name), `collation \`${display(qn)}\``, loc)) return;
    const provider = v.provider ?? 'libc';
    const libc = provider === 'libc';
    if (libc && v.locale === undefined && (v.lc_collate === undefined || v.lc_ctype === undefined)) {
      ctx.problem(loc, 'a libc collation needs `locale`, or both `lc_collate` and `lc_ctype`');
    }
    if (!libc && v.locale === undefined) ctx.problem(loc, `an ${provider} collation needs \`locale\``);
    if (!libc && (v.lc_collate !== undefined || v.lc_ctype !== undefined)) {
      ctx.problem(below(loc, v.lc_collate !== undefined ? 'lc_collate' : 'lc_ctype'), 'applies to libc collations only: use `locale`');
    }
    const c: Collation = {
      schema: qn.schema,
      name: qn.name,
      provider,
      locale: libc || v.locale === undefined ? null : provider === 'icu' ? canonicalIcuLocale(v.locale) : v.locale,
      lcCollate: libc ? (v.lc_collate ?? v.locale ?? null) : null,
      lcCtype: libc ? (v.lc_ctype ?? v.locale ?? null) : null,
      deterministic: v.deterministic ?? true,
      comment: v.comment ?? null,
    };
    ctx.model.collations.push(ctx.mark(c, loc));
  },
};
