import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { createPglite, openPglite, pgliteEngineId } from '../../src/db/pglite.ts';
import { engineCacheDir, initialDataDir } from '../../src/db/pglite-template.ts';

const CATALOG = `SELECT (SELECT count(*) FROM pg_class)::int AS classes, (SELECT count(*) FROM pg_proc)::int AS procs,
  (SELECT count(*) FROM pg_namespace)::int AS schemas, (SELECT count(*) FROM pg_authid)::int AS roles,
  (SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database) AS databases`;

describe('new embedded databases start from a copy of a freshly initialized one', () => {
  it('a new in-memory database equals one PGlite initialized itself, and the copy is kept on disk', async () => {
    const copied = await openPglite({ dataDir: null });
    const initialized = await PGlite.create();
    try {
      expect(await copied.query(CATALOG)).toEqual((await initialized.query(CATALOG)).rows);
      expect(existsSync(join(engineCacheDir(), `pglite-initdb-${pgliteEngineId('standard')}.tar.gz`))).toBe(true);
    } finally {
      await copied.close();
      await initialized.close();
    }
  });

  it('a new data directory is filled from the copy, and keeps what is written to it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pgform-template-')), 'db');
    const first = await openPglite({ dataDir });
    await first.exec('CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    await first.close();
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()).toBe('18');
    const again = await openPglite({ dataDir });
    try {
      expect(await again.query('SELECT id FROM kept')).toEqual([{ id: 7 }]);
    } finally {
      await again.close();
    }
  });

  it('a damaged file in the cache is made again', async () => {
    const key = `damaged-${process.pid}-${Date.now()}`;
    const file = join(engineCacheDir(), `pglite-initdb-${key}.tar.gz`);
    writeFileSync(file, 'not a gzip file');
    const dump = await initialDataDir(key, () => createPglite('standard', { extensions: {} }));
    expect(dump?.size).toBeGreaterThan(1_000_000);
    expect(gunzipSync(readFileSync(file)).length).toBe(dump!.size);
  });
});
