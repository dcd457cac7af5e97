/**
 * The committed phase-c chain proven both ways on real rows: 0001 applied, the team's rows
 * loaded, the runbook's plans applied (its own verification queries must hold: every company has
 * a slug, every user its company in allowed_tenants, no NULL role), then rolled back to 0001: the
 * rows and the schema are as they were. The other systems' chains (no rows of their own beyond
 * their reference rows): applied from an empty database, compared with the YAML applied in one
 * plan through the independent catalog query, then rolled back to the start.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import type { Connection } from '../../src/db/connection.ts';
import { readChain, stateAt, type Chain } from '../../src/chain/chain.ts';
import { applyPending, rollBackTo, type ChainApplyOptions } from '../../src/chain/apply.ts';
import { readState } from '../../src/chain/replay.ts';
import { applyPlanSafely } from '../../src/workflow/apply-plan.ts';
import { apply, desiredOf, embeddedFor, fixture, workspace } from './support.ts';
import { catalogSnapshot, diffSnapshots } from '../support/catalog-snapshot.ts';

// Rolling partition rules (enterprise-ai) are evaluated for a fixed date.
vi.stubEnv('PGFORM_TODAY', '2026-12-04');

const ROOT = join(import.meta.dirname, '..', '..');
const allowAll: ChainApplyOptions = { allowHazards: 'all', lockWaitMs: 10_000 };

/** Every row of the given tables, as JSON objects in a fixed order. */
async function rowsOf(conn: Connection, tables: readonly string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const [r] = await conn.query<{ rows: unknown }>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]'::json) AS rows FROM public."${t}" t`);
    out[t] = r!.rows;
  }
  return out;
}

describe('plans/phase-c on rows: up through the runbook, then back to 0001', () => {
  let conn: Connection;
  let chain: Chain;
  let tables: string[];
  let start: Record<string, unknown>;
  beforeAll(async () => {
    chain = readChain(join(ROOT, 'plans/phase-c'));
    conn = await embeddedFor(desiredOf('phase-c/target'));
    const first = chain.plans[0]!.up;
    await applyPlanSafely(conn, first.plan, ['public'], workspace, {
      allowHazards: 'all',
      allowStale: false,
      planSql: first.text,
      planName: first.file,
      lockWaitMs: 10_000,
    });
    await conn.exec(fixture('phase-c', 'data.sql'));
    tables = (await conn.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r) => r.t);
    start = await rowsOf(conn, tables);
    await applyPending(conn, chain, workspace, allowAll);
  }, 180_000);
  afterAll(async () => conn?.close());

  it("the runbook's verification queries hold after the chain: slugs and allowed tenants backfilled, roles converted", async () => {
    expect(await conn.query(`SELECT count(*)::int AS n FROM companies WHERE slug IS NULL`)).toEqual([{ n: 0 }]);
    expect(await conn.query(`SELECT count(*)::int AS n FROM users WHERE role IS NULL`)).toEqual([{ n: 0 }]);
    expect(await conn.query(`SELECT name, slug FROM companies ORDER BY name`)).toEqual([
      { name: 'Acme Corp', slug: 'acme-corp' },
      { name: 'Globex Industries', slug: 'globex-industries' },
    ]);
    const users = await conn.query<{ ok: boolean }>(`SELECT allowed_tenants = ARRAY[company_id::text] AS ok FROM users`);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.ok)).toBe(true);
  });

  it('rolled back to 0001, the rows and the schema are as they were before the runbook', async () => {
    const result = await rollBackTo(conn, chain, workspace, 1, allowAll);
    expect(result.ran).toEqual(['0003_reference_data.down.sql', '0002_runbook.down.sql']);
    expect(await rowsOf(conn, tables)).toEqual(start);
    expect((await readState(conn, ['public'], workspace)).fingerprint).toBe(stateAt(chain, 1).fingerprint);
  });
});

const OTHER_CHAINS = [
  { plans: 'plans/multitenant-saas', schema: 'multitenant-saas' },
  { plans: 'plans/cmmc', schema: 'cmmc' },
  { plans: 'plans/enterprise-ai', schema: 'enterprise-ai' },
  { plans: 'plans/llm-governance', schema: 'llm-governance' },
];

describe.each(OTHER_CHAINS)('$plans both ways from an empty database', ({ plans, schema }) => {
  it('applies every plan, then every reverse plan back to the start', async () => {
    const chain = readChain(join(ROOT, plans));
    const conn = await embeddedFor(desiredOf(schema));
    try {
      const start = await readState(conn, stateAt(chain, 0).managedSchemas, workspace);
      await applyPending(conn, chain, workspace, allowAll);
      const up = await readState(conn, stateAt(chain, chain.plans.length).managedSchemas, workspace);
      expect(up.fingerprint).toBe(stateAt(chain, chain.plans.length).fingerprint);
      // The chain's end equals the YAML applied in one plan, through the independent catalog query.
      const direct = await embeddedFor(desiredOf(schema));
      try {
        await apply(direct, desiredOf(schema));
        const schemas = [...stateAt(chain, chain.plans.length).managedSchemas];
        const [chained, whole] = [await catalogSnapshot(conn, { schemas }), await catalogSnapshot(direct, { schemas })];
        expect(Object.keys(chained.tables).length).toBeGreaterThan(0);
        // Partitions a rolling rule keeps depend on the dates the plans ran on: left out.
        const ruled = new Set(desiredOf(schema).loaded.model.tables.filter((t) => t.partitionRule).map((t) => `${t.schema}.${t.name}`));
        const dated = new Set(
          [chained, whole].flatMap((snap) => Object.entries(snap.tables).filter(([, t]) => t.partitionOf !== null && ruled.has(t.partitionOf.split(' ')[0]!)).map(([n]) => n)),
        );
        const differences = diffSnapshots(chained, whole, { columnOrder: false }).filter((d) => ![...dated].some((n) => d.includes(`table ${n}:`) || d.includes(`table ${n} `)));
        expect(differences).toEqual([]);
      } finally {
        await direct.close();
      }
      await rollBackTo(conn, chain, workspace, 0, allowAll);
      expect((await readState(conn, stateAt(chain, 0).managedSchemas, workspace)).fingerprint).toBe(start.fingerprint);
    } finally {
      await conn.close();
    }
  }, 600_000);
});
