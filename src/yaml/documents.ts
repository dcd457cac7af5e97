import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Problem } from './problems.ts';

/** A step into a YAML value: a mapping key or a list index. */
export type Segment = string | number;
export type KeyPath = readonly Segment[];

/** One YAML document of a schema file, parsed, with what it takes to point back into the text. */
export interface ParsedDocument {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly text: string;
  /** Plain data; integers too large for a JS number are kept as decimal strings. */
  readonly value: unknown;
}

export interface ParsedFile {
  readonly documents: readonly ParsedDocument[];
  readonly problems: readonly Problem[];
}

/** Parses a file (which may hold several `---` documents). Syntax errors become problems. */
export function parseFile(file: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, intAsBigInt: true, merge: true, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  const problems: Problem[] = [];
  const documents: ParsedDocument[] = [];
  for (const doc of list) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      problems.push({ file, line: at.line, column: at.col, path: '', message: syntaxMessage(e.message) });
    }
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = toPlain(doc.toJS({ maxAliasCount: 1000 }));
    } catch (e) {
      // toJS fails on alias abuse (too many expansions) or an alias to an unknown anchor.
      problems.push({ file, line: 1, column: 1, path: '', message: (e as Error).message });
      continue;
    }
    documents.push({ file, doc, lines, text, value });
  }
  return { documents, problems };
}

/** The parser's message without its own position and code frame (the problem carries the position). */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** Integers arrive as bigint (so none is rounded); make them numbers when exact, else decimal strings. */
function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return v;
}

export function formatPath(path: KeyPath): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/**
 * Line and column (1-based) of the node at `path`: its key, or its value when `part` is 'value'
 * (list items have no key: the item itself). When the path cannot be followed to the end (merge
 * keys, aliases), the deepest node reached is used.
 */
export function locate(d: ParsedDocument, path: KeyPath, part: 'key' | 'value'): { line: number; column: number } {
  const target = find(d, path, part);
  const at = d.lines.linePos(target?.range?.[0] ?? 0);
  return { line: at.line, column: at.col };
}

/** The text of the value at `path` as written (e.g. `1.10`, which reads as the number 1.1). */
export function sourceText(d: ParsedDocument, path: KeyPath): string | null {
  const n = find(d, path, 'value');
  return n?.range == null ? null : d.text.slice(n.range[0], n.range[1]);
}

function find(d: ParsedDocument, path: KeyPath, part: 'key' | 'value'): YamlNode | null {
  let node: unknown = d.doc.contents;
  let keyNode: YamlNode | null = null;
  let valueNode: YamlNode | null = (node as YamlNode | null) ?? null;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(d.doc);
    let next: Pair<unknown, unknown> | undefined;
    if (isMap(node) && typeof seg === 'string') {
      next = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (next === undefined) break;
      keyNode = next.key as YamlNode;
      valueNode = (next.value as YamlNode | null) ?? null;
      node = next.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = null;
      valueNode = node.items[seg] as YamlNode;
      node = valueNode;
    } else break;
  }
  return part === 'value' && hasText(valueNode) ? valueNode : (keyNode ?? valueNode);
}

/** False for the empty value of `key:`, which has no text to point at. */
function hasText(n: YamlNode | null): n is YamlNode {
  return n !== null && n.range != null && n.range[1] > n.range[0];
}
