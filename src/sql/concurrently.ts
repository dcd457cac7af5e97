/**
 * The plain form of a statement that runs CONCURRENTLY, for an engine that cannot run it that way
 * (the embedded TimescaleDB build fails every concurrent index build or drop with "tuple
 * concurrently updated"). The index it leaves is the same; only locking differs. Null when
 * the statement has no CONCURRENTLY form this knows.
 */
export function plainFormOf(sql: string): string | null {
  const patterns: readonly RegExp[] = [
    /^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX)\s+CONCURRENTLY\b/i,
    /^(\s*DROP\s+INDEX)\s+CONCURRENTLY\b/i,
    /^(\s*REINDEX\s+(?:\([^)]*\)\s*)?(?:INDEX|TABLE|SCHEMA|DATABASE|SYSTEM))\s+CONCURRENTLY\b/i,
  ];
  for (const p of patterns) if (p.test(sql)) return sql.replace(p, '$1');
  return null;
}
