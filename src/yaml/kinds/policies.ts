import { keys } from '../../model/keys.ts';
import type { QualifiedName } from '../../model/names.ts';
import type { Policy, PolicyCommand } from '../../model/policy.ts';
import { below } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, display } from '../names.ts';
import { granteeName, listOf, PUBLIC_GRANTEE } from './grants.ts';

export interface PolicyYaml {
  readonly as?: 'permissive' | 'restrictive';
  readonly for?: PolicyCommand;
  readonly to?: string | readonly string[];
  readonly using?: string;
  readonly with_check?: string;
  readonly comment?: string | null;
}

/** `row_level_security: true`, or `{ enabled, forced }`. */
export type RowSecurityYaml = boolean | { readonly enabled?: boolean; readonly forced?: boolean };

export function rowSecurityFromYaml(v: RowSecurityYaml | undefined): { rowSecurity: boolean; forceRowSecurity: boolean } {
  if (v === undefined || typeof v === 'boolean') return { rowSecurity: v ?? false, forceRowSecurity: false };
  return { rowSecurity: v.enabled ?? false, forceRowSecurity: v.forced ?? false };
}

/** Loads a table's `policies:` into `ctx.model.policies`. */
export function loadPolicies(ctx: LoadContext, table: QualifiedName, value: Readonly<Record<string, PolicyYaml>> | undefined, tableLoc: Loc): void {
  for (const [name, v] of Object.entries(value ?? {})) {
    const loc = below(tableLoc, 'policies', name);
    checkIdentifier(ctx, name, loc);
    const command = v.for ?? 'all';
    if (v.using !== undefined && command === 'insert') {
      ctx.problem(below(loc, 'using'), 'an INSERT policy has only `with_check` (rows being inserted are not read)');
    }
    if (v.with_check !== undefined && (command === 'select' || command === 'delete')) {
      ctx.problem(below(loc, 'with_check'), `a ${command.toUpperCase()} policy has only \`using\` (no rows are written)`);
    }
    const roles = v.to === undefined ? [PUBLIC_GRANTEE] : [...new Set(listOf(v.to).map(granteeName))];
    const policy: Policy = {
      schema: table.schema,
      table: table.name,
      name,
      permissive: v.as !== 'restrictive',
      command,
      roles,
      using: v.using ?? null,
      withCheck: v.with_check ?? null,
      comment: v.comment ?? null,
      dependsOn: [],
    };
    if (!ctx.declare(keys.policy(table.schema, table.name, name), `policy \`${name}\` of table \`${display(table)}\``, loc)) continue;
    ctx.model.policies.push(ctx.mark(policy, loc));
  }
}
