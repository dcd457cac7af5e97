import type { Collation } from '../../model/collation.ts';
import { objectKey, setIf, yamlMap, type YamlMap } from './common.ts';

/** The `collations:` mapping; libc's two settings as one `locale` when they are the same. */
export function collationsYaml(collations: readonly Collation[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const c of collations) {
    const { key, schemaField } = objectKey(c);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    if (c.provider !== 'libc') {
      m.provider = c.provider;
      setIf(m, 'locale', c.locale);
    } else if (c.lcCollate === c.lcCtype) setIf(m, 'locale', c.lcCollate);
    else {
      setIf(m, 'lc_collate', c.lcCollate);
      setIf(m, 'lc_ctype', c.lcCtype);
    }
    if (!c.deterministic) m.deterministic = false;
    setIf(m, 'comment', c.comment);
    out[key] = m;
  }
  return out;
}
