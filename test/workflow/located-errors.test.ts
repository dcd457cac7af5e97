/**
 * Problems found only when the YAML meets an engine (a role the cluster lacks, an extension the
 * scratch engine cannot load) still name the file, line, column and key path of what asked for it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { loadSqlParser } from '../../src/sql/parser.ts';
import { checkRolesExist, planDatabase } from '../../src/workflow/plan-database.ts';
import { UserError } from '../../src/errors.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { freshPostgres } from '../support/databases.ts';

const embedded: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-located-')), devUrl: null };
const server: Workspace = { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-located-dev-')), devUrl: inject('postgresUrl') };
const input = (text: string) => ({ loaded: loadSchemaFiles([{ path: 'schema/app.yaml', text }]), managedSchemas: ['public'] });

beforeAll(async () => {
  await loadSqlParser();
});

const ROLES = `tables:
  a:
    columns: { id: int }
    row_level_security: true
    policies:
      own: { to: [nosuchrole], using: "true" }
views:
  v:
    query: SELECT 1 AS x
    owner: nosuchowner
`;
const EXTENSION = `extensions:
  pgcrypto: {}
  no_such_extension: {}
`;

describe('plan-time problems are located in the YAML', () => {
  it('a policy or owner naming a role that neither exists nor is declared', () => {
    // The check planDatabase makes once the live roles are read (here: none but the built-in ones).
    const { model, sources } = loadSchemaFiles([{ path: 'schema/app.yaml', text: ROLES }]);
    const err = (() => {
      try {
        checkRolesExist(model, ['postgres'], sources);
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    const lines = err?.message.split('\n') ?? [];
    expect(lines).toContain('schema/app.yaml:6:7 (tables.a.policies.own): role nosuchrole (used by policy own on public.a) does not exist and is not declared under roles:');
    expect(lines).toContain('schema/app.yaml:8:3 (views.v): role nosuchowner (used by owner of view public.v) does not exist and is not declared under roles:');
  });

  it('an extension the embedded scratch engine cannot load', async () => {
    const conn = await freshPostgres('located');
    try {
      const err = await planDatabase(conn, input(EXTENSION), embedded, DEFAULT_SETTINGS).then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(/^schema\/app\.yaml:3:3 \(extensions\.no_such_extension\): the embedded scratch engine cannot load extension no_such_extension\n/);
      expect(err?.message).not.toMatch(/pgcrypto/);
    } finally {
      await conn.close();
    }
  });

  it('an extension the --dev-url server does not have', async () => {
    const conn = await freshPostgres('located');
    try {
      await expect(planDatabase(conn, input(EXTENSION), server, DEFAULT_SETTINGS)).rejects.toThrow(
        /schema\/app\.yaml:3:3 \(extensions\.no_such_extension\)[^\n]*no_such_extension/,
      );
    } finally {
      await conn.close();
    }
  });
});
