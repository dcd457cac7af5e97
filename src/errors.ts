/**
 * An error caused by the user's input or environment: printed as a message, never as a stack trace.
 * `exitCode` follows the CLI convention (see `EXIT`).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The CLI's exit codes (README, *Commands*). */
export const EXIT = {
  error: 1,
  /** A difference found, where asked for (drift, plan --exit-code, status). */
  difference: 2,
  /** Steps carry hazards that were not allowed. */
  hazards: 3,
  /** status: plans pending. */
  pending: 4,
  /** A plan file was edited after it was planned (its plan-hash does not match). */
  edited: 5,
  /** A plan is stale: the database changed since it was planned. */
  stale: 6,
} as const;

/**
 * Text safe to print on a terminal: control characters (but line breaks and tabs), bidirectional
 * overrides and NUL are shown as `\u001b`-style escapes instead of acting on the terminal.
 */
export function printable(text: string, keepLineBreaks = true): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
  const re = keepLineBreaks ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g : /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  return text.replace(re, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
