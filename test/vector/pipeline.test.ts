import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { applyPlan, catalogColumnTypes, catalogIndexes, openVector, planYaml } from './support.ts';

/**
 * pgvector through the whole workflow on the vector engine: YAML -> normalized desired state,
 * live introspection, diff, ordered plan, the applier with its checks; then the catalog's own
 * view of the result, and a plan from that state that must be empty.
 */

const COLUMNS = `
      id: { type: bigint, primary_key: true }
      embedding: vector(3)
      summary: halfvec(3)
      terms: sparsevec(1000)
      large: vector(3072)
`;

const ALL_KINDS = `
extensions:
  vector: {}
tables:
  docs:
    columns:${COLUMNS}
    indexes:
      docs_embedding_hnsw: { using: hnsw, columns: [embedding vector_cosine_ops], with: { m: 8, ef_construction: 32 } }
      docs_embedding_ivfflat: { using: ivfflat, columns: [embedding vector_ip_ops], with: { lists: 2 } }
      docs_embedding_l2: { using: ivfflat, columns: [embedding] }
      docs_summary_hnsw: { using: hnsw, columns: [{ column: summary, opclass: halfvec_l1_ops }] }
      docs_terms_hnsw: { using: hnsw, columns: [terms sparsevec_l2_ops] }
      docs_large_halfvec: { using: hnsw, columns: [{ expression: "(large::halfvec(3072))", opclass: halfvec_cosine_ops }], with: { m: 16, ef_construction: 64 } }
      docs_large_text_form: { using: ivfflat, columns: ["(large::halfvec(3072)) halfvec_l2_ops"], with: { lists: 1 } }
`;

describe('pgvector columns and indexes from nothing', () => {
  let conn: Connection & { readonly build: string };
  beforeAll(async () => {
    conn = await openVector(false);
  }, 60_000);
  afterAll(async () => {
    await conn.close();
  });

  it('creates every kind, reads back as declared, and plans nothing more', async () => {
    expect(conn.build).toBe('timescaledb');
    const plan = await planYaml(conn, ALL_KINDS);
    const sqls = plan.steps.map((s) => s.sql);
    expect(sqls[0]).toMatch(/^CREATE EXTENSION IF NOT EXISTS "vector"|^CREATE EXTENSION "vector"/);
    // A new table: its indexes are built plainly (nothing to keep online), operator classes qualified.
    expect(sqls).toContain(
      'CREATE INDEX "docs_large_halfvec" ON "public"."docs" USING hnsw ((large::halfvec(3072)) public.halfvec_cosine_ops) WITH ("m" = \'16\', "ef_construction" = \'64\')',
    );
    await applyPlan(conn, plan);

    expect(await catalogColumnTypes(conn, 'public', 'docs')).toEqual({
      id: 'bigint',
      embedding: 'vector(3)',
      summary: 'halfvec(3)',
      terms: 'sparsevec(1000)',
      large: 'vector(3072)',
    });
    expect(await catalogIndexes(conn, 'public', 'docs')).toEqual([
      { name: 'docs_embedding_hnsw', definition: "CREATE INDEX docs_embedding_hnsw ON public.docs USING hnsw (embedding vector_cosine_ops) WITH (m='8', ef_construction='32')" },
      { name: 'docs_embedding_ivfflat', definition: "CREATE INDEX docs_embedding_ivfflat ON public.docs USING ivfflat (embedding vector_ip_ops) WITH (lists='2')" },
      { name: 'docs_embedding_l2', definition: 'CREATE INDEX docs_embedding_l2 ON public.docs USING ivfflat (embedding)' },
      { name: 'docs_large_halfvec', definition: "CREATE INDEX docs_large_halfvec ON public.docs USING hnsw (((large)::halfvec(3072)) halfvec_cosine_ops) WITH (m='16', ef_construction='64')" },
      { name: 'docs_large_text_form', definition: "CREATE INDEX docs_large_text_form ON public.docs USING ivfflat (((large)::halfvec(3072)) halfvec_l2_ops) WITH (lists='1')" },
      { name: 'docs_pkey', definition: 'CREATE UNIQUE INDEX docs_pkey ON public.docs USING btree (id)' },
      { name: 'docs_summary_hnsw', definition: 'CREATE INDEX docs_summary_hnsw ON public.docs USING hnsw (summary halfvec_l1_ops)' },
      { name: 'docs_terms_hnsw', definition: 'CREATE INDEX docs_terms_hnsw ON public.docs USING hnsw (terms sparsevec_l2_ops)' },
    ]);
    expect((await planYaml(conn, ALL_KINDS)).steps).toEqual([]);
  }, 120_000);

  it('answers nearest-neighbour queries through the halfvec expression index', async () => {
    await conn.exec(`
      INSERT INTO docs (id, embedding, large)
      SELECT g, ARRAY[g, 1, 0]::vector(3), array_fill(g::real, ARRAY[3072])::vector(3072) FROM generate_series(1, 20) g;
      SET enable_seqscan = off;`);
    const plan = await conn.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM docs ORDER BY large::halfvec(3072) <=> array_fill(1::real, ARRAY[3072])::halfvec(3072) LIMIT 3`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using docs_large_halfvec/);
    await conn.exec('RESET enable_seqscan');
  }, 60_000);
});
