import { describe, expect, inject, it } from 'vitest';
import { normalizeModel } from '../../src/normalize/normalize.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';

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
