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

export interface DomainSnapshot {
  readonly baseType: string;
  readonly notNull: boolean;
  readonly default: string | null;
  /** Only when it differs from the base type's. */
  readonly collation: string | null;
  /** `name: definition (validated)`, sorted. */
  readonly checks: readonly string[];
  readonly comment: string | null;
}

export interface CompositeTypeSnapshot {
  /** `name type [COLLATE c]`, in attribute order. */
  readonly attributes: readonly string[];
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
  /** `attstorage` (p, e, m, x). */
  readonly storage: string;
  /** `attcompression`: empty for the server's default. */
  readonly compression: string;
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
  /** `pg_get_partkeydef` of a partitioned table, else null. */
  readonly partitionKey: string | null;
  /** `parent FOR VALUES ...` of a partition (the bound in UTC), else null. */
  readonly partitionOf: string | null;
  /** `relpersistence`: p permanent, u unlogged. */
  readonly persistence: string;
  /** The table's reloptions and its TOAST table's (`toast.` before each), sorted. */
  readonly options: readonly string[];
  /** Parents of plain (not partition) inheritance, in `inhseqno` order. */
  readonly inherits: readonly string[];
  /** In column order. */
  readonly columns: readonly ColumnSnapshot[];
  readonly constraints: Readonly<Record<string, ConstraintSnapshot>>;
  readonly indexes: Readonly<Record<string, IndexSnapshot>>;
}

export interface ViewSnapshot {
  /** `pg_get_viewdef(oid, true)` with names qualified. */
  readonly definition: string;
  /** `reloptions`, sorted (security_barrier, security_invoker, check_option). */
  readonly options: readonly string[];
  /** `name type` in column order. */
  readonly columns: readonly string[];
  /** Column comments by column name (only the commented ones). */
  readonly columnComments: Readonly<Record<string, string>>;
  readonly comment: string | null;
}

export interface MaterializedViewSnapshot extends ViewSnapshot {
  readonly indexes: Readonly<Record<string, IndexSnapshot>>;
}

export interface RoutineSnapshot {
  /** f (function), p (procedure) or a (aggregate). */
  readonly kind: string;
  /** An aggregate's pg_aggregate row, its functions and types by name. */
  readonly aggregate?: string;
  /** `pg_get_function_arguments`: names, modes and defaults. */
  readonly arguments: string;
  /** `pg_get_function_result`; null for a procedure. */
  readonly result: string | null;
  readonly language: string;
  /** `prosrc` (empty for a SQL-standard body). */
  readonly source: string;
  /** Deparsed SQL-standard body, or null. */
  readonly sqlBody: string | null;
  readonly volatility: string;
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: string;
  readonly cost: string;
  readonly rows: string;
  /** `proconfig`, sorted. */
  readonly config: readonly string[];
  readonly comment: string | null;
}

export interface TriggerSnapshot {
  /** `pg_get_triggerdef(oid, true)`. */
  readonly definition: string;
  /** `tgenabled`: O, D, R or A. */
  readonly enabled: string;
  readonly comment: string | null;
}

export interface PolicySnapshot {
  readonly permissive: boolean;
  /** `polcmd`: r, a, w, d or *. */
  readonly command: string;
  /** Role names, sorted; PUBLIC for everyone. */
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
  readonly comment: string | null;
}

export interface RoleSnapshot {
  readonly login: boolean;
  readonly superuser: boolean;
  readonly createdb: boolean;
  readonly createrole: boolean;
  readonly inherit: boolean;
  readonly replication: boolean;
  readonly bypassRls: boolean;
  readonly connectionLimit: number;
  /** Roles it is a member of (with `admin` when WITH ADMIN OPTION), sorted. */
  readonly memberOf: readonly string[];
}

