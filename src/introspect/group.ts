/** Groups rows by key, turning each into a model object; order within a group is row order. */
export function groupBy<R, T>(rows: readonly R[], key: (r: R) => string, make: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(make(r));
    else out.set(k, [make(r)]);
  }
  return out;
}
