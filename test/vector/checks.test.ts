import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Connection } from '../../src/db/connection.ts';
import { LoadContext } from '../../src/yaml/context.ts';
import { parseFile } from '../../src/yaml/documents.ts';
import { validateDocument } from '../../src/yaml/validate.ts';
import { tablesKind } from '../../src/yaml/kinds/tables.ts';
import { parseIndexKeyString } from '../../src/yaml/index-keys.ts';
import { withExpressionOpclass } from '../../src/yaml/kinds/table-indexes.ts';
import { indexedValue, OPERATOR_CLASSES, vectorColumnProblem, vectorTypeOf } from '../../src/yaml/kinds/vector-checks.ts';
import { createIndexSql } from '../../src/diff/indexes.ts';
import { ident, qname } from '../../src/sql/quote.ts';
import { openVector } from './support.ts';

/** Loads one table (with the real loader and the tables kind's checks) and returns the context. */
function loadTable(name: string, table: unknown): LoadContext {
  const parsed = parseFile('schema.yaml', stringify({ tables: { [name]: table } }));
  expect(parsed.problems).toEqual([]);
  const doc = parsed.documents[0]!;
  expect(validateDocument(doc)).toEqual([]);
  const ctx = new LoadContext();
  tablesKind.load({ name, value: (doc.value as { tables: Record<string, unknown> }).tables[name], loc: { doc, path: ['tables', name], part: 'key' } }, ctx);
  tablesKind.check?.(ctx);
  return ctx;
}

describe('vector types and indexed values', () => {
  it('reads pgvector types from column types as written', () => {
    expect(vectorTypeOf('vector(3072)')).toEqual({ name: 'vector', dimensions: 3072 });
    expect(vectorTypeOf('public.halfvec( 16 )')).toEqual({ name: 'halfvec', dimensions: 16 });
    expect(vectorTypeOf('"vector"(3) not null')).toEqual({ name: 'vector', dimensions: 3 });
    expect(vectorTypeOf('SPARSEVEC')).toEqual({ name: 'sparsevec', dimensions: null });
    expect(vectorTypeOf('bit')).toEqual({ name: 'bit', dimensions: 1 });
    expect(vectorTypeOf('vector(3)[]')).toBeNull();
    expect(vectorTypeOf('bit varying(10)')).toBeNull();
    expect(vectorTypeOf('vectors(3)')).toBeNull();
    expect(vectorTypeOf('text')).toBeNull();
  });

  it('finds the type an index key indexes: a column, a cast, CAST(... AS ...)', () => {
    const columns = [{ name: 'embedding', type: 'vector(3072)', notNull: false, default: null, identity: null, generated: null, collation: null, comment: null }];
    const key = (text: string) => withExpressionOpclass(parseIndexKeyString(text));
    expect(indexedValue(columns, key('embedding vector_cosine_ops'))).toEqual({ type: { name: 'vector', dimensions: 3072 }, source: 'embedding', column: 'embedding' });
    expect(indexedValue(columns, key('(embedding::halfvec(3072)) halfvec_cosine_ops'))).toEqual({ type: { name: 'halfvec', dimensions: 3072 }, source: 'embedding', column: null });
    expect(indexedValue(columns, key('((embedding)::halfvec(3072))'))).toEqual({ type: { name: 'halfvec', dimensions: 3072 }, source: '(embedding)', column: null });
    expect(indexedValue(columns, key('(binary_quantize(embedding)::bit(3072)) bit_hamming_ops'))).toEqual({ type: { name: 'bit', dimensions: 3072 }, source: 'binary_quantize(embedding)', column: null });
    expect(indexedValue(columns, key('(CAST(embedding AS halfvec(10)))'))).toEqual({ type: { name: 'halfvec', dimensions: 10 }, source: 'embedding', column: null });
    expect(indexedValue(columns, key('((embedding))'))?.column).toBe('embedding');
    expect(indexedValue(columns, key('(l2_normalize(embedding::halfvec(3)))'))).toBeNull();
    expect(indexedValue(columns, key('other'))).toBeNull();
  });

  it('takes the operator class after a parenthesized expression or a function call in the text form', () => {
    expect(key('(embedding::halfvec(3072)) halfvec_cosine_ops')).toMatchObject({ expression: '(embedding::halfvec(3072))', isColumn: false, opclass: 'halfvec_cosine_ops' });
    expect(key('lower(email) public.text_pattern_ops DESC')).toMatchObject({ expression: 'lower(email)', opclass: 'public.text_pattern_ops', descending: true });
    // Not an operator class: a postfix operator, a collation, an expression that is neither form.
    expect(key('(a) ISNULL')).toMatchObject({ expression: '(a) ISNULL', opclass: null });
    expect(key('(a) COLLATE "C"')).toMatchObject({ expression: '(a) COLLATE "C"', opclass: null });
    expect(key('(a) + (b) foo')).toMatchObject({ expression: '(a) + (b) foo', opclass: null });
    expect(key('lower(email)')).toMatchObject({ expression: 'lower(email)', opclass: null });
    function key(text: string) {
      return withExpressionOpclass(parseIndexKeyString(text));
    }
  });
});

