/** The storage option that makes TimescaleDB build a hypertable's index one chunk per transaction. */
export const PER_CHUNK_OPTION = 'timescaledb.transaction_per_chunk';

/**
 * The plain form of a statement that runs CONCURRENTLY, or of a hypertable index built one chunk
 * per transaction, for an engine that cannot run it that way (the embedded TimescaleDB build fails
 * every concurrent index build or drop with "tuple concurrently updated", and a per-chunk build
 * with "tuple concurrently deleted"). The index it leaves is the same; only locking differs. Null
 * when the statement has no such form this knows.
 */
export function plainFormOf(sql: string): string | null {
  const patterns: readonly RegExp[] = [
    /^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX)\s+CONCURRENTLY\b/i,
    /^(\s*DROP\s+INDEX)\s+CONCURRENTLY\b/i,
    /^(\s*REINDEX\s+(?:\([^)]*\)\s*)?(?:INDEX|TABLE|SCHEMA|DATABASE|SYSTEM))\s+CONCURRENTLY\b/i,
  ];
  for (const p of patterns) if (p.test(sql)) return sql.replace(p, '$1');
  // As createIndexSql writes it: first in the WITH list, alone or before the index's own options.
  const perChunk = /^(\s*CREATE\s+INDEX\s.*?) WITH \(timescaledb\.transaction_per_chunk(?:(, )|\))/s.exec(sql);
  if (perChunk) return sql.replace(perChunk[0], perChunk[2] ? `${perChunk[1]} WITH (` : perChunk[1]!);
  return null;
}
