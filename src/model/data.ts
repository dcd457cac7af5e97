/**
 * Reference rows a table must hold, keyed by its primary key. Desired state: as the YAML writes
 * them; live state: read back, for the declared tables only, with every value that equals the
 * desired one (in PostgreSQL's text of the column's type) spelled as the desired state spells it.
 * Rows are not schema: fingerprints leave `data` out.
 */
export interface TableData {
  readonly schema: string;
  readonly table: string;
  /** The primary key's columns, in key order. */
  readonly key: readonly string[];
  /** Sorted by key (see `rowKey`). */
  readonly rows: readonly Row[];
  /** `delete_others: true`: rows whose key is not listed are deleted. */
  readonly full: boolean;
}

/**
 * A value as PostgreSQL text (what `col::text` gives, or its input spelling), SQL NULL, or (desired
 * only) an SQL expression written at INSERT and never compared.
 */
export type DataValue = string | null | { readonly sql: string };

/** Column name -> value. A row manages only the columns it names. */
export type Row = Readonly<Record<string, DataValue>>;

export function isSqlValue(v: DataValue | undefined): v is { readonly sql: string } {
  return v !== null && typeof v === 'object';
}

/** Identity of a row within its table: its key values, in key order. */
export function rowKey(key: readonly string[], row: Row): string {
  return JSON.stringify(key.map((k) => { const v = row[k]; return isSqlValue(v) ? null : v ?? null; }));
}

export function tableDataKey(d: { readonly schema: string; readonly table: string }): string {
  return `${d.schema}.${d.table}`;
}

/** Rows sorted by key, so equal sets of rows have equal models. */
export function sortRows(d: TableData): TableData {
  const keyed = d.rows.map((r) => [rowKey(d.key, r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { ...d, rows: keyed.map(([, r]) => r) };
}
