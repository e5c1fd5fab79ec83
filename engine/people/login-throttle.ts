/**
 * Staff login limits (platform/attempt-throttle.ts): 10 failures per account in 10 minutes from
 * any address, and 100 failures per address in 10 minutes over all accounts (a school's staff
 * share one address; their typos stay far below it). Check-ins have their own throttle.
 */
import type { Redis } from 'ioredis';
import {
  createAttemptThrottle,
  type AttemptLimits,
  type AttemptThrottle,
} from '../platform/attempt-throttle.ts';

export type LoginThrottle = AttemptThrottle;

export const LOGIN_LIMITS: AttemptLimits = {
  failuresPerTarget: 10,
  targetWindowSeconds: 600,
  failuresPerAddress: 100,
  addressWindowSeconds: 600,
};

export function createLoginThrottle(
  options: Partial<AttemptLimits> & { redis?: Redis; keyPrefix?: string } = {},
): LoginThrottle {
  return createAttemptThrottle({ ...LOGIN_LIMITS, ...options, keyPrefix: options.keyPrefix ?? 'login' });
}
