import { yamlMap } from './common.ts';
import type { Policy } from '../../model/policy.ts';
import type { Trigger } from '../../model/trigger.ts';
import { setIf } from './common.ts';
import type { YamlMap } from './common.ts';

/** A relation's `triggers:`; the function is written bare when in the relation's schema. */
export function triggersYaml(triggers: readonly Trigger[]): YamlMap | undefined {
  if (triggers.length === 0) return undefined;
  const out: YamlMap = yamlMap();
  for (const t of triggers) {
    const m: YamlMap = { timing: t.timing === 'instead of' ? 'instead_of' : t.timing, events: [...t.events] };
    setIf(m, 'update_of', [...t.updateColumns]);
    if (t.forEachRow) m.for_each = 'row';
    setIf(m, 'when', t.when);
    const bare = t.function.schema === t.schema && !t.function.name.includes('.');
    m.function = bare ? t.function.name : `${t.function.schema}.${t.function.name}`;
    setIf(m, 'arguments', [...t.arguments]);
    if (t.constraint !== null) {
      m.constraint = true;
      setIf(m, 'deferrable', t.constraint.deferrable);
      setIf(m, 'initially_deferred', t.constraint.initiallyDeferred);
    }
    if (t.oldTable !== null || t.newTable !== null) {
      const r: YamlMap = yamlMap();
      setIf(r, 'old_table', t.oldTable);
      setIf(r, 'new_table', t.newTable);
      m.referencing = r;
    }
    if (t.enabled !== 'origin') m.enabled = t.enabled === 'disabled' ? false : t.enabled;
    setIf(m, 'comment', t.comment);
    out[t.name] = m;
  }
  return out;
}

/** A table's `policies:` with only what differs from the defaults (permissive, for all, to PUBLIC). */
export function policiesYaml(policies: readonly Policy[]): YamlMap | undefined {
  if (policies.length === 0) return undefined;
  const out: YamlMap = yamlMap();
  for (const p of policies) {
    const m: YamlMap = yamlMap();
    if (!p.permissive) m.as = 'restrictive';
    if (p.command !== 'all') m.for = p.command;
    if (!(p.roles.length === 1 && p.roles[0] === 'PUBLIC')) m.to = [...p.roles];
    setIf(m, 'using', p.using);
    setIf(m, 'with_check', p.withCheck);
    setIf(m, 'comment', p.comment);
    out[p.name] = m;
  }
  return out;
}
