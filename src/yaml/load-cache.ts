import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { DatabaseModel } from '../model/database.ts';
import type { SourcePosition } from '../model/source.ts';
import { readCached, writeCached } from '../content-cache.ts';
import { PGFORM_VERSION } from '../version.ts';
import { planDate } from '../config/today.ts';
import { loadSchemaFiles, type LoadedSchema, type SchemaFile } from './load.ts';

/** What a cache entry holds: the loaded schema, its Map as entries. */
interface CachedLoad {
  readonly model: DatabaseModel;
  readonly sources: readonly (readonly [string, SourcePosition])[];
  readonly files: readonly string[];
}

/**
 * Loads schema files, or takes the result of an earlier load of the very same files (same paths,
 * same bytes, same pgform code, same date planned for) from the cache: unchanged YAML is not parsed again. Only
 * successful loads are kept, so every problem is still reported on every run.
 */
export function loadSchemaFilesCached(files: readonly SchemaFile[], cacheDir: string | null): LoadedSchema {
  if (cacheDir === null) return loadSchemaFiles(files);
  const key = loadKey(files);
  const hit = readCached<CachedLoad>(cacheDir, 'loaded', key);
  if (hit !== null && Array.isArray(hit.sources) && Array.isArray(hit.files) && hit.model !== null && typeof hit.model === 'object') {
    return { model: hit.model, sources: new Map(hit.sources), files: hit.files };
  }
  const loaded = loadSchemaFiles(files);
  const text = exactJson({ model: loaded.model, sources: [...loaded.sources], files: loaded.files });
  if (text !== null) writeCached(cacheDir, 'loaded', key, text);
  return loaded;
}

function loadKey(files: readonly SchemaFile[]): string {
  // Partition rules unfold into the partitions of the date planned for: the date is part of the key.
  const h = createHash('sha256').update(`loaded\u0000${PGFORM_VERSION}\u0000${codeStamp()}\u0000${planDate()}\u0000`);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(`${f.path.length}:${f.path}\u0000${f.text.length}:`).update(f.text);
  }
  return h.digest('hex');
}

/**
 * JSON that reads back as exactly the value, or null when it would not (a number JSON cannot
 * hold, like `.inf` in a data row, or anything but plain data): such a schema is not cached.
 */
function exactJson(value: unknown): string | null {
  // Checked by a walk of its own, then stringified without a replacer (a replacer is a call per
  // value: on 20,000 tables it took as long as the walk and the stringify together).
  return jsonExact(value) ? JSON.stringify(value) : null;
}

function jsonExact(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        // An undefined list item would read back as null (an undefined property is just left out).
        for (const x of v) if (x === undefined || !jsonExact(x)) return false;
        return true;
      }
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined && !jsonExact(x)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

let stamp: string | null = null;

/**
 * The loader's own code, by its files' sizes and times: a changed pgform (a new build, or a
 * source tree being edited) never reads entries an older one wrote.
 */
function codeStamp(): string {
  if (stamp !== null) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const parts: string[] = [];
  for (const dir of [here, join(here, 'kinds'), join(here, '..', 'model'), join(here, '..', 'sql')]) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const st = statSync(join(dir, name), { throwIfNoEntry: false });
      if (st?.isFile()) parts.push(`${name}:${st.size}:${st.mtimeMs}`);
    }
  }
  stamp = createHash('sha256').update(parts.join('\n')).digest('hex');
  return stamp;
}
