import { describe, expect, it } from 'vitest';
import { makePlan } from '../../src/plan/make-plan.ts';
import { renderMarkdown } from '../../src/plan/render-markdown.ts';
import { MAX_DIAGRAM_TABLES, renderErDiagram } from '../../src/plan/render-er-diagram.ts';
import { col, fk, model, pk, table, unique } from '../diff/build.ts';

const users = table('users', [col('id', 'bigint', { notNull: true }), col('email', 'text')], { constraints: [pk('users_pkey', ['id']), unique('users_email_key', ['email'])] });
const orders = (extra: boolean) =>
  table(
    'orders',
    [col('id', 'bigint', { notNull: true }), col('user_id', 'bigint', { notNull: true }), col('reviewer id', 'bigint'), ...(extra ? [col('total', 'numeric(10,2)')] : [])],
    { constraints: [pk('orders_pkey', ['id']), fk('orders_user_fkey', ['user_id'], 'users', ['id']), fk('orders "reviewer"', ['reviewer id'], 'users', ['id'])] },
  );
const plan = (from: ReturnType<typeof model>, to: ReturnType<typeof model>) => makePlan({ from, to, sourceFingerprint: 'sha256:a', targetFingerprint: 'sha256:b' });

describe('the diagram of the tables a plan changes', () => {
  it('draws the changed table with its keys, and its foreign keys to tables the plan leaves alone', () => {
    const to = model({ tables: [users, orders(true)] });
    const lines = renderErDiagram(plan(model({ tables: [users, orders(false)] }), to).steps, to)!;
    expect(lines).toEqual([
      '```mermaid',
      'erDiagram',
      '  "public.orders" {',
      '    bigint id PK',
      '    bigint user_id FK',
      '    bigint reviewer_id FK',
      '    numeric(10_2) total',
      '  }',
      // NOT NULL: exactly one user; nullable: zero or one. Quotes in names cannot end Mermaid's strings.
      '  "public.orders" }o--|| "public.users" : "orders_user_fkey"',
      '  "public.orders" }o--o| "public.users" : "orders _reviewer_"',
      '```',
    ]);
  });

  it('is in the markdown when the target is known, and not for a plan that changes no table', () => {
    const to = model({ tables: [users, orders(true)] });
    const p = plan(model({ tables: [users, orders(false)] }), to);
    expect(renderMarkdown(p, to)).toContain('### Tables this plan changes\n\n```mermaid\nerDiagram\n');
    expect(renderMarkdown(p)).not.toContain('mermaid');
    expect(renderErDiagram([], to)).toBeNull();
  });

  it('says how many tables change instead of drawing too many', () => {
    const many = model({ tables: Array.from({ length: MAX_DIAGRAM_TABLES + 1 }, (_, i) => table(`t${i}`, [col('id', 'integer')])) });
    expect(renderErDiagram(plan(model({}), many).steps, many)).toEqual([`${MAX_DIAGRAM_TABLES + 1} tables change: too many for a diagram (at most ${MAX_DIAGRAM_TABLES}).`]);
  });
});
