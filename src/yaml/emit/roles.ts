import { yamlMap } from './common.ts';
import type { Role } from '../../model/role.ts';
import { ROLE_DEFAULTS } from '../kinds/roles.ts';
import { setIf } from './common.ts';
import type { YamlMap } from './common.ts';

/** Roles with only the attributes that differ from CREATE ROLE's defaults. */
export function rolesYaml(roles: readonly Role[]): YamlMap {
  const out: YamlMap = yamlMap();
  for (const r of roles) {
    const m: YamlMap = yamlMap();
    const flags: [string, boolean, boolean][] = [
      ['login', r.login, ROLE_DEFAULTS.login],
      ['superuser', r.superuser, ROLE_DEFAULTS.superuser],
      ['createdb', r.createdb, ROLE_DEFAULTS.createdb],
      ['createrole', r.createrole, ROLE_DEFAULTS.createrole],
      ['inherit', r.inherit, ROLE_DEFAULTS.inherit],
      ['replication', r.replication, ROLE_DEFAULTS.replication],
      ['bypass_rls', r.bypassRls, ROLE_DEFAULTS.bypassRls],
    ];
    for (const [key, value, dflt] of flags) if (value !== dflt) m[key] = value;
    if (r.connectionLimit !== ROLE_DEFAULTS.connectionLimit) m.connection_limit = r.connectionLimit;
    setIf(m, 'member_of', [...r.memberOf]);
    setIf(m, 'comment', r.comment);
    out[r.name] = m;
  }
  return out;
}
