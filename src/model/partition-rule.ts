import type { PartitionRule, Table } from './table.ts';

/**
 * Date arithmetic of partition rules, over UTC dates. Pure: the date a rolling rule is evaluated
 * for is given (`PGFORM_TODAY`, else the current UTC date; see src/config/today.ts).
 */

export type Period = PartitionRule['period'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const isoDate = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;

/** `d` moved by `n` periods (from the first day of its period for months and years). */
export function stepPeriod(period: Period, d: Date, n: number): Date {
  if (period === 'daily') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
  if (period === 'monthly') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  return new Date(Date.UTC(d.getUTCFullYear() + n, 0, 1));
}

/** The first day of the period holding `d`. */
export function periodStart(period: Period, d: Date): Date {
  return stepPeriod(period, d, 0);
}

/** `YYYY-MM-DD` as a UTC date, or null. */
export function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDate(d) === text.trim() ? d : null;
}

/** The date a range bound starts at (`FOR VALUES FROM ('2026-01-01 00:00:00+00') TO (...)`), or null. */
export function boundStart(bound: string): Date | null {
  const m = /^FOR VALUES FROM \('(\d{4}-\d{2}-\d{2})[^']*'\) TO \('[^']*'\)$/.exec(bound.trim());
  return m ? parseIsoDate(m[1]!) : null;
}

/** First day of the oldest period a rule keeps; null when it keeps every one. */
export function retentionStart(rule: PartitionRule): Date | null {
  if (rule.retain === null) return null;
  return stepPeriod(rule.period, periodStart(rule.period, parseIsoDate(rule.today)!), -rule.retain);
}

/** Whether a live partition of a rule's table (by its bound) is within the rule's retention window. */
export function retainedByRule(rule: PartitionRule, bound: string): boolean {
  const start = boundStart(bound);
  if (start === null) return false;
  const oldest = retentionStart(rule);
  return oldest === null || start.getTime() >= oldest.getTime();
}

/** The partitions of `parent` in a model. */
export function partitionsOfTable(tables: readonly Table[], parent: { schema: string; name: string }): Table[] {
  return tables.filter((t) => t.partitionOf?.schema === parent.schema && t.partitionOf.table === parent.name);
}

/** How many partitions start after the current period of the rule (its future ones). */
export function futurePartitionCount(rule: PartitionRule, partitions: readonly Table[]): number {
  const next = stepPeriod(rule.period, periodStart(rule.period, parseIsoDate(rule.today)!), 1);
  return partitions.filter((p) => {
    const s = boundStart(p.partitionOf!.bound);
    return s !== null && s.getTime() >= next.getTime();
  }).length;
}
