import type { Connection } from '../../src/db/connection.ts';
import { pgliteBuildFor } from '../../src/db/pglite.ts';
import { freshPglite } from './databases.ts';

/**
 * Embedded databases for the corpus, reused between cases: a returned instance is emptied (every
 * schema, extension and role dropped, public emptied, the session discarded) and kept only if
 * its catalog then reads exactly like a new instance's; anything the reset cannot undo (database
 * settings, default privileges of the bootstrap role, ...) fails that comparison and the instance
 * is closed instead. Saves PGlite's start-up, about half a second per database.
 */
const idle = new Map<string, Connection[]>();
const pristine = new Map<string, Promise<string>>();

/**
 * What a new instance's catalog looks like: counts of the catalogs user objects land in, plus the
 * names, owners and privileges of schemas, roles and databases. Temporary schemas stay once a
 * session made one (emptied by DISCARD ALL, which the class count checks), so they are left out.
 */
const CATALOG_SIGNATURE = `SELECT md5(concat_ws('|',
  (SELECT count(*) FROM pg_class), (SELECT count(*) FROM pg_type), (SELECT count(*) FROM pg_proc),
  (SELECT count(*) FROM pg_depend), (SELECT count(*) FROM pg_shdepend), (SELECT count(*) FROM pg_description),
  (SELECT count(*) FROM pg_shdescription), (SELECT count(*) FROM pg_default_acl), (SELECT count(*) FROM pg_db_role_setting),
  (SELECT count(*) FROM pg_event_trigger), (SELECT count(*) FROM pg_extension), (SELECT count(*) FROM pg_cast),
  (SELECT count(*) FROM pg_language), (SELECT count(*) FROM pg_foreign_data_wrapper), (SELECT count(*) FROM pg_foreign_server),
  (SELECT count(*) FROM pg_publication), (SELECT count(*) FROM pg_init_privs), (SELECT count(*) FROM pg_largeobject_metadata),
  (SELECT count(*) FROM pg_collation), (SELECT count(*) FROM pg_operator), (SELECT count(*) FROM pg_opfamily),
  (SELECT count(*) FROM pg_ts_config), (SELECT count(*) FROM pg_conversion), (SELECT count(*) FROM pg_am),
  (SELECT string_agg(concat_ws(':', n.nspname, pg_get_userbyid(n.nspowner), n.nspacl::text, d.description), ',' ORDER BY n.nspname)
     FROM pg_namespace n LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass
     WHERE n.nspname !~ '^pg_(toast_)?temp_'),
  (SELECT string_agg(concat_ws(':', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
     rolbypassrls, rolconnlimit, rolvaliduntil, rolpassword), ',' ORDER BY rolname) FROM pg_authid),
  (SELECT string_agg(concat_ws(':', datname, pg_get_userbyid(datdba), datacl::text, datconnlimit, datallowconn), ',' ORDER BY datname) FROM pg_database),
  current_user, session_user, current_setting('search_path'), current_setting('check_function_bodies'),
  current_setting('TimeZone'), current_setting('DateStyle')
)) AS signature`;

const RESET = `
DO $reset$
DECLARE r record; sig text;
BEGIN
  FOR r IN SELECT evtname FROM pg_event_trigger LOOP EXECUTE format('DROP EVENT TRIGGER %I', r.evtname); END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname); END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public') AND nspname !~ '^pg_(toast_)?temp_' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  -- public itself stays (dropping it would lose its row in pg_init_privs): empty it instead.
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
           -- sequences last: an identity column's sequence goes with its table and cannot be dropped alone
           ORDER BY c.relkind = 'S' LOOP
    EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                     WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t
           WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'c')
             AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND t.typelem = 0 LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
  -- Routines a type owns (range constructors) go with the type; base types go with their functions.
  -- Signatures as text first: a CASCADE may drop a routine the loop has yet to reach.
  FOREACH sig IN ARRAY coalesce((SELECT array_agg(p.oid::regprocedure::text) FROM pg_proc p
           WHERE p.pronamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')), '{}') LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', sig);
  END LOOP;
  FOR r IN SELECT collname FROM pg_collation WHERE collnamespace = 'public'::regnamespace LOOP
    EXECUTE format('DROP COLLATION IF EXISTS public.%I CASCADE', r.collname);
  END LOOP;
  FOR r IN SELECT stxname FROM pg_statistic_ext WHERE stxnamespace = 'public'::regnamespace LOOP
    EXECUTE format('DROP STATISTICS IF EXISTS public.%I', r.stxname);
  END LOOP;
  FOR r IN SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> current_user LOOP
    EXECUTE format('DROP OWNED BY %I CASCADE', r.rolname);
    EXECUTE format('DROP ROLE %I', r.rolname);
  END LOOP;
END
$reset$;
ALTER SCHEMA public OWNER TO pg_database_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`;

/**
 * DISCARD ALL but for DEALLOCATE ALL: the session's state goes, the catalog reads pgform keeps
 * prepared (Connection.queryReused) stay, as they would in a new instance that had read once.
 * Each statement alone: DISCARD cannot run inside the implicit transaction of a multi-statement string.
 */
const DISCARD_SESSION = ['CLOSE ALL', 'SET SESSION AUTHORIZATION DEFAULT', 'RESET ALL', 'UNLISTEN *', 'SELECT pg_advisory_unlock_all()', 'DISCARD TEMP', 'DISCARD SEQUENCES'];

function poolKey(extensions: readonly string[]): string {
  return [...new Set(extensions)].sort().join(',');
}

async function signature(conn: Connection): Promise<string> {
  return (await conn.query<{ signature: string }>(CATALOG_SIGNATURE))[0]!.signature;
}

/** An empty in-memory PGlite with these extensions loadable: a reused one, or a new one. */
export async function pooledPglite(extensions: readonly string[] = []): Promise<Connection> {
  const key = poolKey(extensions);
  const reused = idle.get(key)?.pop();
  if (reused) return reused;
  const conn = await freshPglite(extensions);
  if (!pristine.has(key)) pristine.set(key, signature(conn));
  await pristine.get(key);
  return conn;
}

/** Gives an instance back: emptied and kept when it then reads like a new one, else closed. */
export async function releasePglite(conn: Connection, extensions: readonly string[] = []): Promise<void> {
  const key = poolKey(extensions);
  // Only the standard build: the TimescaleDB build's extension leaves background state behind.
  const expected = pgliteBuildFor(extensions) === 'standard' ? pristine.get(key) : undefined;
  try {
    if (expected) {
      await conn.exec('ROLLBACK').catch(() => undefined);
      for (const statement of DISCARD_SESSION) await conn.exec(statement);
      await conn.exec(RESET);
      for (const statement of DISCARD_SESSION) await conn.exec(statement);
      await conn.exec('SET search_path TO public');
      if ((await signature(conn)) === (await expected)) {
        idle.set(key, [...(idle.get(key) ?? []), conn]);
        return;
      }
    }
  } catch {
    // a reset that fails means a new instance next time
  }
  await conn.close();
}
