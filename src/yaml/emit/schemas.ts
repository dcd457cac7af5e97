import { yamlMap } from './common.ts';
import type { Extension } from '../../model/extension.ts';
import type { Schema } from '../../model/schema.ts';
import { setIf } from './common.ts';
import type { YamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import { setGrants } from './grants.ts';

export function schemasYaml(schemas: readonly Schema[], grants: readonly Grant[] = []): YamlMap {
  const out: YamlMap = yamlMap();
  for (const s of schemas) {
    const m: YamlMap = yamlMap();
    setIf(m, 'comment', s.comment);
    setIf(m, 'owner', s.owner);
    setGrants(m, grants, { objectKind: 'schema', schema: s.name, name: null, arguments: null });
    out[s.name] = m;
  }
  return out;
}

export function extensionsYaml(extensions: readonly Extension[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const e of extensions) {
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', e.schema);
    setIf(m, 'version', e.version);
    setIf(m, 'comment', e.comment);
    out[e.name] = m;
  }
  return out;
}
