import { keys } from '../model/keys.ts';
import { PHASES, type ObjectKind, type Step } from '../plan/step.ts';
import { ident, qname } from '../sql/quote.ts';
import { display, hazard, step, type DiffContext } from './context.ts';
import { domainRebuilt } from './domains.ts';
import { enumRebuilt } from './enums.ts';
import { compositeTypeRebuilt } from './composite-types.ts';

export type OwnedKind = 'schema' | 'table' | 'view' | 'materialized_view' | 'sequence' | 'function' | 'type' | 'domain' | 'composite_type';

export interface OwnedName {
  readonly schema: string;
  /** The object's name; for a schema, its name again (or empty). */
  readonly name: string;
  /** Identity arguments of a routine. */
  readonly arguments?: string;
  /** For a routine: ALTER FUNCTION or ALTER PROCEDURE; left out, ALTER ROUTINE (valid for both). */
  readonly routineKind?: 'function' | 'procedure';
}

const STEP_KIND: Record<OwnedKind, ObjectKind> = {
  schema: 'schema',
  table: 'table',
  view: 'view',
  materialized_view: 'materialized_view',
  sequence: 'sequence',
  function: 'function',
  type: 'enum',
  domain: 'domain',
  composite_type: 'composite_type',
};

function ownedSql(kind: OwnedKind, n: OwnedName): string {
  switch (kind) {
    case 'schema':
      return `SCHEMA ${ident(n.schema)}`;
    case 'table':
      return `TABLE ${qname(n)}`;
    case 'view':
      return `VIEW ${qname(n)}`;
    case 'materialized_view':
      return `MATERIALIZED VIEW ${qname(n)}`;
    case 'sequence':
      return `SEQUENCE ${qname(n)}`;
    case 'type':
    case 'composite_type':
      return `TYPE ${qname(n)}`;
    case 'domain':
      return `DOMAIN ${qname(n)}`;
    case 'function': {
      const word = n.routineKind === 'procedure' ? 'PROCEDURE' : n.routineKind === 'function' ? 'FUNCTION' : 'ROUTINE';
      return `${word} ${qname(n)}(${n.arguments ?? ''})`;
    }
  }
}

function ownedKeys(kind: OwnedKind, n: OwnedName): string[] {
  switch (kind) {
    case 'schema':
      return [keys.schema(n.schema)];
    case 'table':
      return [keys.table(n.schema, n.name)];
    case 'view':
      return [keys.view(n.schema, n.name)];
    case 'materialized_view':
      return [keys.materializedView(n.schema, n.name)];
    case 'sequence':
      return [keys.sequence(n.schema, n.name)];
    case 'type':
      return [keys.enum(n.schema, n.name), keys.type(n.schema, n.name)];
    case 'domain':
      return [keys.domain(n.schema, n.name)];
    case 'composite_type':
      return [keys.compositeType(n.schema, n.name)];
    case 'function':
      return [keys.routine(n.schema, n.name, n.arguments ?? '')];
  }
}

function ownedText(kind: OwnedKind, n: OwnedName): string {
  if (kind === 'schema') return n.schema;
  if (kind === 'function') return `${display(n.schema, n.name)}(${n.arguments ?? ''})`;
  return display(n.schema, n.name);
}

/**
 * Provided by an owner change: grants on the object wait for it, since ALTER ... OWNER TO rewrites
 * the old owner's entries in the ACL (a grant to the old owner made before it would be lost).
 */
export function ownerChanged(objectKey: string): string {
  return `owner-of:${objectKey}`;
}

/** ALTER ... OWNER TO: requires the object and the role. */
export function ownerStep(kind: OwnedKind, name: OwnedName, owner: string, reason?: string): Step {
  const text = ownedText(kind, name);
  return step({
    kind: STEP_KIND[kind],
    object: text,
    operation: 'owner',
    sql: `ALTER ${ownedSql(kind, name)} OWNER TO ${ident(owner)}`,
    hazards: [hazard('authz_change', `role ${owner} becomes the owner of ${kind.replace('_', ' ')} ${text}: it holds every privilege on it and may grant them`)],
    ...(reason ? { reason } : {}),
    phase: PHASES.owner,
    provides: ownedKeys(kind, name).map(ownerChanged),
    requires: [...ownedKeys(kind, name), keys.role(owner)],
  });
}

