import { diffLines } from 'diff';
import { stringify } from 'yaml';
import type { DatabaseModel } from '../model/database.ts';
import { canonicalJson } from '../model/canonical-json.ts';
import { isSqlValue } from '../model/data.ts';
import { keyDisplay } from '../diff/data.ts';
import { futurePartitionCount, partitionsOfTable } from '../model/partition-rule.ts';

export type DriftStatus = 'missing' | 'unexpected' | 'changed' | 'invalid' | 'partitions_running_out';

/**
 * One object that differs: `missing` from the database, `unexpected` in it, `changed`, or (an
 * index) `invalid`: left by a failed or killed concurrent build, (a constraint) added NOT VALID
 * and never validated; or (a rolling partition rule)
 * `partitions_running_out`: fewer future partitions exist than the rule makes ahead.
 */
export interface DriftEntry {
  readonly kind: string;
  readonly object: string;
  readonly status: DriftStatus;
  /** Unified-style lines: `- ` as in the database, `+ ` as the YAML wants, `  ` context. */
  readonly lines: readonly string[];
}

interface Named {
  readonly kind: string;
  readonly object: string;
  readonly value: unknown;
}

/** Dependencies follow from the definition; reporting them again adds only noise. */
function withoutDependencies<T extends { readonly dependsOn: readonly string[] }>(o: T): Omit<T, 'dependsOn'> {
  const { dependsOn: _d, ...rest } = o;
  return rest;
}

/** Flattens a model into comparable objects: tables split into their columns, constraints and indexes. */
function objectsOf(m: DatabaseModel, withRows: boolean): Map<string, Named> {
  const out = new Map<string, Named>();
  const add = (kind: string, object: string, value: unknown) => out.set(`${kind}:${object}`, { kind, object, value });
  for (const s of m.schemas) add('schema', s.name, s);
  for (const e of m.extensions) add('extension', e.name, e);
  for (const e of m.enums) add('type', `${e.schema}.${e.name}`, e);
  for (const d of m.domains ?? []) add('domain', `${d.schema}.${d.name}`, d);
  for (const c of m.compositeTypes ?? []) add('composite type', `${c.schema}.${c.name}`, c);
  for (const c of m.collations ?? []) add('collation', `${c.schema}.${c.name}`, c);
  for (const s of m.sequences) add('sequence', `${s.schema}.${s.name}`, s);
  for (const t of m.tables) {
    const name = `${t.schema}.${t.name}`;
    add('table', name, {
      schema: t.schema,
      name: t.name,
      comment: t.comment,
      rowSecurity: t.rowSecurity,
      forceRowSecurity: t.forceRowSecurity,
      ...(t.unlogged ? { unlogged: true } : {}),
      ...(t.inherits !== undefined && t.inherits.length > 0 ? { inherits: t.inherits } : {}),
      ...(t.with !== undefined ? { with: t.with } : {}),
      ...(t.owner !== null ? { owner: t.owner } : {}),
    });
    for (const c of t.columns) add('column', `${name}.${c.name}`, c);
    for (const c of t.constraints) add('constraint', `${name}.${c.name}`, c);
    for (const i of t.indexes) add('index', `${name}.${i.name}`, i);
  }
  for (const r of m.roles) add('role', r.name, r);
  for (const v of m.views) add('view', `${v.schema}.${v.name}`, withoutDependencies(v));
  for (const v of m.materializedViews) add('materialized view', `${v.schema}.${v.name}`, withoutDependencies(v));
  for (const r of m.routines) add(r.kind, `${r.schema}.${r.name}(${r.identityArguments})`, withoutDependencies(r));
  for (const a of m.aggregates ?? []) add('aggregate', `${a.schema}.${a.name}(${a.identityArguments})`, a);
  for (const t of m.triggers) add('trigger', `${t.schema}.${t.table}.${t.name}`, withoutDependencies(t));
  for (const p of m.policies) add('policy', `${p.schema}.${p.table}.${p.name}`, withoutDependencies(p));
  // Grants are reported per object and grantee: the privileges held, as one value.
  const grants = new Map<string, { kind: string; object: string; privileges: string[] }>();
  for (const g of m.grants) {
    const target = g.name === null ? g.schema : `${g.schema}.${g.name}${g.arguments !== null ? `(${g.arguments})` : ''}${g.column ? `.${g.column}` : ''}`;
    const object = `${target} to ${g.grantee}`;
    const entry = grants.get(`${g.objectKind}:${object}`) ?? { kind: `grant on ${g.objectKind}`, object, privileges: [] };
    entry.privileges.push(g.withGrantOption ? `${g.privilege} WITH GRANT OPTION` : g.privilege);
    grants.set(`${g.objectKind}:${object}`, entry);
  }
  for (const g of grants.values()) add(g.kind, g.object, { privileges: g.privileges.sort() });
  for (const j of m.jobs ?? []) add('timescaledb job', j.name, j);
  for (const d of m.defaultPrivileges) {
    add('default privilege', `${d.privilege} on ${d.objectKind} of ${d.role}${d.schema ? ` in ${d.schema}` : ''} to ${d.grantee}`, d);
  }
  // Reference rows by key, with the columns the YAML names (`{ sql }` values are never compared).
  if (withRows) {
    for (const d of m.data ?? []) {
      for (const r of d.rows) {
        const value = Object.fromEntries(Object.entries(r).filter(([, v]) => !isSqlValue(v)));
        add('row', `${d.schema}.${d.table} ${keyDisplay(d.key, r)}`, value);
      }
    }
  }
  return out;
}

