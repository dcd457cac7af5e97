/**
 * A fast reader for the block-style YAML that schema files are written in (what `pull` writes and
 * what people type): block mappings and sequences, one-line flow collections, plain and quoted
 * one-line scalars, literal block scalars (`|`, `|-`) and comments. The general parser takes about
 * 0.4 s per megabyte, which on a schema of 20,000 tables is most of `validate`; this one reads the
 * same text some ten times faster.
 *
 * It gives the same value as the general parser (YAML 1.2 core schema, integers kept exact) and
 * the same offsets for every key and value, or null for any text outside the subset: anchors,
 * aliases, tags, merge keys, folded or multi-line scalars, escapes other than `\"` and `\\`, multi-line flow collections, several
 * documents, tabs, repeated or empty keys and anything that is not valid YAML. The caller
 * then parses with the general parser, which also reports every problem: this reader never
 * reports one. `test/yaml/block-subset.test.ts` holds the two to the same answers.
 */

/** Offsets of a node's text: `start` is where it begins, `end` where its value ends. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface PositionEntry {
  readonly key: Span;
  readonly value: PositionNode;
}

/** Where each node of the document is: mappings by key, sequences by index. */
export interface PositionNode extends Span {
  readonly entries?: ReadonlyMap<string, PositionEntry>;
  readonly items?: readonly PositionNode[];
}

export interface SubsetDocument {
  readonly value: unknown;
  readonly root: PositionNode;
  /** Offsets where lines begin (0 first), as the general parser's line counter holds them. */
  readonly lineStarts: readonly number[];
}

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset();
}

/** Deeper than this, the general parser decides (it refuses documents deeper than 64 levels). */
const MAX_DEPTH = 48;

interface Line {
  readonly start: number;
  readonly end: number; // the newline's offset, or the text's length
  readonly indent: number;
  /** Only spaces, or a comment. */
  readonly empty: boolean;
}

interface Parsed {
  readonly value: unknown;
  readonly pos: PositionNode;
  /** The index of the line after the node's last line. */
  readonly next: number;
}

