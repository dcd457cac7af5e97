import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL cluster started by the test suite itself. */
export interface TestServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const PG_BIN = process.env.PGFORM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

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

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(PG_BIN, 'postgres'))) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN} (set PGFORM_PG_BIN)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pgform-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['-R', 'postgres', dir]);
  const [initCmd, initArgs] = asPostgresUser(join(PG_BIN, 'initdb'), [
    '-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync',
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
    'shared_buffers = 128MB',
  ].join('\n');
  writeFileSync(join(data, 'postgresql.auto.conf'), conf + '\n');
  if (process.getuid && process.getuid() === 0) execFileSync('chown', ['postgres', join(data, 'postgresql.auto.conf')]);
  const [pgCmd, pgArgs] = asPostgresUser(join(PG_BIN, 'postgres'), ['-D', data]);
  const child = spawn(pgCmd, pgArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      execFileSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { stdio: 'pipe' });
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`test PostgreSQL server did not start: ${stderr.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    async stop() {
      // runuser ignores SIGINT: stop the server itself (fast shutdown), then make sure the wrapper is gone.
      const [stopCmd, stopArgs] = asPostgresUser(join(PG_BIN, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast', '-w', '-t', '30']);
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
