import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { createRoutineSql, dollarTag, settingSql } from '../../src/diff/routines.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { arg, bySql, col, grant, hazardKinds, model, positionOf, routine, sequence, sqls, table } from './build.ts';

const execPublic = (name: string, args: string) => grant(name, 'PUBLIC', 'EXECUTE', { objectKind: 'function', arguments: args });

describe('routines', () => {
  it('writes every attribute of a function', () => {
    const f = routine('app.f', 'a integer, b text', {
      arguments: [arg('a integer'), arg('b text', { default: "'x'::text" }), arg('c integer', { mode: 'out' })],
      returns: 'SETOF integer',
      language: 'plpgsql',
      body: '\nBEGIN\n  RETURN NEXT a;\nEND\n',
      volatility: 'stable',
      strict: true,
      securityDefiner: true,
      leakproof: true,
      parallel: 'safe',
      cost: '5',
      rows: '10',
      config: ['search_path="$user", public', 'work_mem=64MB'],
    });
    expect(createRoutineSql(f, false)).toBe(
      [
        `CREATE FUNCTION "app"."f"("a" integer, "b" text DEFAULT 'x'::text, OUT "c" integer)`,
        'RETURNS SETOF integer',
        'LANGUAGE "plpgsql"',
        'STABLE',
        'STRICT',
        'SECURITY DEFINER',
        'LEAKPROOF',
        'PARALLEL SAFE',
        'COST 5',
        'ROWS 10',
        `SET "search_path" TO '$user', 'public'`,
        `SET "work_mem" TO '64MB'`,
        'AS $$\nBEGIN\n  RETURN NEXT a;\nEND\n$$',
      ].join('\n'),
    );
  });

  it('writes procedures without function-only clauses, and SQL-standard bodies verbatim', () => {
    const p = routine('p', 'x integer', { kind: 'procedure', returns: null, arguments: [arg('x integer')], body: 'BEGIN ATOMIC\n INSERT INTO t (a) VALUES (x);\nEND', sqlBody: true });
    expect(createRoutineSql(p, true)).toBe('CREATE OR REPLACE PROCEDURE "public"."p"("x" integer)\nLANGUAGE "sql"\nBEGIN ATOMIC\n INSERT INTO t (a) VALUES (x);\nEND');
  });

  it('picks a dollar-quote tag absent from the body', () => {
    expect(dollarTag('select 1')).toBe('$$');
    expect(dollarTag('a $$ b')).toBe('$_$');
    expect(dollarTag('ends with $')).toBe('$_$');
    expect(dollarTag('$$ and $_$')).toBe('$__$');
    expect(settingSql('app.tenant=7')).toBe(`SET "app"."tenant" TO '7'`);
  });

  it('creates functions before tables, flags unchecked bodies, and revokes the PUBLIC default it lacks', () => {
    const f = routine('f');
    const t = table('t', [col('a', 'integer', { default: 'f()', dependsOn: ['function:public.f()'] })]);
    const steps = orderSteps(diffModels(model({}), model({ routines: [f], tables: [t] })));
    expect(sqls(steps)[0]).toMatch(/^CREATE FUNCTION "public"."f"\(\)/);
    expect(hazardKinds(steps[0]!)).toEqual(['unchecked_dependency']);
    expect(steps[0]!.hazards[0]!.message).toBe('the body of public.f() is not checked by PostgreSQL: objects it uses are not ordered or verified');
    expect(sqls(steps)).toContain('REVOKE EXECUTE ON FUNCTION "public"."f"() FROM PUBLIC');
    expect(hazardKinds(diffModels(model({}), model({ routines: [{ ...f, sqlBody: true, body: 'RETURN 1' }] }))[0]!)).toEqual([]);
  });

  it('orders a SQL-standard body without dependsOn after the relations, sequences and routines it names', () => {
    // The raw desired state: nothing read from PostgreSQL yet, so only the names tell.
    const code = routine('next_code', 'prefix text', {
      arguments: [arg('prefix text', { default: "'T'" })],
      returns: 'text',
      sqlBody: true,
      body: "RETURN prefix || '-' || lpad(nextval('ticket_seq')::text, 4, '0') || (SELECT max(p.amount) FROM app.prices p) || pad2(1)",
    });
    const pad2 = routine('pad2', 'n integer', { arguments: [arg('n integer')], returns: 'text', sqlBody: true, body: 'RETURN lpad(n::text, 2)' });
    const prices = table('app.prices', [col('amount', 'integer')]);
    const tickets = table('tickets', [col('id', 'integer'), col('code', 'text', { default: 'next_code()' })]);
    const unrelated = table('app.misc', [col('ticket_seq', 'integer')]);
    const to = model({
      schemas: [{ name: 'public', comment: null }, { name: 'app', comment: null }],
      sequences: [sequence('ticket_seq')],
      routines: [code, pad2],
      tables: [tickets, prices, unrelated],
    });
    const steps = orderSteps(diffModels(model({}), to));
    const create = bySql(steps, 'CREATE FUNCTION "public"."next_code"');
    expect(create.requires).toEqual(
      expect.arrayContaining(['sequence:public.ticket_seq', 'table:app.prices', 'function:public.pad2(n integer)']),
    );
    // `app.misc` has a column named like the sequence, but its own name is not mentioned.
    expect(create.requires).not.toContain('table:app.misc');
    expect(positionOf(steps, 'CREATE SEQUENCE "public"."ticket_seq"')).toBeLessThan(positionOf(steps, 'CREATE FUNCTION "public"."next_code"'));
    expect(positionOf(steps, 'CREATE TABLE "app"."prices"')).toBeLessThan(positionOf(steps, 'CREATE FUNCTION "public"."next_code"'));
    expect(positionOf(steps, 'CREATE FUNCTION "public"."pad2"')).toBeLessThan(positionOf(steps, 'CREATE FUNCTION "public"."next_code"'));
    // The table whose default calls the function comes after it, though tables share a phase.
    expect(positionOf(steps, 'CREATE FUNCTION "public"."next_code"')).toBeLessThan(positionOf(steps, 'CREATE TABLE "public"."tickets"'));
    // Once dependsOn is known it is used as it is.
    const known = diffModels(model({}), model({ ...to, routines: [{ ...code, dependsOn: ['sequence:public.ticket_seq'] }, pad2] }));
    expect(bySql(known, 'CREATE FUNCTION "public"."next_code"').requires).toEqual(['schema:public', 'sequence:public.ticket_seq']);
  });

  it('replaces a changed body in place', () => {
    const f = routine('f');
    const from = model({ routines: [f], grants: [execPublic('f', '')] });
    const to = model({ routines: [{ ...f, body: 'SELECT 2' }], grants: [execPublic('f', '')] });
    const steps = diffModels(from, to);
    expect(sqls(steps)).toEqual(['CREATE OR REPLACE FUNCTION "public"."f"()\nRETURNS integer\nLANGUAGE "sql"\nVOLATILE\nPARALLEL UNSAFE\nCOST 100\nAS $$SELECT 2$$']);
    expect(steps[0]!.operation).toBe('replace');
    expect(diffModels(from, from)).toEqual([]);
  });

  it('drops and creates when the return type changes, re-applying grants', () => {
    const f = routine('f');
    const from = model({ routines: [f], grants: [execPublic('f', '')] });
    const to = model({ routines: [{ ...f, returns: 'bigint' }], grants: [execPublic('f', '')] });
    const steps = orderSteps(diffModels(from, to));
    expect(sqls(steps)).toEqual(['DROP FUNCTION "public"."f"()', expect.stringMatching(/^CREATE FUNCTION "public"."f"\(\)\nRETURNS bigint/)]);
    expect(steps[0]!.disrupts).toEqual(['function:public.f()']);
    expect(steps[1]!.reason).toMatch(/return type changes from integer to bigint/);
    // Without PUBLIC EXECUTE desired, the recreated function revokes it again.
    const locked = orderSteps(diffModels(model({ routines: [f] }), model({ routines: [{ ...f, returns: 'bigint' }] })));
    expect(sqls(locked)[2]).toBe('REVOKE EXECUTE ON FUNCTION "public"."f"() FROM PUBLIC');
  });

  it('drops and creates when a parameter is renamed or a default removed; procedures by kind', () => {
    const f = routine('f', 'a integer', { arguments: [arg('a integer', { default: '1' })] });
    const renamed = routine('f', 'b integer', { arguments: [arg('b integer')] });
    const steps = diffModels(model({ routines: [f] }), model({ routines: [renamed] }));
    expect(bySql(steps, 'DROP FUNCTION').sql).toBe('DROP FUNCTION "public"."f"(a integer)');
    const noDefault = { ...f, arguments: [arg('a integer')] };
    expect(bySql(diffModels(model({ routines: [f] }), model({ routines: [noDefault] })), 'CREATE FUNCTION').reason).toMatch(/loses parameter defaults/);
    const addDefault = diffModels(model({ routines: [noDefault] }), model({ routines: [f] }));
    expect(addDefault.map((s) => s.operation)).toEqual(['replace']);
    const p = routine('p', '', { kind: 'procedure', returns: null });
    expect(sqls(diffModels(model({ routines: [p] }), model({})))).toEqual(['DROP PROCEDURE "public"."p"()']);
  });

  it('comments on routines', () => {
    const f = routine('f', 'integer');
    expect(sqls(diffModels(model({ routines: [f] }), model({ routines: [{ ...f, comment: 'hi' }] })))).toEqual([`COMMENT ON FUNCTION "public"."f"(integer) IS 'hi'`]);
  });
});
