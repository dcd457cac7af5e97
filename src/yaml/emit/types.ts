import { yamlMap } from './common.ts';
import type { EnumType } from '../../model/enum.ts';
import type { Domain } from '../../model/domain.ts';
import type { CompositeType } from '../../model/composite-type.ts';
import { collationYaml } from '../names.ts';
import { objectKey, setIf, sqlScalar } from './common.ts';
import type { YamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import { grantsOn, grantsYaml, setGrants } from './grants.ts';

const typeTarget = (t: { schema: string; name: string }) => ({ objectKind: 'type' as const, schema: t.schema, name: t.name, arguments: null });

function enumYaml(e: EnumType, schemaField: string | undefined, grants: readonly Grant[]): unknown {
  // The short list form unless a comment, an owner, an explicit schema or grants are needed.
  const plain = grantsYaml(grantsOn(grants, typeTarget(e)), typeTarget(e)) === undefined;
  if (e.comment === null && schemaField === undefined && (e.owner ?? null) === null && plain) return [...e.labels];
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.values = [...e.labels];
  setIf(m, 'comment', e.comment);
  setIf(m, 'owner', e.owner);
  setGrants(m, grants, typeTarget(e));
  return m;
}

function domainYaml(d: Domain, schemaField: string | undefined, grants: readonly Grant[]): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.domain = d.type;
  setIf(m, 'not_null', d.notNull);
  if (d.default !== null) m.default = sqlScalar(d.default);
  if (d.collation !== null) m.collation = collationYaml(d.collation);
  if (d.checks.length > 0) m.checks = Object.fromEntries(d.checks.map((c) => [c.name, c.expression]));
  setIf(m, 'comment', d.comment);
  setIf(m, 'owner', d.owner);
  setGrants(m, grants, typeTarget(d));
  return m;
}

function compositeYaml(c: CompositeType, schemaField: string | undefined, grants: readonly Grant[]): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.composite = Object.fromEntries(
    c.attributes.map((a) => [a.name, a.collation === null ? a.type : { type: a.type, collation: collationYaml(a.collation) }]),
  );
  setIf(m, 'comment', c.comment);
  setIf(m, 'owner', c.owner);
  setGrants(m, grants, typeTarget(c));
  return m;
}

/** The `types:` section: enums, then domains, then composite types, each sorted by name (`grants`: the state's). */
export function typesYaml(enums: readonly EnumType[], domains: readonly Domain[] = [], composites: readonly CompositeType[] = [], grants: readonly Grant[] = []): YamlMap {
  const out: YamlMap = yamlMap();
  for (const e of enums) {
    const { key, schemaField } = objectKey(e);
    out[key] = enumYaml(e, schemaField, grants);
  }
  for (const d of domains) {
    const { key, schemaField } = objectKey(d);
    out[key] = domainYaml(d, schemaField, grants);
  }
  for (const c of composites) {
    const { key, schemaField } = objectKey(c);
    out[key] = compositeYaml(c, schemaField, grants);
  }
  return out;
}
