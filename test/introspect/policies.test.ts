import { expect, it } from 'vitest';
import { describeOnEngines, introspectSchemas, tableOf, uniqueRole } from './engines.ts';

describeOnEngines('introspect row level security', [], ({ conn }) => {
  it('reads RLS flags and permissive, restrictive and role-bound policies', async () => {
    const member = uniqueRole('member');
    const auditor = uniqueRole('auditor');
    await conn().exec(`
      CREATE ROLE ${member};
      CREATE ROLE ${auditor};
      CREATE SCHEMA rls;
      CREATE TABLE rls.docs (id int, org_id int, owner_id int, archived boolean);
      CREATE TABLE rls.plain (id int);
      CREATE FUNCTION rls.current_org() RETURNS int LANGUAGE sql STABLE
        AS $$SELECT current_setting('app.current_org', true)::int$$;
      ALTER TABLE rls.docs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE rls.docs FORCE ROW LEVEL SECURITY;
      CREATE POLICY same_org ON rls.docs USING (org_id = rls.current_org());
      CREATE POLICY not_archived ON rls.docs AS RESTRICTIVE FOR SELECT TO ${member}, ${auditor}
        USING (NOT archived);
      CREATE POLICY own_rows ON rls.docs FOR UPDATE TO ${member}
        USING (owner_id = current_setting('app.current_user_id', true)::int)
        WITH CHECK (owner_id = current_setting('app.current_user_id', true)::int);
      CREATE POLICY add ON rls.docs FOR INSERT WITH CHECK (org_id IS NOT NULL);
      COMMENT ON POLICY same_org ON rls.docs IS 'tenant isolation';
    `);
    const m = await introspectSchemas(conn(), 'rls');
    expect([tableOf(m, 'rls', 'docs').rowSecurity, tableOf(m, 'rls', 'docs').forceRowSecurity]).toEqual([true, true]);
    expect([tableOf(m, 'rls', 'plain').rowSecurity, tableOf(m, 'rls', 'plain').forceRowSecurity]).toEqual([false, false]);
    expect(m.policies.map((p) => p.name)).toEqual(['add', 'not_archived', 'own_rows', 'same_org']);
    const [add, notArchived, ownRows, sameOrg] = m.policies;
    expect(sameOrg).toEqual({
      schema: 'rls',
      table: 'docs',
      name: 'same_org',
      permissive: true,
      command: 'all',
      roles: ['PUBLIC'],
      using: '(org_id = rls.current_org())',
      withCheck: null,
      comment: 'tenant isolation',
      dependsOn: ['column:rls.docs.org_id', 'function:rls.current_org()'],
    });
    expect(notArchived).toMatchObject({
      permissive: false,
      command: 'select',
      roles: [auditor, member].sort(),
      using: '(NOT archived)',
      withCheck: null,
      dependsOn: ['column:rls.docs.archived'],
    });
    expect(ownRows).toMatchObject({
      command: 'update',
      roles: [member],
      using: "(owner_id = (current_setting('app.current_user_id'::text, true))::integer)",
      withCheck: "(owner_id = (current_setting('app.current_user_id'::text, true))::integer)",
      dependsOn: ['column:rls.docs.owner_id'],
    });
    expect(add).toMatchObject({ command: 'insert', using: null, withCheck: '(org_id IS NOT NULL)' });
  });
});
