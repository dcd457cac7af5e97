import { describe, expect, it } from 'vitest';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { majorVersion, serverVersionNum } from '../../src/db/connection.ts';
import { redactText, redactUrl } from '../../src/db/redact.ts';
import { valueLiteral } from '../../src/sql/quote.ts';
import type { Connection } from '../../src/db/connection.ts';

describe('connections', () => {
  it('reaches the suite PostgreSQL 15 server', async () => {
    const c = await freshPostgres();
    try {
      expect(majorVersion(await serverVersionNum(c))).toBe(15);
      expect(await c.query<{ n: number }>('SELECT 1 + $1::int AS n', [1])).toEqual([{ n: 2 }]);
    } finally {
      await c.close();
    }
  });

  it('runs embedded PGlite', async () => {
    const c = await freshPglite(['citext']);
    try {
      await c.exec('CREATE EXTENSION citext; CREATE TABLE t (a citext)');
      expect(await c.query(`SELECT 'A'::citext = 'a'::citext AS eq`)).toEqual([{ eq: true }]);
    } finally {
      await c.close();
    }
  });

  it('never prints passwords', () => {
    expect(redactUrl('postgres://bob:s3cret@host:5432/db')).toBe('postgres://bob:***@host:5432/db');
    expect(redactText('failed for postgres://bob:s3cret@h/db and s3cret', ['s3cret'])).not.toContain('s3cret');
  });

  it('writes parameter values as literals that read back as the same values', async () => {
    const c = await freshPglite();
    try {
      const texts = ['plain', "it's", 'back\\slash', 'dou"ble', 'a,b', '{braces}', 'NULL', '', ' padded ', 'ünïcødé ✓'];
      const rows = await c.query<{ v: string[] | null; s: string | null; n: number; b: boolean; e: string[] }>(
        `SELECT ${valueLiteral(texts)}::text[] AS v, ${valueLiteral("it's")}::text AS s, ${valueLiteral(42)}::int AS n,
           ${valueLiteral(true)}::boolean AS b, ${valueLiteral([])}::text[] AS e`,
      );
      expect(rows).toEqual([{ v: texts, s: "it's", n: 42, b: true, e: [] }]);
      expect(await c.query(`SELECT ${valueLiteral(null)}::text[] AS v, ${valueLiteral(['x', null])}::text[] AS w`)).toEqual([{ v: null, w: ['x', null] }]);
      expect(() => valueLiteral({ a: 1 })).toThrow(/cannot write object/);
      expect(() => valueLiteral(Number.NaN)).toThrow(/cannot write number/);
    } finally {
      await c.close();
    }
  });

  /** queryReused gives what query gives, every time, through what a session does in between. */
  async function expectReusedLikeQuery(c: Connection): Promise<void> {
    const sql = `SELECT n.nspname AS name FROM pg_catalog.pg_namespace n WHERE $1::text[] IS NULL OR n.nspname = ANY ($1::text[]) ORDER BY 1`;
    const same = async (params: unknown[]) => expect(await c.queryReused(sql, params)).toEqual(await c.query(sql, params));
    await same([null]);
    await same([['public', "o'dd"]]);
    await c.exec(`CREATE SCHEMA "o'dd"`);
    await same([['public', "o'dd"]]);
    await c.exec('BEGIN');
    await c.exec('CREATE SCHEMA rolled_back');
    await same([null]);
    await c.exec('ROLLBACK');
    await same([null]);
    await c.exec('DISCARD ALL');
    await same([['public']]);
    await c.exec('DEALLOCATE ALL');
    await same([['rolled_back', "o'dd"]]);
  }

  it('runs a reused statement as query does, on the embedded engine (prepared once) and on a server', async () => {
    for (const c of [await freshPglite(), await freshPostgres()]) {
      try {
        await expectReusedLikeQuery(c);
      } finally {
        await c.close();
      }
    }
  });

  it('prepares a reused statement once per embedded session', async () => {
    const c = await freshPglite();
    try {
      const sql = `SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = ANY ($1::regnamespace[])`;
      const prepared = () => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_catalog.pg_prepared_statements WHERE statement LIKE '%pg_class WHERE relnamespace%'`);
      for (let i = 0; i < 3; i++) await c.queryReused(sql, [['pg_catalog']]);
      expect(await prepared()).toEqual([{ n: 1 }]);
    } finally {
      await c.close();
    }
  });
});
