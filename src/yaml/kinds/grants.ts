import type { Grant, GrantObjectKind } from '../../model/grant.ts';
import { below, positionOf, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';

/** One entry of an object's `grants:` list. */
export interface GrantYaml {
  readonly to: string | readonly string[];
  readonly privileges: string | readonly string[];
  readonly with_grant_option?: boolean;
  readonly columns?: readonly string[];
}

/** The object a `grants:` list belongs to. Views and materialized views are `table`s to GRANT. */
export interface GrantTarget {
  readonly objectKind: Exclude<GrantObjectKind, 'column'>;
  readonly schema: string;
  /** Null for a schema. */
  readonly name: string | null;
  /** Identity arguments of a routine; null otherwise. */
  readonly arguments: string | null;
  /** For messages, e.g. `table \`public.users\``. */
  readonly what: string;
  /** The relation's columns when known (tables, views with a column list); null when unknown. */
  readonly columns: readonly string[] | null;
}

/** Privileges each kind of object can be granted, in the order pull writes them. */
export const PRIVILEGES: Readonly<Record<GrantObjectKind, readonly string[]>> = {
  schema: ['USAGE', 'CREATE'],
  // MAINTAIN exists from PostgreSQL 17 on.
  table: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  function: ['EXECUTE'],
  type: ['USAGE'],
};

export const PUBLIC_GRANTEE = 'PUBLIC';

/** `public` in any case is the PUBLIC pseudo-role (no role can be named so). */
export function granteeName(name: string): string {
  return name.toLowerCase() === 'public' ? PUBLIC_GRANTEE : name;
}

/** A YAML value that may be one item or a list of them. */
export function listOf<T>(v: T | readonly T[] | undefined): readonly T[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/**
 * What PostgreSQL grants an object of this kind when it is created (its default ACL, less the
 * owner's own): EXECUTE to PUBLIC on routines, USAGE to PUBLIC on types and on the `public`
 * schema (as initdb leaves it), nothing otherwise. An object whose YAML has no `grants` gets these.
 */
export function defaultGrants(target: Omit<GrantTarget, 'what' | 'columns'>): Grant[] {
  const base = { objectKind: target.objectKind, schema: target.schema, name: target.name, arguments: target.arguments, column: null, grantee: PUBLIC_GRANTEE, withGrantOption: false };
  if (target.objectKind === 'function') return [{ ...base, privilege: 'EXECUTE' }];
  if (target.objectKind === 'type') return [{ ...base, privilege: 'USAGE' }];
  if (target.objectKind === 'schema' && target.schema === 'public') return [{ ...base, privilege: 'USAGE' }];
  return [];
}

/** `ALL` / `ALL PRIVILEGES` in a privilege list: every privilege of the kind. */
export function isAllPrivileges(p: string): boolean {
  return /^ALL(\s+PRIVILEGES)?$/i.test(p.trim());
}

/**
 * Key recording that the grants under `sourceKey` were written `ALL`: on a server older than 17,
 * ALL holds no MAINTAIN (see workflow/server-version.ts).
 */
export function allGrantSourceKey(sourceKey: string): string {
  return `all:${sourceKey}`;
}

/** Key of where one privilege of the grants under `sourceKey` is written (for version errors). */
export function privilegeSourceKey(sourceKey: string, privilege: string): string {
  return `privilege:${sourceKey}:${privilege}`;
}

/**
 * Key under which a grant's source position is recorded:
 * `grant:<objectKind>:<schema>.<name>:<grantee>`, where a schema grant is `grant:schema:<schema>:<grantee>`,
 * a routine's name carries its identity arguments (`f(integer)`), and a column grant is
 * `grant:column:<schema>.<table>.<column>:<grantee>`.
 */
export function grantSourceKey(g: Pick<Grant, 'objectKind' | 'schema' | 'name' | 'arguments' | 'column' | 'grantee'>): string {
  let object = g.schema;
  if (g.name !== null) object += `.${g.name}`;
  if (g.objectKind === 'function') object += `(${g.arguments ?? ''})`;
  if (g.objectKind === 'column') object += `.${g.column ?? ''}`;
  return `grant:${g.objectKind}:${object}:${g.grantee}`;
}

/**
 * Loads an object's `grants:` (complete when present; the kind's default when absent) into
 * `ctx.model.grants`. Privileges are checked against the kind; roles are not (they are checked
 * against the live database when planning).
 */
export function loadGrants(ctx: LoadContext, target: GrantTarget, value: readonly GrantYaml[] | undefined, objectLoc: Loc): void {
  const base = { objectKind: target.objectKind, schema: target.schema, name: target.name, arguments: target.arguments };
  if (value === undefined) {
    ctx.model.grants.push(...defaultGrants(base));
    return;
  }
  const byIdentity = new Map<string, Grant>();
  value.forEach((entry, i) => {
    const loc = below(objectLoc, 'grants', i);
    const columns = entry.columns ?? [];
    const kind: GrantObjectKind = entry.columns !== undefined ? 'column' : target.objectKind;
    if (entry.columns !== undefined && target.objectKind !== 'table') {
      ctx.problem(below(loc, 'columns'), `column grants are for tables and views, not for ${target.what}`);
      return;
    }
    if (target.columns !== null) {
      columns.forEach((c, j) => {
        if (!target.columns!.includes(c)) ctx.problem(valueOf(below(loc, 'columns', j)), `${target.what} has no column \`${c}\``);
      });
    }
    const privileges: string[] = [];
    const privilegeAt = new Map<string, Loc>();
    const privilegesLoc = below(loc, 'privileges');
    let all = false;
    listOf(entry.privileges).forEach((p, j) => {
      const at = valueOf(Array.isArray(entry.privileges) ? below(privilegesLoc, j) : privilegesLoc);
      const upper = p.toUpperCase();
      const allowed = PRIVILEGES[kind];
      if (isAllPrivileges(p)) {
        all = true;
        privileges.push(...allowed);
        for (const a of allowed) if (!privilegeAt.has(a)) privilegeAt.set(a, at);
      } else if (!allowed.includes(upper)) {
        const on = kind === 'column' ? 'columns' : target.what;
        ctx.problem(at, `privilege \`${p}\` cannot be granted on ${on}; expected ALL or one of: ${allowed.join(', ')}`);
      } else {
        privileges.push(upper);
        privilegeAt.set(upper, at);
      }
    });
    const toLoc = below(loc, 'to');
    listOf(entry.to).forEach((role, j) => {
      const grantee = granteeName(role);
      const at = valueOf(Array.isArray(entry.to) ? below(toLoc, j) : toLoc);
      for (const column of kind === 'column' ? columns : [null]) {
        for (const privilege of privileges) {
          const g: Grant = { ...base, objectKind: kind, column, grantee, privilege, withGrantOption: entry.with_grant_option ?? false };
          const id = `${column ?? ''}\u0000${grantee}\u0000${privilege}`;
          const earlier = byIdentity.get(id);
          // The same privilege listed twice: one grant, with the grant option if either asks for it.
          byIdentity.set(id, earlier === undefined ? g : { ...earlier, withGrantOption: earlier.withGrantOption || g.withGrantOption });
          const key = grantSourceKey(g);
          if (!ctx.sources.has(key)) ctx.sources.set(key, positionOf(at));
          if (all) ctx.sources.set(allGrantSourceKey(key), positionOf(privilegesLoc));
          const pAt = privilegeAt.get(privilege);
          if (pAt && !ctx.sources.has(privilegeSourceKey(key, privilege))) ctx.sources.set(privilegeSourceKey(key, privilege), positionOf(pAt));
        }
      }
    });
  });
  ctx.model.grants.push(...byIdentity.values());
}
