import { describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { forServerMajor } from '../../src/workflow/server-version.ts';
import { UserError } from '../../src/errors.ts';

const YAML = `roles:
  app: {}
tables:
  items:
    columns:
      id: { type: integer, primary_key: true }
      code: { type: text }
      tenant: { type: integer }
    unique:
      items_tenant_code_key: { columns: [tenant, code], nulls_not_distinct: true }
    indexes:
      items_code_idx: { columns: [code], unique: true, nulls_not_distinct: true }
    grants:
      - { to: app, privileges: [SELECT, MAINTAIN] }
views:
  item_codes:
    query: SELECT code FROM items
    security_invoker: true
`;

function refusal(text: string, major: number): string {
  const loaded = loadSchemaFiles([{ path: 'schema.yaml', text }]);
  try {
    forServerMajor(loaded, major);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`expected a refusal on PostgreSQL ${major}`);
}

describe('what the YAML needs of the server version', () => {
  it('refuses on PostgreSQL 14 what needs 15, located, naming the version', () => {
    expect(refusal(YAML, 14).split('\n')).toEqual([
      'schema.yaml:10:7 (tables.items.unique.items_tenant_code_key): UNIQUE NULLS NOT DISTINCT (unique constraint of public.items) needs PostgreSQL 15 or later; the server is PostgreSQL 14',
      'schema.yaml:12:7 (tables.items.indexes.items_code_idx): NULLS NOT DISTINCT (index items_code_idx) needs PostgreSQL 15 or later; the server is PostgreSQL 14',
      'schema.yaml:16:3 (views.item_codes): security_invoker (view public.item_codes) needs PostgreSQL 15 or later; the server is PostgreSQL 14',
      'schema.yaml:14:41 (tables.items.grants[0].privileges[1]): the MAINTAIN privilege (grant to app) needs PostgreSQL 17 or later; the server is PostgreSQL 14',
    ]);
  });

  it('refuses MAINTAIN before PostgreSQL 17 and takes all of it from 17 on', () => {
    expect(refusal(YAML, 16)).toBe(
      'schema.yaml:14:41 (tables.items.grants[0].privileges[1]): the MAINTAIN privilege (grant to app) needs PostgreSQL 17 or later; the server is PostgreSQL 16',
    );
    const loaded = loadSchemaFiles([{ path: 'schema.yaml', text: YAML }]);
    expect(forServerMajor(loaded, 17)).toBe(loaded.model);
  });

  it('reads ALL as every privilege the server has: MAINTAIN from 17 on', () => {
    const text = `roles:
  app: {}
tables:
  items:
    columns:
      id: { type: integer }
    grants:
      - { to: app, privileges: ALL }
default_privileges:
  postgres:
    - { on: tables, to: app, privileges: [all privileges] }
`;
    const loaded = loadSchemaFiles([{ path: 'schema.yaml', text }]);
    const privileges = (major: number) => {
      const m = forServerMajor(loaded, major);
      return [m.grants.filter((g) => g.grantee === 'app').map((g) => g.privilege).sort(), m.defaultPrivileges.map((d) => d.privilege).sort()];
    };
    const before17 = ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
    expect(privileges(16)).toEqual([before17, before17]);
    expect(privileges(14)).toEqual([before17, before17]);
    const from17 = [...before17, 'MAINTAIN'].sort();
    expect(privileges(17)).toEqual([from17, from17]);
  });
});
