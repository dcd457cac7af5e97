import type { Connection } from '../db/connection.ts';
import { modelOf, type DatabaseModel } from '../model/database.ts';
import type { EnumType } from '../model/enum.ts';
import type { Domain } from '../model/domain.ts';
import type { CompositeType } from '../model/composite-type.ts';
import type { Schema } from '../model/schema.ts';
import type { Table } from '../model/table.ts';
import type { View, MaterializedView } from '../model/view.ts';
import type { Routine } from '../model/function.ts';
import type { Sequence } from '../model/sequence.ts';
import type { Index } from '../model/index.ts';
import type { QualifiedName } from '../model/names.ts';
import { fingerprint } from '../model/fingerprint.ts';
import { withReachableColumnOrder } from '../diff/column-order.ts';
import { introspect } from '../introspect/index.ts';
import { readTableData } from '../introspect/data.ts';
import { normalizeModel } from '../normalize/normalize.ts';
import { normalizeToFixedPoint } from '../normalize/fixed-point.ts';
import { inPhase, startPhase } from '../progress.ts';
import type { SourcePosition } from '../model/source.ts';
import { UserError } from '../errors.ts';
import { withLiveRollingPartitions } from './rolling-partitions.ts';
import { withKeptUnpartitioned } from './conversions.ts';

/** Where normalization happens and caches. */
export interface Workspace {
  readonly cacheDir: string | null;
  readonly devUrl: string | null;
  /** Told about choices the user should know of (stderr in the CLI). */
  readonly note?: (message: string) => void;
}

export interface ComparedStates {
  /** The live state as introspected. */
  readonly liveRaw: DatabaseModel;
  /** The live state in the same canonical form as `desired` (see `comparableLive`). */
  readonly live: DatabaseModel;
  readonly desired: DatabaseModel;
  readonly sourceFingerprint: string;
  readonly targetFingerprint: string;
}

export async function desiredState(
  raw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
  sources?: ReadonlyMap<string, SourcePosition>,
): Promise<DatabaseModel> {
  const done = startPhase('normalizing the schema');
  try {
    return await normalizedDesired(raw, managedSchemas, ws, sources);
  } finally {
    done();
  }
}

async function normalizedDesired(
  raw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
  sources?: ReadonlyMap<string, SourcePosition>,
): Promise<DatabaseModel> {
  return normalizeToFixedPoint(raw, { cacheDir: ws.cacheDir, devUrl: ws.devUrl, managedSchemas, ...(sources === undefined ? {} : { sources }) });
}

/**
 * The live state in the same canonical form as the desired one. PostgreSQL's deparsed text is not
 * always a fixed point (a CHECK written as `role IN ('a', 'b')` on a varchar column reads back as
 * an ARRAY cast that parses differently again), and it differs across major versions. So the live
 * state goes through the scratch engine too, exactly like the YAML: both sides of the diff are
 * then texts that engine produced from deparsed SQL. Cached by content, so it costs once per state.
 */
