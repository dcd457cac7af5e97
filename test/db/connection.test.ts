import { describe, expect, it } from 'vitest';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { majorVersion, serverVersionNum } from '../../src/db/connection.ts';
import { redactText, redactUrl } from '../../src/db/redact.ts';

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
});
