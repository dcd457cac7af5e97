import type { Aggregate } from '../../model/aggregate.ts';
import type { Grant } from '../../model/grant.ts';
import { objectKey, setIf, sqlScalar, yamlMap, type YamlMap } from './common.ts';
import { setGrants } from './grants.ts';

const FLAGS = new Set(['finalfunc_extra', 'mfinalfunc_extra', 'hypothetical']);
const NUMBERS = new Set(['sspace', 'msspace']);

/** Aggregates keyed by name; overloads become a list under the name. */
export function aggregatesYaml(aggregates: readonly Aggregate[], grants: readonly Grant[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const a of aggregates) {
    const { key, schemaField } = objectKey(a);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    m.arguments = a.arguments === '' ? '*' : a.arguments;
    for (const [k, v] of Object.entries(a.options)) {
      m[k] = FLAGS.has(k) ? true : NUMBERS.has(k) ? sqlScalar(v) : v;
    }
    setIf(m, 'comment', a.comment);
    setGrants(m, grants, { objectKind: 'function', schema: a.schema, name: a.name, arguments: a.identityArguments });
    const existing = out[key];
    if (existing === undefined) out[key] = m;
    else out[key] = Array.isArray(existing) ? [...existing, m] : [existing, m];
  }
  return out;
}
