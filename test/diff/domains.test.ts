import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.ts';
import { emptyModel } from '../../src/model/database.ts';
import type { Domain } from '../../src/model/domain.ts';
import type { CompositeType } from '../../src/model/composite-type.ts';
import { orderSteps } from '../../src/plan/order.ts';
import { UserError } from '../../src/errors.ts';
import { bySql, col, hazardKinds, model, positionOf, role, routine, sqls, table, typeUsage } from './build.ts';

function domain(name: string, type: string, extra: Partial<Domain> = {}): Domain {
  return { schema: 'public', name, type, notNull: false, default: null, collation: null, checks: [], comment: null, ...extra };
}

function composite(name: string, attributes: [string, string][], extra: Partial<CompositeType> = {}): CompositeType {
  return { schema: 'public', name, attributes: attributes.map(([n, t]) => ({ name: n, type: t, collation: null })), comment: null, ...extra };
}

const positive = { name: 'positive', expression: 'VALUE > 0', valid: true };

describe('domains', () => {
  it('creates a domain with all its parts before the tables and routines using it', () => {
    const d = domain('posint', 'integer', { notNull: true, default: '1', collation: '"C"', checks: [positive], comment: 'p' });
    const to = model({ domains: [d], tables: [table('t', [col('v', 'posint')])], routines: [routine('f', 'x posint')] });
    const steps = orderSteps([...diffModels(emptyModel(), to)].reverse());
    expect(bySql(steps, 'CREATE DOMAIN').sql).toBe('CREATE DOMAIN "public"."posint" AS integer COLLATE "C" DEFAULT 1 NOT NULL CONSTRAINT "positive" CHECK (VALUE > 0)');
    expect(bySql(steps, 'CREATE DOMAIN').provides).toContain('type:public.posint');
    expect(positionOf(steps, 'CREATE DOMAIN')).toBeLessThan(positionOf(steps, 'CREATE TABLE'));
    expect(positionOf(steps, 'CREATE DOMAIN')).toBeLessThan(positionOf(steps, 'CREATE FUNCTION'));
    expect(bySql(steps, 'COMMENT ON DOMAIN').sql).toBe(`COMMENT ON DOMAIN "public"."posint" IS 'p'`);
  });

  it('creates a domain over another domain or an enum after it, and calls in checks after the routine', () => {
    const to = model({
      domains: [domain('small', 'posint', { checks: [{ name: 'small', expression: 'is_small(VALUE)', valid: true }] }), domain('posint', 'integer')],
      routines: [routine('is_small', 'x integer')],
    });
    const steps = orderSteps(diffModels(emptyModel(), to));
    expect(positionOf(steps, 'AS integer')).toBeLessThan(positionOf(steps, '"small" AS'));
    expect(bySql(steps, '"small" AS').requires).toEqual(expect.arrayContaining(['type:public.posint', 'function:public.is_small(x integer)']));
  });

  it('alters default, NOT NULL and checks in place; a new check is added NOT VALID and validated', () => {
    const from = domain('d', 'integer', { default: '1', checks: [positive, { name: 'old', expression: 'VALUE < 10', valid: true }, { name: 'chg', expression: 'VALUE <> 5', valid: true }] });
    const to = domain('d', 'integer', { notNull: true, checks: [positive, { name: 'chg', expression: 'VALUE <> 6', valid: true }, { name: 'added', expression: 'VALUE < 100', valid: true }] });
    const steps = orderSteps(diffModels(model({ domains: [from] }), model({ domains: [to] })));
    expect(sqls(steps)).toEqual([
      'ALTER DOMAIN "public"."d" DROP DEFAULT',
      'ALTER DOMAIN "public"."d" SET NOT NULL',
      'ALTER DOMAIN "public"."d" ADD CONSTRAINT "added" CHECK (VALUE < 100) NOT VALID',
      'ALTER DOMAIN "public"."d" DROP CONSTRAINT "old"',
      'ALTER DOMAIN "public"."d" DROP CONSTRAINT "chg"',
      'ALTER DOMAIN "public"."d" ADD CONSTRAINT "chg" CHECK (VALUE <> 6) NOT VALID',
      'ALTER DOMAIN "public"."d" VALIDATE CONSTRAINT "chg"',
      'ALTER DOMAIN "public"."d" VALIDATE CONSTRAINT "added"',
    ]);
    expect(hazardKinds(bySql(steps, 'SET NOT NULL'))).toEqual(['long_lock']);
    expect(hazardKinds(bySql(steps, 'VALIDATE CONSTRAINT "added"'))).toEqual(['validation_scan']);
    expect(steps.some((s) => s.sql.includes('DROP DOMAIN'))).toBe(false);
  });

  it('adds a check at once, with a long_lock hazard, when not online; validates a check left NOT VALID', () => {
    const offline = diffModels(model({ domains: [domain('d', 'integer')] }), model({ domains: [domain('d', 'integer', { checks: [positive] })] }), { online: false });
    expect(sqls(offline)).toEqual(['ALTER DOMAIN "public"."d" ADD CONSTRAINT "positive" CHECK (VALUE > 0)']);
    expect(hazardKinds(offline[0]!)).toEqual(['long_lock']);
    const validate = diffModels(model({ domains: [domain('d', 'integer', { checks: [{ ...positive, valid: false }] })] }), model({ domains: [domain('d', 'integer', { checks: [positive] })] }));
    expect(sqls(validate)).toEqual(['ALTER DOMAIN "public"."d" VALIDATE CONSTRAINT "positive"']);
  });

  it('sets a default and drops NOT NULL without hazards', () => {
    const steps = diffModels(model({ domains: [domain('d', 'integer', { notNull: true })] }), model({ domains: [domain('d', 'integer', { default: '7' })] }));
    expect(sqls(steps).sort()).toEqual(['ALTER DOMAIN "public"."d" DROP NOT NULL', 'ALTER DOMAIN "public"."d" SET DEFAULT 7']);
    expect(steps.flatMap(hazardKinds)).toEqual([]);
  });

  it('drops a domain after the columns and the domains built on it', () => {
    const from = model({ domains: [domain('base', 'integer'), domain('top', 'base')], tables: [table('t', [col('id', 'integer'), col('v', 'base[]')])] });
    const to = model({ tables: [table('t', [col('id', 'integer')])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(positionOf(steps, 'DROP COLUMN "v"')).toBeLessThan(positionOf(steps, 'DROP DOMAIN "public"."base"'));
    expect(positionOf(steps, 'DROP DOMAIN "public"."top"')).toBeLessThan(positionOf(steps, 'DROP DOMAIN "public"."base"'));
  });

  it('recreates an unused domain whose base type changes, and refuses when columns use it', () => {
    const steps = orderSteps(diffModels(model({ domains: [domain('d', 'integer')], grants: [typeUsage('d')] }), model({ domains: [domain('d', 'bigint')], grants: [typeUsage('d')] })));
    expect(sqls(steps)).toEqual(['DROP DOMAIN "public"."d"', 'CREATE DOMAIN "public"."d" AS bigint']);
    // Privileges other than the default are given to the new domain again.
    const granted = [typeUsage('d', 'app')];
    const again = orderSteps(diffModels(model({ domains: [domain('d', 'integer')], grants: granted, roles: [role('app')] }), model({ domains: [domain('d', 'bigint')], grants: granted, roles: [role('app')] })));
    expect(sqls(again)).toEqual(['DROP DOMAIN "public"."d"', 'CREATE DOMAIN "public"."d" AS bigint', 'REVOKE USAGE ON TYPE "public"."d" FROM PUBLIC', 'GRANT USAGE ON TYPE "public"."d" TO "app"']);
    const used = (type: string) => model({ domains: [domain('d', type)], tables: [table('t', [col('v', 'd')])] });
    expect(() => diffModels(used('integer'), used('bigint'))).toThrow(UserError);
    expect(() => diffModels(used('integer'), used('bigint'))).toThrow(/public\.t\.v/);
  });
});

describe('composite types', () => {
  it('creates a composite type before the table using it, after the types it uses', () => {
    const to = model({
      compositeTypes: [composite('pair', [['a', 'integer'], ['b', 'posint']], { comment: 'c' })],
      domains: [domain('posint', 'integer')],
      tables: [table('t', [col('p', 'pair')])],
    });
    const steps = orderSteps([...diffModels(emptyModel(), to)].reverse());
    expect(bySql(steps, 'CREATE TYPE').sql).toBe('CREATE TYPE "public"."pair" AS ("a" integer, "b" posint)');
    expect(positionOf(steps, 'CREATE DOMAIN')).toBeLessThan(positionOf(steps, 'CREATE TYPE'));
    expect(positionOf(steps, 'CREATE TYPE')).toBeLessThan(positionOf(steps, 'CREATE TABLE'));
    expect(bySql(steps, 'COMMENT ON TYPE').sql).toBe(`COMMENT ON TYPE "public"."pair" IS 'c'`);
  });

  it('drops, adds and retypes attributes in place, dropping first', () => {
    const from = model({ compositeTypes: [composite('p', [['a', 'integer'], ['b', 'text'], ['c', 'integer']])] });
    const to = model({ compositeTypes: [composite('p', [['a', 'bigint'], ['c', 'integer'], ['d', 'boolean']])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(sqls(steps)).toEqual([
      'ALTER TYPE "public"."p" DROP ATTRIBUTE "b"',
      'ALTER TYPE "public"."p" ALTER ATTRIBUTE "a" TYPE bigint',
      'ALTER TYPE "public"."p" ADD ATTRIBUTE "d" boolean',
    ]);
    expect(hazardKinds(steps[0]!)).toEqual(['data_loss']);
  });

  it('refuses to retype an attribute or reorder attributes while columns use the type; recreates when unused', () => {
    const used = (attrs: [string, string][]) => model({ compositeTypes: [composite('p', attrs)], tables: [table('t', [col('v', 'p')])] });
    expect(() => diffModels(used([['a', 'integer']]), used([['a', 'bigint']]))).toThrow(UserError);
    expect(() => diffModels(used([['a', 'integer'], ['b', 'text']]), used([['b', 'text'], ['a', 'integer']]))).toThrow(/change order/);
    const free = (attrs: [string, string][]) => model({ compositeTypes: [composite('p', attrs)], grants: [typeUsage('p')] });
    expect(sqls(orderSteps(diffModels(free([['a', 'integer'], ['b', 'text']]), free([['b', 'text'], ['a', 'integer']]))))).toEqual([
      'DROP TYPE "public"."p"',
      'CREATE TYPE "public"."p" AS ("b" text, "a" integer)',
    ]);
  });

  it('drops a composite type after the columns using it', () => {
    const from = model({ compositeTypes: [composite('p', [['a', 'integer']])], tables: [table('t', [col('id', 'integer'), col('v', 'p')])] });
    const to = model({ tables: [table('t', [col('id', 'integer')])] });
    const steps = orderSteps([...diffModels(from, to)].reverse());
    expect(positionOf(steps, 'DROP COLUMN "v"')).toBeLessThan(positionOf(steps, 'DROP TYPE'));
  });
});

describe('owners of domains and composite types', () => {
  const owned = (domainOwner: string | null | undefined, typeOwner: string | null | undefined) =>
    model({
      domains: [domain('d', 'integer', domainOwner === undefined ? {} : { owner: domainOwner })],
      compositeTypes: [composite('p', [['a', 'integer']], typeOwner === undefined ? {} : { owner: typeOwner })],
    });

  it('changes the owner only when the desired state names one that differs', () => {
    const steps = orderSteps(diffModels(owned('a', 'a'), owned('b', 'b')));
    expect(sqls(steps)).toEqual(['ALTER DOMAIN "public"."d" OWNER TO "b"', 'ALTER TYPE "public"."p" OWNER TO "b"']);
    expect(steps.map((s) => [s.kind, s.operation])).toEqual([['domain', 'owner'], ['composite_type', 'owner']]);
    expect(steps.flatMap(hazardKinds)).toEqual(['authz_change', 'authz_change']);
    // Not named (left out or null): the live owner is left as it is.
    expect(diffModels(owned('a', 'a'), owned(undefined, null))).toEqual([]);
    expect(diffModels(owned('b', 'b'), owned('b', 'b'))).toEqual([]);
  });

  it('sets the owner of a new domain and composite type after creating them and the role', () => {
    const to = model({
      roles: [role('b')],
      domains: [domain('d', 'integer', { owner: 'b' })],
      compositeTypes: [composite('p', [['a', 'integer']], { owner: 'b' })],
    });
    const steps = orderSteps([...diffModels(emptyModel(), to)].reverse());
    for (const [create, owner] of [['CREATE DOMAIN', 'ALTER DOMAIN "public"."d" OWNER TO'], ['CREATE TYPE', 'ALTER TYPE "public"."p" OWNER TO']] as const) {
      expect(positionOf(steps, create)).toBeLessThan(positionOf(steps, owner));
      expect(positionOf(steps, 'CREATE ROLE')).toBeLessThan(positionOf(steps, owner));
      expect(bySql(steps, owner).requires).toContain('role:b');
    }
  });

  it('names the owner again after a domain or composite type is dropped and created', () => {
    const from = model({ domains: [domain('d', 'integer', { owner: 'b' })], compositeTypes: [composite('p', [['a', 'integer'], ['b', 'text']], { owner: 'b' })] });
    const to = model({ domains: [domain('d', 'bigint', { owner: 'b' })], compositeTypes: [composite('p', [['b', 'text'], ['a', 'integer']], { owner: 'b' })] });
    const steps = orderSteps(diffModels(from, to));
    expect(positionOf(steps, 'CREATE DOMAIN')).toBeLessThan(positionOf(steps, 'ALTER DOMAIN "public"."d" OWNER TO "b"'));
    expect(positionOf(steps, 'CREATE TYPE')).toBeLessThan(positionOf(steps, 'ALTER TYPE "public"."p" OWNER TO "b"'));
    // Recreated without a named owner: nothing to restore.
    const unnamed = orderSteps(diffModels(from, model({ domains: [domain('d', 'bigint')] })));
    expect(unnamed.some((s) => s.operation === 'owner')).toBe(false);
  });
});