/** Objects keyed by name (`schema.name` for schema-qualified ones); keys are sorted. */
export interface CatalogSnapshot {
  readonly schemas: Readonly<Record<string, SchemaSnapshot>>;
  readonly extensions: Readonly<Record<string, ExtensionSnapshot>>;
  readonly enums: Readonly<Record<string, EnumSnapshot>>;
  readonly domains: Readonly<Record<string, DomainSnapshot>>;
  readonly compositeTypes: Readonly<Record<string, CompositeTypeSnapshot>>;
  /** CREATE COLLATION: `provider locale lc_collate lc_ctype deterministic` and the comment. */
  readonly collations?: Readonly<Record<string, { readonly definition: string; readonly comment: string | null }>>;
  /** Free-standing and serial sequences; identity sequences are described on their column. */
  readonly sequences: Readonly<Record<string, SequenceSnapshot>>;
  readonly tables: Readonly<Record<string, TableSnapshot>>;
  readonly views: Readonly<Record<string, ViewSnapshot>>;
  readonly materializedViews: Readonly<Record<string, MaterializedViewSnapshot>>;
  /** Functions and procedures keyed `schema.name(identity arguments)`. */
  readonly routines: Readonly<Record<string, RoutineSnapshot>>;
  /** User triggers keyed `schema.relation.name` (internal ones, e.g. of foreign keys, left out). */
  readonly triggers: Readonly<Record<string, TriggerSnapshot>>;
  /** `relrowsecurity`/`relforcerowsecurity` of tables that have either set, keyed `schema.table`. */
  readonly rowSecurity: Readonly<Record<string, { readonly enabled: boolean; readonly forced: boolean }>>;
  /** Keyed `schema.table.policy`. */
  readonly policies: Readonly<Record<string, PolicySnapshot>>;
  /**
   * Effective privileges per object (`kind name`), as sorted `grantee PRIVILEGE[ WITH GRANT OPTION]`
   * rows of aclexplode over the ACL or the kind's default, without the owner's own rows. Objects
   * with no such rows are left out.
   */
  readonly grants: Readonly<Record<string, readonly string[]>>;
  /** `pg_default_acl` keyed `role in schema|all: objtype`, sorted exploded rows. */
  readonly defaultPrivileges: Readonly<Record<string, readonly string[]>>;
  /** Owner per object (`kind name`), for schemas, types, sequences, tables, views, routines. */
  readonly owners: Readonly<Record<string, string>>;
  /** Roles named by the objects above (grants, policies, owners, default privileges) whose name starts with the `rolePrefix` option. */
  readonly roles: Readonly<Record<string, RoleSnapshot>>;
  /**
   * TimescaleDB, from its information views when the extension is installed: hypertables (their
   * dimensions and compression settings), continuous aggregates and jobs (policies and user jobs),
   * keyed `hypertable s.t`, `continuous aggregate s.v`, `job ...`. Internal ids left out.
   */
  readonly timescale?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
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
  opts: { schemas?: readonly string[]; rolePrefix?: string } = {},
): Promise<CatalogSnapshot> {
  const previous = await conn.query<{ p: string }>(`SELECT current_setting('search_path') AS p`);
  await conn.query(`SELECT set_config('search_path', 'pg_catalog', false)`);
  try {
    const base = await readSnapshot(conn, opts.schemas);
    return { ...base, ...(await readBehaviour(conn, opts.schemas, opts.rolePrefix ?? null)), timescale: await readTimescale(conn, opts.schemas) };
  } finally {
    await conn.query(`SELECT set_config('search_path', $1, false)`, [previous[0]!.p]);
  }
}

type BaseSnapshot = Pick<CatalogSnapshot, 'schemas' | 'extensions' | 'enums' | 'domains' | 'compositeTypes' | 'collations' | 'sequences' | 'tables'>;

