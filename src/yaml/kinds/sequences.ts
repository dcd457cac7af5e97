import { keys } from '../../model/keys.ts';
import type { Sequence } from '../../model/sequence.ts';
import { below, valueOf } from '../context.ts';
import type { LoadContext, Loc } from '../context.ts';
import { checkQualified, display, qualifiedFromKey } from '../names.ts';
import type { Kind } from './kind.ts';
import { loadGrants } from './grants.ts';
import type { GrantYaml } from './grants.ts';

type IntegerYaml = number | string;

interface OwnedByYaml {
  readonly schema?: string;
  readonly table: string;
  readonly column: string;
}

interface SequenceYaml {
  readonly schema?: string;
  readonly type?: string;
  readonly start?: IntegerYaml;
  readonly increment?: IntegerYaml;
  readonly min?: IntegerYaml;
  readonly max?: IntegerYaml;
  readonly cache?: IntegerYaml;
  readonly cycle?: boolean;
  readonly owned_by?: string | OwnedByYaml;
  readonly comment?: string | null;
  readonly owner?: string;
  readonly grants?: readonly GrantYaml[];
}

/** Canonical names of the types a sequence can have, by the spellings accepted. */
const SEQUENCE_TYPES: Readonly<Record<string, string>> = {
  smallint: 'smallint',
  int2: 'smallint',
  integer: 'integer',
  int: 'integer',
  int4: 'integer',
  bigint: 'bigint',
  int8: 'bigint',
};

const RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

export interface SequenceOptions {
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** A sequence's options with PostgreSQL's defaults filled in for those not given. */
export function sequenceOptions(given: {
  readonly type?: string;
  readonly start?: bigint;
  readonly increment?: bigint;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly cache?: bigint;
  readonly cycle?: boolean;
}): SequenceOptions {
  const dataType = SEQUENCE_TYPES[given.type ?? 'bigint'] ?? 'bigint';
  const [typeMin, typeMax] = RANGES[dataType]!;
  const increment = given.increment ?? 1n;
  const ascending = increment > 0n;
  const min = given.min ?? (ascending ? 1n : typeMin);
  const max = given.max ?? (ascending ? typeMax : -1n);
  const start = given.start ?? (ascending ? min : max);
  return {
    dataType,
    start: String(start),
    increment: String(increment),
    minValue: String(min),
    maxValue: String(max),
    cache: String(given.cache ?? 1n),
    cycle: given.cycle ?? false,
  };
}

export function typeRange(dataType: string): readonly [bigint, bigint] | undefined {
  return RANGES[dataType];
}

/** `table.column` (in the sequence's schema) or `schema.table.column`; null when malformed. */
export function parseOwnedBy(text: string, defaultSchema: string): Sequence['ownedBy'] {
  const parts = text.split('.');
  if (parts.some((p) => p === '')) return null;
  if (parts.length === 2) return { schema: defaultSchema, table: parts[0]!, column: parts[1]! };
  if (parts.length === 3) return { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
  return null;
}

export const sequencesKind: Kind = {
  key: 'sequences',
  load({ name, value, loc }, ctx) {
    const v = (value ?? {}) as SequenceYaml;
    const qn = qualifiedFromKey(name, v.schema);
    checkQualified(ctx, qn, loc);
    const num = (key: keyof SequenceYaml & ('start' | 'increment' | 'min' | 'max' | 'cache')) =>
      v[key] === undefined ? undefined : BigInt(v[key]);
    const given = {
      type: v.type,
      start: num('start'),
      increment: num('increment'),
      min: num('min'),
      max: num('max'),
      cache: num('cache'),
      cycle: v.cycle,
    };
    checkOptions(ctx, given, loc);
    const options = sequenceOptions(given);
    let ownedBy: Sequence['ownedBy'] = null;
    if (typeof v.owned_by === 'string') {
      ownedBy = parseOwnedBy(v.owned_by, qn.schema);
      if (ownedBy === null) {
        ctx.problem(valueOf(below(loc, 'owned_by')), 'must be `table.column` or `schema.table.column`');
      }
    } else if (v.owned_by !== undefined) {
      ownedBy = { schema: v.owned_by.schema ?? qn.schema, table: v.owned_by.table, column: v.owned_by.column };
    }
    if (!ctx.declare(keys.sequence(qn.schema, qn.name), `sequence \`${display(qn)}\``, loc)) return;
    const seq: Sequence = {
      schema: qn.schema,
      name: qn.name,
      ...options,
      ownedBy,
      comment: v.comment ?? null,
      ...(v.owner !== undefined ? { owner: v.owner } : {}),
    };
    ctx.model.sequences.push(ctx.mark(seq, loc));
    loadGrants(ctx, { objectKind: 'sequence', schema: qn.schema, name: qn.name, arguments: null, what: `sequence \`${display(qn)}\``, columns: null }, v.grants, loc);
    if (ownedBy !== null) ctx.mark(ownedBy, below(loc, 'owned_by'));
  },
  check(ctx) {
    for (const seq of ctx.model.sequences) {
      if (seq.ownedBy !== null) checkOwner(ctx, seq, seq.ownedBy);
    }
  },
};

/** The options PostgreSQL would refuse, reported here with their place in the file. */
function checkOptions(
  ctx: LoadContext,
  given: { type?: string; start?: bigint; increment?: bigint; min?: bigint; max?: bigint },
  loc: Loc,
): void {
  const options = sequenceOptions(given);
  const [typeMin, typeMax] = RANGES[options.dataType]!;
  const fields = [['start', given.start], ['increment', given.increment], ['min', given.min], ['max', given.max]] as const;
  for (const [key, n] of fields) {
    if (n !== undefined && (n < typeMin || n > typeMax)) {
      ctx.problem(valueOf(below(loc, key)), `${n} is out of range for ${options.dataType}`);
    }
  }
  if (given.increment === 0n) ctx.problem(valueOf(below(loc, 'increment')), 'must not be zero');
  const min = BigInt(options.minValue);
  const max = BigInt(options.maxValue);
  const start = BigInt(options.start);
  if (min >= max) ctx.problem(loc, `min (${min}) must be less than max (${max})`);
  else if (start < min || start > max) {
    ctx.problem(given.start !== undefined ? valueOf(below(loc, 'start')) : loc, `start (${start}) must be between min (${min}) and max (${max})`);
  }
}

function checkOwner(ctx: LoadContext, seq: Sequence, owner: NonNullable<Sequence['ownedBy']>): void {
  const at = valueOf(ctx.locOf(owner));
  const table = ctx.declaredTable(owner.schema, owner.table);
  if (table === undefined) {
    ctx.problem(at, `table \`${owner.schema}.${owner.table}\` is not declared`);
  } else if (!table.columns.some((c) => c.name === owner.column)) {
    ctx.problem(at, `table \`${owner.schema}.${owner.table}\` has no column \`${owner.column}\``);
  } else if (owner.schema !== seq.schema) {
    ctx.problem(at, `a sequence must be in the same schema as the table that owns it (\`${seq.schema}\` vs \`${owner.schema}\`)`);
  }
}
