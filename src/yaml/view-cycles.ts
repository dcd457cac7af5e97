import type { ParseNode, SqlParser } from '../sql/parser.ts';
import { formatPath, locate } from './documents.ts';
import type { KeyPath, ParsedDocument } from './documents.ts';
import { qualifiedFromKey } from './names.ts';
import type { Problem } from './problems.ts';

/** Keys whose entries are views of some kind, each created from its `query`. */
const VIEW_KEYS = ['views', 'materialized_views', 'continuous_aggregates'] as const;

interface ViewNode {
  readonly id: string;
  readonly doc: ParsedDocument;
  readonly path: KeyPath;
  readonly refs: readonly string[];
}

/**
 * Views whose queries read each other in a circle (v1 reads v2, v2 reads v1) can never be
 * created: each needs the other first. Found here, from the parse trees of the queries, so the
 * error names the file, line and column of a query instead of surfacing as an ordering failure
 * at plan time. Unqualified names are read as pgform's sessions resolve them (search_path
 * `public`); names of CTEs in the query are not references. A recursive view naming itself is
 * allowed (WITH RECURSIVE); a self-reference otherwise is left for PostgreSQL to reject.
 */
export function checkViewCycles(documents: readonly ParsedDocument[], parser: SqlParser): Problem[] {
  const nodes = new Map<string, ViewNode>();
  for (const d of documents) {
    const top = record(d.value);
    for (const key of VIEW_KEYS) {
      for (const [name, v] of Object.entries(record(top[key]))) {
        const view = record(v);
        if (typeof view.query !== 'string') continue;
        const qn = qualifiedFromKey(name, typeof view.schema === 'string' ? view.schema : undefined);
        const id = `${qn.schema}.${qn.name}`;
        if (nodes.has(id)) continue;
        nodes.set(id, { id, doc: d, path: [key, name, 'query'], refs: references(parser, view.query) });
      }
    }
  }
  const problems: Problem[] = [];
  // Iterative depth-first search with colours; each cycle is reported once, at its first view.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const refs = nodes.get(top.id)!.refs;
      if (top.next >= refs.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const ref = refs[top.next++]!;
      if (ref === top.id || !nodes.has(ref)) continue;
      const s = state.get(ref);
      if (s === 'done') continue;
      if (s === 'open') {
        const cycle = stack.slice(stack.findIndex((f) => f.id === ref)).map((f) => f.id);
        const first = nodes.get(cycle[0]!)!;
        const at = locate(first.doc, first.path, 'value');
        problems.push({
          file: first.doc.file,
          line: at.line,
          column: at.column,
          path: formatPath(first.path),
          message: `views read each other in a cycle (${[...cycle, cycle[0]].join(' -> ')}): none of them can be created before the others`,
        });
        continue;
      }
      state.set(ref, 'open');
      stack.push({ id: ref, next: 0 });
    }
  }
  return problems;
}

/** The relations a query reads, as `schema.name`; none when it does not parse (reported elsewhere). */
function references(parser: SqlParser, query: string): string[] {
  const r = parser.parse(query);
  if (!('statements' in r)) return [];
  const ctes = new Set<string>();
  const rels: { schema: string | null; name: string }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    const node = n as ParseNode;
    const cte = node.CommonTableExpr as { ctename?: string } | undefined;
    if (cte?.ctename !== undefined) ctes.add(cte.ctename);
    const rv = node.RangeVar as { schemaname?: string; relname?: string } | undefined;
    if (rv?.relname !== undefined) rels.push({ schema: rv.schemaname ?? null, name: rv.relname });
    for (const v of Object.values(node)) walk(v);
  };
  walk(r.statements);
  return rels.filter((x) => x.schema !== null || !ctes.has(x.name)).map((x) => `${x.schema ?? 'public'}.${x.name}`);
}

function record(v: unknown): Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
