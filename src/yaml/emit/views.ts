import { yamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import type { Trigger } from '../../model/trigger.ts';
import type { MaterializedView, View } from '../../model/view.ts';
import { setGrants } from './grants.ts';
import { objectKey, setIf, sqlScalar } from './common.ts';
import type { YamlMap } from './common.ts';
import { indexYaml } from './tables.ts';
import { triggersYaml } from './triggers.ts';

/**
 * `column_comments:` of a view or materialized view: from its columns, or, in a raw state that
 * does not list them, as loaded.
 */
function columnCommentsYaml(v: View | MaterializedView): YamlMap | undefined {
  const out: YamlMap = { ...(v.columnComments ?? {}) };
  for (const c of v.columns) if (c.comment !== null) out[c.name] = c.comment;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Views. Their column lists are left out: PostgreSQL's text of the query already names every
 * output column (`x AS a`), and their types are PostgreSQL's to work out.
 */
export function viewsYaml(views: readonly View[], grants: readonly Grant[], triggers: readonly Trigger[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const v of views) {
    const { key, schemaField } = objectKey(v);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    if (v.columns.length > 0 && v.columns.every((c) => c.type === '')) m.columns = v.columns.map((c) => c.name);
    m.query = v.definition;
    setIf(m, 'security_barrier', v.securityBarrier);
    setIf(m, 'security_invoker', v.securityInvoker);
    setIf(m, 'check_option', v.checkOption);
    setIf(m, 'recursive', v.recursive);
    setIf(m, 'comment', v.comment);
    setIf(m, 'column_comments', columnCommentsYaml(v));
    setIf(m, 'owner', v.owner);
    setGrants(m, grants, { objectKind: 'table', schema: v.schema, name: v.name, arguments: null });
    setIf(m, 'triggers', triggersYaml(triggers.filter((t) => t.schema === v.schema && t.table === v.name)));
    out[key] = m;
  }
  return out;
}

export function materializedViewsYaml(views: readonly MaterializedView[], grants: readonly Grant[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const v of views) {
    const { key, schemaField } = objectKey(v);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    if (v.columns.length > 0 && v.columns.every((c) => c.type === '')) m.columns = v.columns.map((c) => c.name);
    m.query = v.definition;
    setIf(m, 'with_no_data', v.withNoData);
    if (v.with !== undefined && Object.keys(v.with).length > 0) {
      m.with = Object.fromEntries(Object.entries(v.with).map(([k, x]) => [k, sqlScalar(x)]));
    }
    if (v.indexes.length > 0) {
      const indexes: YamlMap = yamlMap();
      for (const i of v.indexes) indexes[i.name] = indexYaml(i);
      m.indexes = indexes;
    }
    setIf(m, 'comment', v.comment);
    setIf(m, 'column_comments', columnCommentsYaml(v));
    setIf(m, 'owner', v.owner);
    setGrants(m, grants, { objectKind: 'table', schema: v.schema, name: v.name, arguments: null });
    out[key] = m;
  }
  return out;
}
