import type { DatabaseModel } from '../model/database.ts';
import type { Step } from '../plan/step.ts';
import { ident } from '../sql/quote.ts';
import type { ScratchDatabase } from './scratch.ts';

/**
 * Which role runs each step of a state in a server scratch database. The steps carry the schema
 * files' SQL (defaults, checks, bodies, policies): they run as the scratch's step role, which owns
 * the scratch database and nothing else. Steps that need the session's own rights and carry no
 * SQL from the files run as the session's role: extensions, roles, ownership changes (to roles the
 * step role is no member of) and default privileges FOR ROLE.
 */
export function needsSessionRole(step: Step): boolean {
  return step.kind === 'extension' || step.kind === 'role' || step.kind === 'default_privilege' || step.operation === 'owner';
}

/**
 * The step role for this state, or null when the steps run as the session's role: on the embedded
 * engine, with a --dev-url role that is no superuser (it is the least privilege there already), or
 * when the state has routines only a superuser creates (untrusted languages, LEAKPROOF): the state
 * itself then asks for those rights.
 */
export async function stepRoleFor(scratch: ScratchDatabase, m: DatabaseModel): Promise<string | null> {
  if (scratch.stepRole === null) return null;
  const trusted = new Set(
    (await scratch.conn.query<{ lanname: string }>('SELECT lanname FROM pg_catalog.pg_language WHERE lanpltrusted')).map((r) => r.lanname),
  );
  const superuserOnly = m.routines.some((r) => !trusted.has(r.language) || (r.kind === 'function' && r.leakproof));
  return superuserOnly ? null : scratch.stepRole;
}

/** The statements of `steps`, each preceded by the role switch it needs; back to the session's role at the end. */
export function statementsAs(role: string | null, steps: readonly Step[]): string[] {
  if (role === null) return steps.map((s) => s.sql);
  const out: string[] = [];
  let current: string | null = null;
  for (const s of steps) {
    const wanted = needsSessionRole(s) ? null : role;
    if (wanted !== current) out.push(wanted === null ? 'RESET ROLE' : `SET ROLE ${ident(wanted)}`);
    current = wanted;
    out.push(s.sql);
  }
  if (current !== null) out.push('RESET ROLE');
  return out;
}

/** The same as one script, for a transaction block. */
export function scriptAs(role: string | null, steps: readonly Step[]): string {
  return statementsAs(role, steps).map((sql) => `${sql};`).join('\n');
}
