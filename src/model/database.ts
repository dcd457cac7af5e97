import type { Schema } from './schema.ts';
import type { Extension } from './extension.ts';
import type { EnumType } from './enum.ts';
import type { Domain } from './domain.ts';
import type { CompositeType } from './composite-type.ts';
import type { Collation } from './collation.ts';
import type { Aggregate } from './aggregate.ts';
import type { Sequence } from './sequence.ts';
import type { Table } from './table.ts';
import type { Role } from './role.ts';
import type { View, MaterializedView } from './view.ts';
import type { Routine } from './function.ts';
import type { Trigger } from './trigger.ts';
import type { Policy } from './policy.ts';
import type { Grant, DefaultPrivilege } from './grant.ts';
import type { Hypertable, ContinuousAggregate, Job } from './timescale.ts';
import { byName, compareNames } from './names.ts';
import type { TableData } from './data.ts';
import { sortRows } from './data.ts';

/**
 * The whole managed state of a database. The desired state (YAML, normalized through a scratch
 * database) and the live state (introspected) have this same shape, so they can be diffed.
 * Every list is sorted canonically (see `canonicalize`).
 */
export interface DatabaseModel {
  readonly schemas: readonly Schema[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  /** CREATE DOMAIN types. Left out by older literals: read with `?? []`. */
  readonly domains?: readonly Domain[];
  /** Composite types (CREATE TYPE ... AS (...)). Left out by older literals: read with `?? []`. */
  readonly compositeTypes?: readonly CompositeType[];
  /** CREATE COLLATION. Left out by older literals: read with `?? []`. */
  readonly collations?: readonly Collation[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  /** Live: every role of the cluster except `pg_*`; desired: the roles the YAML declares. */
  readonly roles: readonly Role[];
  readonly views: readonly View[];
  readonly materializedViews: readonly MaterializedView[];
  readonly routines: readonly Routine[];
  /** CREATE AGGREGATE. Left out by older literals: read with `?? []`. */
  readonly aggregates?: readonly Aggregate[];
  readonly triggers: readonly Trigger[];
  readonly policies: readonly Policy[];
  readonly grants: readonly Grant[];
  readonly defaultPrivileges: readonly DefaultPrivilege[];
  /** Desired-state only: roles the YAML asks to drop (roles are otherwise never dropped). */
  readonly dropRoles?: readonly string[];
  /** TimescaleDB hypertables (the tables themselves are in `tables`). */
  readonly hypertables: readonly Hypertable[];
  /** TimescaleDB continuous aggregates. */
  readonly continuousAggregates: readonly ContinuousAggregate[];
  /** TimescaleDB user-defined jobs (add_job). Left out when there are none: read with `?? []`. */
  readonly jobs?: readonly Job[];
  /**
   * Reference rows of the tables that declare them (desired), or those tables' rows as read
   * (live). Left out when there are none; not part of fingerprints.
   */
  readonly data?: readonly TableData[];
}

export function emptyModel(): DatabaseModel {
  return {
    schemas: [],
    extensions: [],
    enums: [],
    domains: [],
    compositeTypes: [],
    collations: [],
    sequences: [],
    tables: [],
    roles: [],
    views: [],
    materializedViews: [],
    routines: [],
    aggregates: [],
    triggers: [],
    policies: [],
    grants: [],
    defaultPrivileges: [],
    hypertables: [],
    continuousAggregates: [],
    jobs: [],
  };
}

/** A model with the given lists and every other list empty. */
export function modelOf(parts: Partial<DatabaseModel>): DatabaseModel {
  return { ...emptyModel(), ...parts };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeyText = <T>(key: (x: T) => string) => (a: T, b: T) => cmp(key(a), key(b));
const sortedStrings = (xs: readonly string[]) => [...xs].sort(cmp);

/** Sorts every list into canonical order; column order is meaningful and kept. */
export function canonicalize(m: DatabaseModel): DatabaseModel {
  // Type kinds added later are left out when empty, so states without them keep their fingerprints.
  const { data, domains, compositeTypes, collations, aggregates, jobs, ...rest } = m;
  return {
    ...rest,
    schemas: [...m.schemas].sort(byName),
    extensions: [...m.extensions].sort(byName),
    enums: [...m.enums].sort(compareNames),
    ...(domains && domains.length > 0
      ? { domains: [...domains].sort(compareNames).map((d) => ({ ...d, checks: [...d.checks].sort(byName) })) }
      : {}),
    ...(compositeTypes && compositeTypes.length > 0 ? { compositeTypes: [...compositeTypes].sort(compareNames) } : {}),
    ...(collations && collations.length > 0 ? { collations: [...collations].sort(compareNames) } : {}),
    sequences: [...m.sequences].sort(compareNames),
    tables: [...m.tables].sort(compareNames).map((t) => ({
      ...t,
      constraints: [...t.constraints].sort(byName),
      indexes: [...t.indexes].sort(byName),
      ...(t.partitionColumns && t.partitionColumns.length > 0 ? { partitionColumns: [...t.partitionColumns].sort(byName) } : {}),
    })),
    roles: [...(m.roles ?? [])].sort(byName).map((r) => ({ ...r, memberOf: sortedStrings(r.memberOf) })),
    views: [...(m.views ?? [])].sort(compareNames).map((v) => ({ ...v, dependsOn: sortedStrings(v.dependsOn) })),
    materializedViews: [...(m.materializedViews ?? [])]
      .sort(compareNames)
      .map((v) => ({ ...v, indexes: [...v.indexes].sort(byName), dependsOn: sortedStrings(v.dependsOn) })),
    routines: [...(m.routines ?? [])]
      .sort(byKeyText((r) => `${r.schema}\u0000${r.name}\u0000${r.identityArguments}`))
      .map((r) => ({ ...r, dependsOn: sortedStrings(r.dependsOn) })),
    ...(aggregates && aggregates.length > 0
      ? { aggregates: [...aggregates].sort(byKeyText((a) => `${a.schema}\u0000${a.name}\u0000${a.identityArguments}`)) }
      : {}),
    triggers: [...(m.triggers ?? [])]
      .sort(byKeyText((t) => `${t.schema}\u0000${t.table}\u0000${t.name}`))
      .map((t) => ({ ...t, dependsOn: sortedStrings(t.dependsOn) })),
    policies: [...(m.policies ?? [])]
      .sort(byKeyText((p) => `${p.schema}\u0000${p.table}\u0000${p.name}`))
      .map((p) => ({ ...p, roles: sortedStrings(p.roles), dependsOn: sortedStrings(p.dependsOn) })),
    grants: [...(m.grants ?? [])].sort(
      byKeyText((g) => [g.objectKind, g.schema, g.name ?? '', g.arguments ?? '', g.column ?? '', g.grantee, g.privilege].join('\u0000')),
    ),
    defaultPrivileges: [...(m.defaultPrivileges ?? [])].sort(
      byKeyText((d) => [d.role, d.schema ?? '', d.objectKind, d.grantee, d.privilege].join('\u0000')),
    ),
    ...(m.dropRoles && m.dropRoles.length > 0 ? { dropRoles: sortedStrings(m.dropRoles) } : {}),
    hypertables: [...(m.hypertables ?? [])].sort(byKeyText((h) => `${h.schema}\u0000${h.table}`)),
    continuousAggregates: [...(m.continuousAggregates ?? [])]
      .sort(compareNames)
      .map((c) => ({ ...c, dependsOn: sortedStrings(c.dependsOn) })),
    ...(jobs && jobs.length > 0 ? { jobs: [...jobs].sort(byKeyText((j) => j.name)) } : {}),
    ...(data && data.length > 0
      ? { data: [...data].sort(byKeyText((d) => `${d.schema}\u0000${d.table}`)).map(sortRows) }
      : {}),
  };
}
