/** schema/enterprise-ai on the embedded default (PGlite) and on the PostgreSQL 15 server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { apply, desiredOf, embeddedFor, expectConverged, fixture, serverDatabase } from './support.ts';

const desired = desiredOf('enterprise-ai');

for (const engine of ['embedded default (PGlite)', 'PostgreSQL 15 server'] as const) {
  describe(`enterprise-ai on the ${engine}`, () => {
    let conn: Connection;
    beforeAll(async () => {
      conn = engine === 'PostgreSQL 15 server' ? await serverDatabase() : await embeddedFor(desired);
      await apply(conn, desired);
    }, 120_000);
    afterAll(async () => conn?.close());

    it('applies to an empty database; drift and the second plan are empty', async () => {
      await expectConverged(conn, desired, `enterprise-ai on ${engine}`);
    });

    it('makes the monthly partitions of the rule and routes rows into them', async () => {
      for (const table of ['audit_logs', 'api_usage_logs', 'llm_usage_logs', 'cost_allocations']) {
        const parts = await conn.query<{ v: string }>(
          `SELECT c.relname AS v FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
          [table],
        );
        expect(parts.map((p) => p.v)).toEqual(Array.from({ length: 12 }, (_, m) => `${table}_2026_${String(m + 1).padStart(2, '0')}`));
      }
      await conn.exec(fixture('enterprise-ai', 'data.sql'));
      const placed = await conn.query<{ v: string }>(
        `INSERT INTO audit_logs (created_at, action, resource_type) VALUES ('2026-03-15 12:00:00+00', 'login', 'user') RETURNING tableoid::regclass::text AS v`,
      );
      expect(placed).toEqual([{ v: 'audit_logs_2026_03' }]);
      await expect(
        conn.query(`INSERT INTO audit_logs (created_at, action, resource_type) VALUES ('2025-12-31 12:00:00+00', 'login', 'user')`),
      ).rejects.toThrow(/no partition/);
    });
  });
}