async function readSnapshot(conn: Connection, only: readonly string[] | undefined): Promise<BaseSnapshot> {
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

  const domains = await jsonRows<{
    schema: string; name: string; base_type: string; not_null: boolean; default: string | null;
    collation: string | null; checks: string[]; comment: string | null;
  }>(
    conn,
    `SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS base_type,
            t.typnotnull AS not_null, t.typdefault AS default,
            CASE WHEN t.typcollation <> b.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = t.typcollation) END AS collation,
            ARRAY(SELECT c.conname || ': ' || pg_get_constraintdef(c.oid) || CASE WHEN c.convalidated THEN '' ELSE ' (not validated)' END
                    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname) AS checks,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
      WHERE t.typtype = 'd' AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  );

  const collations = await jsonRows<{ schema: string; name: string; definition: string; comment: string | null }>(
    conn,
    `SELECT n.nspname AS schema, c.collname AS name,
            concat_ws(' ', c.collprovider::text, -- ICU locales as PostgreSQL 16+ keeps them (15 keeps them as written)
                      coalesce(regexp_replace(replace(coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale',
                                                       CASE WHEN c.collprovider <> 'c' THEN c.collcollate END), '_', '-'),
                                              '-([a-zA-Z0-9]{2})-true(?=-|$)', '-\\1', 'g'), '-'),
                      coalesce(c.collcollate, '-'), coalesce(c.collctype, '-'), c.collisdeterministic::text) AS definition,
            obj_description(c.oid, 'pg_collation') AS comment
       FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
      WHERE ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_collation', 'c.oid')}`,
  );

  const compositeTypes = await jsonRows<{ schema: string; name: string; attributes: string[]; comment: string | null }>(
    conn,
    `SELECT n.nspname AS schema, t.typname AS name,
            ARRAY(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                         || CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) ELSE '' END
                    FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS attributes,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class r ON r.oid = t.typrelid
      WHERE t.typtype = 'c' AND r.relkind = 'c' AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
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

  // Partition bounds on timestamptz keys print in the session's zone: compared in UTC.
  const [zone] = await conn.query<{ tz: string }>(`SELECT current_setting('TimeZone') AS tz`);
  await conn.exec(`SET TimeZone = 'UTC'`);
  const tables = await jsonRows<{
    schema: string; name: string; comment: string | null; partition_key: string | null; partition_of: string | null;
    persistence: string; options: string[]; inherits: string[];
  }>(
    conn,
    `SELECT t.table_schema AS schema, t.table_name AS name,
            obj_description(c.oid, 'pg_class') AS comment,
            (SELECT pg_get_partkeydef(pt.partrelid) FROM pg_partitioned_table pt WHERE pt.partrelid = c.oid) AS partition_key,
            (SELECT h.inhparent::regclass::text || ' ' || pg_get_expr(c.relpartbound, c.oid)
               FROM pg_inherits h WHERE h.inhrelid = c.oid AND c.relispartition) AS partition_of,
            c.relpersistence::text AS persistence,
            ARRAY(SELECT o FROM (SELECT unnest(c.reloptions) AS o
                                 UNION ALL SELECT 'toast.' || unnest(tc.reloptions)) x ORDER BY o) AS options,
            ARRAY(SELECT h.inhparent::regclass::text FROM pg_inherits h
                   WHERE h.inhrelid = c.oid AND NOT c.relispartition ORDER BY h.inhseqno) AS inherits
       FROM information_schema.tables t
       JOIN pg_namespace n ON n.nspname = t.table_schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name
       LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
      WHERE t.table_type = 'BASE TABLE' AND ${schemaFilter('t.table_schema')}
        AND ${notExtensionMember('pg_class', 'c.oid')}`,
  );
  await conn.query(`SELECT set_config('TimeZone', $1, false)`, [zone!.tz]);

  const columns = await jsonRows<{
    schema: string; table: string; name: string; position: number; type: string; is_nullable: string;
    column_default: string | null; is_identity: string; identity_generation: string | null;
    identity_start: string | null; identity_increment: string | null; identity_minimum: string | null;
    identity_maximum: string | null; identity_cycle: string | null; identity_cache: string | null;
    generated_kind: string; generation_expression: string | null; collation_name: string | null;
    storage: string; compression: string; comment: string | null;
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
            a.attstorage::text AS storage, a.attcompression::text AS compression,
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

  const tableSnapshots = new Map<string, { comment: string | null; partitionKey: string | null; partitionOf: string | null; persistence: string; options: string[]; inherits: string[]; columns: ColumnSnapshot[]; constraints: [string, ConstraintSnapshot][]; indexes: [string, IndexSnapshot][] }>();
  for (const t of tables) {
    tableSnapshots.set(`${t.schema}.${t.name}`, {
      comment: t.comment, partitionKey: t.partition_key, partitionOf: t.partition_of,
      persistence: t.persistence, options: t.options, inherits: t.inherits, columns: [], constraints: [], indexes: [],
    });
  }

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
      storage: c.storage,
      compression: c.compression,
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
    domains: sortedRecord(domains.map((d) => [`${d.schema}.${d.name}`, {
      baseType: d.base_type, notNull: d.not_null, default: d.default, collation: d.collation, checks: d.checks, comment: d.comment,
    }] as const)),
    compositeTypes: sortedRecord(compositeTypes.map((c) => [`${c.schema}.${c.name}`, { attributes: c.attributes, comment: c.comment }] as const)),
    collations: sortedRecord(collations.map((c) => [`${c.schema}.${c.name}`, { definition: c.definition, comment: c.comment }] as const)),
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
        partitionKey: t.partitionKey,
        partitionOf: t.partitionOf,
        persistence: t.persistence,
        options: t.options,
        inherits: t.inherits,
        columns: t.columns,
        constraints: sortedRecord(t.constraints),
        indexes: sortedRecord(t.indexes),
      }] as const),
    ),
  };
}

type BehaviourSnapshot = Omit<CatalogSnapshot, keyof BaseSnapshot>;

/** `col IN (the wanted schemas)`. */
/** The TimescaleDB part of the snapshot (see `CatalogSnapshot.timescale`); empty without the extension. */
async function readTimescale(conn: Connection, only: readonly string[] | undefined): Promise<Record<string, Record<string, unknown>>> {
  const installed = await conn.query(`SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'`);
  if (installed.length === 0) return {};
  const out: [string, Record<string, unknown>][] = [];
  const hypertables = await jsonRows<{ name: string; dimensions: string[]; compression: string[] | null }>(
    conn,
    `SELECT h.hypertable_schema || '.' || h.hypertable_name AS name,
            ARRAY(SELECT d.dimension_number || ' ' || d.column_name || ' ' || d.column_type::text || ' ' || d.dimension_type
                         || coalesce(' interval ' || d.time_interval::text, '') || coalesce(' integer interval ' || d.integer_interval, '')
                         || coalesce(' partitions ' || d.num_partitions, '')
                    FROM timescaledb_information.dimensions d
                   WHERE d.hypertable_schema = h.hypertable_schema AND d.hypertable_name = h.hypertable_name ORDER BY d.dimension_number) AS dimensions,
            CASE WHEN h.compression_enabled THEN ARRAY(
              SELECT s.attname || coalesce(' segment by #' || s.segmentby_column_index, '')
                     || coalesce(' order by #' || s.orderby_column_index || CASE WHEN s.orderby_asc THEN ' ASC' ELSE ' DESC' END
                                 || CASE WHEN s.orderby_nullsfirst THEN ' NULLS FIRST' ELSE ' NULLS LAST' END, '')
                FROM timescaledb_information.compression_settings s
               WHERE s.hypertable_schema = h.hypertable_schema AND s.hypertable_name = h.hypertable_name
                 AND (s.segmentby_column_index IS NOT NULL OR s.orderby_column_index IS NOT NULL)
               ORDER BY s.attname) END AS compression
       FROM timescaledb_information.hypertables h
      WHERE ${inSchemas(only, 'h.hypertable_schema')}`,
  );
  for (const h of hypertables) out.push([`hypertable ${h.name}`, { dimensions: h.dimensions, compression: h.compression }]);
  const aggregates = await jsonRows<{ name: string; on: string; materialized_only: boolean; finalized: boolean; compression_enabled: boolean }>(
    conn,
    `SELECT a.view_schema || '.' || a.view_name AS name, a.hypertable_schema || '.' || a.hypertable_name AS on,
            a.materialized_only, a.finalized, a.compression_enabled
       FROM timescaledb_information.continuous_aggregates a
      WHERE ${inSchemas(only, 'a.view_schema')}`,
  );
  for (const { name, ...rest } of aggregates) out.push([`continuous aggregate ${name}`, rest]);
  // A policy of a continuous aggregate runs on its materialization hypertable (an internal name):
  // it is named by the aggregate instead. Ids in the config differ between databases.
  const jobs = await jsonRows<{ key: string; schedule: string; config: string | null; scheduled: boolean }>(
    conn,
    `SELECT j.proc_schema || '.' || j.proc_name || ' on ' || coalesce(a.view_schema || '.' || a.view_name, j.hypertable_schema || '.' || j.hypertable_name, '(no hypertable)')
              || CASE WHEN j.hypertable_name IS NULL THEN ' ' || coalesce((j.config - 'hypertable_id' - 'mat_hypertable_id')::text, '') ELSE '' END AS key,
            j.schedule_interval::text AS schedule, (j.config - 'hypertable_id' - 'mat_hypertable_id')::text AS config, j.scheduled
       FROM timescaledb_information.jobs j
       LEFT JOIN timescaledb_information.continuous_aggregates a
         ON a.materialization_hypertable_schema = j.hypertable_schema AND a.materialization_hypertable_name = j.hypertable_name
      WHERE j.job_id >= 1000
        AND ${inSchemas(only, `coalesce(a.view_schema, j.hypertable_schema, j.proc_schema)`)}`,
  );
  for (const { key, ...rest } of jobs) out.push([`job ${key}`, rest]);
  return sortedRecord(out);
}

