import { UserError } from '../errors.ts';

/** lock_timeout and statement_timeout of pgform's own reads: introspection, reference rows, history. */
export interface ReadTimeouts {
  readonly lockTimeout: string;
  readonly statementTimeout: string;
}

export const DEFAULT_READ_TIMEOUTS: ReadTimeouts = { lockTimeout: '5s', statementTimeout: '5min' };

/** A PostgreSQL duration: a number with an optional unit (`500ms`, `5s`, `10min`, `1h`, `0` = none). */
const DURATION = /^\d+(?:\.\d+)?\s*(?:us|ms|s|min|h|d)?$/;

export function checkDuration(value: string, setting: string): string {
  const v = value.trim();
  if (!DURATION.test(v)) throw new UserError(`${setting}: \`${value}\` is not a duration (e.g. 500ms, 5s, 10min, 1h)`);
  return v.replace(/\s+/g, '');
}

/** The startup options that make every statement of a session wait at most so long. */
export function timeoutOptions(t: ReadTimeouts): string {
  return `-c lock_timeout=${checkDuration(t.lockTimeout, 'read_lock_timeout')} -c statement_timeout=${checkDuration(t.statementTimeout, 'read_statement_timeout')}`;
}

/**
 * A read cancelled by lock_timeout or statement_timeout, said the way a step's failure is: what
 * PostgreSQL said, what it means, and which setting to change. Null for other errors.
 */
export function readTimeoutMessage(e: unknown): string | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : '';
  const lock = err?.code === '55P03' && /lock timeout/i.test(message);
  const statement = err?.code === '57014' && /statement timeout/i.test(message);
  if (!lock && !statement) return null;
  return [
    'reading the database failed',
    `  PostgreSQL: ${message}`,
    lock
      ? '  another session holds a lock on what pgform reads; nothing was changed. Retry once it is released, ' +
        'or wait longer with read_lock_timeout in pgform.yaml (or PGFORM_READ_LOCK_TIMEOUT)'
      : '  the read took longer than allowed; nothing was changed. Allow longer with read_statement_timeout in ' +
        'pgform.yaml (or PGFORM_READ_STATEMENT_TIMEOUT)',
  ].join('\n');
}
