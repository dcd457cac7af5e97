import { describe, expect, inject, it } from 'vitest';
import { normalizeModel } from '../../src/normalize/normalize.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { loadSqlParser } from '../../src/sql/parser.ts';

/**
 * A model whose SQL text did not come through the loader (which refuses it): the scratch
 * database still runs nothing but the statements pgform composes.
 */
function hostileModel(role: string): DatabaseModel {
  const { model } = loadSchemaFiles([{ path: 'v.yaml', text: 'views:\n  v: { query: SELECT 1 AS x }\n' }]);
  return { ...model, views: model.views.map((v) => ({ ...v, definition: `SELECT 1 AS x; CREATE ROLE ${role}` })) };
}

describe('the scratch database runs one statement per step', () => {
  it('refuses a step holding a second statement, on PGlite and on a --dev-url server, and nothing runs', async () => {
    await expect(normalizeModel(hostileModel('pwned_scratch'), { cacheDir: null, managedSchemas: ['public'] })).rejects.toThrow(
      /view public\.v: its SQL holds 2 statements instead of one; nothing was run/,
    );
    const devUrl = inject('postgresUrl');
    await expect(normalizeModel(hostileModel('pwned_dev'), { cacheDir: null, devUrl, managedSchemas: ['public'] })).rejects.toThrow(
      /holds 2 statements instead of one/,
    );
    const admin = await openPostgres(devUrl);
    try {
      expect(await admin.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'pwned%'")).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

describe('the scratch database runs no query of the YAML', () => {
  it('creates materialized views WITH NO DATA: a function their query calls does not run on the --dev-url server', async () => {
    await loadSqlParser();
    const { model } = loadSchemaFiles([
      {
        path: 'm.yaml',
        text: `
functions:
  f:
    returns: integer
    language: plpgsql
    body: "BEGIN EXECUTE 'CREATE ROLE pwned_by_matview SUPERUSER'; RETURN 1; END"
materialized_views:
  m:
    query: SELECT f() AS x
`,
      },
    ]);
    const devUrl = inject('postgresUrl');
    const normalized = await normalizeModel(model, { cacheDir: null, devUrl, managedSchemas: ['public'] });
    // The state is as the YAML says (populated), only the scratch copy was not.
    expect(normalized.materializedViews.map((v) => [v.name, v.withNoData ?? false])).toEqual([['m', false]]);
    const admin = await openPostgres(devUrl);
    try {
      expect(await admin.query("SELECT rolname FROM pg_roles WHERE rolname = 'pwned_by_matview'")).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
