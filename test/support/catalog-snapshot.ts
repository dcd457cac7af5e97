/**
 * An independent picture of a database's schema, used as the oracle of the end-to-end tests:
 * "A migrated by pgform" and "B built by hand" must give equal snapshots.
 *
 * It deliberately reads the catalog another way than src/introspect does (information_schema
 * views, pg_indexes, pg_get_constraintdef with names kept), so a blind spot in one is not
 * silently shared by the other. Every query returns one JSON text per object, so both engines
 * (whose drivers parse types differently) yield the same JavaScript values.
 */
import type { Connection } from '../../src/db/connection.ts';
import { literal } from '../../src/sql/quote.ts';

export interface SchemaSnapshot {
  readonly comment: string | null;
}

export interface ExtensionSnapshot {
  readonly schema: string;
  readonly version: string;
  readonly comment: string | null;
}

export interface EnumSnapshot {
  readonly labels: readonly string[];
  readonly comment: string | null;
}

export interface SequenceSnapshot {
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** `schema.table.column` of the OWNED BY column, or null. */
  readonly ownedBy: string | null;
  readonly comment: string | null;
}

export interface IdentitySnapshot {
  readonly generation: string;
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface ColumnSnapshot {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly identity: IdentitySnapshot | null;
  /** `stored`/`virtual` plus the expression, or null for an ordinary column. */
  readonly generated: string | null;
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface ConstraintSnapshot {
  /** p, u, f, c or x. */
  readonly type: string;
  readonly definition: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly validated: boolean;
  readonly comment: string | null;
}

export interface IndexSnapshot {
  /** `pg_indexes.indexdef`, which names the index and its table. */
  readonly definition: string;
  readonly valid: boolean;
  readonly comment: string | null;
}

export interface TableSnapshot {
  readonly comment: string | null;
  /** In column order. */
  readonly columns: readonly ColumnSnapshot[];
  readonly constraints: Readonly<Record<string, ConstraintSnapshot>>;
  readonly indexes: Readonly<Record<string, IndexSnapshot>>;
}

/** Objects keyed by name (`schema.name` for schema-qualified ones); keys are sorted. */
export interface CatalogSnapshot {
  readonly schemas: Readonly<Record<string, SchemaSnapshot>>;
  readonly extensions: Readonly<Record<string, ExtensionSnapshot>>;
  readonly enums: Readonly<Record<string, EnumSnapshot>>;
  /** Free-standing and serial sequences; identity sequences are described on their column. */
  readonly sequences: Readonly<Record<string, SequenceSnapshot>>;
  readonly tables: Readonly<Record<string, TableSnapshot>>;
}

/** Schemas never described: the system's own and pgform's bookkeeping schema. */
const SYSTEM_SCHEMA_FILTER = `
  nspname NOT IN ('pg_catalog', 'information_schema', 'pgform')
  AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'`;

/** True when the object (classid, objid) belongs to an extension. */
function notExtensionMember(catalog: string, oidExpr: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = ${literal(catalog)}::regclass
    AND d.objid = ${oidExpr} AND d.deptype = 'e')`;
}

async function jsonRows<T>(conn: Connection, sql: string): Promise<T[]> {
  const rows = await conn.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM (${sql}) x`);
  return rows.map((r) => JSON.parse(r.j) as T);
}

function sortedRecord<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[k] = v;
  return out;
}

/**
 * Reads the snapshot. Names in expressions are printed fully qualified (search_path is set to
 * pg_catalog for the duration and restored afterwards), so the text does not depend on the
 * caller's search_path.
 */
export async function catalogSnapshot(
  conn: Connection,
  opts: { schemas?: readonly string[] } = {},
): Promise<CatalogSnapshot> {
  const previous = await conn.query<{ p: string }>(`SELECT current_setting('search_path') AS p`);
  await conn.query(`SELECT set_config('search_path', 'pg_catalog', false)`);
  try {
    return await readSnapshot(conn, opts.schemas);
  } finally {
    await conn.query(`SELECT set_config('search_path', $1, false)`, [previous[0]!.p]);
  }
}

