/** Errors of exam delivery, with stable ids that HTTP responses and socket acks share. */
import { AppError } from '../platform/errors.ts';

export const deliveryErrors = {
  badCredentials: () =>
    new AppError(
      401,
      'invalid_candidate_credentials',
      'The access code, candidate number or date of birth is wrong.',
    ),
  sittingNotOpen: (opensAt: Date) =>
    new AppError(403, 'sitting_not_open', `The sitting opens at ${opensAt.toISOString()}.`, {
      opensAt: opensAt.toISOString(),
    }),
  sittingClosed: () => new AppError(403, 'sitting_closed', 'The sitting has closed.'),
  sittingCancelled: () => new AppError(403, 'sitting_cancelled', 'The sitting was cancelled.'),
  lateStartClosed: () => new AppError(403, 'late_start_closed', 'It is too late to start this sitting.'),
  sessionLocked: (state: string) =>
    new AppError(409, 'session_locked', `The session is ${state}; this is not possible now.`, { state }),
  sessionPaused: () => new AppError(409, 'session_paused', 'The session is paused by the proctor.'),
  answerTooLate: () => new AppError(409, 'answer_too_late', 'The time is over; the answer was not accepted.'),
  navigationRefused: (reason: string) => new AppError(409, 'navigation_refused', reason),
  /** `part`: the item's test part was left (and, in simultaneous mode, submitted). */
  itemClosed: (why: 'linear' | 'part' = 'linear') =>
    new AppError(
      409,
      'item_closed',
      why === 'part'
        ? 'That part of the test is over and its answers were submitted; they can no longer change.'
        : 'This test is linear: an item you have moved on from can no longer be answered.',
    ),
  answerRequired: () =>
    new AppError(
      409,
      'answer_required',
      'This test does not allow skipping: answer this item before going on.',
    ),
  unknownItem: (ref: string) => new AppError(404, 'unknown_item', `The item ${ref} is not in your form.`),
  sessionInUse: () =>
    new AppError(
      409,
      'session_in_use',
      'This exam is already open on another device or tab. Ask the proctor to allow a device change.',
    ),
  saveFailed: (cause: unknown) =>
    new AppError(
      503,
      'save_failed',
      'The answer could not be stored yet; it stays queued and will be sent again.',
      undefined,
      { cause },
    ),
  sessionNotFound: () => new AppError(404, 'session_not_found', 'The exam session does not exist.'),
  sebRequired: () =>
    new AppError(
      403,
      'seb_required',
      'This sitting must be taken in Safe Exam Browser with the configuration the exam board issued.',
    ),
  rateLimited: () => new AppError(429, 'rate_limited', 'Too many requests; slow down.'),
  codeRunUnavailable: () =>
    new AppError(503, 'code_runner_unavailable', 'Running code is not available on this server.'),
  notACodeTask: (ref: string, cause: unknown) =>
    new AppError(400, 'not_a_code_task', `The item ${ref} has no code task for that response.`, undefined, {
      cause,
    }),
  invalidPayload: (message: string) => new AppError(400, 'invalid_payload', message),
  partClosed: () =>
    new AppError(
      409,
      'part_closed',
      'That part of the test is over; it can no longer be opened or answered.',
    ),
  reviewNotAllowed: () =>
    new AppError(409, 'review_not_allowed', 'This item may not be reviewed once you have left it.'),
  minTimeNotReached: (level: string, identifier: string, remainingMs: number) =>
    new AppError(
      409,
      'min_time_not_reached',
      `Stay on this ${level} a little longer (${Math.ceil(remainingMs / 1000)} s).`,
      { level, identifier, remainingMs },
    ),
  timeLimitReached: (level: string, identifier: string) =>
    new AppError(
      409,
      'time_limit_reached',
      `The time for this ${level} is over; the answer was not accepted.`,
      {
        level,
        identifier,
      },
    ),
  attemptsExhausted: (maxAttempts: number) =>
    new AppError(409, 'attempts_exhausted', `This item allows ${maxAttempts} attempt(s); none is left.`, {
      maxAttempts,
    }),
  invalidResponse: (responseIdentifier: string, message: string) =>
    new AppError(422, 'invalid_response', message, { responseIdentifier }),
  notIndividualSubmission: () =>
    new AppError(
      409,
      'not_individual_submission',
      'Items of this part are submitted together with the test.',
    ),
  /** A saved answer over its baseType's limit (delivery/response-limits.ts); `max` names the limit. */
  responseTooLarge: (problem: {
    responseIdentifier: string;
    baseType: string;
    limit: string;
    max: number;
    message: string;
  }) =>
    new AppError(413, 'response_too_large', problem.message, {
      responseIdentifier: problem.responseIdentifier,
      baseType: problem.baseType,
      limit: problem.limit,
      max: problem.max,
    }),
  routeEnded: () => new AppError(409, 'route_ended', 'There are no more items: submit the test.'),
};
