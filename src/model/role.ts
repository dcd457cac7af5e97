/**
 * A cluster-wide role. The desired state lists the roles the YAML declares; they are created when
 * missing and their attributes kept as declared, but never dropped unless listed in
 * `DatabaseModel.dropRoles`. Passwords are never part of the model.
 */
export interface Role {
  readonly name: string;
  readonly login: boolean;
  readonly superuser: boolean;
  readonly createdb: boolean;
  readonly createrole: boolean;
  readonly inherit: boolean;
  readonly replication: boolean;
  readonly bypassRls: boolean;
  /** -1: no limit. */
  readonly connectionLimit: number;
  /** Roles this role is a member of, sorted. */
  readonly memberOf: readonly string[];
  readonly comment: string | null;
}

/**
 * Prefix of the short-lived roles pgform creates for scratch databases on a --dev-url server
 * (src/normalize/scratch.ts). They are pgform's own: never introspected, never declarable.
 */
export const SCRATCH_ROLE_PREFIX = 'pgform_scratch_';
