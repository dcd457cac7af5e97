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
