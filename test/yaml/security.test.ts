import { describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import type { LoadedSchema } from '../../src/yaml/load.ts';

function load(text: string): LoadedSchema {
  return loadSchemaFiles([{ path: 's.yaml', text }]);
}

const SCHEMA = `
roles:
  app_owner: {}
  app_user: { login: true, connection_limit: 5, member_of: [app_readers], comment: the application }
  app_readers:
drop_roles: [legacy]
schemas:
  app:
    owner: app_owner
    grants:
      - { to: [app_user, app_readers], privileges: [usage] }
types:
  app.status: { values: [open, closed], owner: app_owner }
sequences:
  app.ticket_no: { owner: app_owner, grants: [{ to: app_user, privileges: [USAGE, SELECT] }] }
tables:
  app.docs:
    owner: app_owner
    columns: { id: int, org_id: int, title: text, body: text }
    row_level_security: { enabled: true, forced: true }
    grants:
      - { to: app_user, privileges: [SELECT, INSERT], with_grant_option: true }
      - { to: PUBLIC, privileges: [UPDATE], columns: [title, body] }
    policies:
      same_org:
        to: app_user
        using: org_id = app.current_org()
        with_check: org_id = app.current_org()
      hide_drafts: { as: restrictive, for: select, using: title IS NOT NULL }
    triggers:
      history:
        timing: after
        events: [update, insert]
        update_of: [title]
        for_each: row
        when: OLD.title IS DISTINCT FROM NEW.title
        function: log_change
        arguments: [docs, 1]
      audit:
        timing: after
        events: [insert]
        for_each: row
        constraint: true
        deferrable: true
        initially_deferred: true
        function: public.audit
        enabled: replica
      bulk:
        timing: after
        events: [delete]
        referencing: { old_table: gone }
        function: log_bulk
        enabled: false
views:
  app.open_docs:
    query: |
      SELECT id, title FROM app.docs WHERE title IS NOT NULL;
    security_barrier: true
    check_option: local
    owner: app_owner
    grants: [{ to: app_user, privileges: SELECT }]
    triggers:
      edit: { timing: instead_of, events: [update], for_each: row, function: app.edit_doc }
  tree:
    columns: [id, parent_id]
    recursive: true
    query: SELECT 1, NULL::int UNION ALL SELECT id + 1, id FROM tree WHERE id < 3
materialized_views:
  app.doc_counts:
    query: SELECT org_id, count(*) AS n FROM app.docs GROUP BY org_id
    with_no_data: true
    indexes:
      doc_counts_org: { columns: [org_id], unique: true }
functions:
  app.current_org:
    returns: integer
    volatility: stable
    parallel: safe
    set: { search_path: "app, pg_temp", work_mem: 64MB }
    body: SELECT current_setting('app.org_id', true)::int
    grants: [{ to: app_user, privileges: [EXECUTE] }]
  app.area:
    - arguments: { w: int, h: { type: int, default: 1 } }
      returns: int
      body: RETURN w * h
    - arguments: [numeric, { name: h, type: numeric, mode: inout }, { type: "numeric[]", mode: variadic }]
      language: plpgsql
      owner: app_owner
      body: |
        BEGIN
          RETURN;
        END
  app.names:
    returns: SETOF text
    body: SELECT title FROM app.docs
procedures:
  app.archive:
    arguments: { before: date, moved: { type: int, mode: out } }
    security_definer: true
    language: plpgsql
    body: BEGIN moved := 0; END
default_privileges:
  app_owner:
    - { in_schema: app, on: tables, to: [app_user], privileges: [select, insert] }
    - { on: functions, revoked_from: PUBLIC, privileges: EXECUTE }
    - { on: functions, to: [app_user, public], privileges: EXECUTE }
    - { on: types, to: PUBLIC, privileges: USAGE }
`;

describe('roles', () => {
  const { model } = load(SCHEMA);
  it('fills CREATE ROLE defaults for attributes not written', () => {
    expect(model.roles.map((r) => r.name)).toEqual(['app_owner', 'app_readers', 'app_user']);
    expect(model.roles.find((r) => r.name === 'app_readers')).toEqual({
      name: 'app_readers', login: false, superuser: false, createdb: false, createrole: false, inherit: true,
      replication: false, bypassRls: false, connectionLimit: -1, memberOf: [], comment: null,
    });
    const user = model.roles.find((r) => r.name === 'app_user')!;
    expect([user.login, user.connectionLimit, user.memberOf, user.comment]).toEqual([true, 5, ['app_readers'], 'the application']);
    expect(model.dropRoles).toEqual(['legacy']);
  });
});

describe('owners', () => {
  const { model } = load(SCHEMA);
  it('sets owners where written and leaves them null (or out) elsewhere', () => {
    expect(model.schemas.find((s) => s.name === 'app')?.owner).toBe('app_owner');
    expect(model.enums[0]?.owner).toBe('app_owner');
    expect(model.sequences[0]?.owner).toBe('app_owner');
    expect(model.tables[0]?.owner).toBe('app_owner');
    expect(model.views.map((v) => v.owner)).toEqual(['app_owner', null]);
    expect(model.routines.map((r) => [r.name, r.identityArguments, r.owner])).toEqual([
      ['archive', 'IN before date, OUT moved int', null],
      ['area', 'numeric, INOUT h numeric, VARIADIC numeric[]', 'app_owner'],
      ['area', 'w int, h int', null],
      ['current_org', '', null],
      ['names', '', null],
    ]);
  });
});

describe('views and materialized views', () => {
  const { model } = load(SCHEMA);
  it('keeps the query without its trailing semicolon, columns only when listed', () => {
    const [open, tree] = model.views;
    expect(open).toEqual({
      schema: 'app', name: 'open_docs', columns: [], definition: 'SELECT id, title FROM app.docs WHERE title IS NOT NULL',
      securityBarrier: true, securityInvoker: false, checkOption: 'local', comment: null, owner: 'app_owner', dependsOn: [],
    });
    expect(tree?.columns).toEqual([{ name: 'id', type: '', comment: null }, { name: 'parent_id', type: '', comment: null }]);
    expect(tree?.recursive).toBe(true);
    const mv = model.materializedViews[0]!;
    expect([mv.withNoData, mv.indexes.map((i) => [i.name, i.unique]), mv.dependsOn]).toEqual([true, [['doc_counts_org', true]], []]);
  });
  it('reads column comments onto listed columns, or by name when the columns are not listed', () => {
    const views = load(`
views:
  listed: { columns: [a, b], query: 'SELECT 1, 2', column_comments: { b: second, a: null } }
  unlisted: { query: SELECT 1 AS a, column_comments: { a: first } }
materialized_views:
  m: { query: SELECT 1 AS x, column_comments: { x: ex } }
`).model;
    expect(views.views.map((v) => [v.name, v.columns, v.columnComments])).toEqual([
      ['listed', [{ name: 'a', type: '', comment: null }, { name: 'b', type: '', comment: 'second' }], undefined],
      ['unlisted', [], { a: 'first' }],
    ]);
    expect(views.materializedViews[0]!.columnComments).toEqual({ x: 'ex' });
    expect(() => load("views:\n  v: { columns: [a], query: SELECT 1, column_comments: { z: zed } }\n")).toThrow('has no column `z` in its `columns`');
  });
});

describe('functions and procedures', () => {
  const { model } = load(SCHEMA);
  const routine = (name: string, args: string) => model.routines.find((r) => r.name === name && r.identityArguments === args)!;
  it("fills PostgreSQL's defaults and sorts SET options by name", () => {
    const f = routine('current_org', '');
    expect(f).toMatchObject({
      kind: 'function', returns: 'integer', language: 'sql', volatility: 'stable', parallel: 'safe', strict: false,
      securityDefiner: false, leakproof: false, cost: '100', rows: '0', sqlBody: false,
      config: ['search_path=app, pg_temp', 'work_mem=64MB'],
    });
    expect(routine('names', '').rows).toBe('1000');
    expect(routine('area', 'w int, h int')).toMatchObject({ sqlBody: true, arguments: [
      { name: 'w', type: 'int', mode: 'in', default: null },
      { name: 'h', type: 'int', mode: 'in', default: '1' },
    ] });
    expect(routine('area', 'numeric, INOUT h numeric, VARIADIC numeric[]').body).toBe('BEGIN\n  RETURN;\nEND\n');
    expect(routine('archive', 'IN before date, OUT moved int')).toMatchObject({ kind: 'procedure', returns: null, securityDefiner: true });
  });
});

describe('triggers', () => {
  const { model } = load(SCHEMA);
  const trigger = (name: string) => model.triggers.find((t) => t.name === name)!;
  it('orders events, resolves the function schema and builds the definition', () => {
    expect(trigger('history')).toMatchObject({
      schema: 'app', table: 'docs', timing: 'after', events: ['insert', 'update'], updateColumns: ['title'], forEachRow: true,
      function: { schema: 'app', name: 'log_change' }, arguments: ['docs', '1'], constraint: null, enabled: 'origin', dependsOn: [],
      definition: 'AFTER INSERT OR UPDATE OF title FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION app.log_change(\'docs\', \'1\')',
    });
    expect(trigger('audit')).toMatchObject({ constraint: { deferrable: true, initiallyDeferred: true }, enabled: 'replica', function: { schema: 'public', name: 'audit' } });
    expect(trigger('audit').definition).toBe('AFTER INSERT DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.audit()');
    expect(trigger('bulk')).toMatchObject({ forEachRow: false, oldTable: 'gone', newTable: null, enabled: 'disabled' });
    expect(trigger('bulk').definition).toBe('AFTER DELETE REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION app.log_bulk()');
    expect(trigger('edit')).toMatchObject({ table: 'open_docs', timing: 'instead of' });
  });
});

describe('row level security and policies', () => {
  const { model } = load(SCHEMA);
  it('reads the flags and fills policy defaults', () => {
    expect([model.tables[0]?.rowSecurity, model.tables[0]?.forceRowSecurity]).toEqual([true, true]);
    expect(model.policies).toEqual([
      { schema: 'app', table: 'docs', name: 'hide_drafts', permissive: false, command: 'select', roles: ['PUBLIC'], using: 'title IS NOT NULL', withCheck: null, comment: null, dependsOn: [] },
      { schema: 'app', table: 'docs', name: 'same_org', permissive: true, command: 'all', roles: ['app_user'], using: 'org_id = app.current_org()', withCheck: 'org_id = app.current_org()', comment: null, dependsOn: [] },
    ]);
    expect(load('tables:\n  t: { columns: { a: int }, row_level_security: true }\n').model.tables[0]).toMatchObject({ rowSecurity: true, forceRowSecurity: false });
  });
});

describe('grants', () => {
  const { model, sources } = load(SCHEMA);
  const on = (kind: string, name: string | null) =>
    model.grants.filter((g) => g.objectKind === kind && g.name === name).map((g) => [g.column, g.grantee, g.privilege, g.withGrantOption]);
  it('expands entries into one grant per grantee, privilege and column, upper case', () => {
    expect(on('schema', null)).toEqual([[null, 'app_readers', 'USAGE', false], [null, 'app_user', 'USAGE', false]]);
    expect(on('table', 'docs')).toEqual([[null, 'app_user', 'INSERT', true], [null, 'app_user', 'SELECT', true]]);
    expect(on('column', 'docs')).toEqual([['body', 'PUBLIC', 'UPDATE', false], ['title', 'PUBLIC', 'UPDATE', false]]);
    expect(on('table', 'open_docs')).toEqual([[null, 'app_user', 'SELECT', false]]);
    expect(on('sequence', 'ticket_no')).toEqual([[null, 'app_user', 'SELECT', false], [null, 'app_user', 'USAGE', false]]);
  });
  it("gives objects without grants PostgreSQL's default for their kind", () => {
    expect(on('table', 'doc_counts')).toEqual([]);
    expect(on('function', 'current_org')).toEqual([[null, 'app_user', 'EXECUTE', false]]);
    expect(model.grants.filter((g) => g.name === 'area').map((g) => [g.arguments, g.grantee, g.privilege])).toEqual([
      ['numeric, INOUT h numeric, VARIADIC numeric[]', 'PUBLIC', 'EXECUTE'],
      ['w int, h int', 'PUBLIC', 'EXECUTE'],
    ]);
    const pub = load('schemas:\n  public:\n  other:\n').model.grants;
    expect(pub.map((g) => [g.schema, g.grantee, g.privilege])).toEqual([['public', 'PUBLIC', 'USAGE']]);
    expect(load('schemas:\n  public: { grants: [] }\n').model.grants).toEqual([]);
  });
  it('reads default privileges by role', () => {
    // Built-ins granted database-wide (EXECUTE on functions, USAGE on types, to PUBLIC) add no row.
    expect(model.defaultPrivileges.map((d) => [d.role, d.schema, d.objectKind, d.grantee, d.privilege, d.withGrantOption, d.revoked ?? false])).toEqual([
      ['app_owner', null, 'functions', 'PUBLIC', 'EXECUTE', false, true],
      ['app_owner', null, 'functions', 'app_user', 'EXECUTE', false, false],
      ['app_owner', 'app', 'tables', 'app_user', 'INSERT', false, false],
      ['app_owner', 'app', 'tables', 'app_user', 'SELECT', false, false],
    ]);
  });
  it('withdraws only built-in default privileges, and only database-wide', () => {
    const problems = (entry: string): string => {
      try {
        loadSchemaFiles([{ path: 'd.yaml', text: `default_privileges:\n  o:\n    - ${entry}\n` }]);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problems('{ on: tables, revoked_from: PUBLIC, privileges: SELECT }')).toContain('not a built-in default privilege');
    expect(problems('{ in_schema: s, on: functions, revoked_from: PUBLIC, privileges: EXECUTE }')).toContain('only be withdrawn database-wide');
    expect(problems('{ on: functions, privileges: EXECUTE }')).toContain('exactly one of `to`');
    expect(problems('{ on: types, revoked_from: public, privileges: usage }')).toBe('');
  });
  it('records source positions under the objects\' keys', () => {
    const at = (key: string) => { const p = sources.get(key); return p && `${p.line}:${p.column} ${p.path}`; };
    expect(at('role:app_user')).toBe('4:3 roles.app_user');
    expect(at('view:app.open_docs')).toBe('55:3 views.app.open_docs');
    expect(at('materialized_view:app.doc_counts')).toBe('69:3 materialized_views.app.doc_counts');
    expect(at('function:app.area(w int, h int)')).toBe('83:7 functions.app.area[0]');
    expect(at('function:app.archive(IN before date, OUT moved int)')).toBe('97:3 procedures.app.archive');
    expect(at('trigger:app.docs.history')).toBe('31:7 tables.app.docs.triggers.history');
    expect(at('trigger:app.open_docs.edit')).toBe('63:7 views.app.open_docs.triggers.edit');
    expect(at('policy:app.docs.hide_drafts')).toBe('29:7 tables.app.docs.policies.hide_drafts');
    expect(at('grant:table:app.docs:app_user')).toBe('22:15 tables.app.docs.grants[0].to');
    expect(at('grant:column:app.docs.title:PUBLIC')).toBe('23:15 tables.app.docs.grants[1].to');
    expect(at('grant:schema:app:app_readers')).toBe('11:26 schemas.app.grants[0].to[1]');
    expect(at('grant:function:app.current_org():app_user')).toBe('81:20 functions.app.current_org.grants[0].to');
  });
});