interface Owned {
  readonly schema: string;
  readonly name: string;
  readonly owner?: string | null;
}

/** ALTER ... OWNER TO for every object whose desired owner is named and differs from the current one. */
export function diffOwners(ctx: DiffContext): Step[] {
  const { from, to } = ctx;
  const out: Step[] = [];
  const changed = (desired: string | null | undefined, current: string | null | undefined): desired is string =>
    desired !== null && desired !== undefined && desired !== (current ?? null);
  const same = (l: readonly Owned[], x: Owned) => l.find((y) => y.schema === x.schema && y.name === x.name);

  for (const s of to.schemas) {
    if (changed(s.owner, from.schemas.find((f) => f.name === s.name)?.owner)) out.push(ownerStep('schema', { schema: s.name, name: s.name }, s.owner));
  }
  for (const t of to.tables) {
    const pair = ctx.pairOfTo(t.schema, t.name);
    const replaced = ctx.replacements.get(`${t.schema}.${t.name}`)?.old;
    if (replaced && t.owner && t.owner === replaced.owner) {
      // Created again (replaced-tables.ts): the owner it had, no change of who may do what.
      out.push({ ...ownerStep('table', t, t.owner, `${display(t.schema, t.name)} is created again: it gets back its owner`), hazards: [] });
    } else if (changed(t.owner, pair?.from.owner)) out.push(ownerStep('table', t, t.owner));
  }
  for (const v of to.views) if (changed(v.owner, same(from.views, v)?.owner)) out.push(ownerStep('view', v, v.owner));
  for (const v of to.materializedViews) {
    if (changed(v.owner, same(from.materializedViews, v)?.owner)) out.push(ownerStep('materialized_view', v, v.owner));
  }
  const renamedFrom = new Map([...ctx.sequenceRenames].map(([k, name]) => [`${k.slice(0, k.lastIndexOf('.'))}.${name}`, k]));
  for (const s of to.sequences) {
    // A sequence owned by a column follows its table's owner.
    if (s.ownedBy) continue;
    const source = renamedFrom.get(`${s.schema}.${s.name}`);
    const before = from.sequences.find((f) => (source ? `${f.schema}.${f.name}` === source : f.schema === s.schema && f.name === s.name));
    if (changed(s.owner, before?.owner)) out.push(ownerStep('sequence', s, s.owner));
  }
  for (const e of to.enums) {
    const before = from.enums.find((f) => f.schema === e.schema && f.name === e.name);
    // A recreated enum belongs to whoever runs the plan: a named owner is set again.
    if (changed(e.owner, before && !enumRebuilt(before, e) ? before.owner : undefined)) out.push(ownerStep('type', e, e.owner));
  }
  // A domain or composite type dropped and created again belongs to whoever runs the plan: named again.
  for (const d of to.domains ?? []) {
    const before = (from.domains ?? []).find((f) => f.schema === d.schema && f.name === d.name);
    if (changed(d.owner, before && !domainRebuilt(before, d) ? before.owner : undefined)) out.push(ownerStep('domain', d, d.owner));
  }
  for (const c of to.compositeTypes ?? []) {
    const before = (from.compositeTypes ?? []).find((f) => f.schema === c.schema && f.name === c.name);
    if (changed(c.owner, before && !compositeTypeRebuilt(before, c) ? before.owner : undefined)) out.push(ownerStep('composite_type', c, c.owner));
  }
  for (const r of to.routines) {
    const before = from.routines.find((f) => f.schema === r.schema && f.name === r.name && f.identityArguments === r.identityArguments);
    if (changed(r.owner, before?.owner)) {
      out.push(ownerStep('function', { schema: r.schema, name: r.name, arguments: r.identityArguments, routineKind: r.kind }, r.owner));
    }
  }
  return out;
}
