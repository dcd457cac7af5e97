import { canonicalize, type DatabaseModel } from '../model/database.ts';
import type { LoadedSchema } from '../yaml/load.ts';
import { formatPosition, type SourcePosition } from '../model/source.ts';
import { keys } from '../model/keys.ts';
import { UserError } from '../errors.ts';
import { allGrantSourceKey, grantSourceKey, privilegeSourceKey } from '../yaml/kinds/grants.ts';
import { defaultPrivilegeSourceKey } from '../yaml/kinds/default-privileges.ts';
import { constraintSourceKey } from '../yaml/kinds/tables.ts';

/** Something the YAML declares that exists only from a major version on. */
interface VersionNeed {
  readonly feature: string;
  readonly major: number;
  readonly sourceKey: string;
  readonly what: string;
}

/** The privilege PostgreSQL 17 added to tables (VACUUM, ANALYZE, REINDEX, REFRESH, CLUSTER, LOCK). */
const MAINTAIN = 'MAINTAIN';

function needs(model: DatabaseModel): VersionNeed[] {
  const out: VersionNeed[] = [];
  for (const t of model.tables) {
    const table = { schema: t.schema, name: t.name };
    for (const c of t.constraints) {
      if (c.kind === 'unique' && c.nullsNotDistinct) {
        const column = c.name === '' && c.columns.length === 1 ? c.columns[0] : undefined;
        out.push({ feature: 'UNIQUE NULLS NOT DISTINCT', major: 15, sourceKey: constraintSourceKey(table, c, column), what: `unique constraint of ${t.schema}.${t.name}` });
      }
    }
    for (const i of t.indexes) {
      if (i.nullsNotDistinct) out.push({ feature: 'NULLS NOT DISTINCT', major: 15, sourceKey: keys.index(t.schema, t.name, i.name), what: `index ${i.name}` });
    }
  }
  for (const m of model.materializedViews) {
    for (const i of m.indexes) {
      if (i.nullsNotDistinct) out.push({ feature: 'NULLS NOT DISTINCT', major: 15, sourceKey: keys.index(m.schema, m.name, i.name), what: `index ${i.name}` });
    }
  }
  for (const v of model.views) {
    if (v.securityInvoker) out.push({ feature: 'security_invoker', major: 15, sourceKey: keys.view(v.schema, v.name), what: `view ${v.schema}.${v.name}` });
  }
  for (const g of model.grants) {
    if (g.privilege === MAINTAIN) out.push({ feature: 'the MAINTAIN privilege', major: 17, sourceKey: privilegeSourceKey(grantSourceKey(g), MAINTAIN), what: `grant to ${g.grantee}` });
  }
  for (const d of model.defaultPrivileges) {
    if (d.privilege === MAINTAIN && !d.revoked) {
      out.push({ feature: 'the MAINTAIN privilege', major: 17, sourceKey: privilegeSourceKey(defaultPrivilegeSourceKey(d), MAINTAIN), what: `default privilege for ${d.grantee}` });
    }
  }
  return out;
}

/**
 * The YAML as the server of this major can take it: privileges written as `ALL` mean the ones the
 * server has (MAINTAIN only from PostgreSQL 17 on, as GRANT ALL there); anything else the server's
 * version lacks is refused before planning, located in the YAML and naming the version it needs.
 */
export function forServerMajor(loaded: Pick<LoadedSchema, 'model' | 'sources'>, major: number): DatabaseModel {
  const sources: ReadonlyMap<string, SourcePosition> = loaded.sources;
  let model = loaded.model;
  if (major < 17) {
    const viaAll = (key: string) => sources.has(allGrantSourceKey(key));
    model = {
      ...model,
      grants: model.grants.filter((g) => g.privilege !== MAINTAIN || !viaAll(grantSourceKey(g))),
      defaultPrivileges: model.defaultPrivileges.filter((d) => d.privilege !== MAINTAIN || !viaAll(defaultPrivilegeSourceKey(d))),
    };
  }
  const unmet = needs(model).filter((n) => n.major > major);
  if (unmet.length === 0) return model;
  const lines = [...new Set(unmet.map((n) => {
    const pos = sources.get(n.sourceKey);
    return `${pos ? `${formatPosition(pos)}: ` : ''}${n.feature} (${n.what}) needs PostgreSQL ${n.major} or later; the server is PostgreSQL ${major}`;
  }))];
  throw new UserError(lines.join('\n'));
}

/**
 * What initdb of this major leaves on schema `public`, where the YAML does not say: before 15,
 * CREATE as well as USAGE for PUBLIC (15 took CREATE away; the scratch engine is 17 or 18). Applied
 * to the normalized desired state, so that a YAML silent on `public`'s grants plans nothing there.
 */
export function withInitdbDefaults(desired: DatabaseModel, sources: ReadonlyMap<string, SourcePosition>, major: number): DatabaseModel {
  if (major >= 15) return desired;
  for (const key of sources.keys()) if (key.startsWith('grant:schema:public:')) return desired;
  const isPublic = (g: DatabaseModel['grants'][number]) => g.objectKind === 'schema' && g.schema === 'public' && g.grantee === 'PUBLIC';
  const usage = desired.grants.find((g) => isPublic(g) && g.privilege === 'USAGE');
  if (!usage || desired.grants.some((g) => isPublic(g) && g.privilege === 'CREATE')) return desired;
  return canonicalize({ ...desired, grants: [...desired.grants, { ...usage, privilege: 'CREATE' }] });
}
