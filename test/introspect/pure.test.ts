import { describe, expect, it } from 'vitest';
import { indexDefinitionTail, parseReloptions } from '../../src/introspect/indexes.ts';
import { matchType, referentialAction } from '../../src/introspect/constraints.ts';
import { collationName } from '../../src/introspect/collation.ts';

describe('introspection row helpers', () => {
  it('cuts an index definition at the USING outside quoted names', () => {
    expect(indexDefinitionTail('CREATE INDEX i ON public.t USING btree (a)')).toBe('USING btree (a)');
    expect(indexDefinitionTail('CREATE UNIQUE INDEX "x USING y" ON "a USING b"."c USING d" USING gin (e)')).toBe(
      'USING gin (e)',
    );
    expect(indexDefinitionTail('CREATE INDEX "q""USING " ON s.t USING hash (a)')).toBe('USING hash (a)');
    expect(() => indexDefinitionTail('CREATE INDEX i ON t (a)')).toThrow(/USING/);
  });

  it('splits storage parameters at the first =', () => {
    expect(parseReloptions(null)).toEqual({});
    expect(parseReloptions(['fillfactor=70', 'opt=a=b'])).toEqual({ fillfactor: '70', opt: 'a=b' });
  });

  it('maps catalog letters to referential actions and match types', () => {
    expect(['a', 'r', 'c', 'n', 'd'].map(referentialAction)).toEqual([
      'no action',
      'restrict',
      'cascade',
      'set null',
      'set default',
    ]);
    expect(['s', 'f', 'p'].map(matchType)).toEqual(['simple', 'full', 'partial']);
    expect(() => referentialAction('z')).toThrow();
    expect(() => matchType(' ')).toThrow();
  });

  it('quotes collations, qualifying those outside pg_catalog', () => {
    expect(collationName('pg_catalog', 'C')).toBe('"C"');
    expect(collationName('app', 'de"x')).toBe('"app"."de""x"');
  });
});
