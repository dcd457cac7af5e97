/**
 * What a grant is on. Views, materialized views and TimescaleDB continuous aggregates (their
 * user-facing view) are `table`s to GRANT; enums, domains and composite types are `type`s.
 */
export type GrantObjectKind = 'schema' | 'table' | 'sequence' | 'function' | 'type' | 'column';

/**
 * One privilege held by one grantee on one object: a row of `aclexplode`. The model holds the
 * object's effective privileges, including PostgreSQL's defaults for its kind (EXECUTE on
 * functions to PUBLIC) and excluding the owner's own.
 */
export interface Grant {
  readonly objectKind: GrantObjectKind;
  readonly schema: string;
  /** Relation, sequence, routine or type name; null for a schema grant. */
  readonly name: string | null;
  /** Identity arguments of a routine (see `Routine.identityArguments`); null otherwise. */
  readonly arguments: string | null;
  /** The column of a column grant. */
  readonly column: string | null;
  /** Role name, or `PUBLIC`. */
  readonly grantee: string;
  /** Upper case: SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE, CREATE, EXECUTE. */
  readonly privilege: string;
  readonly withGrantOption: boolean;
}

export type DefaultPrivilegeObjectKind = 'tables' | 'sequences' | 'functions' | 'types' | 'schemas';

/**
 * One row of ALTER DEFAULT PRIVILEGES (`pg_default_acl` exploded). A database-wide entry
 * (schema null) replaces PostgreSQL's built-in defaults (`BUILT_IN_DEFAULT_PRIVILEGES`), so
 * database-wide rows are stated relative to them: a grant the built-ins lack is a plain row, a
 * built-in withdrawn is a row with `revoked: true`, a built-in kept is not listed. Entries IN
 * SCHEMA only add to the database-wide ones: their rows are all plain grants.
 */
export interface DefaultPrivilege {
  /** The role whose future objects get the privilege (FOR ROLE). */
  readonly role: string;
  /** IN SCHEMA; null for all schemas. */
  readonly schema: string | null;
  readonly objectKind: DefaultPrivilegeObjectKind;
  readonly grantee: string;
  readonly privilege: string;
  readonly withGrantOption: boolean;
  /** True: this built-in default (database-wide only) is withdrawn. Absent or false: granted. */
  readonly revoked?: boolean;
}

/**
 * What every role's future objects grant others without any ALTER DEFAULT PRIVILEGES
 * (`acldefault`, less the owner's own): EXECUTE on functions and USAGE on types to PUBLIC.
 */
export const BUILT_IN_DEFAULT_PRIVILEGES: readonly Pick<DefaultPrivilege, 'objectKind' | 'grantee' | 'privilege'>[] = [
  { objectKind: 'functions', grantee: 'PUBLIC', privilege: 'EXECUTE' },
  { objectKind: 'types', grantee: 'PUBLIC', privilege: 'USAGE' },
];

/** Whether a database-wide default privilege is one of the built-in ones. */
export function isBuiltInDefaultPrivilege(d: Pick<DefaultPrivilege, 'objectKind' | 'grantee' | 'privilege'>): boolean {
  return BUILT_IN_DEFAULT_PRIVILEGES.some((b) => b.objectKind === d.objectKind && b.grantee === d.grantee && b.privilege === d.privilege);
}


/** Whether a type's grants are what every new type has: USAGE to PUBLIC, nothing else. */
function isDefaultTypeAcl(grants: readonly Grant[]): boolean {
  return grants.length === 1 && grants[0]!.grantee === 'PUBLIC' && grants[0]!.privilege === 'USAGE' && !grants[0]!.withGrantOption;
}

/**
 * The grants less those of types whose privileges are the default (USAGE to PUBLIC): what a
 * state's canonical text holds, so that states read before types' privileges were modelled keep
 * their fingerprints (committed plans name them) while a changed type ACL still counts.
 */
export function withoutDefaultTypeGrants(grants: readonly Grant[]): readonly Grant[] {
  const byType = new Map<string, Grant[]>();
  for (const g of grants) {
    if (g.objectKind !== 'type') continue;
    const k = JSON.stringify([g.schema, g.name]);
    byType.set(k, [...(byType.get(k) ?? []), g]);
  }
  const defaults = new Set([...byType].filter(([, l]) => isDefaultTypeAcl(l)).map(([k]) => k));
  if (defaults.size === 0) return grants;
  return grants.filter((g) => g.objectKind !== 'type' || !defaults.has(JSON.stringify([g.schema, g.name])));
}
