import { beforeAll, describe, expect, it } from 'vitest';
import { PGFORM_BIN, isolatedEnv, runPgform } from '../support/cli.ts';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../support/databases.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { readHistory } from '../../src/apply/history.ts';
import { V3, buildChain, projectWith, workspace } from '../chain/fixture.ts';
import type { Workspace } from '../../src/workflow/states.ts';

// One normalization cache for the file: each command would otherwise start cold.
const pgform = (cwd: string, args: string[]) => runPgform(cwd, args, { PGFORM_CACHE_DIR: ws.cacheDir! });

let plans: string;
let ws: Workspace;
beforeAll(async () => {
  ws = workspace();
  // A lock_timeout long enough for the kill test to find the apply waiting on its lock.
  plans = await buildChain(ws, { lockTimeout: '60s', statementTimeout: '1h' });
});

describe('pgform check, plan --save, status and apply --plans', () => {
  it('checks a pull request: passes, then fails on a YAML change until a plan is saved, and on an edited plan', () => {
    const dir = projectWith(plans, V3);
    const ok = pgform(dir, ['check']);
    expect(ok.stdout).toMatch(/^ok: 3 plan\(s\) in .*plans; replayed, they give the schema/);
    expect(ok.code).toBe(0);

    writeFileSync(join(dir, 'schema', 'schema.yaml'), V3.replace('label: text', 'label: text\n      note: text'));
    const changed = pgform(dir, ['check']);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/the YAML changed without a new plan/);
    expect(changed.stderr).toMatch(/column public\.tags\.note: in the YAML, not in the plans/);
    expect(changed.stderr).toMatch(/fix: run pgform plan --save <name>/);

    expect(pgform(dir, ['plan', '--save', 'Add-Note']).stderr).toMatch(/invalid plan name `Add-Note`/);
    const saved = pgform(dir, ['plan', '--save', 'add_note']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stderr).toMatch(/saved 0004_add_note: 1 step\(s\), hazards: none/);
    expect(existsSync(join(dir, 'plans', '0004_add_note.down.sql'))).toBe(true);
    expect(pgform(dir, ['plan', '--save', 'add_note_again']).stderr).toMatch(/nothing to save/);
    expect(pgform(dir, ['check']).code).toBe(0);

    const file = join(dir, 'plans', '0004_add_note.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ADD COLUMN "note" text', 'ADD COLUMN "note" text NOT NULL'));
    const edited = pgform(dir, ['check']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/0004_add_note\.sql was edited after it was saved/);
    expect(edited.stderr).toMatch(/0004_add_note\.sql does not match its checksum in pgform\.sum/);
    // apply refuses the same chain before touching any database
    const apply = pgform(dir, ['apply', '--plans', 'plans', '--db', 'pglite:db', '--allow-hazards', 'all']);
    expect(apply.code).toBe(5); // only edits found: the edited exit code
    expect(apply.stderr).toMatch(/cannot be used as they are/);
  }, 300_000);

  it('shows status with its exit codes and applies the pending plans on an embedded database', () => {
    const dir = projectWith(plans, V3);
    const before = pgform(dir, ['status', '--db', 'pglite:db']);
    expect(before.code).toBe(4);
    expect(before.stdout).toMatch(/^ {2}pending {2}0001_create_items\.sql$/m);
    expect(before.stdout).toMatch(/3 plan\(s\) pending: at the start of the chain/);
    const refused = pgform(dir, ['apply', '--plans', 'plans', '--db', 'pglite:db']);
    expect(refused.code).toBe(3);
    const apply = pgform(dir, ['apply', '--plans', 'plans', '--db', 'pglite:db', '--allow-hazards', 'data_loss,breaking_change']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toMatch(/ran 3 plan\(s\): .* is now at plan 0003_sku_for_price/);
    const after = pgform(dir, ['status', '--db', 'pglite:db']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^ {2}applied {2}0003_sku_for_price\.sql \(history #3, /m);
    expect(after.stdout).toMatch(/up to date: at plan 0003_sku_for_price/);
  });
});

describe('an apply killed during the second of three plans', () => {
  it('leaves the first recorded and the second absent; a re-run finishes the chain', async () => {
    const dir = projectWith(plans, V3);
    const url = await freshPostgresDatabase('chainkill');
    const blocker = await openPostgres(url);
    const watcher = await openPostgres(url);
    try {
      // An uncommitted table of the same name: the second plan's CREATE TABLE waits for this transaction.
      await blocker.exec('BEGIN; CREATE TABLE tags (x int)');
      const child = spawn(process.execPath, [PGFORM_BIN, 'apply', '--plans', 'plans', '--db', url, '--allow-hazards', 'all'], {
        cwd: dir,
        env: { ...isolatedEnv(), PGFORM_CACHE_DIR: ws.cacheDir! },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
      const deadline = Date.now() + 120_000;
      for (;;) {
        const [row] = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%CREATE TABLE "public"."tags"%'`,
        );
        if (row!.n > 0) break;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the apply never blocked on the second plan:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGKILL');
      await exited;
      expect(stderr).toMatch(/0002_add_tags\.sql: 1 step\(s\)/);

      const history = (await readHistory(watcher)).reverse();
      expect(history.map((e) => [e.planName, e.outcome])).toEqual([
        ['0001_create_items.sql', 'succeeded'],
        ['0002_add_tags.sql', 'running'],
      ]);
      await blocker.exec('ROLLBACK');
      // The killed client's server session finishes its statement, then finds its client gone and rolls back.
      for (let i = 0; i < 100; i++) {
        const [row] = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1`,
          [(await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid],
        );
        if (row!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [tags] = await watcher.query<{ t: string | null }>(`SELECT to_regclass('public.tags')::text AS t`);
      expect(tags!.t).toBeNull(); // the second plan is absent, not half done

      const rerun = pgform(dir, ['apply', '--plans', 'plans', '--db', url, '--allow-hazards', 'all']);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toMatch(/ran 2 plan\(s\)/);
      const final = (await readHistory(watcher)).reverse();
      expect(final.map((e) => [e.planName, e.outcome])).toEqual([
        ['0001_create_items.sql', 'succeeded'],
        ['0002_add_tags.sql', 'interrupted'],
        ['0002_add_tags.sql', 'succeeded'],
        ['0003_sku_for_price.sql', 'succeeded'],
      ]);
      expect(final[1]!.error).toMatch(/^interrupted: the process running this plan stopped before any step completed \(0\/1\)$/);
      expect(pgform(dir, ['status', '--db', url]).code).toBe(0);
    } finally {
      await blocker.close().catch(() => undefined);
      await watcher.close();
    }
  });
});
