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

/**
 * A parameter value as a SQL literal of unknown type (the statement's parameter gives it its
 * type): null, a string, a finite number, a boolean, or a one-dimensional array of those.
 */
export function valueLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return literal(`{${value.map(arrayElement).join(',')}}`);
  return literal(scalarText(value));
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') return String(value);
  throw new Error(`cannot write ${typeof value} as a SQL literal`);
}

/** An element of an array literal: always double-quoted, `"` and `\` escaped; NULL unquoted. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return `"${scalarText(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;
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
