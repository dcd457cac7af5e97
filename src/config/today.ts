import { isoDate, parseIsoDate } from '../model/partition-rule.ts';
import { UserError } from '../errors.ts';

/**
 * The date rolling partition rules are evaluated for: `PGFORM_TODAY` (`YYYY-MM-DD`) when set
 * (tests, or planning ahead), else the current UTC date.
 */
export function planDate(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PGFORM_TODAY;
  if (given === undefined || given === '') return isoDate(new Date());
  if (parseIsoDate(given) === null) throw new UserError(`PGFORM_TODAY must be a date like 2026-12-04, not \`${given}\``);
  return given.trim();
}