export async function comparableLive(
  conn: Connection,
  liveRaw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<DatabaseModel> {
  try {
    const normalized = await inPhase('normalizing the live state', () =>
      normalizeModel(liveRaw, { cacheDir: ws.cacheDir, devUrl: ws.devUrl, managedSchemas }),
    );
    return keepLiveValidity(normalized, liveRaw);
  } catch (e) {
    const sameEngine = conn.engine === 'pglite' && !ws.devUrl;
    if (sameEngine) {
      ws.note?.(`note: comparing the live state as read (it could not be recreated in a scratch database: ${(e as Error).message.split('\n')[0]})`);
      return liveRaw;
    }
    throw new UserError(
      `cannot bring the live state into the scratch engine's canonical form: ${(e as Error).message}\n` +
        'give --dev-url with a scratch database on a server of the live version',
    );
  }
}

/**
 * A scratch database rebuilds every index, constraint and domain check valid. What the live
 * database holds invalid (an index of a failed or killed concurrent build, a constraint added NOT
 * VALID whose validation never committed) stays so in the comparison form: drift reports it, the
 * plan rebuilds or validates it, and verification fails while it remains.
 */
export function keepLiveValidity(normalized: DatabaseModel, raw: DatabaseModel): DatabaseModel {
  const invalid = new Map<string, { indexes: Set<string>; constraints: Set<string> }>();
  for (const r of [...raw.tables, ...raw.materializedViews]) {
    const indexes = new Set(r.indexes.filter((i) => !i.valid).map((i) => i.name));
    const constraints = new Set('constraints' in r ? r.constraints.filter((c) => !c.valid).map((c) => c.name) : []);
    if (indexes.size + constraints.size > 0) invalid.set(JSON.stringify([r.schema, r.name]), { indexes, constraints });
  }
  const invalidChecks = new Map<string, Set<string>>();
  for (const d of raw.domains ?? []) {
    const names = new Set(d.checks.filter((c) => !c.valid).map((c) => c.name));
    if (names.size > 0) invalidChecks.set(JSON.stringify([d.schema, d.name]), names);
  }
  if (invalid.size === 0 && invalidChecks.size === 0) return normalized;
  const markIndexes = <T extends QualifiedName & { readonly indexes: readonly Index[] }>(r: T): T => {
    const names = invalid.get(JSON.stringify([r.schema, r.name]))?.indexes;
    return names && names.size > 0 ? { ...r, indexes: r.indexes.map((i) => (names.has(i.name) ? { ...i, valid: false } : i)) } : r;
  };
  const markTable = (t: Table): Table => {
    const names = invalid.get(JSON.stringify([t.schema, t.name]))?.constraints;
    const marked = markIndexes(t);
    return names && names.size > 0 ? { ...marked, constraints: marked.constraints.map((c) => (names.has(c.name) ? { ...c, valid: false } : c)) } : marked;
  };
  const markDomain = (d: Domain): Domain => {
    const names = invalidChecks.get(JSON.stringify([d.schema, d.name]));
    return names ? { ...d, checks: d.checks.map((c) => (names.has(c.name) ? { ...c, valid: false } : c)) } : d;
  };
  return {
    ...normalized,
    tables: normalized.tables.map(markTable),
    materializedViews: normalized.materializedViews.map(markIndexes),
    ...(normalized.domains !== undefined ? { domains: normalized.domains.map(markDomain) } : {}),
  };
}

export async function compareStates(
  conn: Connection,
  desired: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<ComparedStates> {
  const liveRaw = await inPhase('reading the database', () => introspect(conn, { schemas: managedSchemas }));
  const comparable = await comparableLive(conn, liveRaw, managedSchemas, ws);
  // Rolling partition rules keep the live partitions still within their retention.
  desired = withLiveRollingPartitions(desired, comparable);
  // Tables converted to partitioned ones keep the old table while the YAML consents.
  desired = withKeptUnpartitioned(desired, comparable);
  const scoped = scopeToDesired(comparable, desired);
  // Rows only of the tables the YAML declares data for (not fingerprinted).
  const live = desired.data ? { ...scoped, data: await readTableData(conn, desired.data) } : scoped;
  // The target as a plan reaches it: existing tables keep the order of their columns.
  const target = fingerprint(withReachableColumnOrder(live, desired));
  return { liveRaw, live, desired, sourceFingerprint: fingerprint(live), targetFingerprint: target };
}

/** A state without what fingerprints leave out too: roles and owners (cluster-wide, or unmanaged). */
export function withoutClusterState(m: DatabaseModel): DatabaseModel {
  return scopeToDesired(m, modelOf({}));
}

/**
 * The live state limited to what the desired state manages: owners only where the YAML names
 * one, roles only those it declares (the cluster's other roles are none of its business).
 */
export function scopeToDesired(live: DatabaseModel, desired: DatabaseModel): DatabaseModel {
  const q = (o: { schema: string; name: string }) => `${o.schema}.${o.name}`;
  const managedOwners = new Set<string>();
  const note = (kind: string, key: string, owner: string | null | undefined) => {
    if (owner !== null && owner !== undefined) managedOwners.add(`${kind}:${key}`);
  };
  for (const o of desired.schemas) note('schema', o.name, o.owner);
  for (const o of desired.enums) note('enum', q(o), o.owner);
  for (const o of desired.domains ?? []) note('domain', q(o), o.owner);
  for (const o of desired.compositeTypes ?? []) note('composite_type', q(o), o.owner);
  for (const o of desired.sequences) note('sequence', q(o), o.owner);
  for (const o of desired.tables) note('table', q(o), o.owner);
  for (const o of desired.views) note('view', q(o), o.owner);
  for (const o of desired.materializedViews) note('materialized_view', q(o), o.owner);
  for (const o of desired.routines) note('function', `${q(o)}(${o.identityArguments})`, o.owner);
  const keep = <T extends { readonly owner?: string | null }>(kind: string, key: (o: T) => string) => (o: T): T =>
    managedOwners.has(`${kind}:${key(o)}`) ? o : { ...o, owner: null };
  const declared = new Set(desired.roles.map((r) => r.name));
  const pinned = new Map(desired.extensions.map((e) => [e.name, e.version]));
  return {
    ...live,
    extensions: live.extensions.map((e) => (pinned.get(e.name) ? e : { ...e, version: null })),
    roles: live.roles.filter((r) => declared.has(r.name)),
    schemas: live.schemas.map(keep<Schema>('schema', (o) => o.name)),
    enums: live.enums.map(keep<EnumType>('enum', q)),
    ...(live.domains ? { domains: live.domains.map(keep<Domain>('domain', q)) } : {}),
    ...(live.compositeTypes ? { compositeTypes: live.compositeTypes.map(keep<CompositeType>('composite_type', q)) } : {}),
    sequences: live.sequences.map(keep<Sequence>('sequence', q)),
    tables: live.tables.map(keep<Table>('table', q)),
    views: live.views.map(keep<View>('view', q)),
    materializedViews: live.materializedViews.map(keep<MaterializedView>('materialized_view', q)),
    routines: live.routines.map(keep<Routine>('function', (o) => `${q(o)}(${o.identityArguments})`)),
  };
}

/** The live fingerprint as plans record it (in the comparison form). */
export async function liveFingerprint(conn: Connection, managedSchemas: readonly string[], ws: Workspace): Promise<string> {
  return (await liveState(conn, managedSchemas, ws)).fingerprint;
}

/** The live state as read, and its fingerprint as plans record it. */
export async function liveState(
  conn: Connection,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<{ readonly raw: DatabaseModel; readonly fingerprint: string }> {
  const raw = await inPhase('reading the database', () => introspect(conn, { schemas: managedSchemas }));
  return { raw, fingerprint: fingerprint(await comparableLive(conn, raw, managedSchemas, ws)) };
}

/** `schema.table.index` of every invalid index, for messages. */
export function invalidIndexNames(m: DatabaseModel): string[] {
  return [...m.tables, ...m.materializedViews].flatMap((r) => r.indexes.filter((i) => !i.valid).map((i) => `${r.schema}.${r.name}.${i.name}`));
}
