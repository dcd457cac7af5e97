import { describe, expect, it } from 'vitest';
import { runPgform } from '../support/cli.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pgform = (cwd: string, args: string[]) => runPgform(cwd, args);

const SCHEMA = `extensions:
  vector: {}
tables:
  evidence:
    columns:
      id: { type: bigint, primary_key: true }
      embedding: vector(3072)
      summary: vector(3)
    indexes:
      idx_evidence_embedding: { using: ivfflat, columns: [{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }], with: { lists: 100 } }
      idx_evidence_summary: { using: hnsw, columns: [summary vector_l2_ops], with: { m: 8, ef_construction: 32 } }
`;

describe('pgform with a schema declaring vector', () => {
  it('applies to an embedded database on the vector engine, then plans nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-vector-cli-'));
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'evidence.yaml'), SCHEMA);
    const db = join(dir, 'db');

    const apply = pgform(dir, ['apply', '--schema', 'schema', '--db', `pglite:${db}`, '--yes']);
    expect(apply.stderr).toMatch(/create index public\.evidence\.idx_evidence_embedding done in/);
    expect(apply.code).toBe(0);
    // The data directory belongs to the build that created it.
    expect(JSON.parse(readFileSync(join(db, 'pgform_extensions.json'), 'utf8'))).toEqual({ build: 'timescaledb', extensions: ['vector'] });
    expect(readFileSync(join(db, 'PG_VERSION'), 'utf8').trim()).toBe('17');
    expect(pgform(dir, ['plan', '--schema', 'schema', '--db', `pglite:${db}`, '--exit-code']).code).toBe(0);
  }, 300_000);

  it('refuses ivfflat on vector(3072) in validate, at the index, suggesting the halfvec index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-vector-cli-'));
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema', 'evidence.yaml'), SCHEMA.replace('[{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }]', '[embedding vector_cosine_ops]'));
    const r = pgform(dir, ['validate', '--schema', 'schema']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'schema/evidence.yaml:10:7: tables.evidence.indexes.idx_evidence_embedding: pgvector\'s ivfflat indexes vector of at most 2,000 dimensions and `embedding` is vector(3072); index it as halfvec (up to 4,000) instead: columns: [{ expression: "(embedding::halfvec(3072))", opclass: halfvec_cosine_ops }]',
    );
    expect(existsSync(join(dir, '.pgform'))).toBe(false);
  });
});
