/**
 * Grants on continuous aggregates on the TimescaleDB build: granted after the aggregate is
 * created, revoked when the list drops them, granted again when a changed query rebuilds the
 * aggregate; and a database granting by hand, pulled and planned against itself through YAML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { introspect } from '../../src/introspect/index.ts';
import type { Grant } from '../../src/model/grant.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { modelToYamlFiles } from '../../src/yaml/pull.ts';
import { plan } from '../systems/support.ts';
import { aggregate, converge, desiredState, hypertable, openTimescale } from './support.ts';

let live: Connection;
let scratch: Connection;
const ROLES = ['cg_reader', 'cg_app'];

beforeAll(async () => {
  live = await openTimescale();
  scratch = await openTimescale();
  for (const c of [live, scratch]) for (const r of ROLES) await c.exec(`CREATE ROLE ${r} NOLOGIN`);
}, 120_000);
afterAll(async () => {
  await live?.close();
  await scratch?.close();
});

/** The hypertable's SQL, with USAGE on the schema for both roles (the aggregate's grants are what is tested). */
const metrics = (s: string) =>
  `CREATE TABLE ${s}.metrics (ts timestamptz NOT NULL, device integer NOT NULL, value double precision);
   GRANT USAGE ON SCHEMA ${s} TO ${ROLES.join(', ')}`;
const hourly = (s: string, agg = 'avg') =>
  `SELECT time_bucket('1 hour', ts) AS bucket, device, ${agg}(value) AS value FROM ${s}.metrics GROUP BY 1, 2`;

function select(schema: string, grantee: string, column: string | null = null): Grant {
  return { objectKind: column === null ? 'table' : 'column', schema, name: 'hourly', arguments: null, column, grantee, privilege: 'SELECT', withGrantOption: false };
}

/** The desired state: the hypertable, its hourly aggregate (built with `agg`), and `grants` on it. */
function desired(s: string, grants: readonly Grant[], agg = 'avg') {
  return desiredState(scratch, s, metrics(s), {
    hypertables: [hypertable(s, 'metrics', 'ts')],
    continuousAggregates: [aggregate(s, 'hourly', hourly(s, agg))],
    grants,
  });
}

/** `role PRIVILEGE` and `role PRIVILEGE (column)` as the catalogs hold them, owner aside. */
async function privileges(relation: string): Promise<string[]> {
  const rows = await live.query<{ p: string }>(
    `SELECT pg_catalog.pg_get_userbyid(x.grantee) || ' ' || x.privilege_type AS p
     FROM pg_catalog.pg_class c CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) x
     WHERE c.oid = $1::regclass AND x.grantee <> c.relowner
     UNION ALL
     SELECT pg_catalog.pg_get_userbyid(x.grantee) || ' ' || x.privilege_type || ' (' || a.attname || ')'
     FROM pg_catalog.pg_attribute a CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) x
     WHERE a.attrelid = $1::regclass
     ORDER BY 1`,
    [relation],
  );
  return rows.map((r) => r.p);
}

/** Whether `role` can read the relation: runs a SELECT as that role. */
async function canRead(role: string, relation: string): Promise<boolean> {
  await live.exec(`SET ROLE ${role}`);
  try {
    await live.query(`SELECT count(*) FROM ${relation}`);
    return true;
  } catch (e) {
    if (/permission denied/.test((e as Error).message)) return false;
    throw e;
  } finally {
    await live.exec('RESET ROLE');
  }
}

