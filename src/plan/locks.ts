import type { QualifiedName } from '../model/names.ts';
import type { Hazard } from './hazard.ts';
import type { Step } from './step.ts';
import { identifierOf, tokenize, type Token } from '../diff/sql-text.ts';

/** PostgreSQL's table-level lock modes, weakest first (see "Explicit Locking" in its manual). */
export type LockLevel =
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'ACCESS EXCLUSIVE';

export const LOCK_LEVELS: readonly LockLevel[] = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
];

/**
 * How long a step holds its locks: `catalog` (a catalog change, milliseconds), `scan` (reads the
 * whole table, e.g. to validate a constraint or build an index) or `rewrite` (writes a new copy
 * of the table and its indexes). Locks are held until the step's transaction commits.
 */
export type LockDuration = 'catalog' | 'scan' | 'rewrite';

export const LOCK_DURATIONS: readonly LockDuration[] = ['catalog', 'scan', 'rewrite'];

export interface RelationLock {
  /** A table, index, view or sequence. */
  readonly relation: QualifiedName;
  readonly level: LockLevel;
}

/** What a step locks and for how long. */
export interface StepLocks {
  readonly duration: LockDuration;
  readonly relations: readonly RelationLock[];
}

/** The lock modes each mode conflicts with (PostgreSQL's table of conflicting lock modes). */
const CONFLICTS: ReadonlyMap<LockLevel, readonly LockLevel[]> = new Map<LockLevel, readonly LockLevel[]>([
  ['ACCESS SHARE', ['ACCESS EXCLUSIVE']],
  ['ROW SHARE', ['EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['ROW EXCLUSIVE', ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['SHARE UPDATE EXCLUSIVE', ['SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['SHARE', ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['SHARE ROW EXCLUSIVE', ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['EXCLUSIVE', ['ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']],
  ['ACCESS EXCLUSIVE', LOCK_LEVELS],
]);

export function lockConflicts(a: LockLevel, b: LockLevel): boolean {
  return CONFLICTS.get(a)!.includes(b);
}

/** Whether holding `held` blocks at least everything holding `other` blocks. */
export function lockCovers(held: LockLevel, other: LockLevel): boolean {
  const h = CONFLICTS.get(held)!;
  return CONFLICTS.get(other)!.every((l) => h.includes(l));
}

/** `RowExclusiveLock` (pg_locks.mode) -> `ROW EXCLUSIVE`. */
export function levelOfMode(mode: string): LockLevel | null {
  const words = mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
  return (LOCK_LEVELS as readonly string[]).includes(words) ? (words as LockLevel) : null;
}

/** Blocks ordinary writes (INSERT, UPDATE, DELETE) while held. */
export function blocksWrites(level: LockLevel): boolean {
  return lockConflicts(level, 'ROW EXCLUSIVE');
}

export function lock(relation: QualifiedName, level: LockLevel): RelationLock {
  return { relation: { schema: relation.schema, name: relation.name }, level };
}

export function stepLocks(duration: LockDuration, relations: readonly RelationLock[]): StepLocks {
  return { duration, relations };
}

export const NO_LOCKS: StepLocks = { duration: 'catalog', relations: [] };

/** The step's declared locks (derived from its statement for steps read from older plan files). */
export function locksOf(s: Step): StepLocks {
  return s.locks ?? statementLocks(s.sql, s.hazards);
}

// ---------------------------------------------------------------------------------------------
// Locks by statement form, from PostgreSQL's documentation of each command.

interface Cursor {
  readonly toks: readonly Token[];
  i: number;
}

function significant(sql: string): Token[] {
  return tokenize(sql).filter((t) => t.kind !== 'space');
}

function word(c: Cursor, k = 0): string {
  const t = c.toks[c.i + k];
  return t && t.kind === 'word' ? t.text.toUpperCase() : '';
}

/** Consumes the keywords if they come next. */
function accept(c: Cursor, ...words: string[]): boolean {
  if (!words.every((w, k) => word(c, k) === w)) return false;
  c.i += words.length;
  return true;
}

/** A `schema.name` (or bare name, in `public`) at the cursor. */
function qualifiedName(c: Cursor): QualifiedName | null {
  const first = c.toks[c.i];
  const a = first ? identifierOf(first) : null;
  if (a === null) return null;
  if (c.toks[c.i + 1]?.text === '.' && c.toks[c.i + 2]) {
    const b = identifierOf(c.toks[c.i + 2]!);
    if (b !== null) {
      c.i += 3;
      return { schema: a, name: b };
    }
  }
  c.i += 1;
  return { schema: 'public', name: a };
}

/** Splits at commas outside parentheses. */
function topLevelParts(toks: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (t.text === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

function hasWord(toks: readonly Token[], w: string): boolean {
  return toks.some((t) => t.kind === 'word' && t.text.toUpperCase() === w);
}

/** The name after the word `w` (e.g. REFERENCES, ON), if any. */
function nameAfter(toks: readonly Token[], w: string): QualifiedName | null {
  const i = toks.findIndex((t) => t.kind === 'word' && t.text.toUpperCase() === w);
  return i < 0 ? null : qualifiedName({ toks, i: i + 1 });
}

const DURATION_RANK: Record<LockDuration, number> = { catalog: 0, scan: 1, rewrite: 2 };

export function longer(a: LockDuration, b: LockDuration): LockDuration {
  return DURATION_RANK[a] >= DURATION_RANK[b] ? a : b;
}

/** The locks of one ALTER TABLE action (the part between top-level commas). */
function alterTableAction(table: QualifiedName, action: readonly Token[], hazards: readonly Hazard[]): StepLocks {
  const c: Cursor = { toks: action, i: 0 };
  const ae = (d: LockDuration) => stepLocks(d, [lock(table, 'ACCESS EXCLUSIVE')]);
  if (accept(c, 'VALIDATE', 'CONSTRAINT')) return stepLocks('scan', [lock(table, 'SHARE UPDATE EXCLUSIVE')]);
  if (accept(c, 'ADD')) {
    const last = action.slice(-2).map((t) => t.text.toUpperCase()).join(' ');
    const notValid = last === 'NOT VALID';
    if (hasWord(action, 'FOREIGN')) {
      const ref = nameAfter(action, 'REFERENCES');
      const both = [lock(table, 'SHARE ROW EXCLUSIVE'), ...(ref ? [lock(ref, 'SHARE ROW EXCLUSIVE')] : [])];
      return stepLocks(notValid ? 'catalog' : 'scan', both);
    }
    if (hasWord(action, 'CHECK') && !hasWord(action, 'COLUMN')) return ae(notValid ? 'catalog' : 'scan');
    if (hasWord(action, 'USING') && hasWord(action, 'INDEX')) return ae('catalog');
    if ((hasWord(action, 'PRIMARY') || hasWord(action, 'UNIQUE') || hasWord(action, 'EXCLUDE')) && !hasWord(action, 'COLUMN')) {
      return ae('scan');
    }
    // ADD COLUMN: a volatile default fills every row (the diff states it as a rewrite).
    return ae(hazards.some((h) => h.kind === 'table_rewrite') ? 'rewrite' : 'catalog');
  }
  if (accept(c, 'ALTER')) {
    accept(c, 'COLUMN');
    c.i += 1;
    if (accept(c, 'TYPE') || accept(c, 'SET', 'DATA', 'TYPE')) {
      if (hazards.some((h) => h.kind === 'table_rewrite')) return ae('rewrite');
      // A collation change or a cast that keeps the bytes: indexes may be rebuilt, no table rewrite.
      return ae(hazards.some((h) => h.kind === 'long_lock') ? 'scan' : 'catalog');
    }
    if (accept(c, 'SET', 'NOT', 'NULL')) return ae('scan');
    if (accept(c, 'SET', 'STATISTICS')) return stepLocks('catalog', [lock(table, 'SHARE UPDATE EXCLUSIVE')]);
    return ae('catalog');
  }
  if (accept(c, 'ATTACH', 'PARTITION')) {
    const part = qualifiedName(c);
    return stepLocks('scan', [lock(table, 'SHARE UPDATE EXCLUSIVE'), ...(part ? [lock(part, 'ACCESS EXCLUSIVE')] : [])]);
  }
  if (accept(c, 'DETACH', 'PARTITION')) {
    const part = qualifiedName(c);
    const concurrently = hasWord(action, 'CONCURRENTLY');
    const level: LockLevel = concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    return stepLocks('catalog', [lock(table, level), ...(part ? [lock(part, 'ACCESS EXCLUSIVE')] : [])]);
  }
  if (accept(c, 'ENABLE') || accept(c, 'DISABLE')) {
    accept(c, 'REPLICA');
    accept(c, 'ALWAYS');
    if (word(c) === 'TRIGGER') return stepLocks('catalog', [lock(table, 'SHARE ROW EXCLUSIVE')]);
    return ae('catalog');
  }
  if (accept(c, 'SET', 'LOGGED') || accept(c, 'SET', 'UNLOGGED')) return ae('rewrite');
  if (accept(c, 'SET', 'STATISTICS') || (accept(c, 'CLUSTER', 'ON'))) return stepLocks('catalog', [lock(table, 'SHARE UPDATE EXCLUSIVE')]);
  // DROP COLUMN / CONSTRAINT, RENAME, OWNER TO, SET (...), FORCE ROW LEVEL SECURITY, ...
  return ae('catalog');
}

function merge(parts: readonly StepLocks[]): StepLocks {
  const byRelation = new Map<string, RelationLock>();
  let duration: LockDuration = 'catalog';
  for (const p of parts) {
    duration = longer(duration, p.duration);
    for (const l of p.relations) {
      const k = JSON.stringify([l.relation.schema, l.relation.name]);
      const had = byRelation.get(k);
      if (!had || (lockCovers(l.level, had.level) && !lockCovers(had.level, l.level))) byRelation.set(k, l);
      else if (!lockCovers(had.level, l.level)) byRelation.set(k, { relation: l.relation, level: strongerOfBoth(had.level, l.level) });
    }
  }
  return { duration, relations: [...byRelation.values()] };
}

/** The weakest level that covers both (SHARE and SHARE UPDATE EXCLUSIVE meet at SHARE ROW EXCLUSIVE). */
function strongerOfBoth(a: LockLevel, b: LockLevel): LockLevel {
  return LOCK_LEVELS.find((l) => lockCovers(l, a) && lockCovers(l, b))!;
}

/** Merges lock declarations, keeping per relation the weakest level that covers them all. */
export function mergeLocks(...parts: readonly StepLocks[]): StepLocks {
  return merge(parts);
}

/**
 * The locks a statement takes, derived from its form as pgform writes it. A step whose form
 * does not show everything (a DROP CONSTRAINT of a foreign key locks the referenced table too;
 * a SET NOT NULL after a validated check skips its scan) is declared where it is built.
 */
export function statementLocks(sql: string, hazards: readonly Hazard[]): StepLocks {
  const toks = significant(sql);
  const c: Cursor = { toks, i: 0 };
  if (accept(c, 'ALTER', 'TABLE')) {
    accept(c, 'IF', 'EXISTS');
    accept(c, 'ONLY');
    const table = qualifiedName(c);
    if (!table) return NO_LOCKS;
    return merge(topLevelParts(toks.slice(c.i)).map((a) => alterTableAction(table, a, hazards)));
  }
  const first = word(c);
  if (first === 'CREATE') {
    c.i++;
    accept(c, 'OR', 'REPLACE');
    accept(c, 'UNIQUE');
    if (accept(c, 'INDEX')) {
      const concurrently = accept(c, 'CONCURRENTLY');
      const table = nameAfter(toks.slice(c.i), 'ON');
      if (!table) return NO_LOCKS;
      return stepLocks('scan', [lock(table, concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE')]);
    }
    if (accept(c, 'TRIGGER') || accept(c, 'CONSTRAINT', 'TRIGGER')) {
      const table = nameAfter(toks.slice(c.i), 'ON');
      return table ? stepLocks('catalog', [lock(table, 'SHARE ROW EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'POLICY')) {
      const table = nameAfter(toks.slice(c.i), 'ON');
      return table ? stepLocks('catalog', [lock(table, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'MATERIALIZED', 'VIEW')) {
      // Runs its query to fill it, unless WITH NO DATA.
      return stepLocks(hasWord(toks, 'NO') && hasWord(toks, 'DATA') ? 'catalog' : 'scan', []);
    }
    accept(c, 'TEMP');
    accept(c, 'RECURSIVE');
    if (accept(c, 'VIEW')) {
      const view = qualifiedName(c);
      return view ? stepLocks('catalog', [lock(view, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'TABLE')) {
      accept(c, 'IF', 'NOT', 'EXISTS');
      const table = qualifiedName(c);
      const rest = toks.slice(c.i);
      const out: RelationLock[] = table ? [lock(table, 'ACCESS EXCLUSIVE')] : [];
      const parent = accept({ toks: rest, i: 0 }, 'PARTITION', 'OF') ? qualifiedName({ toks: rest, i: 2 }) : null;
      if (parent) out.push(lock(parent, 'ACCESS EXCLUSIVE'));
      // Inline foreign keys lock the tables they reference.
      rest.forEach((t, i) => {
        if (t.kind === 'word' && t.text.toUpperCase() === 'REFERENCES') {
          const ref = qualifiedName({ toks: rest, i: i + 1 });
          if (ref) out.push(lock(ref, 'SHARE ROW EXCLUSIVE'));
        }
      });
      return merge([stepLocks('catalog', out)]);
    }
    return NO_LOCKS;
  }
  if (first === 'DROP') {
    c.i++;
    if (accept(c, 'INDEX')) {
      accept(c, 'CONCURRENTLY');
      accept(c, 'IF', 'EXISTS');
      const index = qualifiedName(c);
      // CONCURRENTLY too ends with ACCESS EXCLUSIVE on the index itself, once no query uses it.
      return index ? stepLocks('catalog', [lock(index, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'TRIGGER') || accept(c, 'POLICY')) {
      accept(c, 'IF', 'EXISTS');
      const table = nameAfter(toks.slice(c.i), 'ON');
      return table ? stepLocks('catalog', [lock(table, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'TABLE') || accept(c, 'VIEW') || accept(c, 'MATERIALIZED', 'VIEW') || accept(c, 'SEQUENCE')) {
      accept(c, 'IF', 'EXISTS');
      const rel = qualifiedName(c);
      return rel ? stepLocks('catalog', [lock(rel, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    return NO_LOCKS;
  }
  if (first === 'ALTER') {
    c.i++;
    if (accept(c, 'INDEX')) {
      accept(c, 'IF', 'EXISTS');
      const index = qualifiedName(c);
      // RENAME takes SHARE UPDATE EXCLUSIVE since PostgreSQL 12; other forms ACCESS EXCLUSIVE.
      const level: LockLevel = word(c) === 'RENAME' ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
      return index ? stepLocks('catalog', [lock(index, level)]) : NO_LOCKS;
    }
    if (accept(c, 'VIEW') || accept(c, 'MATERIALIZED', 'VIEW')) {
      accept(c, 'IF', 'EXISTS');
      const view = qualifiedName(c);
      return view ? stepLocks('catalog', [lock(view, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'SEQUENCE')) {
      accept(c, 'IF', 'EXISTS');
      const seq = qualifiedName(c);
      // OWNED BY and OWNER TO go through ALTER TABLE's lock; option changes take SHARE ROW EXCLUSIVE.
      const level: LockLevel = hasWord(toks, 'OWNED') || hasWord(toks, 'OWNER') || hasWord(toks, 'RENAME') ? 'ACCESS EXCLUSIVE' : 'SHARE ROW EXCLUSIVE';
      return seq ? stepLocks('catalog', [lock(seq, level)]) : NO_LOCKS;
    }
    if (accept(c, 'POLICY')) {
      const table = nameAfter(toks.slice(c.i), 'ON');
      return table ? stepLocks('catalog', [lock(table, 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'DOMAIN')) {
      // Adding or validating a domain check scans every column of the type (tables not named here).
      const scans = (hasWord(toks, 'ADD') && !hasWord(toks, 'NOT')) || hasWord(toks, 'VALIDATE') || (hasWord(toks, 'SET') && hasWord(toks, 'NULL'));
      return stepLocks(scans ? 'scan' : 'catalog', []);
    }
    return NO_LOCKS;
  }
  if (first === 'COMMENT') {
    c.i++;
    accept(c, 'ON');
    const onTable = (w: string) => accept(c, w) && (c.i++, true);
    if (accept(c, 'COLUMN')) {
      const rel = qualifiedName(c);
      return rel && toks[c.i]?.text === '.' ? stepLocks('catalog', [lock(rel, 'SHARE UPDATE EXCLUSIVE')]) : NO_LOCKS;
    }
    if (onTable('CONSTRAINT') || onTable('TRIGGER') || onTable('POLICY')) {
      const table = nameAfter(toks.slice(c.i), 'ON');
      return table ? stepLocks('catalog', [lock(table, 'SHARE UPDATE EXCLUSIVE')]) : NO_LOCKS;
    }
    if (accept(c, 'TABLE') || accept(c, 'INDEX') || accept(c, 'VIEW') || accept(c, 'MATERIALIZED', 'VIEW') || accept(c, 'SEQUENCE')) {
      const rel = qualifiedName(c);
      return rel ? stepLocks('catalog', [lock(rel, 'SHARE UPDATE EXCLUSIVE')]) : NO_LOCKS;
    }
    return NO_LOCKS;
  }
  if (first === 'INSERT' || first === 'UPDATE' || first === 'DELETE') {
    c.i++;
    accept(c, 'INTO');
    accept(c, 'FROM');
    const table = qualifiedName(c);
    return table ? stepLocks('catalog', [lock(table, 'ROW EXCLUSIVE')]) : NO_LOCKS;
  }
  if (first === 'SELECT') {
    // TimescaleDB: create_hypertable(..., migrate_data => true) moves every row into chunks.
    return stepLocks(toks.some((t) => t.kind === 'word' && t.text.toLowerCase() === 'migrate_data') ? 'rewrite' : 'catalog', []);
  }
  if (first === 'REFRESH' && accept(c, 'REFRESH', 'MATERIALIZED', 'VIEW')) {
    const concurrently = accept(c, 'CONCURRENTLY');
    const view = qualifiedName(c);
    return view ? stepLocks('scan', [lock(view, concurrently ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE')]) : NO_LOCKS;
  }
  return NO_LOCKS;
}

// ---------------------------------------------------------------------------------------------
// One line in the plan file: `scan: "public"."orders" SHARE UPDATE EXCLUSIVE, "public"."customers" ROW SHARE`.

/** A relation as written in a lock line: JSON strings, so any name stays on one line. */
function relationText(r: QualifiedName): string {
  return `${JSON.stringify(r.schema)}.${JSON.stringify(r.name)}`;
}

export function relationDisplay(r: QualifiedName): string {
  return `${r.schema}.${r.name}`;
}

export function formatLocks(l: StepLocks): string {
  if (l.relations.length === 0) return `${l.duration}: no table locks`;
  return `${l.duration}: ${l.relations.map((r) => `${relationText(r.relation)} ${r.level}`).join(', ')}`;
}

const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';
const LOCK_ENTRY = new RegExp(`^(${JSON_STRING})\\.(${JSON_STRING}) (${LOCK_LEVELS.join('|')})(?:, |$)`);

/** Reads `formatLocks` back; null when the text is not such a line. */
export function parseLocks(text: string): StepLocks | null {
  const m = /^(catalog|scan|rewrite): (.*)$/.exec(text);
  if (!m) return null;
  const duration = m[1] as LockDuration;
  if (m[2] === 'no table locks') return { duration, relations: [] };
  const relations: RelationLock[] = [];
  let rest = m[2]!;
  while (rest.length > 0) {
    const e = LOCK_ENTRY.exec(rest);
    if (!e) return null;
    relations.push({ relation: { schema: JSON.parse(e[1]!) as string, name: JSON.parse(e[2]!) as string }, level: e[3] as LockLevel });
    rest = rest.slice(e[0].length);
  }
  return { duration, relations };
}
