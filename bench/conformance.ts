/**
 * Measures convergence on a folder of before/after SQL pairs (not part of the test suite):
 *
 *   npx tsx bench/conformance.ts <dir> [name filter,...]
 *
 * Every folder under <dir> holding `a.sql`/`b.sql` or `old.sql`/`new.sql` is one pair. On a
 * PostgreSQL 15 server started for the run: A and B are loaded into databases of their own (a
 * pair whose files do not load is counted and left out), B is pulled to YAML, A is planned toward
 * it and the plan applied; A must then equal B in the independent catalog snapshot (column order
 * aside: ALTER TABLE appends), the next plan must be empty, and the same YAML applied to an empty
 * database must equal B (column order included). Prints one line per pair and a summary by kind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestServer } from '../test/support/postgres-server.ts';
import { catalogSnapshot, diffSnapshots } from '../test/support/catalog-snapshot.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { introspect } from '../src/introspect/index.ts';
import { modelToYamlFiles } from '../src/yaml/pull.ts';
import { loadSchemaFiles } from '../src/yaml/load.ts';
import { loadSqlParser } from '../src/sql/parser.ts';
import { planDatabase } from '../src/workflow/plan-database.ts';
import { applyPlanSafely } from '../src/workflow/apply-plan.ts';
import { renderSql } from '../src/plan/render-sql.ts';
import { DEFAULT_SETTINGS } from '../src/plan/plan.ts';
import { closeWarmScratches } from '../src/normalize/scratch.ts';
import { ident } from '../src/sql/quote.ts';
import type { Connection } from '../src/db/connection.ts';
import type { DesiredInput } from '../src/workflow/desired.ts';
import type { Workspace } from '../src/workflow/states.ts';

interface Pair {
  readonly name: string;
  readonly a: string;
  readonly b: string;
}

function pairsUnder(dir: string): Pair[] {
  const out: Pair[] = [];
  const walk = (d: string): void => {
    for (const [a, b] of [['a.sql', 'b.sql'], ['old.sql', 'new.sql']] as const) {
      if (existsSync(join(d, a)) && existsSync(join(d, b))) out.push({ name: relative(dir, d) || '.', a: join(d, a), b: join(d, b) });
    }
    for (const e of readdirSync(d).sort()) if (statSync(join(d, e)).isDirectory()) walk(join(d, e));
  };
  walk(dir);
  return out;
}

class Stage extends Error {
  constructor(readonly stage: string, message: string) {
    super(message);
  }
}

async function at<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Stage) throw e;
    throw new Stage(stage, (e as Error).message.split('\n')[0]!.slice(0, 300));
  }
}

async function main(): Promise<void> {
  await loadSqlParser();
  const [dir, filter] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx bench/conformance.ts <fixture dir> [name filter]');
  const filters = filter ? filter.split(',') : [];
  const pairs = pairsUnder(dir).filter((p) => filters.length === 0 || filters.some((f) => p.name.includes(f)));
  const server = await startTestServer();
  const ws: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-conf-cache-')), devUrl: null };
  const admin = await openPostgres(server.url);
  const dbUrl = (name: string) => {
    const u = new URL(server.url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const fresh = async (tag: string): Promise<{ conn: Connection; name: string }> => {
    const name = `${tag}_${randomBytes(5).toString('hex')}`;
    await admin.exec(`CREATE DATABASE ${ident(name)}`);
    return { conn: await openPostgres(dbUrl(name)), name };
  };
  const results: { name: string; ok: boolean; loadable: boolean; stage?: string; message?: string }[] = [];
  try {
    for (const p of pairs) {
      const opened: { conn: Connection; name: string }[] = [];
      const open = async (tag: string) => {
        const d = await fresh(tag);
        opened.push(d);
        return d.conn;
      };
      let loadable = false;
      try {
        const a = await open('a');
        const b = await open('b');
        await at('load', () => a.exec(readFileSync(p.a, 'utf8')));
        await at('load', () => b.exec(readFileSync(p.b, 'utf8')));
        loadable = true;
        const modelA = await at('introspect', () => introspect(a));
        const modelB = await at('introspect', () => introspect(b));
        const schemas = [...new Set(['public', ...modelA.schemas.map((s) => s.name), ...modelB.schemas.map((s) => s.name)])].sort();
        const desired = await at('pull', async (): Promise<DesiredInput> => {
          const files = [...modelToYamlFiles(modelB, { omitOwner: 'postgres' })].map(([path, text]) => ({ path, text }));
          return { loaded: { ...loadSchemaFiles(files), files: [] }, managedSchemas: schemas };
        });
        const planApply = async (conn: Connection, label: string) => {
          const { plan } = await at(`${label} plan`, () => planDatabase(conn, desired, ws, DEFAULT_SETTINGS));
          await at(`${label} apply`, () =>
            applyPlanSafely(conn, plan, schemas, ws, { allowHazards: 'all', allowStale: false, planSql: renderSql(plan), lockWaitMs: 10_000 }),
          );
        };
        const compare = async (x: Connection, label: string, columnOrder: boolean) => {
          const diffs = diffSnapshots(await catalogSnapshot(x, { schemas }), await catalogSnapshot(b, { schemas }), { columnOrder });
          if (diffs.length) throw new Stage(`${label} catalog`, diffs.slice(0, 3).join(' | ').slice(0, 400));
        };
        const second = async (conn: Connection, label: string) => {
          const { plan } = await at(`${label} replan`, () => planDatabase(conn, desired, ws, DEFAULT_SETTINGS));
          if (plan.steps.length) throw new Stage(`${label} replan`, `not empty: ${plan.steps.map((s) => s.sql.split('\n')[0]).slice(0, 3).join(' | ')}`);
        };
        await planApply(a, 'A->B');
        await compare(a, 'A->B', false);
        await second(a, 'A->B');
        const e = await open('e');
        await planApply(e, 'empty->B');
        await compare(e, 'empty->B', true);
        await second(e, 'empty->B');
        results.push({ name: p.name, ok: true, loadable });
        console.log(`ok    ${p.name}`);
      } catch (err) {
        const s = err instanceof Stage ? err : new Stage('harness', (err as Error).message);
        results.push({ name: p.name, ok: false, loadable, stage: s.stage, message: s.message });
        console.log(`${loadable ? 'FAIL' : 'skip'}  ${p.name}  [${s.stage}] ${s.message}`);
      } finally {
        for (const d of opened) {
          await d.conn.close().catch(() => undefined);
          await admin.exec(`DROP DATABASE IF EXISTS ${ident(d.name)} WITH (FORCE)`).catch(() => undefined);
        }
      }
    }
  } finally {
    await admin.close();
    await closeWarmScratches();
    await server.stop();
  }
  const loadable = results.filter((r) => r.loadable);
  const ok = loadable.filter((r) => r.ok);
  const stages = new Map<string, number>();
  for (const r of loadable) if (!r.ok) stages.set(r.stage!, (stages.get(r.stage!) ?? 0) + 1);
  console.log(`\n${pairs.length} pairs, ${loadable.length} load, ${ok.length} converge`);
  for (const [s, n] of [...stages].sort((x, y) => y[1] - x[1])) console.log(`  ${n}  ${s}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
