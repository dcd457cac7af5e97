import { yamlMap } from './common.ts';
import type { Sequence } from '../../model/sequence.ts';
import { sequenceOptions } from '../kinds/sequences.ts';
import { integer, objectKey, setIf } from './common.ts';
import type { YamlMap } from './common.ts';
import type { Grant } from '../../model/grant.ts';
import { setGrants } from './grants.ts';

/** Sequences with only the options that differ from what the loader would fill in. */
export function sequencesYaml(sequences: readonly Sequence[], grants: readonly Grant[] = []): YamlMap {
  const out: YamlMap = yamlMap();
  for (const s of sequences) {
    const { key, schemaField } = objectKey(s);
    const m: YamlMap = yamlMap();
    setIf(m, 'schema', schemaField);
    const type = s.dataType === 'bigint' ? undefined : s.dataType;
    const increment = s.increment === '1' ? undefined : BigInt(s.increment);
    const bounds = sequenceOptions({ type, increment });
    const min = s.minValue === bounds.minValue ? undefined : BigInt(s.minValue);
    const max = s.maxValue === bounds.maxValue ? undefined : BigInt(s.maxValue);
    const start = sequenceOptions({ type, increment, min, max }).start;
    setIf(m, 'type', type);
    if (s.start !== start) m.start = integer(s.start);
    if (increment !== undefined) m.increment = integer(s.increment);
    if (min !== undefined) m.min = integer(s.minValue);
    if (max !== undefined) m.max = integer(s.maxValue);
    if (s.cache !== '1') m.cache = integer(s.cache);
    setIf(m, 'cycle', s.cycle);
    if (s.ownedBy !== null) m.owned_by = ownedByYaml(s, s.ownedBy);
    setIf(m, 'comment', s.comment);
    setIf(m, 'owner', s.owner);
    setGrants(m, grants, { objectKind: 'sequence', schema: s.schema, name: s.name, arguments: null });
    out[key] = m;
  }
  return out;
}

function ownedByYaml(s: Sequence, o: NonNullable<Sequence['ownedBy']>): unknown {
  const parts = [o.schema, o.table, o.column];
  if (parts.some((p) => p.includes('.') || p === '')) return { schema: o.schema, table: o.table, column: o.column };
  return o.schema === s.schema ? `${o.table}.${o.column}` : parts.join('.');
}
