import { yamlMap } from './common.ts';
import type { FunctionArgument, Routine } from '../../model/function.ts';
import type { Grant } from '../../model/grant.ts';
import { defaultCost, defaultRows, DEFAULT_LANGUAGE } from '../kinds/routines.ts';
import { objectKey, setIf, sqlScalar } from './common.ts';
import type { YamlMap } from './common.ts';
import { setGrants } from './grants.ts';

/**
 * Functions or procedures, keyed by name; overloads become a list under the name. TABLE(...)
 * columns are written in `returns` only.
 */
export function routinesYaml(routines: readonly Routine[], grants: readonly Grant[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const r of routines) {
    const { key, schemaField } = objectKey(r);
    const m = routineYaml(r, schemaField, grants);
    const existing = out[key];
    if (existing === undefined) out[key] = m;
    else out[key] = Array.isArray(existing) ? [...existing, m] : [existing, m];
  }
  return out;
}

function routineYaml(r: Routine, schemaField: string | undefined, grants: readonly Grant[]): YamlMap {
  const m: YamlMap = yamlMap();
  setIf(m, 'schema', schemaField);
  const args = r.arguments.filter((a) => a.mode !== 'table');
  if (args.length > 0) m.arguments = argumentsYaml(args);
  if (r.kind === 'function') setIf(m, 'returns', r.returns);
  if (r.language !== DEFAULT_LANGUAGE) m.language = r.language;
  if (r.volatility !== 'volatile') m.volatility = r.volatility;
  setIf(m, 'strict', r.strict);
  setIf(m, 'security_definer', r.securityDefiner);
  setIf(m, 'leakproof', r.leakproof);
  if (r.parallel !== 'unsafe') m.parallel = r.parallel;
  if (r.cost !== defaultCost(r.language)) m.cost = sqlScalar(r.cost);
  if (r.rows !== defaultRows(r.returns)) m.rows = sqlScalar(r.rows);
  if (r.config.length > 0) {
    const set: YamlMap = yamlMap();
    for (const c of r.config) {
      const eq = c.indexOf('=');
      set[c.slice(0, eq)] = c.slice(eq + 1);
    }
    m.set = set;
  }
  setIf(m, 'comment', r.comment);
  setIf(m, 'owner', r.owner);
  setGrants(m, grants, { objectKind: 'function', schema: r.schema, name: r.name, arguments: r.identityArguments });
  m.body = r.body;
  return m;
}

/** `name: type` when every argument is named; else a list. The short form when nothing else is set. */
function argumentsYaml(args: readonly FunctionArgument[]): unknown {
  const detail = (a: FunctionArgument): YamlMap => {
    const d: YamlMap = { type: a.type };
    if (a.mode !== 'in') d.mode = a.mode;
    if (a.default !== null) d.default = sqlScalar(a.default);
    return d;
  };
  const names = args.map((a) => a.name);
  // A mapping cannot keep the order of keys that look like integers.
  const mapping = names.every((n) => n !== null && !/^\d+$/.test(n)) && new Set(names).size === names.length;
  if (mapping) {
    const out: YamlMap = yamlMap();
    for (const a of args) {
      const d = detail(a);
      out[a.name!] = Object.keys(d).length === 1 ? a.type : d;
    }
    return out;
  }
  return args.map((a) => {
    const d = detail(a);
    if (a.name === null) return Object.keys(d).length === 1 ? a.type : d;
    return { name: a.name, ...d };
  });
}
