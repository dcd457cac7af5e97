import { expect, it } from 'vitest';
import { currentUser, describeOnEngines, introspectSchemas } from './engines.ts';
import { stateText } from '../../src/model/fingerprint.ts';
import { emptyModel, canonicalize } from '../../src/model/database.ts';

describeOnEngines('introspect domains and composite types', [], ({ conn }) => {
  it('reads domains: base type with modifiers, default, NOT NULL, collation, checks, comment', async () => {
    await conn().exec(`
      CREATE SCHEMA dom;
      CREATE DOMAIN dom.posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0);
      CREATE DOMAIN dom.code AS varchar(8) COLLATE "C" CHECK (VALUE ~ '^[A-Z]+$') CONSTRAINT a_first CHECK (length(VALUE) > 1);
      CREATE DOMAIN dom.plain AS numeric(12,2);
      CREATE DOMAIN dom.same_collation AS text COLLATE "default";
      ALTER DOMAIN dom.plain ADD CONSTRAINT not_yet CHECK (VALUE < 100) NOT VALID;
      COMMENT ON DOMAIN dom.posint IS 'positive';
    `);
    const m = await introspectSchemas(conn(), 'dom');
    const owner = await currentUser(conn());
    expect(m.domains).toEqual([
      {
        schema: 'dom', name: 'code', type: 'character varying(8)', notNull: false, default: null, collation: '"C"',
        checks: [
          { name: 'a_first', expression: 'length(VALUE::text) > 1', valid: true },
          { name: 'code_check', expression: "VALUE::text ~ '^[A-Z]+$'::text", valid: true },
        ],
        comment: null,
        owner,
      },
      { schema: 'dom', name: 'plain', type: 'numeric(12,2)', notNull: false, default: null, collation: null, checks: [{ name: 'not_yet', expression: 'VALUE < 100::numeric', valid: false }], comment: null, owner },
      { schema: 'dom', name: 'posint', type: 'integer', notNull: true, default: '1', collation: null, checks: [{ name: 'posint_check', expression: 'VALUE > 0', valid: true }], comment: 'positive', owner },
      { schema: 'dom', name: 'same_collation', type: 'text', notNull: false, default: null, collation: null, checks: [], comment: null, owner },
    ]);
    // Domains are not enums, and their NOT NULL (a constraint row on newer servers) is not a check.
    expect(m.enums).toEqual([]);
  });

  it('reads composite types with attributes in order and collations that differ, not row types of tables', async () => {
    await conn().exec(`
      CREATE SCHEMA comp;
      CREATE TYPE comp.pair AS (b integer, a text COLLATE "C", c text);
      ALTER TYPE comp.pair DROP ATTRIBUTE c;
      CREATE TYPE comp.part AS (x integer);
      ALTER TYPE comp.pair ADD ATTRIBUTE d comp.part[];
      CREATE TYPE comp.empty AS ();
      COMMENT ON TYPE comp.pair IS 'two';
      CREATE TABLE comp.t (id integer);
      CREATE VIEW comp.v AS SELECT 1 AS x;
    `);
    const m = await introspectSchemas(conn(), 'comp');
    const owner = await currentUser(conn());
    expect(m.compositeTypes).toEqual([
      { schema: 'comp', name: 'empty', attributes: [], comment: null, owner },
      {
        schema: 'comp', name: 'pair', comment: 'two', owner,
        attributes: [
          { name: 'b', type: 'integer', collation: null },
          { name: 'a', type: 'text', collation: '"C"' },
          { name: 'd', type: 'comp.part[]', collation: null },
        ],
      },
      { schema: 'comp', name: 'part', attributes: [{ name: 'x', type: 'integer', collation: null }], comment: null, owner },
    ]);
  });

  it('leaves the lists out of the canonical state text when empty, so existing fingerprints hold', () => {
    const text = stateText(canonicalize(emptyModel()));
    expect(text).not.toContain('domains');
    expect(text).not.toContain('compositeTypes');
  });
});
