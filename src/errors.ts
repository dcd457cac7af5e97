/**
 * An error caused by the user's input or environment: printed as a message, never as a stack trace.
 * `exitCode` follows the CLI convention: 1 error, 3 refused hazards.
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
