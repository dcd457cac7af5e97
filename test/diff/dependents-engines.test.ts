/**
 * Plans between two real databases (state A introspected from one, the desired state B from
 * another), applied to A: the result must converge to B, with dependents dropped and recreated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/db/connection.ts';
import { diffModels } from '../../src/diff/index.ts';
import { introspect } from '../../src/introspect/index.ts';
import { orderSteps } from '../../src/plan/order.ts';
import type { Step } from '../../src/plan/step.ts';
import { freshPglite, freshPostgres } from '../support/databases.ts';
import { bySql, positionOf } from './build.ts';

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`dependents applied [${engine}]`, () => {
    let a: Connection;
    let b: Connection;
    beforeAll(async () => {
      [a, b] = engine === 'pglite' ? await Promise.all([freshPglite(), freshPglite()]) : await Promise.all([freshPostgres('dep'), freshPostgres('dep')]);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    /** Builds A and B in `schema`, plans A -> B, applies it to A and checks A now equals B. */
    async function converge(schema: string, before: string, after: string): Promise<Step[]> {
      await a.exec(`CREATE SCHEMA ${schema}; ${before}`);
      await b.exec(`CREATE SCHEMA ${schema}; ${after}`);
      const from = await introspect(a, { schemas: [schema] });
      // Roles are the cluster's, read at two moments while other test files create theirs: B's are
      // A's, so a role created in between is not planned (and found to exist at apply).
      const to = { ...(await introspect(b, { schemas: [schema] })), roles: from.roles };
      const steps = orderSteps(diffModels(from, to));
      await a.exec('SET check_function_bodies = off; SET search_path = public');
      for (const s of steps) await a.exec(s.sql);
      const again = await introspect(a, { schemas: [schema] });
      expect(diffModels(again, to).map((s) => s.sql), 'a second plan must be empty').toEqual([]);
      return steps;
    }

    it('drops a 3-deep view chain over a column whose type changes in reverse order and recreates it', async () => {
      const views = (s: string) => `
        CREATE VIEW ${s}.v1 AS SELECT id, role FROM ${s}.users;
        CREATE VIEW ${s}.v2 AS SELECT role FROM ${s}.v1 WHERE id > 0;
        CREATE VIEW ${s}.v3 AS SELECT upper(role) AS r FROM ${s}.v2;
        COMMENT ON VIEW ${s}.v3 IS 'top';`;
      const steps = await converge(
        'vchain',
        `CREATE TABLE vchain.users (id int, role text); INSERT INTO vchain.users VALUES (1, 'admin'); ${views('vchain')}`,
        `CREATE TABLE vchain.users (id int, role varchar(20)); ${views('vchain')}`,
      );
      const order = ['DROP VIEW "vchain"."v3"', 'DROP VIEW "vchain"."v2"', 'DROP VIEW "vchain"."v1"', 'ALTER COLUMN "role" TYPE', 'CREATE VIEW "vchain"."v1"', 'CREATE VIEW "vchain"."v2"', 'CREATE VIEW "vchain"."v3"'];
      const positions = order.map((f) => positionOf(steps, f));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      // v1 and v2 change column types themselves (their own diff recreates them); v3 only follows.
      expect(bySql(steps, 'CREATE VIEW "vchain"."v2"').reason).toMatch(/^the columns of vchain.v2 change \(role\)/);
      expect(bySql(steps, 'CREATE VIEW "vchain"."v3"').reason).toBe('recreated: column vchain.users.role changes type (it uses view vchain.v2, recreated too)');
      expect(bySql(steps, 'DROP VIEW "vchain"."v3"').reason).toMatch(/^dropped: column vchain.users.role changes type/);
      expect(await a.query(`SELECT obj_description('vchain.v3'::regclass) AS c`)).toEqual([{ c: 'top' }]);
      expect(await a.query('SELECT r FROM vchain.v3')).toEqual([{ r: 'ADMIN' }]);
    });

    it('replaces a view gaining an appended column in place, and recreates one losing a column', async () => {
      const steps = await converge(
        'vcols',
        `CREATE TABLE vcols.t (a int, b int, c int);
         CREATE VIEW vcols.grow AS SELECT a FROM vcols.t;
         CREATE VIEW vcols.on_grow AS SELECT a FROM vcols.grow;
         CREATE VIEW vcols.shrink AS SELECT a, b FROM vcols.t;
         CREATE VIEW vcols.on_shrink AS SELECT a FROM vcols.shrink;`,
        `CREATE TABLE vcols.t (a int, b int, c int);
         CREATE VIEW vcols.grow AS SELECT a, c FROM vcols.t;
         CREATE VIEW vcols.on_grow AS SELECT a FROM vcols.grow;
         CREATE VIEW vcols.shrink AS SELECT a FROM vcols.t;
         CREATE VIEW vcols.on_shrink AS SELECT a FROM vcols.shrink;`,
      );
      expect(bySql(steps, 'VIEW "vcols"."grow"').sql).toMatch(/^CREATE OR REPLACE VIEW/);
      expect(steps.some((s) => s.sql.includes('"vcols"."on_grow"'))).toBe(false);
      const ops = steps.filter((s) => s.kind === 'view' && s.operation !== 'owner').map((s) => `${s.operation} ${s.object}`);
      expect(ops).toEqual(['drop vcols.on_shrink', 'drop vcols.shrink', 'replace vcols.grow', 'create vcols.shrink', 'create vcols.on_shrink']);
      expect(bySql(steps, 'CREATE VIEW "vcols"."on_shrink"').reason).toBe('recreated: view vcols.shrink is dropped and created again');
    });

    it('rebuilds a materialized view whose query changes, with its index', async () => {
      const steps = await converge(
        'mv',
        `CREATE TABLE mv.t (a int); INSERT INTO mv.t VALUES (1), (2);
         CREATE MATERIALIZED VIEW mv.m AS SELECT a FROM mv.t; CREATE UNIQUE INDEX m_a ON mv.m (a);`,
        `CREATE TABLE mv.t (a int);
         CREATE MATERIALIZED VIEW mv.m AS SELECT a FROM mv.t WHERE a > 1; CREATE UNIQUE INDEX m_a ON mv.m (a);`,
      );
      expect(bySql(steps, 'CREATE MATERIALIZED VIEW').hazards.map((h) => h.kind)).toEqual(['matview_rebuild']);
      expect(await a.query('SELECT a FROM mv.m')).toEqual([{ a: 2 }]);
    });

    it('replaces a function body in place under a view using it', async () => {
      const fn = (n: number) => `CREATE FUNCTION fb.f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN ${n}; END $$;`;
      const steps = await converge('fb', `${fn(1)} CREATE VIEW fb.v AS SELECT fb.f() AS x;`, `${fn(2)} CREATE VIEW fb.v AS SELECT fb.f() AS x;`);
      expect(steps.map((s) => s.operation)).toEqual(['replace']);
      expect(steps[0]!.hazards.map((h) => h.kind)).toEqual(['unchecked_dependency']);
      expect(await a.query('SELECT x FROM fb.v')).toEqual([{ x: 2 }]);
    });

    it('drops a view before the function whose return type changes and recreates it after', async () => {
      const steps = await converge(
        'fr',
        `CREATE FUNCTION fr.f() RETURNS int LANGUAGE sql IMMUTABLE RETURN 1; CREATE VIEW fr.v AS SELECT fr.f() AS x;`,
        `CREATE FUNCTION fr.f() RETURNS bigint LANGUAGE sql IMMUTABLE RETURN 1; CREATE VIEW fr.v AS SELECT fr.f() AS x;`,
      );
      expect(steps.map((s) => `${s.operation} ${s.kind}`).slice(0, 4)).toEqual(['drop view', 'drop function', 'create function', 'create view']);
      expect(bySql(steps, 'DROP FUNCTION').reason).toMatch(/return type changes from integer to bigint/);
      const [col] = await a.query<{ t: string }>(`SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'fr.v'::regclass AND attname = 'x'`);
      expect(col!.t).toBe('bigint');
    });

    it('moves a column default off a function whose signature changes', async () => {
      const steps = await converge(
        'fd',
        `CREATE FUNCTION fd.next_code(n int) RETURNS text LANGUAGE sql AS 'SELECT ''c'' || n';
         CREATE TABLE fd.t (id int, code text DEFAULT fd.next_code(1));`,
        `CREATE FUNCTION fd.next_code(n bigint) RETURNS text LANGUAGE sql AS 'SELECT ''c'' || n';
         CREATE TABLE fd.t (id int, code text DEFAULT fd.next_code(1));`,
      );
      expect(positionOf(steps, 'DROP DEFAULT')).toBeLessThan(positionOf(steps, 'DROP FUNCTION'));
      expect(positionOf(steps, 'SET DEFAULT')).toBeGreaterThan(positionOf(steps, 'CREATE FUNCTION'));
      await a.exec('INSERT INTO fd.t (id) VALUES (1)');
      expect(await a.query('SELECT code FROM fd.t')).toEqual([{ code: 'c1' }]);
    });
    it('drops and recreates a policy and a trigger using a column whose type changes', async () => {
      const schema = (type: string) => `
        CREATE TABLE pt.t (id int, status ${type});
        ALTER TABLE pt.t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY p ON pt.t USING (status <> 'hidden');
        CREATE TABLE pt.log (id int);
        CREATE FUNCTION pt.log_it() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO pt.log VALUES (NEW.id); RETURN NEW; END $$;
        CREATE TRIGGER tr AFTER UPDATE OF status ON pt.t FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION pt.log_it();`;
      const steps = await converge('pt', `${schema('text')} INSERT INTO pt.t VALUES (1, 'new');`, schema('varchar(20)'));
      const alter = positionOf(steps, 'ALTER COLUMN "status" TYPE');
      expect(positionOf(steps, 'DROP POLICY "p"')).toBeLessThan(alter);
      expect(positionOf(steps, 'DROP TRIGGER "tr"')).toBeLessThan(alter);
      expect(positionOf(steps, 'CREATE POLICY "p"')).toBeGreaterThan(alter);
      // The WHEN clause deparses with casts under the new type: the trigger's own diff recreates it, after the change.
      expect(positionOf(steps, 'CREATE TRIGGER "tr"')).toBeGreaterThan(alter);
      expect(steps.filter((s) => s.kind === 'trigger').map((s) => s.operation)).toEqual(['drop', 'create']);
      expect(bySql(steps, 'CREATE POLICY "p"').reason).toBe('recreated: column pt.t.status changes type');
      await a.exec(`UPDATE pt.t SET status = 'done'`);
      expect(await a.query('SELECT id FROM pt.log')).toEqual([{ id: 1 }]);
    });
  });
}
