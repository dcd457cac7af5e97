import type { EnumType } from '../../model/enum.ts';
import { objectKey, setIf } from './common.ts';
import type { YamlMap } from './common.ts';

/** Enums: the short list form unless a comment or an explicit schema is needed. */
export function typesYaml(enums: readonly EnumType[]): YamlMap {
  const out: YamlMap = {};
  for (const e of enums) {
    const { key, schemaField } = objectKey(e);
    if (e.comment === null && schemaField === undefined && (e.owner ?? null) === null) {
      out[key] = [...e.labels];
      continue;
    }
    const m: YamlMap = {};
    setIf(m, 'schema', schemaField);
    m.values = [...e.labels];
    setIf(m, 'comment', e.comment);
    setIf(m, 'owner', e.owner);
    out[key] = m;
  }
  return out;
}
