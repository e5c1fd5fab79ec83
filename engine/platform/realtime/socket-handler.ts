/**
 * The one way a socket event is handled, on every namespace: rate limit, zod parse, then the
 * handler; the ack is `{ ok: true, ...result }` or `{ ok: false, error: { id, message, details? } }`
 * with the same ids everywhere (`rate_limited`, `invalid_payload`, `internal_error`, or the
 * AppError's own id).
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface SocketAckError {
  ok: false;
  error: { id: string; message: string; details?: unknown };
}

/** Turns what a handler threw into the one error shape; unexpected errors are logged, not shown. */
export function ackErrorOf(error: unknown, logger: Logger, event: string): SocketAckError {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: {
        id: error.id,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    };
  }
  logger.error({ err: error, event }, 'socket handler failed');
  return { ok: false, error: { id: 'internal_error', message: 'Something went wrong on the server.' } };
}

export const socketErrors = {
  rateLimited: (message = 'Too many requests; slow down.') => new AppError(429, 'rate_limited', message),
  invalidPayload: (message: string) => new AppError(400, 'invalid_payload', message),
};

export interface EventBinderOptions {
  logger: Logger;
  /** The socket's own rate limit, taken once per event unless the handler brings its own. */
  allow: () => boolean;
}

export type SocketOn = <S extends z.ZodType, R extends object>(
  event: string,
  schema: S,
  handler: (payload: z.output<S>) => Promise<R>,
  options?: { allow?: () => boolean; invalidMessage?: string },
) => void;

/** Binds `on(event, schema, handler)` to one socket. */
export function eventBinder(socket: Socket, { logger, allow }: EventBinderOptions): SocketOn {
  return (event, schema, handler, options = {}) => {
    socket.on(event, async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (res: unknown) => void) : () => {};
      try {
        if (!(options.allow ?? allow)()) throw socketErrors.rateLimited();
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw socketErrors.invalidPayload(
            options.invalidMessage ?? `${issue?.path.join('.') || 'payload'}: ${issue?.message}`,
          );
        }
        reply({ ok: true, ...(await handler(parsed.data)) });
      } catch (error) {
        reply(ackErrorOf(error, logger, event));
      }
    });
  };
}
