import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { introspect } from '../../src/introspect/index.ts';
import { planDatabase } from '../../src/workflow/plan-database.ts';
import { driftReport } from '../../src/drift/report.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import type { Connection } from '../../src/db/connection.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import { freshPglite } from '../support/databases.ts';

/**
 * Names that are also properties of every JavaScript object (`__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`) and an empty enum label: pulled, written as YAML, loaded back,
 * planned against the same database (empty) and compared (no drift).
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const q = (n: string) => `"${n.replace(/"/g, '""')}"`;

describe('identifiers that are object property names round-trip (PGlite)', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshPglite();
    const sql: string[] = [`CREATE TYPE "mood" AS ENUM ('', ${NAMES.map((n) => `'${n}'`).join(', ')})`];
    for (const n of NAMES) {
      sql.push(`CREATE TABLE ${q(n)} (${NAMES.map((c) => `${q(c)} int`).join(', ')}, m mood DEFAULT '')`);
      sql.push(`CREATE INDEX ${q(`${n}_idx`)} ON ${q(n)} (${q(n)})`);
    }
    // Indexes named like the properties too, in a second schema (index names share a schema's namespace with tables).
    sql.push(`CREATE SCHEMA s`, `CREATE TABLE s.t (${NAMES.map((c) => `${q(c)} int`).join(', ')})`);
    for (const n of NAMES) sql.push(`CREATE INDEX ${q(n)} ON s.t (${q(n)})`);
    await conn.exec(sql.join(';\n'));
  });
  afterAll(async () => {
    await conn.close();
  });

  it('pull -> YAML -> plan is empty and drift is empty', async () => {
    const live = await introspect(conn, { schemas: ['public', 's'] });
    expect(live.tables.map((t) => t.name).sort()).toEqual([...NAMES, 't'].sort());
    expect(live.enums[0]!.labels).toEqual(['', ...NAMES]);
    const files = modelToYamlFiles(live, { omitOwner: 'postgres' });
    const loaded = loadSchemaFiles([...files].map(([path, text]) => ({ path, text })));
    expect(loaded.model.tables.map((t) => t.name).sort()).toEqual([...NAMES, 't'].sort());
    for (const t of loaded.model.tables.filter((x) => x.schema === 'public')) expect(t.columns.map((c) => c.name)).toEqual([...NAMES, 'm']);
    const t = loaded.model.tables.find((x) => x.schema === 's')!;
    expect(t.indexes.map((i) => i.name).sort()).toEqual([...NAMES].sort());
    expect(loaded.model.enums[0]!.labels).toEqual(['', ...NAMES]);
    const workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-cache-')), devUrl: null };
    const { plan, states } = await planDatabase(conn, { loaded, managedSchemas: ['public', 's'] }, workspace, DEFAULT_SETTINGS);
    expect(plan.steps.map((s) => s.sql)).toEqual([]);
    expect(driftReport(states.live, states.desired)).toEqual([]);

    // The same YAML planned and applied on an empty database (the empty label included), then planned again: empty.
    const empty = await freshPglite();
    try {
      const input = { loaded, managedSchemas: ['public', 's'] };
      const first = await planDatabase(empty, input, workspace, DEFAULT_SETTINGS);
      expect(first.plan.steps.length).toBeGreaterThan(0);
      await applyPlanSafely(empty, first.plan, input.managedSchemas, workspace, { allowHazards: 'all', allowStale: false, planSql: renderSql(first.plan), lockWaitMs: 10_000 });
      const again = await planDatabase(empty, input, workspace, DEFAULT_SETTINGS);
      expect(again.plan.steps.map((s) => s.sql)).toEqual([]);
      expect((await introspect(empty, { schemas: ['public'] })).enums[0]!.labels).toEqual(['', ...NAMES]);
    } finally {
      await empty.close();
    }
  });
});
