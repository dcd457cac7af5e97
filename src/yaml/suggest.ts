/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Words people coming from SQL or other tools reach for, and the key this format uses instead. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  nullable: ['not_null'],
  null: ['not_null'],
  pk: ['primary_key'],
  primary: ['primary_key'],
  fk: ['references', 'foreign_keys'],
  ref: ['references'],
  foreign_key: ['references', 'foreign_keys'],
  constraints: ['checks', 'unique', 'foreign_keys'],
  index: ['indexes'],
  indices: ['indexes'],
  enums: ['types'],
  domains: ['types'],
  composite_types: ['types'],
  attributes: ['composite'],
  base_type: ['domain'],
  enum: ['types', 'values'],
  labels: ['values'],
  description: ['comment'],
  desc: ['order', 'comment'],
  method: ['using'],
  default_value: ['default'],
  generated_always_as: ['generated'],
  collate: ['collation'],
  old_name: ['renamed_from'],
  previous_name: ['renamed_from'],
  min_value: ['min'],
  max_value: ['max'],
  minvalue: ['min'],
  maxvalue: ['max'],
  start_with: ['start'],
  increment_by: ['increment'],
  data_type: ['type'],
  as: ['type'],
  ondelete: ['on_delete'],
  onupdate: ['on_update'],
};

/**
 * The candidate closest to `word`, when close enough to be a likely typo (case and `-`/`_`
 * differences are free), or a known synonym.
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[-\s]/g, '_');
  const w = norm(word);
  const exact = candidates.find((c) => norm(c) === w);
  if (exact !== undefined) return exact;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(w, norm(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(w.length / 3));
  if (best !== null && bestDistance <= limit) return best;
  return (Object.hasOwn(SYNONYMS, w) ? SYNONYMS[w] : undefined)?.find((s) => candidates.includes(s)) ?? null;
}
