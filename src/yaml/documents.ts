import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Problem } from './problems.ts';
import { parseBlockSubset, type PositionNode, type Span } from './block-subset.ts';

/** A step into a YAML value: a mapping key or a list index. */
export type Segment = string | number;
export type KeyPath = readonly Segment[];

/** One YAML document of a schema file, parsed, with what it takes to point back into the text. */
export interface ParsedDocument {
  readonly file: string;
  readonly lines: LineCounter;
  readonly text: string;
  /** Plain data; integers too large for a JS number are kept as decimal strings. */
  readonly value: unknown;
  /** The text of the node at a path (see `locate`). */
  readonly spanAt: (path: KeyPath, part: 'key' | 'value') => Span | null;
  /** Read by the block-subset reader, which reports no problems: the general parser reports them. */
  readonly fromSubset: boolean;
}

export interface ParsedFile {
  readonly documents: readonly ParsedDocument[];
  readonly problems: readonly Problem[];
}

/**
 * Runs `parse` with `process.env` as a plain copy. The YAML parser reads `process.env` once per
 * token (for its debug switches), and each read of the real one is a call into the runtime: about
 * a quarter of the parser's time on large files. `parse` is synchronous, so nothing else sees the
 * copy; the real object is back before it returns.
 */
function withPlainEnv<T>(parse: () => T): T {
  const real = process.env;
  process.env = { ...real };
  try {
    return parse();
  } finally {
    process.env = real;
  }
}

export interface ParseOptions {
  /**
   * Read block-style text with the fast subset reader (block-subset.ts) when it can. Its documents
   * carry no problems of their own: a caller that finds any problem parses again without it, so
   * every message comes from the general parser.
   */
  readonly subset?: boolean;
}

/** Parses a file (which may hold several `---` documents). Syntax errors become problems. */
export function parseFile(file: string, text: string, opts: ParseOptions = {}): ParsedFile {
  if (opts.subset) {
    const read = parseBlockSubset(text);
    if (read !== null) {
      const lines = new LineCounter();
      for (const start of read.lineStarts) lines.addNewLine(start);
      const root = read.root;
      return { documents: [{ file, lines, text, value: read.value, spanAt: (path, part) => spanInTree(root, path, part), fromSubset: true }], problems: [] };
    }
  }
  const lines = new LineCounter();
  const docs = withPlainEnv(() => parseAllDocuments(text, { lineCounter: lines, intAsBigInt: true, merge: true, prettyErrors: true, uniqueKeys: false }));
  const list = Array.isArray(docs) ? docs : [];
  const problems: Problem[] = [];
  const documents: ParsedDocument[] = [];
  for (const doc of list) {
    const tooDeep = doc.errors.find((e) => /call stack/i.test(e.message));
    const errors = tooDeep ? [tooDeep] : doc.errors.slice(0, MAX_SYNTAX_PROBLEMS);
    for (const e of errors) {
      const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      const message = e === tooDeep ? `nested too deeply (more than ${MAX_DEPTH} levels)` : syntaxMessage(e.message);
      problems.push({ file, line: at.line, column: at.col, path: '', message });
    }
    if (doc.errors.length > errors.length && !tooDeep) {
      const last = doc.errors[doc.errors.length - 1]!;
      const at = last.linePos?.[0] ?? lines.linePos(last.pos[0]);
      problems.push({ file, line: at.line, column: at.col, path: '', message: `and ${doc.errors.length - errors.length} more syntax problem(s)` });
    }
    if (doc.errors.length > 0) continue;
    const shape = shapeProblems(file, doc, lines);
    if (shape.length > 0) {
      problems.push(...shape);
      continue;
    }
    let value: unknown;
    try {
      value = toPlain(doc.toJS({ maxAliasCount: 1000 }));
    } catch (e) {
      // toJS fails on alias abuse (too many expansions), an alias to an unknown anchor, or an
      // alias inside what it names: point at the alias concerned (else the first one).
      const raw = (e as Error).message;
      const unresolved = /: (\S+)$/.exec(raw)?.[1];
      const aliases: YamlNode[] = [];
      visit(doc, { Alias: (_k, n) => void aliases.push(n as unknown as YamlNode) });
      const alias = aliases.find((a) => unresolved !== undefined && (a as unknown as { source: string }).source === unresolved) ?? aliases[0];
      const pos = lines.linePos(alias?.range?.[0] ?? 0);
      const message = /call stack/i.test(raw) ? 'an alias refers to the collection that contains it' : raw;
      problems.push({ file, line: pos.line, column: pos.col, path: '', message });
      continue;
    }
    documents.push({ file, lines, text, value, spanAt: (path, part) => spanOf(find(doc, path, part)), fromSubset: false });
  }
  return { documents, problems };
}

/** Deeper than any schema needs; deeper documents are refused before they are walked. */
export const MAX_DEPTH = 64;
const MAX_SYNTAX_PROBLEMS = 20;

