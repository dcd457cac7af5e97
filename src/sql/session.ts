/**
 * Both introspection and apply run with this search_path, so that PostgreSQL deparses expressions
 * the same way on both sides (objects in `public` unqualified, everything else schema-qualified)
 * and the plan's SQL resolves names exactly as it was deparsed.
 */
export const CANONICAL_SEARCH_PATH = 'public';

/** Schemas pgform never manages. */
export const SYSTEM_SCHEMAS: readonly string[] = ['pg_catalog', 'information_schema', 'pg_toast', 'pgform'];