function inSchemas(only: readonly string[] | undefined, col: string): string {
  return only ? `${col} IN (${only.map(literal).join(', ') || 'NULL'})` : `${col} IN (SELECT nspname FROM pg_namespace WHERE ${SYSTEM_SCHEMA_FILTER})`;
}

/** A role oid as a name; 0 is PUBLIC. */
const roleName = (oidExpr: string): string =>
  `CASE WHEN ${oidExpr} = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(${oidExpr})::text END`;

/** One aclexplode row as `grantee PRIVILEGE[ WITH GRANT OPTION]`. */
const aclRow = (a: string): string =>
  `${roleName(`${a}.grantee`)} || ' ' || ${a}.privilege_type || CASE WHEN ${a}.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END`;

/** Label of a relation kind, as used in the grants and owners keys. */
const RELKIND_LABEL = `CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END`;

/** Identity sequences carry their column's history in their name: described on the column only. */
const NOT_IDENTITY_SEQUENCE = `NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i'))`;

/**
 * Views, routines, triggers, row level security, privileges, owners and roles: what carries a
 * database's behaviour and security, read from the catalog tables directly.
 */
async function readBehaviour(conn: Connection, only: readonly string[] | undefined, rolePrefix: string | null): Promise<BehaviourSnapshot> {
  const schemaFilter = (col: string): string => inSchemas(only, col);

  const relations = await jsonRows<{
    schema: string; name: string; kind: string; definition: string; options: string[]; columns: string[];
    column_comments: Record<string, string>; comment: string | null;
  }>(
    conn,
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
            pg_get_viewdef(c.oid, true) AS definition,
            ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) o ORDER BY o) AS options,
            ARRAY(SELECT a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod)
                    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   ORDER BY a.attnum) AS columns,
            coalesce((SELECT json_object_agg(a.attname, d.description ORDER BY a.attname)
                        FROM pg_attribute a
                        JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
                       WHERE a.attrelid = c.oid AND a.attnum > 0), '{}'::json) AS column_comments,
            obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
  );

  const mviewIndexes = await jsonRows<{ schema: string; table: string; name: string; definition: string; valid: boolean; comment: string | null }>(
    conn,
    `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition,
            x.indisvalid AS valid, obj_description(i.oid, 'pg_class') AS comment
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE t.relkind = 'm' AND ${schemaFilter('n.nspname')}`,
  );

  const routines = await jsonRows<{
    schema: string; name: string; identity: string; kind: string; arguments: string; result: string | null;
    language: string; source: string; sql_body: string | null; volatility: string; strict: boolean;
    security_definer: boolean; leakproof: boolean; parallel: string; cost: string; rows: string;
    config: string[]; comment: string | null; aggregate: string | null;
  }>(
    conn,
    `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS identity,
            p.prokind::text AS kind, pg_get_function_arguments(p.oid) AS arguments,
            CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_get_function_result(p.oid) END AS result,
            l.lanname AS language, p.prosrc AS source, pg_get_function_sqlbody(p.oid) AS sql_body,
            p.provolatile::text AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
            p.proleakproof AS leakproof, p.proparallel::text AS parallel, p.procost::text AS cost,
            p.prorows::text AS rows,
            ARRAY(SELECT x FROM unnest(coalesce(p.proconfig, '{}'::text[])) x ORDER BY x) AS config,
            obj_description(p.oid, 'pg_proc') AS comment,
            (SELECT concat_ws(' | ', a.aggkind::text, a.aggnumdirectargs::text, a.aggtransfn::text, format_type(a.aggtranstype, NULL),
                              a.aggtransspace::text, a.aggfinalfn::text, a.aggfinalextra::text, a.aggfinalmodify::text,
                              a.aggcombinefn::text, a.aggserialfn::text, a.aggdeserialfn::text, coalesce(a.agginitval, '-'),
                              a.aggmtransfn::text, a.aggminvtransfn::text, format_type(nullif(a.aggmtranstype, 0), NULL),
                              a.aggmtransspace::text, a.aggmfinalfn::text, a.aggmfinalextra::text, a.aggmfinalmodify::text,
                              coalesce(a.aggminitval, '-'), a.aggsortop::regoperator::text)
               FROM pg_aggregate a WHERE a.aggfnoid = p.oid) AS aggregate
       FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       JOIN pg_language l ON l.oid = p.prolang
      WHERE p.prokind IN ('f', 'p', 'a') AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
  );

  const triggers = await jsonRows<{ schema: string; table: string; name: string; definition: string; enabled: string; comment: string | null }>(
    conn,
    `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid, true) AS definition,
            t.tgenabled::text AS enabled, obj_description(t.oid, 'pg_trigger') AS comment
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_trigger', 't.oid')}`,
  );

  const rls = await jsonRows<{ schema: string; name: string; enabled: boolean; forced: boolean }>(
    conn,
    `SELECT n.nspname AS schema, c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
        AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
  );

  const policies = await jsonRows<{
    schema: string; table: string; name: string; permissive: boolean; command: string; roles: string[];
    using: string | null; with_check: string | null; comment: string | null;
  }>(
    conn,
    `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive,
            p.polcmd::text AS command,
            ARRAY(SELECT ${roleName('r')} AS r FROM unnest(p.polroles) r ORDER BY 1) AS roles,
            pg_get_expr(p.polqual, p.polrelid, true) AS using,
            pg_get_expr(p.polwithcheck, p.polrelid, true) AS with_check,
            obj_description(p.oid, 'pg_policy') AS comment
       FROM pg_policy p
       JOIN pg_class c ON c.oid = p.polrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${schemaFilter('n.nspname')}`,
  );

  // Effective privileges: a NULL ACL means the kind's default (acldefault), the owner's own rows are implied.
  const grants = await jsonRows<{ object: string; grantee: string; row: string }>(
    conn,
    `SELECT ${RELKIND_LABEL} || ' ' || n.nspname || '.' || c.relname AS object,
            ${roleName('a.grantee')} AS grantee, ${aclRow('a')} AS row
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL aclexplode(coalesce(c.relacl,
              acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND a.grantee <> c.relowner AND ${NOT_IDENTITY_SEQUENCE}
        AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
     UNION ALL
     SELECT 'column ' || n.nspname || '.' || c.relname || '.' || at.attname, ${roleName('a.grantee')}, ${aclRow('a')}
       FROM pg_attribute at
       JOIN pg_class c ON c.oid = at.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL aclexplode(at.attacl) a
      WHERE at.attacl IS NOT NULL AND at.attnum > 0 AND NOT at.attisdropped AND a.grantee <> c.relowner
        AND c.relkind IN ('r', 'p', 'v', 'm') AND ${schemaFilter('n.nspname')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
     UNION ALL
     SELECT 'routine ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
            ${roleName('a.grantee')}, ${aclRow('a')}
       FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) a
      WHERE p.prokind IN ('f', 'p', 'a') AND a.grantee <> p.proowner
        AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}
     UNION ALL
     SELECT 'type ' || n.nspname || '.' || t.typname, ${roleName('a.grantee')}, ${aclRow('a')}
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       CROSS JOIN LATERAL aclexplode(coalesce(t.typacl, acldefault('T'::"char", t.typowner))) a
      WHERE t.typcategory <> 'A' AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
        AND a.grantee <> t.typowner AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
     UNION ALL
     SELECT 'schema ' || n.nspname, ${roleName('a.grantee')}, ${aclRow('a')}
       FROM pg_namespace n
       CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
      WHERE a.grantee <> n.nspowner AND ${SYSTEM_SCHEMA_FILTER} AND ${schemaFilter('n.nspname')}
        AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
  );

  const defaults = await jsonRows<{ key: string; role: string; rows: string[]; grantees: string[] }>(
    conn,
    `SELECT pg_get_userbyid(d.defaclrole)::text || ' in ' || coalesce('schema ' || n.nspname, 'all schemas')
              || ': ' || d.defaclobjtype::text AS key,
            pg_get_userbyid(d.defaclrole)::text AS role,
            ARRAY(SELECT ${aclRow('a')} AS r FROM aclexplode(d.defaclacl) a ORDER BY 1) AS rows,
            ARRAY(SELECT DISTINCT ${roleName('a.grantee')} FROM aclexplode(d.defaclacl) a) AS grantees
       FROM pg_default_acl d
       LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
      WHERE d.defaclnamespace = 0 OR ${schemaFilter('n.nspname')}`,
  );

  const owners = await jsonRows<{ object: string; owner: string }>(
    conn,
    `SELECT 'schema ' || n.nspname AS object, pg_get_userbyid(n.nspowner)::text AS owner
       FROM pg_namespace n
      WHERE ${SYSTEM_SCHEMA_FILTER} AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
     UNION ALL
     SELECT ${RELKIND_LABEL} || ' ' || n.nspname || '.' || c.relname, pg_get_userbyid(c.relowner)::text
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ${NOT_IDENTITY_SEQUENCE} AND ${schemaFilter('n.nspname')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
     UNION ALL
     SELECT 'type ' || n.nspname || '.' || t.typname, pg_get_userbyid(t.typowner)::text
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
     UNION ALL
     SELECT 'routine ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
            pg_get_userbyid(p.proowner)::text
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p', 'a') AND ${schemaFilter('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
  );

  const grantRows = new Map<string, string[]>();
  for (const g of grants) grantRows.set(g.object, [...(grantRows.get(g.object) ?? []), g.row]);

  const referenced = new Set<string>([
    ...grants.map((g) => g.grantee),
    ...policies.flatMap((p) => p.roles),
    ...owners.map((o) => o.owner),
    ...defaults.flatMap((d) => [d.role, ...d.grantees]),
  ]);
  const roles = rolePrefix === null ? {} : await readRoles(conn, rolePrefix, referenced);

  const views = relations.filter((r) => r.kind === 'v');
  const mviews = relations.filter((r) => r.kind === 'm');
  const relationSnapshot = (r: (typeof relations)[number]): ViewSnapshot => ({
    definition: r.definition,
    options: r.options,
    columns: r.columns,
    columnComments: r.column_comments,
    comment: r.comment,
  });

  return {
    views: sortedRecord(views.map((v) => [`${v.schema}.${v.name}`, relationSnapshot(v)] as const)),
    materializedViews: sortedRecord(
      mviews.map((v) => [`${v.schema}.${v.name}`, {
        ...relationSnapshot(v),
        indexes: sortedRecord(
          mviewIndexes
            .filter((i) => i.schema === v.schema && i.table === v.name)
            .map((i) => [i.name, { definition: i.definition, valid: i.valid, comment: i.comment }] as const),
        ),
      }] as const),
    ),
    routines: sortedRecord(
      routines.map((r) => [`${r.schema}.${r.name}(${r.identity})`, {
        kind: r.kind, arguments: r.arguments, result: r.result, language: r.language, source: r.source,
        sqlBody: r.sql_body, volatility: r.volatility, strict: r.strict, securityDefiner: r.security_definer,
        leakproof: r.leakproof, parallel: r.parallel, cost: r.cost, rows: r.rows, config: r.config, comment: r.comment,
        ...(r.aggregate !== null ? { aggregate: r.aggregate } : {}),
      }] as const),
    ),
    triggers: sortedRecord(
      triggers.map((t) => [`${t.schema}.${t.table}.${t.name}`, { definition: t.definition, enabled: t.enabled, comment: t.comment }] as const),
    ),
    rowSecurity: sortedRecord(rls.map((r) => [`${r.schema}.${r.name}`, { enabled: r.enabled, forced: r.forced }] as const)),
    policies: sortedRecord(
      policies.map((p) => [`${p.schema}.${p.table}.${p.name}`, {
        permissive: p.permissive, command: p.command, roles: p.roles, using: p.using, withCheck: p.with_check, comment: p.comment,
      }] as const),
    ),
    grants: sortedRecord([...grantRows].map(([k, rows]) => [k, [...rows].sort()] as const)),
    defaultPrivileges: sortedRecord(defaults.filter((d) => d.rows.length > 0).map((d) => [d.key, d.rows] as const)),
    owners: sortedRecord(owners.map((o) => [o.object, o.owner] as const)),
    roles,
  };
}

/**
 * The roles named by the snapshot's objects whose name starts with `prefix`, plus the roles of that
 * prefix connected to them by membership (e.g. login users of a group role that policies name).
 */
async function readRoles(conn: Connection, prefix: string, referenced: ReadonlySet<string>): Promise<Record<string, RoleSnapshot>> {
  const rows = await jsonRows<{
    name: string; login: boolean; superuser: boolean; createdb: boolean; createrole: boolean; inherit: boolean;
    replication: boolean; bypass_rls: boolean; connection_limit: number; member_of: string[]; member_names: string[];
  }>(
    conn,
    `SELECT r.rolname::text AS name, r.rolcanlogin AS login, r.rolsuper AS superuser, r.rolcreatedb AS createdb,
            r.rolcreaterole AS createrole, r.rolinherit AS inherit, r.rolreplication AS replication,
            r.rolbypassrls AS bypass_rls, r.rolconnlimit AS connection_limit,
            ARRAY(SELECT g.rolname::text || CASE WHEN m.admin_option THEN ' admin' ELSE '' END AS g
                    FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   WHERE m.member = r.oid ORDER BY 1) AS member_of,
            ARRAY(SELECT DISTINCT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   WHERE m.member = r.oid) AS member_names
       FROM pg_roles r
      WHERE starts_with(r.rolname::text, ${literal(prefix)})`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const wanted = new Set([...referenced].filter((n) => byName.has(n)));
  // Close over membership in both directions, within the prefix.
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      const linked = wanted.has(r.name) ? r.member_names.filter((g) => byName.has(g) && !wanted.has(g)) : [];
      const joins = !wanted.has(r.name) && r.member_names.some((g) => wanted.has(g));
      for (const g of linked) (wanted.add(g), (grew = true));
      if (joins) (wanted.add(r.name), (grew = true));
    }
  }
  return sortedRecord(
    rows.filter((r) => wanted.has(r.name)).map((r) => [r.name, {
      login: r.login, superuser: r.superuser, createdb: r.createdb, createrole: r.createrole, inherit: r.inherit,
      replication: r.replication, bypassRls: r.bypass_rls, connectionLimit: r.connection_limit, memberOf: r.member_of,
    }] as const),
  );
}

/** Flattens a snapshot into `object path -> property -> value` for comparison. */
function flatten(s: CatalogSnapshot, columnOrder: boolean): Map<string, Map<string, string>> {
  const objects = new Map<string, Map<string, string>>();
  const put = (path: string, props: object): void => {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(props)) m.set(k, JSON.stringify(v));
    objects.set(path, m);
  };
  for (const [n, v] of Object.entries(s.schemas)) put(`schema ${n}`, v);
  for (const [n, v] of Object.entries(s.extensions)) put(`extension ${n}`, v);
  for (const [n, v] of Object.entries(s.enums)) put(`enum ${n}`, v);
  for (const [n, v] of Object.entries(s.domains)) put(`domain ${n}`, v);
  for (const [n, v] of Object.entries(s.compositeTypes)) put(`composite type ${n}`, v);
  for (const [n, v] of Object.entries(s.collations ?? {})) put(`collation ${n}`, v);
  for (const [n, v] of Object.entries(s.sequences)) put(`sequence ${n}`, v);
  for (const [n, t] of Object.entries(s.tables)) {
    const order = columnOrder ? { 'column order': t.columns.map((c) => c.name) } : {};
    put(`table ${n}`, {
      comment: t.comment, 'partition key': t.partitionKey, 'partition of': t.partitionOf,
      persistence: t.persistence, options: t.options, inherits: t.inherits, ...order,
    });
    for (const c of t.columns) {
      const { name: _name, identity, ...rest } = c;
      put(`table ${n}: column ${c.name}`, { ...rest, ...(identity ? prefixed('identity ', identity) : { identity: null }) });
    }
    for (const [k, v] of Object.entries(t.constraints)) put(`table ${n}: constraint ${k}`, v);
    for (const [k, v] of Object.entries(t.indexes)) put(`table ${n}: index ${k}`, v);
  }
  for (const [n, v] of Object.entries(s.views ?? {})) put(`view ${n}`, v);
  for (const [n, v] of Object.entries(s.materializedViews ?? {})) {
    const { indexes, ...rest } = v;
    put(`materialized view ${n}`, rest);
    for (const [k, i] of Object.entries(indexes)) put(`materialized view ${n}: index ${k}`, i);
  }
  for (const [n, v] of Object.entries(s.routines ?? {})) put(`routine ${n}`, v);
  for (const [n, v] of Object.entries(s.triggers ?? {})) put(`trigger ${n}`, v);
  for (const [n, v] of Object.entries(s.rowSecurity ?? {})) put(`row security ${n}`, v);
  for (const [n, v] of Object.entries(s.policies ?? {})) put(`policy ${n}`, v);
  for (const [n, v] of Object.entries(s.grants ?? {})) put(`grants on ${n}`, { privileges: v });
  for (const [n, v] of Object.entries(s.defaultPrivileges ?? {})) put(`default privileges of ${n}`, { privileges: v });
  for (const [n, v] of Object.entries(s.owners ?? {})) put(`owner of ${n}`, { owner: v });
  for (const [n, v] of Object.entries(s.roles ?? {})) put(`role ${n}`, v);
  for (const [n, v] of Object.entries(s.timescale ?? {})) put(n, v);
  return objects;
}

function prefixed(prefix: string, o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * Human-readable differences between two snapshots, in a stable order; [] when they are equal.
 * Without `columnOrder`, the order of an existing table's columns is not compared (ALTER TABLE
 * appends: a table migrated in place keeps its order, one created from nothing has the declared one).
 */
export function diffSnapshots(a: CatalogSnapshot, b: CatalogSnapshot, opts: { readonly columnOrder?: boolean } = {}): string[] {
  const fa = flatten(a, opts.columnOrder ?? true);
  const fb = flatten(b, opts.columnOrder ?? true);
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
  const def = props.get('definition') ?? props.get('type') ?? props.get('labels') ?? props.get('privileges') ?? props.get('owner');
  return def ? ` (${def})` : '';
}