async function readSnapshot(conn: Connection, only: readonly string[] | undefined): Promise<CatalogSnapshot> {
  const schemaFilter = (col: string): string =>
    only ? `${col} IN (${only.map(literal).join(', ') || 'NULL'})` : `${col} IN (SELECT nspname FROM pg_namespace WHERE ${SYSTEM_SCHEMA_FILTER})`;

  const schemas = await jsonRows<{ name: string; comment: string | null }>(
    conn,
    `SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
       FROM pg_namespace n
      WHERE ${SYSTEM_SCHEMA_FILTER} AND ${schemaFilter('n.nspname')}
        AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
  );

  const extensions = await jsonRows<{ name: string; schema: string; version: string; comment: string | null }>(
    conn,
    `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version,
            obj_description(e.oid, 'pg_extension') AS comment
       FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
  );

  const enums = await jsonRows<{ schema: string; name: string; labels: string[]; comment: string | null }>(
    conn,
    `SELECT n.nspname AS schema, t.typname AS name,
            ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  );

  const sequences = await jsonRows<{
    schema: string; name: string; data_type: string; start_value: string; minimum_value: string;
    maximum_value: string; increment: string; cycle_option: string; cache: string;
    owned_by: string | null; comment: string | null;
  }>(
    conn,
    `SELECT s.sequence_schema AS schema, s.sequence_name AS name, s.data_type, s.start_value,
            s.minimum_value, s.maximum_value, s.increment, s.cycle_option, ps.cache_size::text AS cache,
            (SELECT tn.nspname || '.' || tc.relname || '.' || a.attname
               FROM pg_depend d
               JOIN pg_class tc ON tc.oid = d.refobjid
               JOIN pg_namespace tn ON tn.oid = tc.relnamespace
               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a') AS owned_by,
            obj_description(c.oid, 'pg_class') AS comment
       FROM information_schema.sequences s
       JOIN pg_namespace n ON n.nspname = s.sequence_schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequence_name
       JOIN pg_sequences ps ON ps.schemaname = s.sequence_schema AND ps.sequencename = s.sequence_name
      WHERE ${schemaFilter('s.sequence_schema')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype = 'i')`,
  );

  const tables = await jsonRows<{ schema: string; name: string; comment: string | null }>(
    conn,
    `SELECT t.table_schema AS schema, t.table_name AS name,
            obj_description(c.oid, 'pg_class') AS comment
       FROM information_schema.tables t
       JOIN pg_namespace n ON n.nspname = t.table_schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name
      WHERE t.table_type = 'BASE TABLE' AND ${schemaFilter('t.table_schema')}
        AND ${notExtensionMember('pg_class', 'c.oid')}`,
  );

  const columns = await jsonRows<{
    schema: string; table: string; name: string; position: number; type: string; is_nullable: string;
    column_default: string | null; is_identity: string; identity_generation: string | null;
    identity_start: string | null; identity_increment: string | null; identity_minimum: string | null;
    identity_maximum: string | null; identity_cycle: string | null; identity_cache: string | null;
    generated_kind: string; generation_expression: string | null; collation_name: string | null;
    comment: string | null;
  }>(
    conn,
    `SELECT col.table_schema AS schema, col.table_name AS table, col.column_name AS name,
            col.ordinal_position::int AS position,
            format_type(a.atttypid, a.atttypmod) AS type,
            col.is_nullable, col.column_default, col.is_identity, col.identity_generation,
            col.identity_start, col.identity_increment, col.identity_minimum, col.identity_maximum,
            col.identity_cycle,
            CASE WHEN col.is_identity = 'YES' THEN
              (SELECT ps.cache_size::text FROM pg_sequences ps
                WHERE quote_ident(ps.schemaname) || '.' || quote_ident(ps.sequencename)
                      = pg_get_serial_sequence(quote_ident(col.table_schema) || '.' || quote_ident(col.table_name), col.column_name))
            END AS identity_cache,
            a.attgenerated::text AS generated_kind, col.generation_expression, col.collation_name,
            col_description(c.oid, a.attnum) AS comment
       FROM information_schema.columns col
       JOIN pg_namespace n ON n.nspname = col.table_schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = col.table_name AND c.relkind IN ('r', 'p')
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = col.column_name
      WHERE ${schemaFilter('col.table_schema')}`,
  );

  const constraints = await jsonRows<{
    schema: string; table: string; name: string; type: string; definition: string; deferrable: boolean;
    deferred: boolean; validated: boolean; comment: string | null;
  }>(
    conn,
    `SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype::text AS type,
            pg_get_constraintdef(k.oid, true) AS definition, k.condeferrable AS deferrable,
            k.condeferred AS deferred, k.convalidated AS validated,
            obj_description(k.oid, 'pg_constraint') AS comment
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND ${schemaFilter('n.nspname')}`,
  );

  const indexes = await jsonRows<{
    schema: string; table: string; name: string; definition: string; valid: boolean; comment: string | null;
  }>(
    conn,
    `SELECT i.schemaname AS schema, i.tablename AS table, i.indexname AS name, i.indexdef AS definition,
            x.indisvalid AS valid, obj_description(x.indexrelid, 'pg_class') AS comment
       FROM pg_indexes i
       JOIN pg_index x ON x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
      WHERE ${schemaFilter('i.schemaname')}`,
  );

  const tableSnapshots = new Map<string, { comment: string | null; columns: ColumnSnapshot[]; constraints: [string, ConstraintSnapshot][]; indexes: [string, IndexSnapshot][] }>();
  for (const t of tables) tableSnapshots.set(`${t.schema}.${t.name}`, { comment: t.comment, columns: [], constraints: [], indexes: [] });

  for (const c of [...columns].sort((a, b) => a.position - b.position)) {
    const t = tableSnapshots.get(`${c.schema}.${c.table}`);
    if (!t) continue; // a column of a table left out (e.g. extension-owned)
    t.columns.push({
      name: c.name,
      type: c.type,
      nullable: c.is_nullable === 'YES',
      default: c.column_default,
      identity:
        c.is_identity === 'YES'
          ? {
              generation: c.identity_generation ?? '',
              start: c.identity_start ?? '',
              increment: c.identity_increment ?? '',
              minValue: c.identity_minimum ?? '',
              maxValue: c.identity_maximum ?? '',
              cache: c.identity_cache ?? '',
              cycle: c.identity_cycle === 'YES',
            }
          : null,
      generated: c.generated_kind === '' ? null : `${c.generated_kind === 's' ? 'stored' : 'virtual'}: ${c.generation_expression ?? ''}`,
      collation: c.collation_name,
      comment: c.comment,
    });
  }
  for (const k of constraints) {
    const t = tableSnapshots.get(`${k.schema}.${k.table}`);
    if (!t) continue;
    t.constraints.push([k.name, {
      type: k.type, definition: k.definition, deferrable: k.deferrable, initiallyDeferred: k.deferred,
      validated: k.validated, comment: k.comment,
    }]);
  }
  for (const i of indexes) {
    const t = tableSnapshots.get(`${i.schema}.${i.table}`);
    if (!t) continue;
    t.indexes.push([i.name, { definition: i.definition, valid: i.valid, comment: i.comment }]);
  }

  return {
    schemas: sortedRecord(schemas.map((s) => [s.name, { comment: s.comment }] as const)),
    extensions: sortedRecord(extensions.map((e) => [e.name, { schema: e.schema, version: e.version, comment: e.comment }] as const)),
    enums: sortedRecord(enums.map((e) => [`${e.schema}.${e.name}`, { labels: e.labels, comment: e.comment }] as const)),
    sequences: sortedRecord(
      sequences.map((s) => [`${s.schema}.${s.name}`, {
        dataType: s.data_type, start: s.start_value, increment: s.increment, minValue: s.minimum_value,
        maxValue: s.maximum_value, cache: s.cache, cycle: s.cycle_option === 'YES', ownedBy: s.owned_by,
        comment: s.comment,
      }] as const),
    ),
    tables: sortedRecord(
      [...tableSnapshots].map(([key, t]) => [key, {
        comment: t.comment,
        columns: t.columns,
        constraints: sortedRecord(t.constraints),
        indexes: sortedRecord(t.indexes),
      }] as const),
    ),
  };
}

/** Flattens a snapshot into `object path -> property -> value` for comparison. */
function flatten(s: CatalogSnapshot): Map<string, Map<string, string>> {
  const objects = new Map<string, Map<string, string>>();
  const put = (path: string, props: object): void => {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(props)) m.set(k, JSON.stringify(v));
    objects.set(path, m);
  };
  for (const [n, v] of Object.entries(s.schemas)) put(`schema ${n}`, v);
  for (const [n, v] of Object.entries(s.extensions)) put(`extension ${n}`, v);
  for (const [n, v] of Object.entries(s.enums)) put(`enum ${n}`, v);
  for (const [n, v] of Object.entries(s.sequences)) put(`sequence ${n}`, v);
  for (const [n, t] of Object.entries(s.tables)) {
    put(`table ${n}`, { comment: t.comment, 'column order': t.columns.map((c) => c.name) });
    for (const c of t.columns) {
      const { name: _name, identity, ...rest } = c;
      put(`table ${n}: column ${c.name}`, { ...rest, ...(identity ? prefixed('identity ', identity) : { identity: null }) });
    }
    for (const [k, v] of Object.entries(t.constraints)) put(`table ${n}: constraint ${k}`, v);
    for (const [k, v] of Object.entries(t.indexes)) put(`table ${n}: index ${k}`, v);
  }
  return objects;
}

function prefixed(prefix: string, o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Human-readable differences between two snapshots, in a stable order; [] when they are equal. */
export function diffSnapshots(a: CatalogSnapshot, b: CatalogSnapshot): string[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const out: string[] = [];
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  const missing = new Set<string>();
  for (const path of paths) {
    // A table missing on one side is reported once, not once per column, constraint and index.
    const parent = path.includes(': ') ? path.slice(0, path.indexOf(': ')) : null;
    if (parent && missing.has(parent)) continue;
    const pa = fa.get(path);
    const pb = fb.get(path);
    if (!pa || !pb) {
      missing.add(path);
      out.push(`${path}: only in ${pa ? 'A' : 'B'}${describe(pa ?? pb!)}`);
      continue;
    }
    for (const key of [...new Set([...pa.keys(), ...pb.keys()])]) {
      const va = pa.get(key) ?? '(absent)';
      const vb = pb.get(key) ?? '(absent)';
      if (va !== vb) out.push(`${path}: ${key}: A ${va} / B ${vb}`);
    }
  }
  return out;
}

function describe(props: Map<string, string>): string {
  const def = props.get('definition') ?? props.get('type') ?? props.get('labels');
  return def ? ` (${def})` : '';
}
