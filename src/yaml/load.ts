import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '../model/database.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { SourcePosition } from '../model/source.ts';
import { UserError } from '../errors.ts';
import { LoadContext } from './context.ts';
import type { DraftModel } from './context.ts';
import { parseFile } from './documents.ts';
import type { ParsedDocument } from './documents.ts';
import { checkNamespaces } from './kinds/namespace.ts';
import { KINDS } from './kinds/registry.ts';
import { sortProblems, YamlError } from './problems.ts';
import type { Problem } from './problems.ts';

export { YamlError } from './problems.ts';
export type { Problem } from './problems.ts';
import { validateDocument } from './validate.ts';
import { checkSqlFragments } from './sql-fragments.ts';
import { checkViewCycles } from './view-cycles.ts';
import { sqlParser } from '../sql/parser.ts';

export interface LoadedSchema {
  /** The desired state as written: names '' where PostgreSQL chooses them, SQL text verbatim. */
  readonly model: DatabaseModel;
  /** Where each object was declared, by `keys` identity key. */
  readonly sources: ReadonlyMap<string, SourcePosition>;
  /** The files read, in load order. */
  readonly files: readonly string[];
}

export interface SchemaFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Loads schema files (given as text) into the raw model. Files load in path order. Problems are
 * collected in two rounds: syntax and JSON Schema problems first (the content is not interpreted
 * while its shape is wrong), then problems of meaning (duplicates, clashing names, dangling
 * references, SQL fragments that are not what their key allows). Throws a YamlError listing every
 * problem of the first round that has any. Needs the SQL parser loaded (`loadSqlParser`).
 */
export function loadSchemaFiles(files: readonly SchemaFile[], opts: { readonly subset?: boolean } = {}): LoadedSchema {
  const subset = opts.subset ?? true;
  const parse = sqlParser();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const paths = sorted.map((f) => f.path);
  // Block-style files are read by the fast subset reader first. Should anything be wrong, the
  // files are read again by the general parser, so that every problem is reported by it.
  const fail = (problems: readonly Problem[]) => {
    if (documents.some((d) => d.fromSubset)) return loadSchemaFiles(files, { subset: false });
    throw new YamlError(sortProblems(problems, paths));
  };

  const documents: ParsedDocument[] = [];
  const shapeProblems: Problem[] = [];
  for (const f of sorted) {
    const parsed = parseFile(f.path, f.text, { subset });
    shapeProblems.push(...parsed.problems);
    for (const d of parsed.documents) {
      shapeProblems.push(...validateDocument(d));
      documents.push(d);
    }
  }
  if (shapeProblems.length > 0) return fail(shapeProblems);

  const ctx = new LoadContext();
  for (const kind of KINDS) {
    for (const d of documents) {
      const entries = (d.value as Record<string, unknown> | null)?.[kind.key];
      if (entries === undefined || entries === null) continue;
      // Most kinds are mappings by name; a list kind (`drop_roles`) has its items by index.
      const pairs: [string | number, unknown][] = Array.isArray(entries)
        ? entries.map((value, i) => [i, value])
        : Object.entries(entries as Record<string, unknown>);
      for (const [seg, value] of pairs) {
        kind.load({ name: String(seg), value, loc: { doc: d, path: [kind.key, seg], part: 'key' } }, ctx);
      }
    }
  }
  for (const kind of KINDS) kind.check?.(ctx);
  checkNamespaces(ctx);
  for (const d of documents) ctx.problems.push(...checkSqlFragments(d, parse));
  if (ctx.problems.length > 0) return fail(ctx.problems);
  const cycles = checkViewCycles(documents, parse);
  if (cycles.length > 0) return fail(cycles);

  return { model: canonicalize(withoutEmptyOptionalLists(ctx.model)), sources: ctx.sources, files: paths };
}

/** `dropRoles`, a desired-only list, is left out when empty. */
function withoutEmptyOptionalLists(draft: DraftModel): DatabaseModel {
  const { dropRoles, ...rest } = draft;
  return { ...rest, ...(dropRoles.length > 0 ? { dropRoles } : {}) };
}

const SCHEMA_FILE = /\.ya?ml$/i;

/**
 * Paths of the `.yaml`/`.yml` files under `dir`, recursively, sorted. Hidden entries and
 * node_modules are skipped.
 */
export function schemaFilePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && SCHEMA_FILE.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Reads every schema file under `dir` and loads them. File names in problems are as joined onto `dir`.
 * Needs the SQL parser loaded (`loadSqlParser`).
 */
export function loadSchemaDir(dir: string): LoadedSchema {
  return loadSchemaFiles(readSchemaDir(dir));
}

/** The schema files under `dir`, read and checked to be UTF-8 (paths as joined onto `dir`). */
export function readSchemaDir(dir: string): SchemaFile[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UserError(`schema directory not found: ${dir}`);
  }
  if (!st.isDirectory()) throw new UserError(`not a directory: ${dir}`);
  const paths = schemaFilePaths(dir);
  if (paths.length === 0) throw new UserError(`no .yaml or .yml files in ${dir}`);
  return paths.map(readSchemaFile);
}

/**
 * Reads a schema file as UTF-8, refusing what is not: invalid bytes (a Latin-1 or UTF-16 file)
 * would otherwise become U+FFFD silently, and a NUL byte cannot reach PostgreSQL. Located errors.
 */
export function readSchemaFile(path: string): SchemaFile {
  const bytes = readFileSync(path);
  const bad = firstInvalidUtf8(bytes);
  const nul = bytes.indexOf(0);
  const offset = bad >= 0 && (nul < 0 || bad < nul) ? bad : nul;
  if (offset >= 0) {
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = bytes.subarray(0, lineStart).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    const column = bytes.subarray(lineStart, offset).toString('utf8').length + 1;
    const message =
      offset === bad
        ? `not valid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}): save the file as UTF-8`
        : 'contains a NUL byte (U+0000), which PostgreSQL text cannot hold';
    throw new YamlError([{ file: path, line, column, path: '', message }]);
  }
  return { path, text: bytes.toString('utf8') };
}

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

