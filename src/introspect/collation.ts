import { ident } from '../sql/quote.ts';

/** A collation as written after COLLATE: always quoted, schema-qualified unless in pg_catalog. */
export function collationName(schema: string, name: string): string {
  return schema === 'pg_catalog' ? ident(name) : `${ident(schema)}.${ident(name)}`;
}
