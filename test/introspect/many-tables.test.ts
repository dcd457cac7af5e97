import { expect, it } from 'vitest';
import { describeOnEngines, introspectSchemas, tableOf } from './engines.ts';

const TABLES = 300;

describeOnEngines('introspect a large schema', [], ({ conn }) => {
  it(`reads ${TABLES} tables with all their parts`, async () => {
    const ddl = ['CREATE SCHEMA big;'];
    for (let i = 0; i < TABLES; i++) {
      const previous = i > 0 ? `, prev_id int REFERENCES big.t${i - 1}` : '';
      ddl.push(
        `CREATE TABLE big.t${i} (id serial PRIMARY KEY, name text NOT NULL CHECK (name <> '')${previous});`,
        `CREATE INDEX t${i}_name ON big.t${i} (lower(name));`,
      );
    }
    await conn().exec(ddl.join('\n'));
    const m = await introspectSchemas(conn(), 'big');
    expect(m.tables).toHaveLength(TABLES);
    expect(m.sequences).toHaveLength(TABLES);
    expect(m.tables.reduce((n, t) => n + t.columns.length, 0)).toBe(3 * TABLES - 1);
    // pk + check on every table, plus a foreign key on all but the first.
    expect(m.tables.reduce((n, t) => n + t.constraints.length, 0)).toBe(3 * TABLES - 1);
    expect(m.tables.reduce((n, t) => n + t.indexes.length, 0)).toBe(TABLES);
    const last = tableOf(m, 'big', `t${TABLES - 1}`);
    expect(last.columns.map((c) => c.name)).toEqual(['id', 'name', 'prev_id']);
    expect(last.constraints.map((c) => c.kind).sort()).toEqual(['check', 'foreign_key', 'primary_key']);
    expect(last.indexes.map((i) => i.name)).toEqual([`t${TABLES - 1}_name`]);
  });
});
