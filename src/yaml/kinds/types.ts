import { keys } from '../../model/keys.ts';
import type { EnumType } from '../../model/enum.ts';
import type { Domain, DomainCheck } from '../../model/domain.ts';
import type { CompositeAttribute, CompositeType } from '../../model/composite-type.ts';
import type { QualifiedName } from '../../model/names.ts';
import { below, positionOf, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkIdentifier, checkQualified, collationSql, display, qualifiedFromKey } from '../names.ts';
import type { Kind } from './kind.ts';
import { loadGrants, type GrantYaml } from './grants.ts';

interface TypeYaml {
  readonly schema?: string;
  readonly comment?: string | null;
  readonly owner?: string;
  /** USAGE on the type; absent: PostgreSQL's default (USAGE to PUBLIC). */
  readonly grants?: readonly GrantYaml[];
  /** Enum labels. */
  readonly values?: readonly string[];
  /** Domain: the base type, with its options below. */
  readonly domain?: string;
  readonly not_null?: boolean;
  readonly default?: string | number | boolean;
  readonly collation?: string;
  readonly checks?: Readonly<Record<string, string>>;
  /** Composite type: attributes in order, `name: type` or `name: { type, collation }`. */
  readonly composite?: Readonly<Record<string, string | AttributeYaml>>;
}

interface AttributeYaml {
  readonly type: string;
  readonly collation?: string;
}

const DOMAIN_KEYS = ['not_null', 'default', 'collation', 'checks'] as const;

/** The kind a `types:` entry declares: the one of `values`, `domain`, `composite` it has. */
function kindOf(ctx: LoadContext, v: TypeYaml, loc: Loc): 'enum' | 'domain' | 'composite' | null {
  const present = (['values', 'domain', 'composite'] as const).filter((k) => v[k] !== undefined);
  if (present.length !== 1) {
    ctx.problem(
      loc,
      present.length === 0
        ? 'a type needs one of `values` (an enum), `domain` (a base type) or `composite` (attributes)'
        : `a type is one kind: \`${present.join('` and `')}\` cannot both be given`,
    );
    return null;
  }
  const kind = present[0] === 'values' ? 'enum' : present[0]!;
  if (kind !== 'domain') {
    for (const k of DOMAIN_KEYS) if (v[k] !== undefined) ctx.problem(below(loc, k), `\`${k}\` applies to domains only`);
  }
  return kind;
}

/** A type name is claimed once, whatever its kind (PostgreSQL has one namespace for them). */
function claim(ctx: LoadContext, qn: QualifiedName, key: string, stepKind: string, loc: Loc): boolean {
  const what = `type \`${display(qn)}\``;
  const other = [keys.enum(qn.schema, qn.name), keys.type(qn.schema, qn.name)].filter((k) => k !== key);
  for (const k of other) {
    const first = ctx.declaredAt(k);
    if (first !== undefined) {
      const p = positionOf(first);
      ctx.problem(loc, `${what} is already declared at ${p.file}:${p.line}:${p.column}`);
      return false;
    }
  }
  if (!ctx.declare(key, what, loc)) return false;
  // Scratch-database errors name steps by kind and object: let them find this declaration too.
  if (stepKind !== key.slice(0, key.indexOf(':'))) ctx.sources.set(`${stepKind}:${display(qn)}`, positionOf(loc));
  return true;
}

function loadEnum(ctx: LoadContext, qn: QualifiedName, v: TypeYaml, valuesLoc: Loc, loc: Loc): void {
  const values = v.values ?? [];
  const seen = new Set<string>();
  values.forEach((label, i) => {
    const at = valueOf(below(valuesLoc, i));
    // An empty label is allowed: PostgreSQL accepts '' (and a pulled database may have one).
    checkIdentifier(ctx, label, at);
    if (seen.has(label)) ctx.problem(at, `label \`${label}\` is listed twice`);
    seen.add(label);
  });
  if (!claim(ctx, qn, keys.enum(qn.schema, qn.name), 'enum', loc)) return;
  const e: EnumType = { schema: qn.schema, name: qn.name, labels: [...values], comment: v.comment ?? null, ...(v.owner !== undefined ? { owner: v.owner } : {}) };
  ctx.model.enums.push(ctx.mark(e, loc));
  loadTypeGrants(ctx, qn, v, loc);
}