/** Drops desired-only annotations: they say how to get somewhere, not what is there. */
function plain(value: unknown, kind: string): unknown {
  const v = JSON.parse(canonicalJson(value)) as Record<string, unknown>;
  if (v && typeof v === 'object') {
    delete v.renamedFrom;
    // A column's `using` is an annotation; a policy's is its USING clause.
    if (kind === 'column') delete v.using;
    delete v.reverseUsing;
    delete v.backfill;
    delete v.irreversible;
  }
  return v;
}

function render(value: unknown, kind: string): string[] {
  return stringify(plain(value, kind), { lineWidth: 0 }).trimEnd().split('\n');
}

/** What differs between the live and the desired state, object by object. Pure and deterministic. */
export function driftReport(live: DatabaseModel, desired: DatabaseModel): DriftEntry[] {
  // Rows are compared only when the live ones were read (for the tables the YAML declares).
  const withRows = live.data !== undefined && desired.data !== undefined;
  const a = objectsOf(live, withRows);
  const b = objectsOf(desired, withRows);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: DriftEntry[] = [];
  for (const key of keys) {
    const l = a.get(key);
    const d = b.get(key);
    if (l && d) {
      if (canonicalJson(plain(l.value, l.kind)) === canonicalJson(plain(d.value, d.kind))) continue;
      const lines: string[] = [];
      for (const part of diffLines(render(l.value, l.kind).join('\n') + '\n', render(d.value, d.kind).join('\n') + '\n')) {
        const prefix = part.added ? '+ ' : part.removed ? '- ' : '  ';
        for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push(prefix + line);
      }
      // An index left by a failed build, a constraint whose validation never committed.
      const invalid = (l.kind === 'index' || l.kind === 'constraint') && (l.value as { valid?: boolean }).valid === false;
      // An invalid index or constraint that is otherwise as declared: its `valid` lines say it all.
      const changedOnly = lines.filter((x) => !x.startsWith('  '));
      const onlyValidity = invalid && changedOnly.every((x) => /^[-+] valid: /.test(x));
      out.push({ kind: l.kind, object: l.object, status: invalid ? 'invalid' : 'changed', lines: onlyValidity ? changedOnly : lines });
    } else if (d) {
      out.push({ kind: d.kind, object: d.object, status: 'missing', lines: render(d.value, d.kind).map((x) => '+ ' + x) });
    } else if (l) {
      out.push({ kind: l.kind, object: l.object, status: 'unexpected', lines: render(l.value, l.kind).map((x) => '- ' + x) });
    }
  }
  return out;
}

