import { expect, it } from 'vitest';
import type { Constraint } from '../../src/model/constraint.ts';
import { describeOnEngines, introspectSchemas, tableOf } from './engines.ts';

function constraintNamed(constraints: readonly Constraint[], name: string): Constraint {
  const c = constraints.find((x) => x.name === name);
  if (!c) throw new Error(`constraint ${name} not found among ${constraints.map((x) => x.name).join(', ')}`);
  return c;
}

describeOnEngines('introspect constraints', ['btree_gist'], ({ conn }) => {
  it('reads primary keys and unique constraints with columns in key order', async () => {
    await conn().exec(`
      CREATE SCHEMA pk;
      CREATE TABLE pk.t (a int, b int, c text NOT NULL, d text,
        CONSTRAINT t_pk PRIMARY KEY (b, a),
        CONSTRAINT t_c_d UNIQUE (d, c),
        CONSTRAINT t_d_nnd UNIQUE NULLS NOT DISTINCT (d));
      COMMENT ON CONSTRAINT t_pk ON pk.t IS 'natural key';
    `);
    const t = tableOf(await introspectSchemas(conn(), 'pk'), 'pk', 't');
    // Sorted by name; NOT NULL (a constraint row on newer servers) is only Column.notNull.
    expect(t.constraints.map((c) => c.name)).toEqual(['t_c_d', 't_d_nnd', 't_pk']);
    expect(t.columns.find((c) => c.name === 'c')!.notNull).toBe(true);
    expect(constraintNamed(t.constraints, 't_pk')).toEqual({
      kind: 'primary_key',
      name: 't_pk',
      definition: 'PRIMARY KEY (b, a)',
      columns: ['b', 'a'],
      deferrable: false,
      initiallyDeferred: false,
      valid: true,
      comment: 'natural key',
    });
    expect(constraintNamed(t.constraints, 't_c_d')).toMatchObject({
      kind: 'unique',
      definition: 'UNIQUE (d, c)',
      columns: ['d', 'c'],
      nullsNotDistinct: false,
      comment: null,
    });
    expect(constraintNamed(t.constraints, 't_d_nnd')).toMatchObject({
      kind: 'unique',
      definition: 'UNIQUE NULLS NOT DISTINCT (d)',
      nullsNotDistinct: true,
    });
    // Their backing indexes belong to the constraints.
    expect(t.indexes).toEqual([]);
  });

  it('reads foreign keys with target, actions, match and deferrability', async () => {
    await conn().exec(`
      CREATE SCHEMA fk_target;
      CREATE TABLE fk_target.parent (x int, y int, PRIMARY KEY (x, y));
      CREATE SCHEMA fk;
      CREATE TABLE fk.child (
        id int PRIMARY KEY, px int, py int, self_id int,
        CONSTRAINT child_parent FOREIGN KEY (py, px) REFERENCES fk_target.parent (y, x)
          MATCH FULL ON DELETE SET NULL ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT child_self FOREIGN KEY (self_id) REFERENCES fk.child ON DELETE CASCADE DEFERRABLE
      );
      CREATE TABLE fk.late (pid int, CONSTRAINT late_child FOREIGN KEY (pid) REFERENCES fk.child ON UPDATE SET DEFAULT);
      ALTER TABLE fk.late ADD CONSTRAINT late_child_nv FOREIGN KEY (pid) REFERENCES fk.child NOT VALID;
    `);
    const m = await introspectSchemas(conn(), 'fk');
    const child = tableOf(m, 'fk', 'child');
    expect(constraintNamed(child.constraints, 'child_parent')).toEqual({
      kind: 'foreign_key',
      name: 'child_parent',
      definition:
        'FOREIGN KEY (py, px) REFERENCES fk_target.parent(y, x) MATCH FULL ON UPDATE RESTRICT ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED',
      columns: ['py', 'px'],
      references: { schema: 'fk_target', table: 'parent', columns: ['y', 'x'] },
      onDelete: 'set null',
      onUpdate: 'restrict',
      match: 'full',
      deferrable: true,
      initiallyDeferred: true,
      valid: true,
      comment: null,
    });
    expect(constraintNamed(child.constraints, 'child_self')).toMatchObject({
      references: { schema: 'fk', table: 'child', columns: ['id'] },
      onDelete: 'cascade',
      onUpdate: 'no action',
      match: 'simple',
      deferrable: true,
      initiallyDeferred: false,
    });
    const late = tableOf(m, 'fk', 'late');
    expect(constraintNamed(late.constraints, 'late_child')).toMatchObject({ onUpdate: 'set default', valid: true });
    expect(constraintNamed(late.constraints, 'late_child_nv')).toMatchObject({
      valid: false,
      definition: 'FOREIGN KEY (pid) REFERENCES fk.child(id) NOT VALID',
    });
  });

  it('lists a foreign key to a partitioned table once', async () => {
    await conn().exec(`
      CREATE SCHEMA fkp;
      CREATE TABLE fkp.parts (id int PRIMARY KEY) PARTITION BY RANGE (id);
      CREATE TABLE fkp.parts_low PARTITION OF fkp.parts FOR VALUES FROM (0) TO (100);
      CREATE TABLE fkp.parts_high PARTITION OF fkp.parts FOR VALUES FROM (100) TO (200);
      CREATE TABLE fkp.ref (pid int REFERENCES fkp.parts);
    `);
    const ref = tableOf(await introspectSchemas(conn(), 'fkp'), 'fkp', 'ref');
    expect(ref.constraints.map((c) => [c.kind, c.name])).toEqual([['foreign_key', 'ref_pid_fkey']]);
  });

  it('reads check constraints with their bare expression', async () => {
    await conn().exec(`
      CREATE SCHEMA ck;
      CREATE TABLE ck.t (price numeric, qty int,
        CONSTRAINT positive CHECK (price > 0),
        CONSTRAINT local_only CHECK (qty >= 0 AND qty < 1000) NO INHERIT);
      ALTER TABLE ck.t ADD CONSTRAINT later CHECK (qty <> 13) NOT VALID;
      COMMENT ON CONSTRAINT positive ON ck.t IS 'no freebies';
    `);
    const t = tableOf(await introspectSchemas(conn(), 'ck'), 'ck', 't');
    expect(constraintNamed(t.constraints, 'positive')).toEqual({
      kind: 'check',
      name: 'positive',
      definition: 'CHECK (price > 0::numeric)',
      expression: 'price > 0::numeric',
      noInherit: false,
      deferrable: false,
      initiallyDeferred: false,
      valid: true,
      comment: 'no freebies',
    });
    expect(constraintNamed(t.constraints, 'local_only')).toMatchObject({
      definition: 'CHECK (qty >= 0 AND qty < 1000) NO INHERIT',
      expression: 'qty >= 0 AND qty < 1000',
      noInherit: true,
    });
    expect(constraintNamed(t.constraints, 'later')).toMatchObject({
      definition: 'CHECK (qty <> 13) NOT VALID',
      expression: 'qty <> 13',
      valid: false,
    });
  });

  it('reads exclusion constraints by their definition', async () => {
    await conn().exec(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      CREATE SCHEMA ex;
      CREATE TABLE ex.booking (room int, during tstzrange,
        CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0));
    `);
    const t = tableOf(await introspectSchemas(conn(), 'ex'), 'ex', 'booking');
    expect(t.constraints).toEqual([
      {
        kind: 'exclusion',
        name: 'no_overlap',
        definition: 'EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)',
        deferrable: false,
        initiallyDeferred: false,
        valid: true,
        comment: null,
      },
    ]);
    expect(t.indexes).toEqual([]);
  });
});
