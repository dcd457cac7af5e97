import { createHash } from 'node:crypto';
import type { DatabaseModel } from './database.ts';
import { canonicalize } from './database.ts';
import { canonicalJson } from './canonical-json.ts';
import { withoutDefaultTypeGrants } from './grant.ts';

/**
 * Keys that annotate the desired state (how to get there) but are not part of the state itself.
 * Owners are managed only where the YAML names them, so they are compared by the diff (which
 * knows which are managed), not by fingerprints; the same goes for role attributes below.
 */
const ANNOTATION_KEYS = new Set(['renamedFrom', 'using', 'reverseUsing', 'backfill', 'irreversible', 'recursive', 'withNoData', 'refresh', 'owner', 'partitionRule', 'convertToPartitioned', 'transactionPerChunk']);
/**
 * Cluster-wide: live lists every role of the cluster, desired only the declared ones. Reference
 * rows are not schema: a plan's fingerprints must hold whatever the rows are.
 */
const UNFINGERPRINTED_LISTS = new Set(['roles', 'dropRoles', 'data']);

function stripAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripAnnotations);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!ANNOTATION_KEYS.has(k)) out[k] = stripAnnotations(v);
    return out;
  }
  return value;
}

/**
 * Texts already computed, by model object: models are immutable, so a state asked for again (its
 * cache key, then its fingerprint, then the plan's source) is serialized once.
 */
const texts = new WeakMap<DatabaseModel, string>();

/** The state as canonical text: what fingerprints hash and what "equal states" means. */
export function stateText(m: DatabaseModel): string {
  let text = texts.get(m);
  if (text === undefined) {
    text = computeStateText(m);
    texts.set(m, text);
  }
  return text;
}

function computeStateText(m: DatabaseModel): string {
  const c = canonicalize(m);
  // An extension's version is managed only where the YAML pins one, like owners.
  const withoutVersions = { ...c, extensions: c.extensions.map(({ version: _v, ...e }) => e), grants: withoutDefaultTypeGrants(c.grants) };
  const top = Object.entries(withoutVersions).filter(([k]) => !UNFINGERPRINTED_LISTS.has(k));
  return canonicalJson(stripAnnotations(Object.fromEntries(top)));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Short, stable fingerprint of a database state: `sha256:` plus 16 hex digits. */
export function fingerprint(m: DatabaseModel): string {
  return `sha256:${sha256(stateText(m)).slice(0, 16)}`;
}
