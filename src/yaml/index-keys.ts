import type { IndexKey } from '../model/index.ts';
import { collationSql } from './names.ts';

/** An unquoted identifier as names are written in YAML (case kept), or a double-quoted one. */
const IDENT = String.raw`(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*|"(?:[^"]|"")+")`;
const QUALIFIED = String.raw`${IDENT}(?:\.${IDENT})?`;
const COLUMN_KEY = new RegExp(String.raw`^(${IDENT})(?:\s+COLLATE\s+(${QUALIFIED}))?(?:\s+(${QUALIFIED}))?$`, 'i');
const TRAILING_NULLS = /\s+NULLS\s+(FIRST|LAST)$/i;
const TRAILING_ORDER = /\s+(ASC|DESC)$/i;

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/**
 * An index key written as text. `col`, `col DESC NULLS LAST`, `col COLLATE "C"` or `col opclass`
 * is a column key; anything else (`lower(email)`, `a + b`) is an expression, with a trailing
 * ASC/DESC and NULLS FIRST/LAST taken off. Column names are matched as written (no case folding).
 */
export function parseIndexKeyString(text: string): IndexKey {
  let rest = text.trim();
  let nulls: string | undefined;
  let order: string | undefined;
  let m = TRAILING_NULLS.exec(rest);
  if (m !== null) {
    nulls = m[1]!.toLowerCase();
    rest = rest.slice(0, m.index);
  }
  m = TRAILING_ORDER.exec(rest);
  if (m !== null) {
    order = m[1]!.toLowerCase();
    rest = rest.slice(0, m.index);
  }
  const descending = order === 'desc';
  const nullsFirst = nulls === undefined ? descending : nulls === 'first';
  const col = COLUMN_KEY.exec(rest);
  if (col !== null) {
    return {
      expression: unquote(col[1]!),
      isColumn: true,
      opclass: col[3] ?? null,
      descending,
      nullsFirst,
      collation: col[2] === undefined ? null : collationSql(col[2]),
    };
  }
  return { expression: rest, isColumn: false, opclass: null, descending, nullsFirst, collation: null };
}

export interface IndexKeyYaml {
  readonly column?: string;
  readonly expression?: string;
  readonly opclass?: string;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  readonly collation?: string;
}

/** An index key in structured form; exactly one of `column` and `expression` (checked by the caller). */
export function indexKeyFromObject(k: IndexKeyYaml): IndexKey {
  const descending = k.order === 'desc';
  return {
    expression: k.column ?? k.expression ?? '',
    isColumn: k.column !== undefined,
    opclass: k.opclass ?? null,
    descending,
    nullsFirst: k.nulls === undefined ? descending : k.nulls === 'first',
    collation: k.collation === undefined ? null : collationSql(k.collation),
  };
}
