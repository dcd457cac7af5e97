import { join, resolve } from 'node:path';
import { loadProjectConfig, type ProjectConfig } from '../config/project.ts';
import { openDatabase, resolveDatabaseUrl } from '../db/open.ts';
import type { Connection } from '../db/connection.ts';
import type { Workspace } from '../workflow/states.ts';
import type { PlanSettings } from '../plan/plan.ts';
import { DEFAULT_SETTINGS } from '../plan/plan.ts';
import { DEFAULT_READ_TIMEOUTS } from '../db/timeouts.ts';
import { redact } from '../db/redact.ts';
import { clearStatusLine } from './terminal.ts';
import { resolveDevUrl } from '../workflow/dev-url.ts';
import { printable, UserError } from '../errors.ts';

export interface CommonOptions {
  readonly schema?: string;
  readonly db?: string;
  readonly devUrl?: string;
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  readonly atomic?: boolean;
}

export interface CommandContext {
  readonly cwd: string;
  readonly config: ProjectConfig | null;
  readonly schemaDir: string;
  /** May hold a password: pass it to `openDatabase`, never print it. */
  readonly dbUrl: string;
  readonly workspace: Workspace;
  readonly settings: PlanSettings;
  open(extensions?: readonly string[]): Promise<Connection>;
}

export function note(message: string): void {
  clearStatusLine();
  process.stderr.write(`${printable(redact(message))}\n`);
}

export function commandContext(opts: CommonOptions): CommandContext {
  const cwd = process.cwd();
  const config = loadProjectConfig(cwd);
  // Defaults are relative to the project's root (the directory of pgform.yaml), else to cwd.
  const root = config?.root ?? cwd;
  const schemaDir = opts.schema ? resolve(cwd, opts.schema) : (config?.schemaDir ?? join(root, 'schema'));
  const dbUrl = resolveDatabaseUrl({ cli: opts.db, projectUrl: config?.databaseUrl, cwd: root });
  // Mutable: `--dev-url embedded` becomes the embedded server's URL once the live database is open.
  const workspace: { cacheDir: string; devUrl: string | null; note: (m: string) => void } = {
    cacheDir: process.env.PGFORM_CACHE_DIR ?? join(root, '.pgform', 'cache'),
    devUrl: opts.devUrl ?? process.env.PGFORM_DEV_URL ?? config?.devUrl ?? null,
    note,
  };
  return {
    cwd,
    config,
    schemaDir,
    dbUrl,
    workspace,
    settings: {
      lockTimeout: opts.lockTimeout ?? config?.lockTimeout ?? DEFAULT_SETTINGS.lockTimeout,
      statementTimeout: opts.statementTimeout ?? config?.statementTimeout ?? DEFAULT_SETTINGS.statementTimeout,
      mode: opts.atomic || config?.atomic ? 'atomic' : 'online',
    },
    open: async (extensions) => {
      const conn = await openDatabase(dbUrl, {
        cwd,
        extensions,
        readTimeouts: {
          lockTimeout: process.env.PGFORM_READ_LOCK_TIMEOUT || config?.readLockTimeout || DEFAULT_READ_TIMEOUTS.lockTimeout,
          statementTimeout:
            process.env.PGFORM_READ_STATEMENT_TIMEOUT || config?.readStatementTimeout || DEFAULT_READ_TIMEOUTS.statementTimeout,
        },
      });
      try {
        workspace.devUrl = await resolveDevUrl(workspace.devUrl, conn);
      } catch (e) {
        await conn.close();
        throw e;
      }
      return conn;
    },
  };
}

/** `--format` of commands that print text or JSON. */
export function textOrJson(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`unknown --format ${format} (text or json)`);
  return format;
}

export function writeJson(value: unknown): void {
  writeOut(JSON.stringify(value, null, 2) + '\n');
}

export function writeOut(text: string): void {
  process.stdout.write(text);
}
