import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact } from '../../src/db/redact.ts';
import { runPgform } from '../support/cli.ts';

const SECRET = 'S3cr3t-pw';

/** Every form a connection string takes, each holding SECRET, and what must survive around it. */
const FORMS: [string, string][] = [
  [`postgres://alice:${SECRET}@db.example.com:5432/app`, 'postgres://alice:***@db.example.com:5432/app'],
  [`postgresql://alice:${SECRET}@db/app?sslmode=require`, 'postgresql://alice:***@db/app?sslmode=require'],
  [`POSTGRES://alice:${SECRET}@db/app`, 'POSTGRES://alice:***@db/app'],
  [`postgres://alice:p@ss:w/rd${SECRET}@db:5432/app`, 'postgres://alice:***@db:5432/app'],
  [`postgres://alice:${SECRET}@[::1]:5432/app`, 'postgres://alice:***@[::1]:5432/app'],
  [`postgres://alice:${SECRET}@/app?host=/var/run/postgresql`, 'postgres://alice:***@/app?host=/var/run/postgresql'],
  [`mysql://root:${SECRET}@localhost/x`, 'mysql://root:***@localhost/x'],
  [`redis://:${SECRET}@cache:6379`, 'redis://:***@cache:6379'],
  [`https://user:${SECRET}@example.com/path`, 'https://user:***@example.com/path'],
  [`alice:${SECRET}@db.example.com:5432/app`, 'alice:***@db.example.com:5432/app'],
  [`connect to alice:${SECRET}@db failed`, 'connect to alice:***@db failed'],
  [`host=db port=5432 user=alice password=${SECRET} dbname=app`, 'host=db port=5432 user=alice password=*** dbname=app'],
  [`host=db password='${SECRET} with space' dbname=app`, 'host=db password=*** dbname=app'],
  [`host=db password = ${SECRET}`, 'host=db password = ***'],
  [`host=db sslpassword=${SECRET}`, 'host=db sslpassword=***'],
  [`postgres://db/app?user=alice&password=${SECRET}&sslmode=require`, 'postgres://db/app?user=alice&password=***&sslmode=require'],
  [`database_url: postgres://alice:${SECRET}@db/app`, 'database_url: postgres://alice:***@db/app'],
  [`password: ${SECRET}`, 'password: ***'],
  [`{"password":"${SECRET}"}`, '{"password":***}'],
  [`PGPASSWORD=${SECRET}`, 'PGPASSWORD=***'],
  [`postgres://alice:${SECRET}`, 'postgres://alice:***'],
  [`"postgres://alice:${SECRET}@db/app"`, '"postgres://alice:***@db/app"'],
  [`(postgres://alice:${SECRET}@db/app)`, '(postgres://alice:***@db/app)'],
];

/** What must come out unchanged. */
const PLAIN = [
  'postgres://db:5432/app',
  'postgres://alice@db/app',
  'pglite:.pgform/db',
  'schema.yaml:12:3: tables.users.columns.id: unknown key',
  'password authentication failed for user "alice"',
  'step 3/5: create index public.orders.orders_customer_idx',
];

describe('redaction', () => {
  it.each(FORMS)('redacts %s', (text, want) => {
    expect(redact(text)).toBe(want);
    expect(redact(text)).not.toContain(SECRET);
  });

  it('leaves text without secrets as it is', () => {
    for (const t of PLAIN) expect(redact(t)).toBe(t);
  });

  it('removes a known secret wherever it appears', () => {
    expect(redact(`the server said: ${SECRET} is wrong`, [SECRET])).toBe('the server said: *** is wrong');
  });

  it('keeps secrets out of the CLI: a key=value --db, and a pgform.yaml YAML error excerpt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-redact-'));
    const kv = runPgform(dir, ['history', '--db', `host=127.0.0.1 user=alice password=${SECRET} dbname=app`]);
    expect(kv.code).toBe(1);
    expect(kv.stderr).toMatch(/^error: unsupported database URL host=127\.0\.0\.1 user=alice password=\*\*\* dbname=app/);
    writeFileSync(join(dir, 'pgform.yaml'), `schema_dir: schema\ndatabase_url: postgres://alice:${SECRET}@db/app\n  bad: [indent\n`);
    const yaml = runPgform(dir, ['history']);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/pgform\.yaml/);
    expect(yaml.stderr).toContain('postgres://alice:***@db/app');
    expect(kv.stdout + kv.stderr + yaml.stdout + yaml.stderr).not.toContain(SECRET);
  });
});
