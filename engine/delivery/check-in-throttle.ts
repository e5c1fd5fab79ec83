/**
 * Check-in limits (platform/attempt-throttle.ts), apart from staff logins: 10 failures per
 * access code + candidate number in 10 minutes from any address, so a date of birth (a few
 * hundred plausible values) cannot be found by guessing within a sitting; and 2,000 failures per
 * address in 10 minutes, so a school of a thousand candidates behind one NAT address, typing
 * their numbers wrong at 08:00, is never locked out by its own mistakes or by one bad client.
 */
import type { Redis } from 'ioredis';
import {
  createAttemptThrottle,
  type AttemptLimits,
  type AttemptThrottle,
} from '../platform/attempt-throttle.ts';

export type CheckInThrottle = AttemptThrottle;

export const CHECK_IN_LIMITS: AttemptLimits = {
  failuresPerTarget: 10,
  targetWindowSeconds: 600,
  failuresPerAddress: 2000,
  addressWindowSeconds: 600,
};

export function createCheckInThrottle(
  options: Partial<AttemptLimits> & { redis?: Redis; keyPrefix?: string } = {},
): CheckInThrottle {
  return createAttemptThrottle({
    ...CHECK_IN_LIMITS,
    ...options,
    keyPrefix: options.keyPrefix ?? 'check-in',
  });
}

/** The target a check-in guesses at: the access code and candidate number, as typed in either case. */
export const checkInTarget = (accessCode: string, candidateNumber: string) =>
  `${accessCode.trim().toUpperCase()}:${candidateNumber.trim().toUpperCase()}`;
