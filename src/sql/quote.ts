import type { QualifiedName } from '../model/names.ts';

/** Always double-quotes: names from YAML never reach SQL unquoted. */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}

export function qname(n: QualifiedName): string {
  return `${ident(n.schema)}.${ident(n.name)}`;
}

/** A string literal, standard-conforming (E'' is never needed: backslashes are literal). */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('string literal contains a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

export function identList(names: readonly string[]): string {
  return names.map(ident).join(', ');
}

/** A dollar-quoting tag that does not occur in the body (nor runs into its trailing `$`). */
export function dollarTag(body: string): string {
  for (let n = 0; ; n++) {
    const tag = n === 0 ? '$$' : `$${'_'.repeat(n)}$`;
    if ((body + tag).indexOf(tag) === body.length) return tag;
  }
}