function loadTypeGrants(ctx: LoadContext, qn: QualifiedName, v: TypeYaml, loc: Loc): void {
  loadGrants(ctx, { objectKind: 'type', schema: qn.schema, name: qn.name, arguments: null, what: `type \`${display(qn)}\``, columns: null }, v.grants, loc);
}

function loadDomain(ctx: LoadContext, qn: QualifiedName, v: TypeYaml, loc: Loc): void {
  const checks: DomainCheck[] = [];
  for (const [name, expression] of Object.entries(v.checks ?? {})) {
    const at = below(loc, 'checks', name);
    checkIdentifier(ctx, name, at);
    if (String(expression).trim() === '') ctx.problem(valueOf(at), 'a check needs an expression');
    checks.push(ctx.mark({ name, expression: String(expression), valid: true }, at));
  }
  if ((v.domain ?? '').trim() === '') ctx.problem(valueOf(below(loc, 'domain')), 'a domain needs its base type');
  if (!claim(ctx, qn, keys.domain(qn.schema, qn.name), 'domain', loc)) return;
  const d: Domain = {
    schema: qn.schema,
    name: qn.name,
    type: v.domain ?? '',
    notNull: v.not_null ?? false,
    default: v.default === undefined ? null : String(v.default),
    collation: v.collation === undefined ? null : collationSql(v.collation),
    checks,
    comment: v.comment ?? null,
    ...(v.owner !== undefined ? { owner: v.owner } : {}),
  };
  ctx.model.domains.push(ctx.mark(d, loc));
  loadTypeGrants(ctx, qn, v, loc);
}

function loadComposite(ctx: LoadContext, qn: QualifiedName, v: TypeYaml, loc: Loc): void {
  const attributes: CompositeAttribute[] = [];
  for (const [name, a] of Object.entries(v.composite ?? {})) {
    const at = below(loc, 'composite', name);
    checkIdentifier(ctx, name, at);
    const spec: AttributeYaml = typeof a === 'string' ? { type: a } : a;
    if (spec.type.trim() === '') ctx.problem(valueOf(at), 'an attribute needs a type');
    attributes.push(ctx.mark({ name, type: spec.type, collation: spec.collation === undefined ? null : collationSql(spec.collation) }, at));
  }
  if (!claim(ctx, qn, keys.compositeType(qn.schema, qn.name), 'composite_type', loc)) return;
  const c: CompositeType = { schema: qn.schema, name: qn.name, attributes, comment: v.comment ?? null, ...(v.owner !== undefined ? { owner: v.owner } : {}) };
  ctx.model.compositeTypes.push(ctx.mark(c, loc));
  loadTypeGrants(ctx, qn, v, loc);
}

/**
 * `types:` declares enums (`mood: [sad, ok, happy]` or `{ values: [...] }`), domains
 * (`{ domain: integer, not_null, default, collation, checks: { name: expr } }`) and composite
 * types (`{ composite: { a: integer, b: text } }`); each may have a `comment`, an `owner`, a
 * `schema` and `grants` (USAGE).
 */
export const typesKind: Kind = {
  key: 'types',
  load({ name, value, loc }, ctx) {
    const v: TypeYaml = Array.isArray(value) ? { values: value as string[] } : (value as TypeYaml);
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    const kind = kindOf(ctx, v, loc);
    if (kind === 'enum') loadEnum(ctx, qn, v, Array.isArray(value) ? loc : below(loc, 'values'), loc);
    else if (kind === 'domain') loadDomain(ctx, qn, v, loc);
    else if (kind === 'composite') loadComposite(ctx, qn, v, loc);
  },
};
