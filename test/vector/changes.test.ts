import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import type { Plan } from '../../src/plan/plan.ts';
import { YamlError } from '../../src/yaml/problems.ts';
import { applyPlan, catalogColumnTypes, catalogIndexes, openVector, planYaml } from './support.ts';

/**
 * Before/after cases on the vector engine: each plans the change, applies it, compares the result
 * through pg_indexes / format_type (not pgform's introspection), then expects an empty plan.
 * Plans applied here are offline (the engine refuses CONCURRENTLY); the online plan for the same
 * change, as a server gets it, is checked for its statements.
 */

function schema(columns: string, indexes = ''): string {
  return `
extensions:
  vector: {}
tables:
  items:
    columns:
      id: { type: bigint, primary_key: true }
${columns}${indexes === '' ? '' : `    indexes:\n${indexes}`}`;
}

const summary = (p: Plan) => p.steps.map((s) => `${s.operation} ${s.kind} ${s.object}${s.transactional ? '' : ''}`);

let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
});

/** A fresh vector database brought to `yaml`, with some rows in `items`. */
async function startAt(yaml: string, rows: string): Promise<Connection> {
  conn = await openVector(false);
  await applyPlan(conn, await planYaml(conn, yaml));
  await conn.exec(`INSERT INTO items ${rows}`);
  return conn;
}

async function converge(c: Connection, yaml: string): Promise<Plan> {
  const plan = await planYaml(c, yaml);
  await applyPlan(c, plan);
  expect((await planYaml(c, yaml)).steps).toEqual([]);
  return plan;
}

const ROWS3 = `SELECT g, ARRAY[g, g % 3, 1]::vector(3) FROM generate_series(1, 50) g`;
const nonPkey = async (c: Connection) => (await catalogIndexes(c, 'public', 'items')).filter((i) => i.name !== 'items_pkey');

