import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../errors.ts';
import { redact } from '../db/redact.ts';

/** Settings from a `pgform.yaml` project file; every field optional. */
export interface ProjectConfig {
  /** Directory the file was found in; relative paths resolve against it. */
  readonly root: string;
  readonly schemaDir: string | null;
  /** A database URL, or null. Never printed: may hold a password. */
  readonly databaseUrl: string | null;
  /** A scratch database on a server of the live server's version, for normalizing the desired state. */
  readonly devUrl: string | null;
  /** Schemas pgform manages; null means the schemas the YAML declares or uses, plus `public`. */
  readonly managedSchemas: readonly string[] | null;
  readonly lockTimeout: string | null;
  readonly statementTimeout: string | null;
  /** lock_timeout and statement_timeout of pgform's own reads (introspection, rows, history). */
  readonly readLockTimeout?: string | null;
  readonly readStatementTimeout?: string | null;
  /** `atomic: true`: plans run as one transaction per run of transactional steps (see `PlanMode`). */
  readonly atomic?: boolean;
}

export const PROJECT_FILE = 'pgform.yaml';

const KNOWN_KEYS = [
  'schema_dir',
  'database_url',
  'dev_url',
  'managed_schemas',
  'lock_timeout',
  'statement_timeout',
  'read_lock_timeout',
  'read_statement_timeout',
  'atomic',
];

/** The nearest `pgform.yaml`: in `cwd` or the closest directory above it, as git finds `.git`. */
export function findProjectFile(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_FILE);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** Reads the project file of `cwd` (see `findProjectFile`); null when there is none. */
export function loadProjectConfig(cwd: string): ProjectConfig | null {
  const file = findProjectFile(cwd);
  if (file === null) return null;
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    // The excerpt quotes the file's lines, which may hold a connection string.
    throw new UserError(redact(`${file}: ${(e as Error).message}`));
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UserError(`${file}: expected a mapping of settings`);
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) {
    if (!KNOWN_KEYS.includes(k)) throw new UserError(`${file}: unknown setting \`${k}\` (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const str = (k: string): string | null => {
    const v = d[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new UserError(`${file}: \`${k}\` must be a string`);
    return v;
  };
  const managed = d.managed_schemas;
  if (managed !== undefined && (!Array.isArray(managed) || !managed.every((s) => typeof s === 'string'))) {
    throw new UserError(`${file}: \`managed_schemas\` must be a list of schema names`);
  }
  if (d.atomic !== undefined && d.atomic !== null && typeof d.atomic !== 'boolean') throw new UserError(`${file}: \`atomic\` must be true or false`);
  const root = dirname(resolve(file));
  const schemaDir = str('schema_dir');
  return {
    root,
    schemaDir: schemaDir === null ? null : isAbsolute(schemaDir) ? schemaDir : join(root, schemaDir),
    databaseUrl: expandEnv(str('database_url'), file),
    devUrl: expandEnv(str('dev_url'), file),
    managedSchemas: (managed as string[] | undefined) ?? null,
    lockTimeout: str('lock_timeout'),
    statementTimeout: str('statement_timeout'),
    readLockTimeout: str('read_lock_timeout'),
    readStatementTimeout: str('read_statement_timeout'),
    atomic: d.atomic === true,
  };
}

/** `${NAME}` in a URL setting reads the environment variable NAME, so secrets stay out of the file. */
function expandEnv(value: string | null, file: string): string | null {
  if (value === null) return null;
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = process.env[name];
    if (v === undefined) throw new UserError(`${file}: environment variable ${name} is not set`);
    return v;
  });
}
