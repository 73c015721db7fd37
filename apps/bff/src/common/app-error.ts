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

/** One input problem: the field as the API names it (`input.birthDate`), a code, a Chinese message. */
export interface InputProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Several input problems at once (BAD_USER_INPUT): `extensions.field` is the first, and
 * `extensions.reasons` lists every one, so the client shows each at its field.
 */
export class InputProblemsError extends AppError {
  constructor(problems: readonly InputProblem[]) {
    super('BAD_USER_INPUT', problems.map((problem) => problem.message).join('；'), problems[0]?.field, {
      reasons: problems.map(({ code, field, message }) => ({ code, field, message })),
    });
  }
}