/** One difference of a drift report for machines: a property of an object, as live and as desired. */
export interface DriftRecord {
  readonly kind: string;
  readonly object: string;
  readonly status: DriftStatus;
  /** The property that differs (YAML spelling), or null for a whole object missing or unexpected. */
  readonly property: string | null;
  /** As in the database; null when the object (or property) is not there. */
  readonly live: unknown;
  /** As the YAML wants; null when the object (or property) is not wanted. */
  readonly desired: unknown;
}

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The report as records, each difference once: a missing or unexpected object is one record with
 * its whole value; a changed one gives a record per top-level property that differs.
 */
export function driftRecords(live: DatabaseModel, desired: DatabaseModel): DriftRecord[] {
  const withRows = live.data !== undefined && desired.data !== undefined;
  const a = objectsOf(live, withRows);
  const b = objectsOf(desired, withRows);
  const out: DriftRecord[] = [];
  for (const e of driftReport(live, desired)) {
    const key = `${e.kind}:${e.object}`;
    const l = a.get(key);
    const d = b.get(key);
    const base = { kind: e.kind, object: e.object, status: e.status };
    if (!l || !d) {
      out.push({ ...base, property: null, live: l ? plain(l.value, l.kind) : null, desired: d ? plain(d.value, d.kind) : null });
      continue;
    }
    const lv = plain(l.value, l.kind) as Record<string, unknown>;
    const dv = plain(d.value, d.kind) as Record<string, unknown>;
    for (const p of [...new Set([...Object.keys(lv), ...Object.keys(dv)])].sort()) {
      if (canonicalJson(lv[p] ?? null) === canonicalJson(dv[p] ?? null)) continue;
      out.push({ ...base, property: snakeCase(p), live: lv[p] ?? null, desired: dv[p] ?? null });
    }
  }
  return out;
}

/**
 * Rolling partition rules whose table has fewer partitions after the current period than the
 * rule makes ahead: inserts past the last one fail (or land in the default partition) soon.
 */
export function partitionRunway(live: DatabaseModel, desired: DatabaseModel): DriftEntry[] {
  const out: DriftEntry[] = [];
  for (const t of desired.tables) {
    const rule = t.partitionRule;
    if (!rule || !live.tables.some((l) => l.schema === t.schema && l.name === t.name)) continue;
    const future = futurePartitionCount(rule, partitionsOfTable(live.tables, t));
    if (future >= rule.premake) continue;
    out.push({
      kind: 'partition rule',
      object: `${t.schema}.${t.name}`,
      status: 'partitions_running_out',
      lines: [`  ${future} partition(s) after the current ${rule.period} period as of ${rule.today}; the rule makes ${rule.premake} ahead: run pgform apply --schema to add them`],
    });
  }
  return out;
}

export function renderDriftText(entries: readonly DriftEntry[], database: string): string {
  if (entries.length === 0) return `no drift: ${database} matches the schema\n`;
  const words: Record<DriftStatus, string> = {
    missing: 'missing from the database',
    unexpected: 'in the database but not in the schema',
    changed: 'differs',
    invalid: 'invalid (a concurrent build failed or was killed; the next plan drops it and builds it again)',
    partitions_running_out: 'partitions running out',
  };
  const parts = [`drift: ${entries.length} object(s) in ${database} differ from the schema`, ''];
  for (const e of entries) {
    const word =
      e.status === 'invalid' && e.kind === 'constraint'
        ? 'not validated (added NOT VALID and its validation never committed; the next plan validates it)'
        : words[e.status];
    parts.push(`${e.kind} ${e.object}: ${word}`);
    for (const l of e.lines) parts.push(`    ${l}`);
    parts.push('');
  }
  parts.push('(- as in the database, + as the schema wants)');
  return parts.join('\n') + '\n';
}
