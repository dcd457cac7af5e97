/** What a grant is on. Views and materialized views are `table`s to GRANT. */
export type GrantObjectKind = 'schema' | 'table' | 'sequence' | 'function' | 'column';

/**
 * One privilege held by one grantee on one object: a row of `aclexplode`. The model holds the
 * object's effective privileges, including PostgreSQL's defaults for its kind (EXECUTE on
 * functions to PUBLIC) and excluding the owner's own.
 */
export interface Grant {
  readonly objectKind: GrantObjectKind;
  readonly schema: string;
  /** Relation, sequence or routine name; null for a schema grant. */
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

/** One row of ALTER DEFAULT PRIVILEGES (`pg_default_acl` exploded). */
export interface DefaultPrivilege {
  /** The role whose future objects get the privilege (FOR ROLE). */
  readonly role: string;
  /** IN SCHEMA; null for all schemas. */
  readonly schema: string | null;
  readonly objectKind: DefaultPrivilegeObjectKind;
  readonly grantee: string;
  readonly privilege: string;
  readonly withGrantOption: boolean;
}
