import { describe, expect, it } from 'vitest';
import { eventsOf, timingOf, triggerArguments, triggerDefinition, triggerWhen } from '../../src/introspect/triggers.ts';
import { checkOptionOf, reloptionBoolean, viewDefinition } from '../../src/introspect/views.ts';
import { sortedConfig } from '../../src/introspect/routines.ts';
import { dependenciesFromRows, type DependencyRow } from '../../src/introspect/dependencies.ts';

describe('trigger text', () => {
  it('drops the name and the ON relation, even when quoted names contain keywords', () => {
    expect(
      triggerDefinition(
        'CREATE TRIGGER "a ON b" AFTER UPDATE OF "x ON y", z ON "my schema"."t ON u" FOR EACH ROW EXECUTE FUNCTION f()',
      ),
    ).toBe('AFTER UPDATE OF "x ON y", z FOR EACH ROW EXECUTE FUNCTION f()');
    expect(
      triggerDefinition('CREATE CONSTRAINT TRIGGER c AFTER INSERT ON t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION f()'),
    ).toBe('AFTER INSERT NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION f()');
  });

  it('extracts the WHEN condition, ignoring parentheses and keywords inside literals', () => {
    expect(
      triggerWhen(
        "CREATE TRIGGER t BEFORE UPDATE ON s.t FOR EACH ROW WHEN ((new.a <> ')x WHEN (')) EXECUTE FUNCTION f(' WHEN (')",
      ),
    ).toBe("(new.a <> ')x WHEN (')");
    expect(triggerWhen("CREATE TRIGGER t BEFORE UPDATE ON s.t FOR EACH ROW EXECUTE FUNCTION f(' WHEN (x)')")).toBeNull();
  });

  it('decodes tgargs and tgtype', () => {
    const hex = Buffer.from("a'b\u0000\u0000ü\u0000", 'utf8').toString('hex');
    expect(triggerArguments(hex, 3)).toEqual(["a'b", '', 'ü']);
    expect(triggerArguments('', 0)).toEqual([]);
    expect([timingOf(1 + 2 + 16), eventsOf(1 + 2 + 16)]).toEqual(['before', ['update']]);
    expect([timingOf(64 + 4), eventsOf(4 + 8 + 16 + 32)]).toEqual(['instead of', ['insert', 'update', 'delete', 'truncate']]);
    expect(timingOf(4)).toBe('after');
  });
});

describe('view options', () => {
  it('reads boolean reloptions as PostgreSQL does', () => {
    for (const v of ['true', 'on', 'yes', '1', 't', 'TRUE']) expect(reloptionBoolean(v)).toBe(true);
    for (const v of [undefined, 'false', 'off', 'no', '0', 'f']) expect(reloptionBoolean(v)).toBe(false);
    expect([checkOptionOf(undefined), checkOptionOf('LOCAL'), checkOptionOf('cascaded')]).toEqual([null, 'local', 'cascaded']);
    expect(() => checkOptionOf('other')).toThrow(/check_option/);
  });

  it('trims the definition and drops its semicolon', () => {
    expect(viewDefinition(' SELECT 1;\n')).toBe('SELECT 1');
    expect(viewDefinition("SELECT ';'::text")).toBe("SELECT ';'::text");
  });
});

describe('routine config', () => {
  it('sorts SET options by setting name', () => {
    expect(sortedConfig(['work_mem=1MB', 'a1=x', 'a=y'])).toEqual(['a=y', 'a1=x', 'work_mem=1MB']);
    expect(sortedConfig(null)).toEqual([]);
  });
});

describe('dependency rows', () => {
  const row = (over: Partial<DependencyRow>): DependencyRow => ({
    dep_kind: 'view',
    dep_schema: 's',
    dep_parent: 'v',
    dep_name: null,
    ref_kind: 'column',
    ref_schema: 's',
    ref_name: 't',
    ref_sub: 'a',
    ...over,
  });

  it('keys both ends, sorts and deduplicates', () => {
    const deps = dependenciesFromRows([
      row({ ref_sub: 'b' }),
      row({ ref_sub: 'a' }),
      row({ ref_sub: 'a' }),
      row({ ref_kind: 'function', ref_name: 'f', ref_sub: 'x integer' }),
      row({ dep_kind: 'trigger', dep_parent: 't', dep_name: 'tr', ref_kind: 'table', ref_sub: null }),
    ]);
    expect(deps.get('view:s.v')).toEqual(['column:s.t.a', 'column:s.t.b', 'function:s.f(x integer)']);
    expect(deps.get('trigger:s.t.tr')).toEqual(['table:s.t']);
  });

  it('keeps only routines, types and sequences for columns, constraints and indexes', () => {
    const deps = dependenciesFromRows([
      row({ dep_kind: 'column', dep_parent: 't', dep_name: 'c', ref_kind: 'column', ref_sub: 'other' }),
      row({ dep_kind: 'column', dep_parent: 't', dep_name: 'c', ref_kind: 'sequence', ref_name: 'seq', ref_sub: null }),
      row({ dep_kind: 'constraint', dep_parent: 't', dep_name: 'k', ref_kind: 'table', ref_sub: null }),
      row({ dep_kind: 'index', dep_parent: 't', dep_name: 'i', ref_kind: 'enum', ref_name: 'e', ref_sub: null }),
    ]);
    expect(Object.fromEntries(deps)).toEqual({
      'column:s.t.c': ['sequence:s.seq'],
      'index:s.t.i': ['enum:s.e'],
    });
  });
});
