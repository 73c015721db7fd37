/**
 * The GraphQL error codes clients can rely on (`extensions.code`). Each feature's errors extend
 * AppError with one of these and a user-facing message in Simplified Chinese.
 */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'UPSTREAM_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Shown to the user: Simplified Chinese, no personal data. */
    readonly userMessage: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
    /** More machine-readable detail for `extensions` (never personal data). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(userMessage);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends AppError {
  constructor(field: string, userMessage: string) {
    super('BAD_USER_INPUT', userMessage, field);
  }
}