describe('pgvector before/after', () => {
  it('adds a vector column to a table with rows', async () => {
    const c = await startAt(schema('      title: text\n'), `SELECT g, 'doc ' || g FROM generate_series(1, 5) g`);
    const plan = await converge(c, schema('      title: text\n      embedding: vector(3)\n'));
    expect(plan.steps.map((s) => s.sql)).toEqual(['ALTER TABLE "public"."items" ADD COLUMN "embedding" vector(3)']);
    expect(await catalogColumnTypes(c, 'public', 'items')).toEqual({ id: 'bigint', title: 'text', embedding: 'vector(3)' });
    expect((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE embedding IS NULL'))[0]!.n).toBe(5);
  }, 120_000);

  it('creates an hnsw index with m and ef_construction, then rebuilds it when they change', async () => {
    const columns = '      embedding: vector(3)\n';
    const c = await startAt(schema(columns), ROWS3);

    const created = await converge(c, schema(columns, '      items_embedding_hnsw: { using: hnsw, columns: [embedding vector_cosine_ops], with: { m: 16, ef_construction: 64 } }\n'));
    expect(summary(created)).toEqual(['create index public.items.items_embedding_hnsw']);
    expect(created.steps[0]!.sql).toBe(
      'CREATE INDEX "items_embedding_hnsw" ON "public"."items" USING hnsw ("embedding" public.vector_cosine_ops) WITH ("m" = \'16\', "ef_construction" = \'64\')',
    );
    expect(created.steps[0]!.hazards.map((h) => h.kind)).toEqual(['blocks_writes']);
    expect(await nonPkey(c)).toEqual([
      { name: 'items_embedding_hnsw', definition: "CREATE INDEX items_embedding_hnsw ON public.items USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')" },
    ]);

    const v3 = schema(columns, '      items_embedding_hnsw: { using: hnsw, columns: [embedding vector_cosine_ops], with: { m: 8, ef_construction: 32 } }\n');
    const online = await planYaml(c, v3, { online: true });
    expect(online.steps.map((s) => [s.sql, s.transactional])).toEqual([
      // Built under a temporary name first, so the table is never without the index.
      ['CREATE INDEX CONCURRENTLY "pgform_new_items_embedding_hnsw" ON "public"."items" USING hnsw ("embedding" public.vector_cosine_ops) WITH ("m" = \'8\', "ef_construction" = \'32\')', false],
      ['DROP INDEX CONCURRENTLY IF EXISTS "public"."items_embedding_hnsw"', false],
      ['ALTER INDEX "public"."pgform_new_items_embedding_hnsw" RENAME TO "items_embedding_hnsw"', true],
    ]);
    const changed = await converge(c, v3);
    expect(summary(changed)).toEqual([
      'drop index public.items.items_embedding_hnsw',
      'create index public.items.items_embedding_hnsw',
    ]);
    expect(changed.steps.map((s) => s.sql)).toEqual([
      'DROP INDEX "public"."items_embedding_hnsw"',
      'CREATE INDEX "items_embedding_hnsw" ON "public"."items" USING hnsw ("embedding" public.vector_cosine_ops) WITH ("m" = \'8\', "ef_construction" = \'32\')',
    ]);
    expect(await nonPkey(c)).toEqual([
      { name: 'items_embedding_hnsw', definition: "CREATE INDEX items_embedding_hnsw ON public.items USING hnsw (embedding vector_cosine_ops) WITH (m='8', ef_construction='32')" },
    ]);
  }, 180_000);

  it('creates an ivfflat index with lists, then rebuilds it with other lists and operator class', async () => {
    const columns = '      embedding: vector(3)\n';
    const c = await startAt(schema(columns), ROWS3);

    const created = await converge(c, schema(columns, '      items_embedding_ivf: { using: ivfflat, columns: [embedding], with: { lists: 4 } }\n'));
    expect(summary(created)).toEqual(['create index public.items.items_embedding_ivf']);
    expect(await nonPkey(c)).toEqual([
      { name: 'items_embedding_ivf', definition: "CREATE INDEX items_embedding_ivf ON public.items USING ivfflat (embedding) WITH (lists='4')" },
    ]);

    const changed = await converge(c, schema(columns, '      items_embedding_ivf: { using: ivfflat, columns: [embedding vector_ip_ops], with: { lists: 8 } }\n'));
    expect(summary(changed)).toEqual([
      'drop index public.items.items_embedding_ivf',
      'create index public.items.items_embedding_ivf',
    ]);
    expect(await nonPkey(c)).toEqual([
      { name: 'items_embedding_ivf', definition: "CREATE INDEX items_embedding_ivf ON public.items USING ivfflat (embedding vector_ip_ops) WITH (lists='8')" },
    ]);
  }, 180_000);

  it('refuses ivfflat on vector(3072) before touching the database, then builds the halfvec expression index it suggests', async () => {
    const columns = '      embedding: vector(3072)\n';
    const c = await startAt(schema(columns), `SELECT g, array_fill(g::real, ARRAY[3072])::vector(3072) FROM generate_series(1, 10) g`);

    const refused = await planYaml(c, schema(columns, '      items_embedding_idx: { using: ivfflat, columns: [embedding vector_cosine_ops], with: { lists: 2 } }\n')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(YamlError);
    expect((refused as YamlError).problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['schema.yaml:10:7']);
    expect((refused as YamlError).message).toContain('columns: [{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }]');

    // The suggestion, as written in the message, is accepted and built.
    const suggested = '      items_embedding_idx: { using: ivfflat, columns: [{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }], with: { lists: 2 } }\n';
    const created = await converge(c, schema(columns, suggested));
    expect(summary(created)).toEqual(['create index public.items.items_embedding_idx']);
    expect(await nonPkey(c)).toEqual([
      {
        name: 'items_embedding_idx',
        definition: "CREATE INDEX items_embedding_idx ON public.items USING ivfflat (((embedding)::halfvec(3072)) halfvec_cosine_ops) WITH (lists='2')",
      },
    ]);

    // The same index as hnsw: a different definition, rebuilt.
    const hnsw = '      items_embedding_idx: { using: hnsw, columns: ["(embedding::halfvec(3072)) halfvec_cosine_ops"], with: { m: 12, ef_construction: 48 } }\n';
    const changed = await converge(c, schema(columns, hnsw));
    expect(summary(changed)).toEqual([
      'drop index public.items.items_embedding_idx',
      'create index public.items.items_embedding_idx',
    ]);
    expect(await nonPkey(c)).toEqual([
      {
        name: 'items_embedding_idx',
        definition: "CREATE INDEX items_embedding_idx ON public.items USING hnsw (((embedding)::halfvec(3072)) halfvec_cosine_ops) WITH (m='12', ef_construction='48')",
      },
    ]);
  }, 180_000);
});
