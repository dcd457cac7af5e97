import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { canonicalize } from '../model/database.ts';
import type { DatabaseModel } from '../model/database.ts';
import type { YamlMap } from './emit/common.ts';
import { extensionsYaml, schemasYaml } from './emit/schemas.ts';
import { sequencesYaml } from './emit/sequences.ts';
import { tablesYaml } from './emit/tables.ts';
import { typesYaml } from './emit/types.ts';

const SCHEMAS_FILE = 'schemas.yaml';

/**
 * Writes a (canonical, introspected) model as schema files: `schemas.yaml` with the schemas and
 * extensions, and one `<schema>.yaml` per schema with its types, sequences and tables. Loading
 * the files back gives the same model. Pure and deterministic: file name -> YAML text.
 */
export function modelToYamlFiles(model: DatabaseModel): Map<string, string> {
  const m = canonicalize(model);
  const files = new Map<string, string>();
  const top: YamlMap = {};
  if (m.schemas.length > 0) top.schemas = schemasYaml(m.schemas);
  if (m.extensions.length > 0) top.extensions = extensionsYaml(m.extensions);
  if (Object.keys(top).length > 0) files.set(SCHEMAS_FILE, render(top));

  const schemaNames = [...new Set([...m.enums, ...m.sequences, ...m.tables].map((o) => o.schema))].sort();
  for (const schema of schemaNames) {
    const inSchema = <T extends { readonly schema: string }>(list: readonly T[]) => list.filter((o) => o.schema === schema);
    const doc: YamlMap = {};
    const enums = inSchema(m.enums);
    const sequences = inSchema(m.sequences);
    const tables = inSchema(m.tables);
    if (enums.length > 0) doc.types = typesYaml(enums);
    if (sequences.length > 0) doc.sequences = sequencesYaml(sequences);
    if (tables.length > 0) doc.tables = tablesYaml(tables);
    files.set(fileNameFor(schema, files), render(doc));
  }
  return files;
}

/** `<schema>.yaml`, made safe as a file name and distinct from the names already taken. */
function fileNameFor(schema: string, taken: ReadonlyMap<string, string>): string {
  const base = schema.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_') || '_';
  let name = `${base}.yaml`;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}.yaml`;
  return name;
}

/** Maps of named parts of a table: always in block style, one part a line or more. */
const BLOCK_KEYS = new Set(['columns', 'unique', 'foreign_keys', 'checks', 'exclusions', 'indexes']);
const FLOW_WIDTH = 100;

/** Short collections in flow style (`[a, b]`, `{ type: text, not_null: true }`), the rest in block style. */
function render(data: YamlMap): string {
  const doc = new Document(data);
  styleNode(doc.contents, []);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** `path` is the keys leading to `node` (`[]` stands for a list item). */
function styleNode(node: unknown, path: readonly string[]): void {
  if (isSeq(node)) {
    if (node.items.every(isScalar)) node.flow = true;
    else node.items.forEach((item) => styleNode(item, [...path, '[]']));
    return;
  }
  if (!isMap(node)) return;
  if (mayFlow(path) && depth(node) <= 2 && oneLineLength(node.toJSON()) <= FLOW_WIDTH) {
    node.flow = true;
    return;
  }
  for (const pair of node.items) styleNode(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
}

/** Objects (depth 2) and their parts may be written on one line; kinds' maps and tables may not. */
function mayFlow(path: readonly string[]): boolean {
  if (path.length < 2) return false;
  if (path[0] === 'tables' && path.length === 2) return false;
  return !BLOCK_KEYS.has(path[path.length - 1]!);
}

/** Nesting depth of collections: a flat mapping is 1. */
function depth(node: unknown): number {
  if (isMap(node)) return 1 + Math.max(0, ...node.items.map((p) => depth(p.value)));
  if (isSeq(node)) return 1 + Math.max(0, ...node.items.map(depth));
  return 0;
}

function oneLineLength(value: unknown): number {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)).length;
}

/** Writes the files into `outDir` (created if missing), overwriting files of the same name. */
export function writeYamlFiles(files: Map<string, string>, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

