import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { syntheticSchema } from '../../bench/generate.ts';
import { locate, parseFile, sourceText } from '../../src/yaml/documents.ts';
import type { KeyPath, ParsedDocument } from '../../src/yaml/documents.ts';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import { YamlError } from '../../src/yaml/problems.ts';

/** Every key path of a value, the root first, with whether a scalar is there. */
function paths(v: unknown, at: KeyPath = []): [KeyPath, boolean][] {
  const out: [KeyPath, boolean][] = [[at, v === null || typeof v !== 'object']];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** Keys in their order, all the way down (toEqual does not look at order). */
function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  return null;
}

/**
 * Reads `text` both ways. When the subset reader takes it, the general parser must find no
 * problem and give the same value, key order, and position and source text for every path.
 * Returns whether the subset reader took it.
 */
function sameBothWays(text: string, name = 'schema.yaml'): boolean {
  const fast = parseFile(name, text, { subset: true });
  const doc = fast.documents[0];
  if (doc === undefined || !doc.fromSubset) return false;
  const general = parseFile(name, text);
  expect(general.problems, name).toEqual([]);
  expect(general.documents.length, name).toBe(1);
  const g = general.documents[0] as ParsedDocument;
  expect(doc.value, name).toEqual(g.value);
  expect(keyOrder(doc.value), name).toEqual(keyOrder(g.value));
  for (const [p, scalar] of paths(g.value)) {
    for (const part of ['key', 'value'] as const) {
      expect(locate(doc, p, part), `${name} ${JSON.stringify(p)} ${part}`).toEqual(locate(g, p, part));
    }
    // The text as written is asked of scalars only (a number where a string belongs, say).
    if (scalar) expect(sourceText(doc, p), `${name} ${JSON.stringify(p)} text`).toBe(sourceText(g, p));
  }
  // A path that leaves the document stops where the general parser stops too.
  expect(locate(doc, ['tables', 'no such table', 'columns'], 'value')).toEqual(locate(g, ['tables', 'no such table', 'columns'], 'value'));
  return true;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

const SNIPPETS: readonly string[] = [
  'tables:\n  t:\n    columns:\n      id: bigint\n',
  'tables:\n  t:\n    columns: { id: { type: bigint, not_null: true }, "quoted key": text, \'it\'\'s\': int }\n',
  "a: 'it''s'\nb: \"double\"\nc: plain text with spaces   # a comment\nd:    spaced\n",
  'n: [1, -2, +3, 007, 0o17, 0x1F, 9007199254740993, -0, 1.10, .5, 1e3, -1.5E-2, .inf, -.Inf, .nan, 1_000, 0b11, 12:30]\n',
  'b: [true, True, TRUE, false, False, FALSE, yes, no, on, off, ~, null, Null, NULL, nULL]\n',
  'x: ~\ny: null\nz: 0.0\nw: -0.0\n',
  'v:\n  query: |\n    SELECT 1\n      AS x\n\n    FROM t\n  next: 1\n',
  'v:\n  query: |-\n    SELECT 1\n    # not a comment\n  other: |\n    a\n\n\n  last: x\n',
  'v: |\n  trailing\n',
  'v: |\n  no newline at the end',
  'v:\n  - |\n    inside a list\n  - b\n',
  'list:\n- a\n- b\nafter: 1\n',
  'list:\n  - a\n  -   b\n  - [c, d]\n  - { e: f }\n',
  'items:\n  - name: a\n    value: 1\n  - name: b\n    nested:\n      - x\n      - y\n  - - deep\n    - er\n',
  'weird: a:b::c\nhash: a#b\nurl: http://example.com/x?y=1\nsql: status::text = ANY (ARRAY[\'a\'::character varying, \'b\'::character varying]::text[])\n',
  'brackets: x[1] and {y}\ncomma: a, b, c\n',
  'flow: { a: [1, 2, { b: c }], d: "e, f", g: \'h]i\' }\n',
  'empty: { a: {}, b: [] }\n',
  '__proto__: { __proto__: x }\nconstructor: 1\n',
  '# leading comment\n\ntables:   # trailing\n  # inside\n  t: { columns: { id: int } }\n\n# end\n',
  'tables:\n  "t.x": { columns: { "a b": int } }\n  \'1\': { columns: { id: int } }\n',
  'unicode: "naïve ☃ 日本"\nname: café\n',
  'k: v\n   \n',
  'k:\n\n  nested: 1\n',
  // Outside the subset: the general parser decides.
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a:\n  <<: { b: 1 }\n',
  'a: >\n  folded\n',
  'a: |+\n  keep\n\n',
  'a: |2\n    indented\n',
  'a: plain\n  continued\n',
  'a: "multi\n  line"\n',
  'a: { b: 1,\n  c: 2 }\n',
  '---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\na: 2\n',
  '[a, b]: 1\n',
  '? a\n: 1\n',
  '"": 1\n',
  '~: 1\n',
  '1: x\n',
  'true: x\n',
  'a:\tb\n',
  'a: "esc\\n"\n',
  'a: b: c\n',
  'a:\n',
  'a:\n  -\n  - b\n',
  '- a\n- b\n',
  'plain scalar\n',
  '',
  '# only a comment\n',
  'a: [1, 2,]\n',
  'a: { b }\n',
  'a: [b: c]\n',
  'a: 1\n b: 2\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: 1 # c\n  b: 2\n',
  "a: 'unterminated\n",
  'a: {b: 1}}\n',
  'a: |\n    x\n  y\n',
  'a: - b\n',
  'a: \u0000\n',
  'a: \uFFFD\n',
  '\uFEFFa: 1\n',
  'a: 1\r\nb: 2\r\n',
  'a:  |\n   x\n',
  'a: "x" y\n',
  "a: 'x'y\n",
  'a: x #\n',
  'a: [x #]\n',
  'a: ?x\n',
  'a: -x\n',
  'a: - \n',
  '%YAML 1.2\n---\na: 1\n',
  'a: ...\n',
  'a: |\n\n   x\n',
];

describe('the block-subset reader', () => {
  it('reads what the general parser reads, the same way, or leaves the text to it', () => {
    let taken = 0;
    for (const s of SNIPPETS) if (sameBothWays(s, JSON.stringify(s))) taken++;
    // Most snippets are outside the subset on purpose; the first ones are inside it.
    expect(taken).toBeGreaterThanOrEqual(20);
    expect(sameBothWays(SNIPPETS[0]!)).toBe(true);
  });

  it("takes every example schema, the bench's synthetic schema and what pull writes", () => {
    const files = yamlFiles('schema');
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) expect(sameBothWays(readFileSync(f, 'utf8'), f), f).toBe(true);
    expect(sameBothWays(syntheticSchema(60, 7, true))).toBe(true);
    const pulled = stringify({ tables: { t: { columns: { id: { type: 'bigint', default: "nextval('s'::regclass)" }, note: 'text' }, checks: { c: "note <> ''" } } } });
    expect(sameBothWays(pulled)).toBe(true);
  });

  it('agrees with the general parser on every YAML file of the test suite, hostile ones included', () => {
    let taken = 0;
    const files = yamlFiles('test');
    expect(files.length).toBeGreaterThan(200);
    for (const f of files) if (sameBothWays(readFileSync(f, 'utf8'), f)) taken++;
    expect(taken).toBeGreaterThan(50);
  });

  it('agrees on random edits of block-style text', () => {
    // Deterministic mutations of a schema: characters swapped, lines indented or cut, quotes and
    // indicators inserted. Whatever the subset reader takes must read the same both ways.
    const base = readFileSync(yamlFiles('schema')[0]!, 'utf8');
    const inserts = [' ', ':', '- ', '#', "'", '"', '{', '}', '[', ']', ',', '|', '\n', '  ', '&a ', '*a', '? ', '|-\n'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let taken = 0;
    for (let i = 0; i < 400; i++) {
      let t = base;
      for (let j = 0; j < 1 + rand(3); j++) {
        const at = rand(t.length);
        t = rand(3) === 0 ? t.slice(0, at) + t.slice(at + 1 + rand(4)) : t.slice(0, at) + inserts[rand(inserts.length)]! + t.slice(at);
      }
      if (sameBothWays(t, `mutation ${i}`)) taken++;
    }
    expect(taken).toBeGreaterThan(20);
  });
});

describe('loading through the block-subset reader', () => {
  it('reports problems exactly as the general parser does (positions included)', () => {
    const text = 'tables:\n  t:\n    columns:\n      id: { type: bigint, not_nul: true }\n';
    expect(parseFile('s.yaml', text, { subset: true }).documents[0]?.fromSubset).toBe(true);
    let error: unknown;
    try {
      loadSchemaFiles([{ path: 's.yaml', text }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlError);
    const problems = (error as YamlError).problems;
    expect(problems[0]).toMatchObject({ file: 's.yaml', line: 4, column: 27, path: 'tables.t.columns.id.not_nul' });
  });

  it('gives the same model and declaration positions as the general parser', () => {
    const files = yamlFiles('schema/example').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const viaSubset = loadSchemaFiles(files);
    const viaGeneral = loadSchemaFiles(files, { subset: false });
    expect(viaSubset.model).toEqual(viaGeneral.model);
    expect([...viaSubset.sources]).toEqual([...viaGeneral.sources]);
    expect(viaSubset.sources.size).toBeGreaterThan(3);
  });
});
