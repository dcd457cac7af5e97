import type { QualifiedName } from './names.ts';

export type CollationProvider = 'libc' | 'icu' | 'builtin';

/** CREATE COLLATION. */
export interface Collation extends QualifiedName {
  readonly provider: CollationProvider;
  /** ICU or builtin locale (`en-u-kn-true`); null for libc. */
  readonly locale: string | null;
  /** libc LC_COLLATE and LC_CTYPE; null for the other providers. */
  readonly lcCollate: string | null;
  readonly lcCtype: string | null;
  /** False: strings equal by the collation's rules compare equal (e.g. case-insensitive). */
  readonly deterministic: boolean;
  readonly comment: string | null;
}

/**
 * An ICU locale in the form PostgreSQL 16+ stores it, so that servers that keep it as written
 * (15) and those that canonicalize it compare equal: `en_US` -> `en-US`, `en-u-kn-true` -> `en-u-kn`
 * (`true` is the default value of a Unicode extension keyword).
 */
export function canonicalIcuLocale(locale: string): string {
  return locale.replace(/_/g, '-').replace(/-([a-z0-9]{2})-true(?=-|$)/gi, '-$1');
}
