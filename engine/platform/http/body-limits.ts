/**
 * One body-size limit for every /api route: `defaultBytes` (1 MB) unless a rule for the route's
 * method and path allows more (uploads: imports, packages, rosters, photos, authored media).
 * A declared Content-Length above the limit is refused before a byte of the body is read; a
 * streamed (chunked) body is counted as it arrives and refused as soon as it passes the limit.
 * Either way the answer is 413 with the API's error shape. Routes may keep their own, smaller
 * or equal, limit with a more specific message; this one is the floor every route stands on.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errors } from '../errors.ts';

export interface BodyLimitRule {
  method: string;
  /** Matched against the whole request path (e.g. /^\/api\/classes\/[^/]+\/roster$/). */
  path: RegExp;
  maxBytes: number;
  /** What the body is, for the 413 message ("A roster file"). */
  what: string;
  /**
   * The route streams its body (to disk) and counts it itself: only a declared Content-Length above
   * the limit is refused here; a chunked body is passed on unread (the route refuses it with the same
   * 413 once it passes the limit), never gathered in memory as the generic limit does.
   */
  streamed?: boolean;
}

export const DEFAULT_BODY_BYTES = 1024 * 1024;

export const bodySize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;

export function apiBodyLimits(
  rules: readonly BodyLimitRule[],
  defaultBytes = DEFAULT_BODY_BYTES,
): MiddlewareHandler {
  const limiter = (maxBytes: number, what: string) =>
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw errors.tooLarge(`${what} may be at most ${bodySize(maxBytes)}.`);
      },
    });
  const fallback = limiter(defaultBytes, 'A request body');
  const declaredOnly = (maxBytes: number, what: string): MiddlewareHandler =>
    async function declaredBodyLimit(c, next) {
      const declared = c.req.header('content-length');
      if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > maxBytes)
        throw errors.tooLarge(`${what} may be at most ${bodySize(maxBytes)}.`);
      await next();
    };
  const limiters = rules.map((rule) => ({
    rule,
    limit: rule.streamed ? declaredOnly(rule.maxBytes, rule.what) : limiter(rule.maxBytes, rule.what),
  }));
  return async function apiBodyLimit(c, next) {
    const method = c.req.method.toUpperCase();
    const path = c.req.path;
    const match = limiters.find(({ rule }) => rule.method === method && rule.path.test(path));
    return (match?.limit ?? fallback)(c, next);
  };
}