type IndexYaml = Record<string, unknown>;
interface Case {
  readonly columns: Record<string, string>;
  readonly index: IndexYaml;
}

/**
 * Index declarations with what pgvector 0.8 does with them. Each runs both ways: through the
 * loader's checks and as the CREATE INDEX pgform would emit, on the vector engine.
 */
const CASES: readonly Case[] = [
  { columns: { e: 'vector(3072)' }, index: { using: 'ivfflat', columns: ['e vector_cosine_ops'], with: { lists: 100 } } },
  { columns: { e: 'vector(3072)' }, index: { using: 'hnsw', columns: ['e vector_cosine_ops'] } },
  { columns: { e: 'vector(2000)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'] } },
  { columns: { e: 'vector(2001)' }, index: { using: 'ivfflat', columns: ['e'] } },
  { columns: { e: 'vector(3072)' }, index: { using: 'ivfflat', columns: [{ expression: '(e::halfvec(3072))', opclass: 'halfvec_cosine_ops' }], with: { lists: 100 } } },
  { columns: { e: 'vector(3072)' }, index: { using: 'hnsw', columns: ['(e::halfvec(3072)) halfvec_ip_ops'], with: { m: 8, ef_construction: 32 } } },
  { columns: { e: 'vector(3072)' }, index: { using: 'hnsw', columns: ['(CAST(e AS halfvec(3072))) halfvec_l2_ops'] } },
  { columns: { e: 'vector(5000)' }, index: { using: 'hnsw', columns: ['(e::halfvec(4001)) halfvec_l2_ops'] } },
  { columns: { e: 'vector(3000)' }, index: { using: 'hnsw', columns: ['(e::vector(2001)) vector_l2_ops'] } },
  { columns: { e: 'vector(3072)' }, index: { using: 'hnsw', columns: ['(binary_quantize(e)::bit(3072)) bit_hamming_ops'] } },
  { columns: { h: 'halfvec(4000)' }, index: { using: 'hnsw', columns: ['h halfvec_l2_ops'] } },
  { columns: { h: 'halfvec(4001)' }, index: { using: 'ivfflat', columns: ['h halfvec_l2_ops'] } },
  { columns: { h: 'halfvec(3)' }, index: { using: 'ivfflat', columns: ['h'] } },
  { columns: { s: 'sparsevec(100000)' }, index: { using: 'hnsw', columns: ['s sparsevec_l2_ops'] } },
  { columns: { s: 'sparsevec(5)' }, index: { using: 'ivfflat', columns: ['s sparsevec_l2_ops'] } },
  { columns: { s: 'sparsevec(5)' }, index: { using: 'hnsw', columns: ['s'] } },
  { columns: { e: 'vector' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'ivfflat', columns: ['e'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'ivfflat', columns: ['e vector_l1_ops'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l1_ops'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e halfvec_l2_ops'] } },
  { columns: { b: 'bit(64)' }, index: { using: 'hnsw', columns: ['b bit_jaccard_ops'] } },
  { columns: { b: 'bit(64)' }, index: { using: 'ivfflat', columns: ['b bit_jaccard_ops'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 100, ef_construction: 1000 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 101, ef_construction: 1000 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 1 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { ef_construction: 1001 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 40 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 8, ef_construction: 16 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { m: 8, ef_construction: 15 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { lists: 10 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], with: { M: 10 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'ivfflat', columns: ['e'], with: { lists: 32768 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'ivfflat', columns: ['e'], with: { lists: 32769 } } },
  { columns: { e: 'vector(3)' }, index: { using: 'ivfflat', columns: ['e'], with: { lists: 0 } } },
  { columns: { e: 'vector(3)', id: 'int' }, index: { using: 'hnsw', columns: ['e vector_l2_ops', 'id'] } },
  { columns: { e: 'vector(3)' }, index: { using: 'hnsw', columns: ['e vector_l2_ops'], unique: true } },
  { columns: { e: 'public.vector(3)' }, index: { using: 'HNSW', columns: [{ column: 'e', opclass: 'public.vector_cosine_ops' }] } },
];

describe('pgvector index checks agree with the vector engine', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openVector();
  }, 60_000);
  afterAll(async () => {
    await conn.close();
  });

  it('lists the operator classes the engine has', async () => {
    const rows = await conn.query<{ method: string; name: string }>(
      `SELECT am.amname AS method, opc.opcname AS name FROM pg_catalog.pg_opclass opc JOIN pg_catalog.pg_am am ON am.oid = opc.opcmethod
        WHERE am.amname IN ('hnsw', 'ivfflat') ORDER BY 1, 2`,
    );
    for (const method of ['hnsw', 'ivfflat'] as const) {
      expect([...OPERATOR_CLASSES[method]].sort()).toEqual(rows.filter((r) => r.method === method).map((r) => r.name));
    }
  });

  it.each(CASES.map((c, i) => [i, c] as const))('case %i', async (i, c) => {
    const name = `t${i}`;
    const ctx = loadTable(name, { columns: c.columns, indexes: { [`${name}_idx`]: c.index } });
    const table = ctx.model.tables[0]!;
    const columnsSql = Object.entries(c.columns).map(([col, type]) => `${ident(col)} ${type}`).join(', ');
    await conn.exec(`CREATE TABLE ${qname(table)} (${columnsSql})`);
    let refusal: string | null = null;
    try {
      await conn.exec(createIndexSql(table, table.indexes[0]!, false));
    } catch (e) {
      refusal = (e as Error).message;
    }
    const reported = ctx.problems.map((p) => p.message);
    // The engine's refusal and the check's report go together: both or neither.
    expect({ refused: refusal !== null, reported: reported.length > 0 }, `${refusal ?? 'accepted'} / ${reported.join('; ')}`).toEqual({
      refused: reported.length > 0,
      reported: refusal !== null,
    });
  });

  it('reports a vector column with more dimensions than pgvector stores, as the engine refuses it', async () => {
    const column = (type: string) => ({ name: 'e', type, notNull: false, default: null, identity: null, generated: null, collation: null, comment: null });
    expect(vectorColumnProblem(column('vector(16001)'))).toBe('vector has at most 16,000 dimensions');
    expect(vectorColumnProblem(column('halfvec(16000)'))).toBeNull();
    await expect(conn.exec('CREATE TABLE too_wide (e vector(16001))')).rejects.toThrow(/16000/);
    await conn.exec('CREATE TABLE wide_enough (e halfvec(16000))');
  });
});