describe('grants on continuous aggregates', () => {
  it('grants after creating the aggregate, converges, and revokes what the list no longer has', async () => {
    const s = 'cg_apply';
    await live.exec(`CREATE SCHEMA ${s}`);
    const first = await converge(live, s, await desired(s, [select(s, 'cg_reader'), select(s, 'cg_app', 'device')]));
    const grantSteps = first.steps.filter((x) => x.kind === 'grant' && x.sql.includes(`"${s}"."hourly"`));
    expect(grantSteps.map((x) => x.sql).sort()).toEqual([
      `GRANT SELECT ("device") ON TABLE "${s}"."hourly" TO "cg_app"`,
      `GRANT SELECT ON TABLE "${s}"."hourly" TO "cg_reader"`,
    ]);
    const created = first.steps.findIndex((x) => x.operation === 'create' && x.sql.startsWith(`CREATE MATERIALIZED VIEW "${s}"."hourly"`));
    expect(created).toBeGreaterThanOrEqual(0);
    for (const g of grantSteps) {
      expect(first.steps.indexOf(g)).toBeGreaterThan(created);
      expect(g.hazards.map((h) => h.kind)).toEqual(['authz_change']);
    }
    expect(first.again).toEqual([]);
    expect(await privileges(`${s}.hourly`)).toEqual(['cg_app SELECT (device)', 'cg_reader SELECT']);
    expect(await canRead('cg_reader', `${s}.hourly`)).toBe(true);
    // Introspected as grants on the aggregate's name; TimescaleDB's internal copies stay out.
    expect(first.after.grants.filter((g) => g.objectKind !== 'schema').map((g) => `${g.schema}.${g.name} ${g.column ?? '-'} ${g.grantee}`).sort()).toEqual([
      `${s}.hourly - cg_reader`,
      `${s}.hourly device cg_app`,
    ]);

    // The list is complete: what it no longer names is revoked.
    const second = await converge(live, s, await desired(s, [select(s, 'cg_app', 'device')]));
    expect(second.steps.map((x) => [x.operation, x.sql, x.hazards.map((h) => h.kind)])).toEqual([
      ['revoke', `REVOKE SELECT ON TABLE "${s}"."hourly" FROM "cg_reader"`, ['authz_change']],
    ]);
    expect(second.again).toEqual([]);
    expect(await privileges(`${s}.hourly`)).toEqual(['cg_app SELECT (device)']);
    expect(await canRead('cg_reader', `${s}.hourly`)).toBe(false);

    const third = await converge(live, s, await desired(s, []));
    expect(third.steps.map((x) => x.sql)).toEqual([`REVOKE SELECT ("device") ON TABLE "${s}"."hourly" FROM "cg_app"`]);
    expect(third.again).toEqual([]);
    expect(await privileges(`${s}.hourly`)).toEqual([]);
  });

  it('grants again after recreating an aggregate whose query changed, also when the grants change with it', async () => {
    const s = 'cg_rebuild';
    await live.exec(`CREATE SCHEMA ${s}`);
    await converge(live, s, await desired(s, [select(s, 'cg_reader')]));
    expect(await canRead('cg_reader', `${s}.hourly`)).toBe(true);

    const rebuilt = await converge(live, s, await desired(s, [select(s, 'cg_reader')], 'max'));
    expect(rebuilt.steps.map((x) => `${x.operation} ${x.object}`)).toEqual([
      `drop ${s}.hourly`,
      `create ${s}.hourly`,
      `grant ${s}.hourly to cg_reader`,
    ]);
    expect(rebuilt.steps[2]!.sql).toBe(`GRANT SELECT ON TABLE "${s}"."hourly" TO "cg_reader"`);
    expect(rebuilt.again).toEqual([]);
    expect(await privileges(`${s}.hourly`)).toEqual(['cg_reader SELECT']);
    expect(await canRead('cg_reader', `${s}.hourly`)).toBe(true);

    // Query and grants change together: the new aggregate gets the new list, and nothing is
    // revoked from it (it starts with none).
    const both = await converge(live, s, await desired(s, [select(s, 'cg_app')], 'min'));
    expect(both.steps.filter((x) => x.kind === 'grant').map((x) => x.sql)).toEqual([`GRANT SELECT ON TABLE "${s}"."hourly" TO "cg_app"`]);
    expect(both.again).toEqual([]);
    expect(await privileges(`${s}.hourly`)).toEqual(['cg_app SELECT']);
    expect(await canRead('cg_reader', `${s}.hourly`)).toBe(false);
    expect(await canRead('cg_app', `${s}.hourly`)).toBe(true);
  });

  it('pulls a database whose aggregate has grants into YAML that plans to nothing against it', async () => {
    const s = 'cg_pull';
    await live.exec(`
      CREATE SCHEMA ${s};
      CREATE TABLE ${s}.metrics (ts timestamptz NOT NULL, device integer NOT NULL, value double precision);
      SELECT create_hypertable('${s}.metrics', by_range('ts'));
      CREATE MATERIALIZED VIEW ${s}.hourly WITH (timescaledb.continuous) AS
        SELECT time_bucket('1 hour', ts) AS bucket, device, avg(value) AS value FROM ${s}.metrics GROUP BY 1, 2 WITH NO DATA;
      GRANT SELECT ON ${s}.hourly TO cg_reader;
      GRANT SELECT (bucket) ON ${s}.hourly TO PUBLIC;`);
    const files = modelToYamlFiles(await introspect(live, { schemas: [s] }), { omitOwner: 'postgres' });
    // Written inside the aggregate's entry, the way a view's grants are.
    expect(files.get(`${s}.yaml`)).toMatch(/continuous_aggregates:\n {2}cg_pull\.hourly:\n(?: {4}.*\n)* {4}grants:\n {6}- /);
    const loaded = loadSchemaFiles([...files].map(([path, text]) => ({ path, text })));
    const onAggregate = loaded.model.grants.filter((g) => g.schema === s && g.name === 'hourly');
    expect(onAggregate.map((g) => `${g.objectKind} ${g.column ?? '-'} ${g.grantee} ${g.privilege}`).sort()).toEqual([
      'column bucket PUBLIC SELECT',
      'table - cg_reader SELECT',
    ]);
    const p = await plan(live, { loaded, managedSchemas: [s] });
    expect(p.steps.map((x) => `${x.operation} ${x.kind}: ${x.sql}`)).toEqual([]);
  }, 60_000);
});
