/**
 * Errors the engine reports to clients. Each has an HTTP status and a stable id;
 * one error handler turns them into `{ error: { id, message, details? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    readonly id: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toJSON() {
    return {
      error: {
        id: this.id,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details),
  validation: (message: string, details?: unknown) =>
    new AppError(422, 'validation_failed', message, details),
  unauthenticated: (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message),
  invalidCredentials: () => new AppError(401, 'invalid_credentials', 'The username or password is wrong.'),
  invalidToken: (message = 'The access token is missing, expired or invalid.') =>
    new AppError(401, 'invalid_token', message),
  forbidden: (message = 'You do not have access to this resource.', details?: unknown) =>
    new AppError(403, 'forbidden', message, details),
  notFound: (what: string) => new AppError(404, 'not_found', `${what} was not found.`),
  conflict: (message: string, details?: unknown) => new AppError(409, 'conflict', message, details),
  /** A new item, test or bank would take an identifier or name that is already in use there. */
  identifierTaken: (message: string, details?: unknown) =>
    new AppError(409, 'identifier_taken', message, details),
  /** Someone saved the thing being edited after this editor opened it (lost-update guard). */
  editedElsewhere: (message: string, details?: unknown) =>
    new AppError(409, 'edited_elsewhere', message, details),
  tooLarge: (message: string) => new AppError(413, 'payload_too_large', message),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    }),
};
