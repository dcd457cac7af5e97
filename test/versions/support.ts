/**
 * The proof on PostgreSQL 14, 16, 17 and 18 (the full corpus runs on 15): the five systems
 * without their TimescaleDB and pgvector parts (those extensions are built only into the
 * PostgreSQL 15 tree) apply from empty, show no drift and plan empty; a representative subset of
 * the corpus goes through the same proof as on 15. Normalization is the default one (the embedded
 * scratch engine, PostgreSQL 18 or 17), so a deparse difference between versions would show here
 * as drift or a non-empty second plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { loadCases, type Case } from '../support/cases.ts';
import { runCase } from '../support/run-case.ts';
import { runCacheDir } from '../support/run-cache.ts';
import { freshDatabaseOn, versionServer } from '../support/version-servers.ts';
import { apply, desiredOf, expectConverged, plan, pulled, withoutExtensions, type DesiredInputOf } from '../systems/support.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';

/** The corpus cases run on every version: one or two of each kind of object and change. */
export const VERSION_CASES = [
  '20-table-create-many-types',
  '32-generated-column-change',
  '49-unique-constraints',
  '65-view-chain-column-type-change',
  '71-matview-query-change',
  '77-history-trigger-update-of-when',
  '86-rls-enable-force-policies',
  '104-partitioned-parent-index-unique-fk-trigger',
];

/** The oldest major whose syntax a case's SQL needs (UNIQUE NULLS NOT DISTINCT: 15; MAINTAIN: 17). */
function minimumMajor(c: Case): number {
  const sql = `${c.beforeSql}\n${c.afterSql}`;
  if (/\bMAINTAIN\b/i.test(sql)) return 17;
  if (/NULLS\s+NOT\s+DISTINCT/i.test(sql)) return 15;
  return 0;
}

const SERVER_ONLY = ['timescaledb', 'vector'];

function usesNullsNotDistinct(d: DesiredInputOf): boolean {
  return d.loaded.model.tables.some((t) => t.constraints.some((c) => c.kind === 'unique' && c.nullsNotDistinct) || t.indexes.some((i) => i.nullsNotDistinct));
}

/** The YAML as a PostgreSQL 14 user would change it: plain UNIQUE where it said NULLS NOT DISTINCT. */
function withoutNullsNotDistinct(d: DesiredInputOf): DesiredInputOf {
  const m = d.loaded.model;
  const tables = m.tables.map((t) => ({
    ...t,
    constraints: t.constraints.map((c) => (c.kind === 'unique' ? { ...c, nullsNotDistinct: false } : c)),
    indexes: t.indexes.map((i) => ({ ...i, nullsNotDistinct: false })),
  }));
  return { ...d, loaded: { ...d.loaded, model: { ...m, tables } } };
}
const SYSTEMS = ['cmmc', 'enterprise-ai', 'llm-governance', 'multitenant-saas'];

export function versionSuite(major: number): void {
  describe(`PostgreSQL ${major}`, () => {
    let server: string | null = null;
    const ws: Workspace = { cacheDir: runCacheDir(), devUrl: null };
    beforeAll(async () => {
      server = await versionServer(major);
    }, 120_000);

    async function database(): Promise<Connection | null> {
      return server ? openPostgres(await freshDatabaseOn(server, 'sys')) : null;
    }

    for (const system of SYSTEMS) {
      it(`${system} (without its TimescaleDB and pgvector parts) applies from empty; drift and the next plan are empty`, async () => {
        const conn = await database();
        if (!conn) return;
        try {
          let desired: DesiredInputOf = withoutExtensions(desiredOf(system), SERVER_ONLY);
          if (major < 15 && usesNullsNotDistinct(desired)) {
            // Refused before anything runs, located in the YAML; then the rest of the system applies.
            await expect(plan(conn, desired, ws)).rejects.toThrow(/\/schema\/enterprise-ai\/\w+\.yaml:\d+:\d+ \(.+\): UNIQUE NULLS NOT DISTINCT .* needs PostgreSQL 15 or later; the server is PostgreSQL 14/m);
            expect(await conn.query(`SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([]);
            desired = withoutNullsNotDistinct(desired);
          }
          await apply(conn, desired, ws);
          await expectConverged(conn, desired, `${system} on PostgreSQL ${major}`, ws);
        } finally {
          await conn.close();
        }
      });
    }

    it('phase-c base, then target: each applies and the next plan is empty', async () => {
      const conn = await database();
      if (!conn) return;
      try {
        for (const step of ['phase-c/base', 'phase-c/target']) {
          const desired = desiredOf(step);
          await apply(conn, desired, ws);
          await expectConverged(conn, desired, `${step} on PostgreSQL ${major}`, ws);
        }
      } finally {
        await conn.close();
      }
    });

    it('GRANT ALL: pulled (MAINTAIN from 17 on), the next plan is empty; ALL in the YAML means what the server has', async () => {
      const conn = await database();
      if (!conn) return;
      const role = `v${major}_grant_all`;
      try {
        await conn.exec(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role}; END IF; END $$`);
        await conn.exec(`CREATE TABLE t (id int); GRANT ALL ON t TO ${role}`);
        const live = await pulled(conn);
        const privileges = live.loaded.model.grants.filter((g) => g.grantee === role).map((g) => g.privilege);
        expect(privileges.includes('MAINTAIN'), `MAINTAIN among ${privileges.join(', ')}`).toBe(major >= 17);
        await expectConverged(conn, live, `pulled GRANT ALL on PostgreSQL ${major}`, ws);
        const yaml = (privileges: string) => ({
          loaded: loadSchemaFiles([
            { path: 'schema.yaml', text: `roles:\n  ${role}: {}\ntables:\n  t:\n    columns:\n      id: { type: integer }\n    grants:\n      - { to: ${role}, privileges: ${privileges} }\n` },
          ]),
          managedSchemas: ['public'],
        });
        await expectConverged(conn, yaml('ALL'), `privileges: ALL on PostgreSQL ${major}`, ws);
        if (major < 17) {
          await expect(plan(conn, yaml('[SELECT, MAINTAIN]'), ws)).rejects.toThrow(
            `schema.yaml:8:${`      - { to: ${role}, privileges: [SELECT, `.length + 1} (tables.t.grants[0].privileges[1]): the MAINTAIN privilege (grant to ${role}) needs PostgreSQL 17 or later; the server is PostgreSQL ${major}`,
          );
        }
      } finally {
        await conn.close();
      }
    });

    const cases = loadCases().filter((c) => VERSION_CASES.includes(c.name) && c.engines.includes('postgres'));
    for (const c of cases) {
      const needs = minimumMajor(c);
      it.skipIf(needs > major)(`case ${c.name}${needs > major ? ` (needs PostgreSQL ${needs})` : ''}`, async () => {
        if (server) await runCase(c, 'postgres', { server });
      });
    }
  });
}

