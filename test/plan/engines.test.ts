import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import type { DatabaseModel } from '../../src/model/database.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { parsePlanFile } from '../../src/plan/parse.ts';
import { renderSql } from '../../src/plan/render-sql.ts';
import type { Step } from '../../src/plan/step.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { check, col, enumType, exclusion, fk, index, key, model, pk, sequence, table, unique } from '../diff/build.ts';

/** Runs the steps one by one; transactional runs share a transaction, the others run alone. */
async function run(conn: Connection, steps: readonly Step[]): Promise<void> {
  let inTx = false;
  for (const s of steps) {
    if (s.transactional && !inTx) {
      await conn.exec('BEGIN');
      inTx = true;
    }
    if (!s.transactional && inTx) {
      await conn.exec('COMMIT');
      inTx = false;
    }
    try {
      await conn.exec(s.sql);
    } catch (e) {
      if (inTx) await conn.exec('ROLLBACK');
      throw new Error(`${s.operation} ${s.kind} ${s.object} failed: ${(e as Error).message}\n${s.sql}`);
    }
  }
  if (inTx) await conn.exec('COMMIT');
}

/** Plans `from -> to`, renders it to SQL, reads it back, and runs what was read. */
async function applyPlan(conn: Connection, from: DatabaseModel, to: DatabaseModel, online = true): Promise<Step[]> {
  const plan = makePlan({ from, to, sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b', online });
  const parsed = parsePlanFile(renderSql(plan));
  expect(parsed.edited).toBe(false);
  await run(conn, parsed.plan.steps);
  return [...parsed.plan.steps];
}

/** A fresh database as introspected: only `public` (states are diffed from it, as normalization does). */
const freshDatabase = model({});

/** The raw desired states (user spelling, unnamed constraints) the engines must accept. */
const shop = model({
  schemas: [{ name: 'public', comment: null }, { name: 'shop', comment: 'the shop' }],
  extensions: [{ name: 'citext', schema: null, version: null, comment: null }],
  enums: [enumType('shop.status', ['new', 'paid', "it's shipped"], { comment: 'order status' })],
  sequences: [sequence('shop.invoice_no', { start: '1000', ownedBy: { schema: 'shop', table: 'invoices', column: 'no' } })],
  tables: [
    table(
      'shop.customers',
      [
        col('id', 'serial', { notNull: true }),
        col('email', 'citext', { notNull: true, comment: 'login' }),
        col('name', 'varchar(100)', { collation: '"C"' }),
        col('best_order', 'bigint'),
        col('created_at', 'timestamptz', { notNull: true, default: 'now()' }),
      ],
      {
        constraints: [
          pk('', ['id']),
          unique('', ['email']),
          check('', "name <> ''"),
          fk('customers_best_order_fkey', ['best_order'], 'shop.orders', []),
        ],
        indexes: [index('customers_name_idx', [key('lower(name)'), key('(upper(name))')]), index('customers_recent', [key('created_at', { descending: true, nullsFirst: false })], { where: 'created_at > \'2020-01-01\'' })],
        comment: 'people who buy',
      },
    ),
    table(
      'shop.orders',
      [
        col('id', 'bigint', { notNull: true, identity: { generation: 'always', start: '10', increment: null, minValue: null, maxValue: null, cache: null, cycle: false } }),
        col('customer_id', 'integer', { notNull: true }),
        col('status', 'shop.status', { notNull: true, default: "'new'::shop.status" }),
        col('tags', 'text[]', { default: "'{}'" }),
        col('amount', 'numeric(10,2)', { notNull: true, default: '0' }),
        col('amount_cents', 'bigint', { generated: '(amount * 100)::bigint' }),
        col('during', 'tsrange'),
      ],
      {
        constraints: [
          pk('orders_pkey', ['id'], { comment: 'the key' }),
          fk('', ['customer_id'], 'shop.customers', ['id'], { onDelete: 'cascade', deferrable: true, initiallyDeferred: true }),
          check('orders_amount_check', 'amount >= 0'),
          exclusion('orders_during_excl', 'EXCLUDE USING gist (during WITH &&)'),
        ],
        indexes: [index('orders_customer_idx', ['customer_id'], { include: ['amount'], with: { fillfactor: '70' }, comment: 'lookup' })],
      },
    ),
    table('shop.invoices', [col('no', 'bigint', { notNull: true, default: "nextval('shop.invoice_no')" }), col('order_id', 'bigint')], {
      constraints: [unique('invoices_no_key', ['no'], { nullsNotDistinct: true }), fk('', ['order_id'], 'shop.orders')],
    }),
    table('public.empty', []),
  ],
});

/** A live-like state (PostgreSQL's names and spelling) and a changed version of it. */
const before = model({
  enums: [enumType('mood', ['sad', 'ok', 'happy'])],
  tables: [
    table('users', [col('id', 'integer', { notNull: true }), col('email', 'text'), col('mood', 'mood', { default: "'ok'::mood" }), col('old', 'text')], {
      constraints: [pk('users_pkey', ['id'])],
      indexes: [index('users_email_idx', ['email'])],
    }),
    table('posts', [col('id', 'integer', { notNull: true }), col('user_id', 'integer'), col('body', 'character varying(10)')], {
      constraints: [pk('posts_pkey', ['id']), fk('posts_user_id_fkey', ['user_id'], 'users', ['id'])],
    }),
    table('gone', [col('id', 'integer', { notNull: true }), col('user_id', 'integer')], {
      constraints: [pk('gone_pkey', ['id']), fk('gone_user_id_fkey', ['user_id'], 'users', ['id'])],
    }),
  ],
});

const after = model({
  enums: [enumType('mood', ['happy', 'ok', 'meh'])],
  tables: [
    table(
      'people',
      [
        col('id', 'integer', { notNull: true }),
        col('mail', 'text', { notNull: true, renamedFrom: 'email' }),
        col('mood', 'mood', { default: "'ok'::mood" }),
        col('score', 'integer', { default: '0', notNull: true }),
      ],
      {
        renamedFrom: 'users',
        constraints: [pk('users_pkey', ['id']), unique('people_mail_key', ['mail']), check('people_score_check', 'score >= 0')],
        indexes: [index('users_email_idx', ['mail']), index('people_score_idx', ['score'])],
      },
    ),
    table('posts', [col('id', 'integer', { notNull: true }), col('user_id', 'integer'), col('body', 'text')], {
      constraints: [pk('posts_pkey', ['id']), fk('posts_user_id_fkey', ['user_id'], 'people', ['id'], { onDelete: 'cascade' })],
    }),
  ],
});

const engines = [
  ['PGlite', () => freshPglite(['citext', 'btree_gist'])],
  ['PostgreSQL 15', () => freshPostgres()],
] as const;

describe.each(engines)('plans run on %s', (_name, open) => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await open();
  });
  afterAll(async () => {
    await conn.close();
  });

  it('creates a raw desired state from nothing', async () => {
    await applyPlan(conn, freshDatabase, shop, false);
    const rows = await conn.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'shop' AND c.relkind = 'r'`,
    );
    expect(rows[0]!.n).toBe('3');
    await conn.exec(`INSERT INTO shop.customers (email, name) VALUES ('A@x', 'a')`);
    await conn.exec(`INSERT INTO shop.orders (customer_id, amount) VALUES (1, 2.5)`);
    const o = await conn.query<{ id: string; amount_cents: string; status: string }>('SELECT id::text, amount_cents::text, status::text FROM shop.orders');
    expect(o).toEqual([{ id: '10', amount_cents: '250', status: 'new' }]);
    const c = await conn.query<{ d: string }>(`SELECT obj_description('shop.customers'::regclass) AS d`);
    expect(c[0]!.d).toBe('people who buy');
    const seq = await conn.query<{ v: string }>(`SELECT nextval('shop.invoice_no')::text AS v`);
    expect(seq[0]!.v).toBe('1000');
  });

  it('migrates an existing state online (renames, enum recreation, NOT NULL, FK changes)', async () => {
    await conn.exec('SET search_path = public');
    await applyPlan(conn, freshDatabase, before);
    await conn.exec(`INSERT INTO users VALUES (1, 'a@x', 'happy', 'x'); INSERT INTO posts VALUES (1, 1, 'hi')`);
    const steps = await applyPlan(conn, before, after, true);
    expect(steps.some((s) => s.sql.includes('CONCURRENTLY'))).toBe(true);
    const rows = await conn.query<{ mail: string; mood: string; score: number }>('SELECT mail, mood::text AS mood, score FROM people');
    expect(rows).toEqual([{ mail: 'a@x', mood: 'happy', score: 0 }]);
    const labels = await conn.query<{ l: string }>(`SELECT unnest(enum_range(NULL::mood))::text AS l`);
    expect(labels.map((r) => r.l)).toEqual(['happy', 'ok', 'meh']);
    await expect(conn.exec('INSERT INTO people (id, mail) VALUES (2, NULL)')).rejects.toThrow();
    await conn.exec('DELETE FROM people WHERE id = 1');
    expect(await conn.query('SELECT * FROM posts')).toEqual([]);
  });
});
