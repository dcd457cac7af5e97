import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv } from '../support/cli.ts';

const repo = resolve('.');

/** `npx pgform ARGS` of the README's set-up section, as the first command of its first code block. */
function readmeFirstCommand(): string[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const setup = readme.slice(readme.indexOf('## Set-up'));
  const block = /```sh\n([^\n]*)\n/.exec(setup)![1]!;
  const command = block.replace(/#.*$/, '').split('&&').map((s) => s.trim()).find((s) => s.startsWith('npx pgform '));
  expect(command, `no "npx pgform" command in the README's first set-up line: ${block}`).toBeDefined();
  return command!.split(/\s+/).slice(2);
}

function run(cmd: string, args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: isolatedEnv(), input: '', timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the packed package, installed into a new project', () => {
  const work = mkdtempSync(join(tmpdir(), 'pgform-package-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs (building the JavaScript), installs, and runs the README command, plan, apply and drift from the install', () => {
    // `npm pack` runs `prepare`, which compiles src/ to dist/: the tarball holds what this tree builds.
    const pack = run('npm', ['pack', '--pack-destination', work, '--json'], repo);
    expect(pack.code, pack.stderr).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const shipped = files.map((f) => f.path);
    expect(shipped).toEqual(expect.arrayContaining(['bin/pgform.js', 'dist/cli/main.js', 'dist/yaml/pgform.schema.validator.js', 'src/yaml/pgform.schema.json']));
    expect(shipped.filter((p) => p.endsWith('.ts'))).toEqual([]);

    const project = join(work, 'project');
    cpSync(join(repo, 'schema', 'example'), join(project, 'schema', 'example'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-pgform', version: '1.0.0', private: true }));
    // The dependencies come from npm's cache when `npm ci` of this tree filled it, else the registry.
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)], project);
    expect(install.code, install.stderr).toBe(0);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'pgform', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');

    const pgform = (...args: string[]) => run(join(project, 'node_modules', '.bin', 'pgform'), args, project);
    const first = pgform(...readmeFirstCommand());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/applied \d+ step\(s\)/);
    const schema = ['--schema', 'schema/example'];

    writeFileSync(join(project, 'schema', 'example', 'notes.yaml'), 'tables:\n  notes:\n    columns:\n      id: { type: bigint, primary_key: true }\n      body: text\n');
    const plan = pgform('plan', ...schema, '--exit-code');
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain('CREATE TABLE "public"."notes"');
    const apply = pgform('apply', ...schema, '--yes');
    expect(apply.code, apply.stderr).toBe(0);
    const drift = pgform('drift', ...schema);
    expect(drift.code, drift.stdout + drift.stderr).toBe(0);
  }, 1_200_000);
});