export function parseBlockSubset(text: string): SubsetDocument | null {
  // Characters the general parser treats specially, or that schema loading reports: left to it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the purpose
  if (/[\t\r\u0000\uFEFF\uFFFD]/.test(text)) return null;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof OutsideSubset || e instanceof RangeError) return null; // RangeError: stack depth
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private readonly lineStarts: number[] = [];

  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      this.lineStarts.push(start);
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const empty = i === end || text.charCodeAt(i) === 35; // '#'
      if (i === start && !empty && (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 37)) outside(); // document markers, directives
      this.lines.push({ start, end, indent: i - start, empty });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  document(): SubsetDocument {
    const first = this.nextContent(0);
    if (first === -1 || this.lines[first]!.indent !== 0) outside();
    const root = this.mapping(first, this.lines[first]!.start, 0);
    if (this.nextContent(root.next) !== -1) outside();
    return { value: root.value, root: root.pos, lineStarts: this.lineStarts };
  }

  /** The first line at or after `i` with content, or -1. */
  private nextContent(i: number): number {
    while (i < this.lines.length && this.lines[i]!.empty) i++;
    return i < this.lines.length ? i : -1;
  }

  /**
   * The next line with content when it continues a collection indented by `indent` (its line and
   * where its text starts); null when it belongs to a parent. A deeper line is not ours.
   */
  private nextAtIndent(from: number, indent: number): { k: number; at: number } | null {
    const k = this.nextContent(from);
    if (k === -1 || this.lines[k]!.indent < indent) return null;
    if (this.lines[k]!.indent > indent) outside();
    return { k, at: this.lines[k]!.start + indent };
  }

  private column(line: number, offset: number): number {
    return offset - this.lines[line]!.start;
  }

  /** A node that begins at `offset` on `line`, inside a parent indented by `parentIndent`. */
  private block(line: number, offset: number, parentIndent: number, depth: number): Parsed {
    if (depth > MAX_DEPTH) outside();
    const t = this.text;
    const c = t.charCodeAt(offset);
    if (c === 45 && this.spaceOrEnd(offset + 1, line)) return this.sequence(line, offset, depth); // '-'
    if (this.isMappingEntry(line, offset)) return this.mapping(line, offset, depth);
    return this.inlineToEndOfNode(line, offset, parentIndent, depth);
  }

  private spaceOrEnd(offset: number, line: number): boolean {
    return offset >= this.lines[line]!.end || this.text.charCodeAt(offset) === 32;
  }

  /** Whether a mapping key followed by `:` starts at `offset`. */
  private isMappingEntry(line: number, offset: number): boolean {
    const end = this.lines[line]!.end;
    const c = this.text.charCodeAt(offset);
    if (c === 39 || c === 34) {
      const q = this.quoted(offset, end);
      let i = q.after;
      while (i < end && this.text.charCodeAt(i) === 32) i++;
      return this.text.charCodeAt(i) === 58 && this.spaceOrEnd(i + 1, line);
    }
    if (c === 123 || c === 91) return false; // a flow collection
    const colon = this.plainKeyEnd(offset, end);
    return colon !== -1;
  }

  /** The offset of the `:` after a plain key starting at `offset`, or -1 when there is none. */
  private plainKeyEnd(offset: number, end: number): number {
    const t = this.text;
    for (let i = offset; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 58 && (i + 1 >= end || t.charCodeAt(i + 1) === 32)) return i; // ': ' or ':' at the end
      if (c === 35 && i > offset && t.charCodeAt(i - 1) === 32) return -1; // a comment
    }
    return -1;
  }

  private mapping(line: number, offset: number, depth: number): Parsed {
    const t = this.text;
    const indent = this.column(line, offset);
    const value: Record<string, unknown> = {};
    const entries = new Map<string, PositionEntry>();
    const start = offset;
    let end = offset;
    let next = line;
    for (;;) {
      // A key.
      const lineEnd = this.lines[line]!.end;
      let key: string;
      let keySpan: Span;
      let colon: number;
      const c = t.charCodeAt(offset);
      if (c === 39 || c === 34) {
        const q = this.quoted(offset, lineEnd);
        key = q.value;
        keySpan = { start: offset, end: q.after };
        colon = q.after;
        while (colon < lineEnd && t.charCodeAt(colon) === 32) colon++;
        if (t.charCodeAt(colon) !== 58) outside();
      } else {
        colon = this.plainKeyEnd(offset, lineEnd);
        if (colon === -1) outside();
        ({ key, span: keySpan } = this.plainKey(offset, colon));
      }
      if (key === '' || entries.has(key)) outside();
      if (!this.spaceOrEnd(colon + 1, line)) outside();
      // Its value.
      let r = colon + 1;
      while (r < lineEnd && t.charCodeAt(r) === 32) r++;
      let parsed: Parsed;
      if (r >= lineEnd || t.charCodeAt(r) === 35) {
        const k = this.nextContent(line + 1);
        const ki = k === -1 ? -1 : this.lines[k]!.indent;
        if (k !== -1 && ki > indent) {
          parsed = this.block(k, this.lines[k]!.start + ki, indent, depth + 1);
        } else if (k !== -1 && ki === indent && t.charCodeAt(this.lines[k]!.start + ki) === 45 && this.spaceOrEnd(this.lines[k]!.start + ki + 1, k)) {
          parsed = this.sequence(k, this.lines[k]!.start + ki, depth + 1); // a list at the key's own indentation
        } else {
          outside(); // an empty value: left to the general parser (its node has no text)
        }
      } else if (t.charCodeAt(r) === 124) {
        parsed = this.literal(line, r, indent, true);
      } else {
        parsed = this.inlineToEndOfNode(line, r, indent, depth + 1);
      }
      defineKey(value, key, parsed.value);
      entries.set(key, { key: keySpan, value: parsed.pos });
      end = parsed.pos.end;
      next = parsed.next;
      // The next entry, at the same indentation.
      const sibling = this.nextAtIndent(next, indent);
      if (sibling === null) break;
      const { k, at } = sibling;
      if (t.charCodeAt(at) === 45 && this.spaceOrEnd(at + 1, k)) {
        // A list item at this indentation ends the mapping only when the mapping is itself an
        // item of that list (`- a: 1`): the caller checks.
        break;
      }
      line = k;
      offset = at;
    }
    return { value, pos: { start, end, entries }, next };
  }

  private sequence(line: number, offset: number, depth: number): Parsed {
    const t = this.text;
    const indent = this.column(line, offset);
    const value: unknown[] = [];
    const items: PositionNode[] = [];
    const start = offset;
    let end = offset;
    let next = line;
    for (;;) {
      const lineEnd = this.lines[line]!.end;
      let r = offset + 1;
      while (r < lineEnd && t.charCodeAt(r) === 32) r++;
      let parsed: Parsed;
      if (r >= lineEnd || t.charCodeAt(r) === 35) {
        const k = this.nextContent(line + 1);
        if (k === -1 || this.lines[k]!.indent <= indent) outside(); // an empty item
        parsed = this.block(k, this.lines[k]!.start + this.lines[k]!.indent, indent, depth + 1);
      } else if (t.charCodeAt(r) === 124) {
        parsed = this.literal(line, r, indent, false);
      } else {
        parsed = this.block(line, r, indent, depth + 1);
      }
      value.push(parsed.value);
      items.push(parsed.pos);
      end = parsed.pos.end;
      next = parsed.next;
      const sibling = this.nextAtIndent(next, indent);
      if (sibling === null) break;
      const { k, at } = sibling;
      if (!(t.charCodeAt(at) === 45 && this.spaceOrEnd(at + 1, k))) break; // the parent mapping's next key
      line = k;
      offset = at;
    }
    return { value, pos: { start, end, items }, next };
  }

  /**
   * A scalar or flow collection at `offset` that must be the whole node: nothing but a comment
   * after it on its line, and no more-indented line after it (a multi-line plain scalar).
   */
  private inlineToEndOfNode(line: number, offset: number, parentIndent: number, depth: number): Parsed {
    const lineEnd = this.lines[line]!.end;
    const node = this.inline(offset, lineEnd, false, depth);
    let i = node.after;
    while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    if (i < lineEnd && !(this.text.charCodeAt(i) === 35 && i > node.after)) outside(); // only a comment may follow
    const k = this.nextContent(line + 1);
    if (k !== -1 && this.lines[k]!.indent > parentIndent) {
      // A continuation line, unless this node is the first key of a compact mapping (handled by
      // the caller, which saw no mapping entry here): either way not ours.
      outside();
    }
    return { value: node.value, pos: node.pos, next: line + 1 };
  }

  /** A one-line node: quoted, flow collection or plain scalar. `after` is where it ends. */
  private inline(offset: number, end: number, flow: boolean, depth: number): { value: unknown; pos: PositionNode; after: number } {
    if (depth > MAX_DEPTH) outside();
    const t = this.text;
    const c = t.charCodeAt(offset);
    if (c === 39 || c === 34) {
      const q = this.quoted(offset, end);
      return { value: q.value, pos: { start: offset, end: q.after }, after: q.after };
    }
    if (c === 123) return this.flowMapping(offset, end, depth);
    if (c === 91) return this.flowSequence(offset, end, depth);
    // A plain scalar: to a comment or the end of the line (in a flow collection, to `,` `]` `}`).
    let i = offset;
    for (; i < end; i++) {
      const ch = t.charCodeAt(i);
      if (ch === 35 && i > offset && t.charCodeAt(i - 1) === 32) break;
      if (ch === 58 && (i + 1 >= end || t.charCodeAt(i + 1) === 32 || (flow && isFlowIndicator(t.charCodeAt(i + 1))))) outside(); // a key or an error
      if (flow && isFlowIndicator(ch)) break;
    }
    let e = i;
    while (e > offset && t.charCodeAt(e - 1) === 32) e--;
    const raw = t.slice(offset, e);
    if (raw === '') outside();
    this.plainStart(raw);
    return { value: plainValue(raw), pos: { start: offset, end: e }, after: e };
  }

  /** A plain key from `start` to its `:` (spaces before the colon left out): text only, no merge key. */
  private plainKey(start: number, colon: number): { key: string; span: Span } {
    let e = colon;
    while (e > start && this.text.charCodeAt(e - 1) === 32) e--;
    const raw = this.text.slice(start, e);
    if (raw === '') outside();
    this.plainStart(raw);
    if (typeof resolvePlain(raw) !== 'string' || raw === '<<') outside(); // keys that are not text, merge keys
    return { key: raw, span: { start, end: e } };
  }

  /** Plain scalars may not start with an indicator. */
  private plainStart(raw: string): void {
    const c = raw.charCodeAt(0);
    if ('?:-'.includes(raw[0]!) && (raw.length === 1 || raw.charCodeAt(1) === 32)) outside();
    if (c === 63 || c === 58) outside(); // '?x', ':x': legal, but rare enough to leave
    if (',[]{}#&*!|>\'"%@`'.includes(raw[0]!)) outside();
  }

  private quoted(offset: number, end: number): { value: string; after: number } {
    const t = this.text;
    const q = t.charCodeAt(offset);
    if (q === 34) {
      // Of the escapes, only `\"` and `\\` (the rest are left to the general parser).
      let out = '';
      let from = offset + 1;
      for (let i = from; i < end; i++) {
        const c = t.charCodeAt(i);
        if (c === 34) return { value: out + t.slice(from, i), after: i + 1 };
        if (c === 92) {
          const n = t.charCodeAt(i + 1);
          if (i + 1 >= end || (n !== 34 && n !== 92)) outside();
          out += t.slice(from, i) + t[i + 1];
          i++;
          from = i + 1;
        }
      }
      outside();
    }
    let out = '';
    let i = offset + 1;
    for (;;) {
      const close = t.indexOf("'", i);
      if (close === -1 || close >= end) outside();
      out += t.slice(i, close);
      if (t.charCodeAt(close + 1) === 39 && close + 1 < end) {
        out += "'";
        i = close + 2;
        continue;
      }
      return { value: out, after: close + 1 };
    }
  }

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  private flowMapping(offset: number, end: number, depth: number): { value: unknown; pos: PositionNode; after: number } {
    const t = this.text;
    const value: Record<string, unknown> = {};
    const entries = new Map<string, PositionEntry>();
    let i = this.skipSpaces(offset + 1, end);
    if (t.charCodeAt(i) === 125) return { value, pos: { start: offset, end: i + 1, entries }, after: i + 1 };
    for (;;) {
      if (i >= end) outside();
      // The key.
      let key: string;
      let keySpan: Span;
      const c = t.charCodeAt(i);
      if (c === 39 || c === 34) {
        const q = this.quoted(i, end);
        key = q.value;
        keySpan = { start: i, end: q.after };
        i = this.skipSpaces(q.after, end);
        if (t.charCodeAt(i) !== 58 || !(i + 1 < end && t.charCodeAt(i + 1) === 32)) outside();
      } else {
        let j = i;
        for (; j < end; j++) {
          const ch = t.charCodeAt(j);
          if (ch === 58 && j + 1 < end && t.charCodeAt(j + 1) === 32) break;
          if (isFlowIndicator(ch) || ch === 35 || ch === 58) outside();
        }
        if (j >= end) outside();
        ({ key, span: keySpan } = this.plainKey(i, j));
        i = j;
      }
      if (key === '' || entries.has(key)) outside();
      // The value, after ': '.
      i = this.skipSpaces(i + 1, end);
      const ch = t.charCodeAt(i);
      if (i >= end || ch === 44 || ch === 125 || ch === 35) outside(); // an empty value
      const node = this.inline(i, end, true, depth + 1);
      defineKey(value, key, node.value);
      entries.set(key, { key: keySpan, value: node.pos });
      i = this.skipSpaces(node.after, end);
      const sep = t.charCodeAt(i);
      if (sep === 125) return { value, pos: { start: offset, end: i + 1, entries }, after: i + 1 };
      if (sep !== 44) outside();
      i = this.skipSpaces(i + 1, end);
      if (t.charCodeAt(i) === 125) outside(); // a trailing comma
    }
  }

  private flowSequence(offset: number, end: number, depth: number): { value: unknown; pos: PositionNode; after: number } {
    const t = this.text;
    const value: unknown[] = [];
    const items: PositionNode[] = [];
    let i = this.skipSpaces(offset + 1, end);
    if (t.charCodeAt(i) === 93) return { value, pos: { start: offset, end: i + 1, items }, after: i + 1 };
    for (;;) {
      if (i >= end) outside();
      const ch = t.charCodeAt(i);
      if (ch === 44 || ch === 93 || ch === 35) outside();
      const node = this.inline(i, end, true, depth + 1);
      value.push(node.value);
      items.push(node.pos);
      i = this.skipSpaces(node.after, end);
      const sep = t.charCodeAt(i);
      if (sep === 93) return { value, pos: { start: offset, end: i + 1, items }, after: i + 1 };
      if (sep !== 44) outside(); // a pair (`[a: b]`) or anything else
      i = this.skipSpaces(i + 1, end);
      if (t.charCodeAt(i) === 93) outside();
    }
  }

  /** A literal block scalar (`|` or `|-`) whose header is at `offset`, inside a node indented by `parentIndent`. */
  private literal(line: number, offset: number, parentIndent: number, inMapping: boolean): Parsed {
    const t = this.text;
    const lineEnd = this.lines[line]!.end;
    let i = offset + 1;
    let strip = false;
    let contentIndent = -1;
    // An indentation indicator (`|2`), in a mapping: the content is that much deeper than the keys.
    const digit = t.charCodeAt(i) - 48;
    if (inMapping && digit >= 1 && digit <= 9) {
      contentIndent = parentIndent + digit;
      i++;
    }
    if (t.charCodeAt(i) === 45) {
      strip = true;
      i++;
    }
    const h = i;
    i = this.skipSpaces(i, lineEnd);
    if (i < lineEnd && !(t.charCodeAt(i) === 35 && i > h)) outside(); // keep (`+`), an indicator elsewhere, or text
    // Its lines: every following line more indented than the parent, or blank.
    let last = -1; // the last line with text
    let k = line + 1;
    for (; k < this.lines.length; k++) {
      const l = this.lines[k]!;
      const blank = l.indent === l.end - l.start;
      if (blank) {
        if (contentIndent === -1 && l.indent > parentIndent + 1) outside(); // leading spaces decide the indentation: left to the general parser
        continue;
      }
      if (l.indent <= parentIndent) break;
      if (contentIndent === -1) contentIndent = l.indent;
      else if (l.indent < contentIndent) outside();
      last = k;
    }
    if (last === -1) outside();
    const parts: string[] = [];
    for (let j = line + 1; j <= last; j++) {
      const l = this.lines[j]!;
      const blank = l.indent === l.end - l.start;
      parts.push(blank ? (l.indent > contentIndent ? t.slice(l.start + contentIndent, l.end) : '') : t.slice(l.start + contentIndent, l.end));
    }
    const value = parts.join('\n') + (strip ? '' : '\n');
    return { value, pos: { start: offset, end: this.literalEnd(last) }, next: last + 1 };
  }

  /** Where the general parser ends a block scalar's value: after its last line's newline. */
  private literalEnd(last: number): number {
    return Math.min(this.lines[last]!.end + 1, this.text.length);
  }
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Sets a key as the general parser does: `__proto__` stays an own key. */
function defineKey(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar as the YAML 1.2 core schema reads it (integers as bigint). */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most plain scalars are names: only text starting like a number, null or boolean is tested.
  const maybeSpecial = s === '' || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57);
  if (!maybeSpecial) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 116 || c === 84;
  if (INT_OCT.test(s)) return BigInt(s);
  if (INT.test(s)) return BigInt(s);
  if (INT_HEX.test(s)) return BigInt(s);
  if (FLOAT_SPECIAL.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** A plain value as schema loading keeps it: integers as numbers when exact, else decimal strings. */
function plainValue(s: string): unknown {
  const v = resolvePlain(s);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}
