import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { normalizeModel, normalizeWithStats } from '../../src/normalize/normalize.ts';
import { normalizeToFixedPoint } from '../../src/normalize/fixed-point.ts';
import { expressionProbe } from '../../src/normalize/expression-probe.ts';
import { stateText } from '../../src/model/fingerprint.ts';
import { canonicalJson } from '../../src/model/canonical-json.ts';
import type { DatabaseModel } from '../../src/model/database.ts';

const load = (yaml: string): DatabaseModel => loadSchemaFiles([{ path: 's.yaml', text: yaml }]).model;

/**
 * Expressions whose deparsed text moves again when read back (`varchar IN (...)`), next to every
 * fact the reduced second pass leaves out: identity, a foreign key, plain indexes, comments.
 */
const TABLES = `
tables:
  account:
    comment: accounts
    columns:
      id: { type: bigint, identity: always, primary_key: true }
      kind: { type: varchar(10), not_null: true, default: "'a'", comment: the kind }
      code: { type: varchar(10), generated: "upper(kind)" }
    checks:
      account_kind_check: "kind IN ('a', 'b')"
    indexes:
      account_kind_idx: { columns: [kind] }
      account_lower_idx: { columns: ["lower(code)"], where: "code IN ('x', 'y')" }
  entry:
    columns:
      id: { type: int, primary_key: true }
      account_id: { type: bigint, references: { table: account, on_delete: cascade } }
      status: { type: varchar(20), default: "'new'" }
    checks:
      entry_status_check: "status IN ('new', 'done')"
  plain:
    columns:
      note: text
`;

describe('normalization to a fixed point', () => {
  it('reads the second pass back from the reduced state exactly as a whole second pass would', async () => {
    const opts = { cacheDir: null, managedSchemas: ['public'] };
    const raw = load(TABLES);
    const once = await normalizeModel(raw, opts);
    const twice = await normalizeModel(once, opts);
    // The case holds text that is not a fixed point: the second pass is doing something here.
    expect(stateText(twice)).not.toBe(stateText(once));
    expect(stateText(await normalizeToFixedPoint(raw, opts))).toBe(stateText(twice));
  });

  it('remembers the result as the normalized form of the once-normalized state', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'pgform-fixed-'));
    const opts = { cacheDir, managedSchemas: ['public'] };
    const raw = load(TABLES);
    const fixed = await normalizeToFixedPoint(raw, opts);
    const once = await normalizeWithStats(raw, opts);
    expect(once.stats.tablesNormalized).toBe(0);
    // A database built from the plan reads back as the once-normalized state: found, not recreated.
    const again = await normalizeWithStats(once.model, opts);
    expect(again.stats.tablesNormalized).toBe(0);
    expect(stateText(again.model)).toBe(stateText(fixed));
    expect(stateText(again.model)).toBe(stateText(await normalizeModel(once.model, { cacheDir: null, managedSchemas: ['public'] })));
  });

  it('keeps the annotations of the YAML (renames, USING, owners), also when the fixed point comes from the cache', async () => {
    const raw = load(
      TABLES.replace('status: { type: varchar(20),', 'status: { type: varchar(20), renamed_from: state, using: "state::varchar",')
        .replace('  entry:\n', '  entry:\n    owner: pg_database_owner\n'),
    );
    const cacheDir = mkdtempSync(join(tmpdir(), 'pgform-fixed-'));
    const fixed = await normalizeToFixedPoint(raw, { cacheDir, managedSchemas: ['public'] });
    const entry = fixed.tables.find((t) => t.name === 'entry')!;
    expect(entry.owner).toBe('pg_database_owner');
    const status = entry.columns.find((c) => c.name === 'status')!;
    expect(status.renamedFrom).toBe('state');
    expect(status.using).toBe('state::varchar');
    // The second time, the fixed point is read from the cache: the same model, annotations and all.
    const again = await normalizeToFixedPoint(raw, { cacheDir, managedSchemas: ['public'] });
    expect(canonicalJson(again)).toBe(canonicalJson(fixed));
  });

  it('probes a reduced state: no foreign keys, identity, plain indexes or comments; unchanged tables left out', async () => {
    const opts = { cacheDir: null, managedSchemas: ['public'] };
    const raw = load(TABLES);
    const once = await normalizeModel(raw, opts);
    const probe = expressionProbe(once, raw);
    // `plain` came back from the first pass as it was written: its text is PostgreSQL's own.
    expect(probe.tables.map((t) => t.name)).toEqual(['account', 'entry']);
    const account = probe.tables.find((t) => t.name === 'account')!;
    expect(account.comment).toBeNull();
    expect(account.columns.map((c) => [c.name, c.identity, c.notNull, c.comment])).toEqual([
      ['id', null, true, null],
      ['kind', null, true, null],
      ['code', null, false, null],
    ]);
    expect(account.indexes.map((i) => i.name)).toEqual(['account_lower_idx']);
    expect(probe.tables.find((t) => t.name === 'entry')!.constraints.map((c) => c.kind).sort()).toEqual(['check', 'primary_key']);

    // A view may read any table: then every table is probed.
    const withView = load(`${TABLES}views:\n  plain_notes: { query: SELECT note FROM plain }\n`);
    const onceWithView = await normalizeModel(withView, opts);
    expect(expressionProbe(onceWithView, withView).tables.map((t) => t.name)).toEqual(['account', 'entry', 'plain']);
  });
});