/**
 * What YAML allows but a schema file never means, found on the parsed nodes before anything is
 * converted: keys that are lists or mappings (`[a, b]:` would become a table named `[ a, b ]`),
 * empty or null names, NUL characters (PostgreSQL text cannot hold them), U+FFFD (text converted
 * from another encoding), and nesting deeper than MAX_DEPTH. Iterative: a deep document cannot
 * exhaust the stack here.
 */
function shapeProblems(file: string, doc: Document.Parsed, lines: LineCounter): Problem[] {
  const out: Problem[] = [];
  const at = (n: unknown, path: KeyPath, message: string) => {
    const pos = lines.linePos((n as YamlNode | null)?.range?.[0] ?? 0);
    out.push({ file, line: pos.line, column: pos.col, path: formatPath(path), message });
  };
  const textProblem = (s: string): string | null =>
    s.includes('\u0000')
      ? 'contains a NUL character (U+0000), which PostgreSQL text cannot hold'
      : s.includes('\uFFFD')
        ? 'contains U+FFFD, the replacement character: the file was probably converted from another encoding; write the character itself'
        : null;
  const stack: { node: unknown; path: KeyPath; depth: number }[] = [{ node: doc.contents, path: [], depth: 0 }];
  while (stack.length > 0 && out.length < MAX_SYNTAX_PROBLEMS) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      at(node, [], `nested too deeply (more than ${MAX_DEPTH} levels)`);
      break;
    }
    if (isScalar(node)) {
      const problem = typeof node.value === 'string' ? textProblem(node.value) : null;
      if (problem) at(node, path, problem);
    } else if (isMap(node)) {
      // Repeated keys are found here with a set per mapping (the parser's own check scans the
      // mapping for every key: quadratic in the number of tables).
      const seen = new Map<unknown, unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isMap(key) || isSeq(key)) {
          at(key, path, 'a key must be a name, not a list or a mapping');
          continue;
        }
        if (!isScalar(key) || key.value === null || key.value === '') {
          at(key ?? pair.value, path, 'a name must not be empty');
          continue;
        }
        const first = seen.get(key.value);
        if (first !== undefined) {
          const was = lines.linePos((first as YamlNode).range?.[0] ?? 0);
          at(key, path, `Map keys must be unique: \`${String(key.value)}\` is already a key at line ${was.line}, column ${was.col}`);
          continue;
        }
        seen.set(key.value, key);
        const name = String(key.value);
        const problem = textProblem(name);
        if (problem) {
          at(key, path, `the name ${problem}`);
          continue;
        }
        stack.push({ node: pair.value, path: [...path, name], depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i], depth: depth + 1 }));
    }
  }
  return out;
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
    // defineProperty: a key named `__proto__` stays a key instead of replacing the prototype.
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
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
  const at = d.lines.linePos(d.spanAt(path, part)?.start ?? 0);
  return { line: at.line, column: at.col };
}

/** The text of the value at `path` as written (e.g. `1.10`, which reads as the number 1.1). */
export function sourceText(d: ParsedDocument, path: KeyPath): string | null {
  const span = d.spanAt(path, 'value');
  return span === null ? null : d.text.slice(span.start, span.end);
}

function spanOf(n: YamlNode | null): Span | null {
  return n?.range == null ? null : { start: n.range[0], end: n.range[1] };
}

/** `find` over the subset reader's position tree (which has no aliases and no empty values). */
function spanInTree(root: PositionNode, path: KeyPath, part: 'key' | 'value'): Span {
  let node: PositionNode = root;
  let key: Span | null = null;
  for (const seg of path) {
    const entry = typeof seg === 'string' ? node.entries?.get(seg) : undefined;
    if (entry !== undefined) {
      key = entry.key;
      node = entry.value;
      continue;
    }
    const item = typeof seg === 'number' ? node.items?.[seg] : undefined;
    if (item === undefined) break;
    key = null;
    node = item;
  }
  return part === 'value' && node.end > node.start ? node : (key ?? node);
}

function find(doc: Document.Parsed, path: KeyPath, part: 'key' | 'value'): YamlNode | null {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | null = null;
  let valueNode: YamlNode | null = (node as YamlNode | null) ?? null;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: Pair<unknown, unknown> | undefined;
    if (isMap(node) && typeof seg === 'string') {
      next = pairsByKey(node).get(seg);
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

/**
 * A mapping's pairs by key text (the first pair wins, as a linear scan would), built once per
 * mapping: every declaration is located, so scanning a mapping of N tables for each of them
 * would make loading quadratic.
 */
const pairIndexes = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
function pairsByKey(node: { items: readonly unknown[] }): Map<string, Pair<unknown, unknown>> {
  let index = pairIndexes.get(node);
  if (index === undefined) {
    index = new Map();
    for (const p of node.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (!index.has(k)) index.set(k, p);
    }
    pairIndexes.set(node, index);
  }
  return index;
}

/** False for the empty value of `key:`, which has no text to point at. */
function hasText(n: YamlNode | null): n is YamlNode {
  return n !== null && n.range != null && n.range[1] > n.range[0];
}
