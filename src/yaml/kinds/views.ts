import type { Index } from '../../model/index.ts';
import { keys } from '../../model/keys.ts';
import type { CheckOption, ColumnComments, MaterializedView, View, ViewColumn } from '../../model/view.ts';
import { below, positionOf, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, checkQualified, display, qualifiedFromKey } from '../names.ts';
import { loadGrants } from './grants.ts';
import type { GrantYaml } from './grants.ts';
import { checkPerChunk, loadIndex } from './table-indexes.ts';
import { loadTriggers } from './triggers.ts';
import type { TriggerYaml } from './triggers.ts';
import type { Kind } from './kind.ts';

interface ViewYaml {
  readonly schema?: string;
  readonly columns?: readonly string[];
  readonly query: string;
  readonly security_barrier?: boolean;
  readonly security_invoker?: boolean;
  readonly check_option?: CheckOption;
  readonly recursive?: boolean;
  readonly comment?: string | null;
  readonly column_comments?: Readonly<Record<string, string | null>>;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
  readonly triggers?: Readonly<Record<string, TriggerYaml>>;
}

interface MaterializedViewYaml {
  readonly schema?: string;
  readonly columns?: readonly string[];
  readonly query: string;
  readonly with_no_data?: boolean;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly indexes?: Readonly<Record<string, unknown>>;
  readonly comment?: string | null;
  readonly column_comments?: Readonly<Record<string, string | null>>;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
}

/** The query as written, without surrounding blank space and a trailing semicolon. */
export function queryText(q: string): string {
  return q.trim().replace(/;\s*$/, '').trimEnd();
}

/**
 * Column names as written (`CREATE VIEW v (a, b)`); their types are PostgreSQL's to find, so
 * they are left '' here and filled in by normalization.
 */
function columnList(ctx: LoadContext, names: readonly string[] | undefined, loc: Loc): ViewColumn[] {
  const seen = new Set<string>();
  return (names ?? []).map((name, i) => {
    const at = valueOf(below(loc, 'columns', i));
    checkIdentifier(ctx, name, at);
    if (seen.has(name)) ctx.problem(at, `column \`${name}\` is listed twice`);
    seen.add(name);
    return { name, type: '', comment: null };
  });
}

/**
 * `column_comments: { column: text }` (COMMENT ON COLUMN). With `columns` listed, the comments
 * go onto those columns (a comment on a column not listed is a problem); without, they are kept
 * by name until normalization finds the columns.
 */
function withColumnComments(
  ctx: LoadContext,
  what: string,
  columns: ViewColumn[],
  listed: boolean,
  value: Readonly<Record<string, string | null>> | undefined,
  loc: Loc,
): { columns: ViewColumn[]; columnComments?: ColumnComments } {
  const comments: Record<string, string> = Object.create(null); // column names as keys: no prototype
  for (const [name, comment] of Object.entries(value ?? {})) {
    const at = below(loc, 'column_comments', name);
    checkIdentifier(ctx, name, at);
    if (listed && !columns.some((c) => c.name === name)) ctx.problem(at, `${what} has no column \`${name}\` in its \`columns\``);
    if (comment !== null && comment !== undefined) comments[name] = comment;
  }
  if (listed) return { columns: columns.map((c) => ({ ...c, comment: comments[c.name] ?? null })) };
  return { columns, ...(Object.keys(comments).length > 0 ? { columnComments: comments } : {}) };
}

export const viewsKind: Kind = {
  key: 'views',
  load({ name, value, loc }, ctx) {
    const v = value as ViewYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    const columns = columnList(ctx, v.columns, loc);
    if (v.recursive === true && v.columns === undefined) {
      ctx.problem(below(loc, 'recursive'), 'a recursive view needs its `columns` listed');
    }
    if (!ctx.declare(keys.view(qn.schema, qn.name), `view \`${display(qn)}\``, loc)) return;
    const what = `view \`${display(qn)}\``;
    const commented = withColumnComments(ctx, what, columns, v.columns !== undefined, v.column_comments, loc);
    const view: View = {
      schema: qn.schema,
      name: qn.name,
      columns: commented.columns,
      definition: queryText(v.query),
      securityBarrier: v.security_barrier ?? false,
      securityInvoker: v.security_invoker ?? false,
      checkOption: v.check_option ?? null,
      comment: v.comment ?? null,
      owner: v.owner ?? null,
      dependsOn: [],
      ...(v.recursive === true ? { recursive: true } : {}),
      ...(commented.columnComments ? { columnComments: commented.columnComments } : {}),
    };
    ctx.model.views.push(ctx.mark(view, loc));
    const known = v.columns === undefined ? null : columns.map((c) => c.name);
    loadGrants(ctx, { objectKind: 'table', schema: qn.schema, name: qn.name, arguments: null, what, columns: known }, v.grants, loc);
    loadTriggers(ctx, { ...qn, kind: 'view', columns: known }, v.triggers, loc);
  },
};

export const materializedViewsKind: Kind = {
  key: 'materialized_views',
  load({ name, value, loc }, ctx) {
    const v = value as MaterializedViewYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    const columns = columnList(ctx, v.columns, loc);
    if (!ctx.declare(keys.materializedView(qn.schema, qn.name), `materialized view \`${display(qn)}\``, loc)) return;
    const known = v.columns === undefined ? null : columns.map((c) => c.name);
    const indexes: Index[] = [];
    for (const [indexName, indexValue] of Object.entries(v.indexes ?? {})) {
      const indexLoc = below(loc, 'indexes', indexName);
      checkIdentifier(ctx, indexName, indexLoc);
      const index = loadIndex(ctx, indexName, indexValue, indexLoc);
      if (index.transactionPerChunk) checkPerChunk(ctx, index, `\`${display(qn)}\` is a materialized view`, indexLoc);
      if (known !== null) {
        for (const k of index.keys) {
          if (k.isColumn && !known.includes(k.expression)) ctx.problem(ctx.locOf(k), `materialized view \`${display(qn)}\` has no column \`${k.expression}\``);
        }
      }
      indexes.push(index);
      ctx.sources.set(keys.index(qn.schema, qn.name, indexName), positionOf(indexLoc));
    }
    const what = `materialized view \`${display(qn)}\``;
    const commented = withColumnComments(ctx, what, columns, v.columns !== undefined, v.column_comments, loc);
    const mv: MaterializedView = {
      schema: qn.schema,
      name: qn.name,
      columns: commented.columns,
      definition: queryText(v.query),
      indexes,
      comment: v.comment ?? null,
      owner: v.owner ?? null,
      dependsOn: [],
      ...(v.with_no_data === true ? { withNoData: true } : {}),
      ...(v.with !== undefined && Object.keys(v.with).length > 0
        ? { with: Object.fromEntries(Object.entries(v.with).map(([k, x]) => [k, String(x)])) }
        : {}),
      ...(commented.columnComments ? { columnComments: commented.columnComments } : {}),
    };
    ctx.model.materializedViews.push(ctx.mark(mv, loc));
    loadGrants(ctx, { objectKind: 'table', schema: qn.schema, name: qn.name, arguments: null, what, columns: known }, v.grants, loc);
  },
};
