import { expect, it } from 'vitest';
import type { DatabaseModel } from '../../src/model/database.ts';
import type { Trigger } from '../../src/model/trigger.ts';
import { describeOnEngines, introspectSchemas } from './engines.ts';

function triggerOf(m: DatabaseModel, name: string): Trigger {
  const t = m.triggers.find((x) => x.name === name);
  if (!t) throw new Error(`trigger ${name} not in model`);
  return t;
}

describeOnEngines('introspect triggers', [], ({ conn }) => {
  it('reads row, statement, constraint and disabled triggers', async () => {
    await conn().exec(`
      CREATE SCHEMA tg;
      CREATE TABLE tg.accounts (id int PRIMARY KEY, balance numeric, owner_name text);
      CREATE TABLE tg.history (id int, old_balance numeric);
      CREATE FUNCTION tg.remember() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO tg.history VALUES (OLD.id, OLD.balance); RETURN NEW; END $$;
      CREATE FUNCTION tg.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER balance_history AFTER UPDATE OF balance, owner_name ON tg.accounts
        FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance)
        EXECUTE FUNCTION tg.remember('it''s', 'two words');
      CREATE CONSTRAINT TRIGGER check_later AFTER INSERT OR UPDATE ON tg.accounts
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tg.audit();
      CREATE TRIGGER bulk_audit AFTER UPDATE ON tg.accounts
        REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
        FOR EACH STATEMENT EXECUTE FUNCTION tg.audit();
      CREATE TRIGGER "no truncate" BEFORE TRUNCATE ON tg.accounts FOR EACH STATEMENT EXECUTE FUNCTION tg.audit();
      ALTER TABLE tg.accounts DISABLE TRIGGER "no truncate";
      CREATE TRIGGER replica_only AFTER DELETE ON tg.history FOR EACH ROW EXECUTE FUNCTION tg.audit();
      ALTER TABLE tg.history ENABLE REPLICA TRIGGER replica_only;
      COMMENT ON TRIGGER balance_history ON tg.accounts IS 'keeps old balances';
      -- A foreign key's internal triggers are not user triggers.
      ALTER TABLE tg.history ADD FOREIGN KEY (id) REFERENCES tg.accounts (id);
    `);
    const m = await introspectSchemas(conn(), 'tg');
    expect(m.triggers.map((t) => `${t.table}.${t.name}`)).toEqual([
      'accounts.balance_history',
      'accounts.bulk_audit',
      'accounts.check_later',
      'accounts.no truncate',
      'history.replica_only',
    ]);
    expect(triggerOf(m, 'balance_history')).toEqual({
      schema: 'tg',
      table: 'accounts',
      name: 'balance_history',
      timing: 'after',
      events: ['update'],
      updateColumns: ['balance', 'owner_name'],
      forEachRow: true,
      when: '(old.balance IS DISTINCT FROM new.balance)',
      function: { schema: 'tg', name: 'remember' },
      arguments: ["it's", 'two words'],
      constraint: null,
      oldTable: null,
      newTable: null,
      enabled: 'origin',
      definition:
        "AFTER UPDATE OF balance, owner_name FOR EACH ROW WHEN ((old.balance IS DISTINCT FROM new.balance)) EXECUTE FUNCTION tg.remember('it''s', 'two words')",
      comment: 'keeps old balances',
      dependsOn: ['column:tg.accounts.balance', 'column:tg.accounts.owner_name', 'function:tg.remember()', 'table:tg.accounts'],
    });
    const later = triggerOf(m, 'check_later');
    expect(later.constraint).toEqual({ deferrable: true, initiallyDeferred: true });
    expect(later.events).toEqual(['insert', 'update']);
    expect(later.definition).toBe(
      'AFTER INSERT OR UPDATE DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tg.audit()',
    );
    const bulk = triggerOf(m, 'bulk_audit');
    expect([bulk.forEachRow, bulk.newTable, bulk.oldTable, bulk.events]).toEqual([false, 'after_rows', 'before_rows', ['update']]);
    const truncate = triggerOf(m, 'no truncate');
    expect([truncate.timing, truncate.events, truncate.enabled]).toEqual(['before', ['truncate'], 'disabled']);
    expect(truncate.definition).toBe('BEFORE TRUNCATE FOR EACH STATEMENT EXECUTE FUNCTION tg.audit()');
    expect(triggerOf(m, 'replica_only').enabled).toBe('replica');
  });

  it('reads INSTEAD OF triggers on views, and a definition that does not change with a table rename', async () => {
    await conn().exec(`
      CREATE SCHEMA tv;
      CREATE TABLE tv.t (a int);
      CREATE VIEW tv.v AS SELECT a FROM tv.t;
      CREATE FUNCTION tv.ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER v_ins INSTEAD OF INSERT ON tv.v FOR EACH ROW EXECUTE FUNCTION tv.ins();
      CREATE TRIGGER t_ins BEFORE INSERT ON tv.t FOR EACH ROW EXECUTE FUNCTION tv.ins();
    `);
    const before = await introspectSchemas(conn(), 'tv');
    const onView = triggerOf(before, 'v_ins');
    expect([onView.table, onView.timing]).toEqual(['v', 'instead of']);
    expect(onView.dependsOn).toEqual(['function:tv.ins()', 'view:tv.v']);
    expect(onView.definition).toBe('INSTEAD OF INSERT FOR EACH ROW EXECUTE FUNCTION tv.ins()');
    await conn().exec(`ALTER TABLE tv.t RENAME TO "renamed ON table"`);
    const after = await introspectSchemas(conn(), 'tv');
    expect(triggerOf(after, 't_ins').table).toBe('renamed ON table');
    expect(triggerOf(after, 't_ins').definition).toBe(triggerOf(before, 't_ins').definition);
  });

  it('reads a partitioned table trigger once, not its copies on the partitions', async () => {
    await conn().exec(`
      CREATE SCHEMA tp;
      CREATE TABLE tp.events (id int, at date) PARTITION BY RANGE (at);
      CREATE TABLE tp.events_2024 PARTITION OF tp.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE FUNCTION tp.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER ev BEFORE INSERT ON tp.events FOR EACH ROW EXECUTE FUNCTION tp.f();
    `);
    const m = await introspectSchemas(conn(), 'tp');
    expect(m.triggers.map((t) => `${t.table}.${t.name}`)).toEqual(['events.ev']);
  });
});
