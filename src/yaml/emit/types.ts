import { yamlMap } from './common.ts';
import type { EnumType } from '../../model/enum.ts';
import type { Domain } from '../../model/domain.ts';
import type { CompositeType } from '../../model/composite-type.ts';
import { collationYaml } from '../names.ts';
import { objectKey, setIf, sqlScalar } from './common.ts';
import type { YamlMap } from './common.ts';

function enumYaml(e: EnumType, schemaField: string | undefined): unknown {
  // The short list form unless a comment, an owner or an explicit schema is needed.
  if (e.comment === null && schemaField === undefined && (e.owner ?? null) === null) return [...e.labels];
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.values = [...e.labels];
  setIf(m, 'comment', e.comment);
  setIf(m, 'owner', e.owner);
  return m;
}

function domainYaml(d: Domain, schemaField: string | undefined): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.domain = d.type;
  setIf(m, 'not_null', d.notNull);
  if (d.default !== null) m.default = sqlScalar(d.default);
  if (d.collation !== null) m.collation = collationYaml(d.collation);
  if (d.checks.length > 0) m.checks = Object.fromEntries(d.checks.map((c) => [c.name, c.expression]));
  setIf(m, 'comment', d.comment);
  setIf(m, 'owner', d.owner);
  return m;
}

function compositeYaml(c: CompositeType, schemaField: string | undefined): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  m.composite = Object.fromEntries(
    c.attributes.map((a) => [a.name, a.collation === null ? a.type : { type: a.type, collation: collationYaml(a.collation) }]),
  );
  setIf(m, 'comment', c.comment);
  setIf(m, 'owner', c.owner);
  return m;
}

/** The `types:` section: enums, then domains, then composite types, each sorted by name. */
export function typesYaml(enums: readonly EnumType[], domains: readonly Domain[] = [], composites: readonly CompositeType[] = []): YamlMap {
  const out: YamlMap = yamlMap();
  for (const e of enums) {
    const { key, schemaField } = objectKey(e);
    out[key] = enumYaml(e, schemaField);
  }
  for (const d of domains) {
    const { key, schemaField } = objectKey(d);
    out[key] = domainYaml(d, schemaField);
  }
  for (const c of composites) {
    const { key, schemaField } = objectKey(c);
    out[key] = compositeYaml(c, schemaField);
  }
  return out;
}
