/**
 * Login rate limiting: at most 10 failed logins a minute per username and client address,
 * and a wider limit per address alone (schools share one public address). Redis-backed when
 * configured, so every engine process counts the same attempts; in memory otherwise.
 */
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface LoginThrottle {
  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(username: string, ip: string): Promise<number>;
  recordFailure(username: string, ip: string): Promise<void>;
  recordSuccess(username: string, ip: string): Promise<void>;
}

export interface LoginThrottleOptions {
  failuresPerAccount?: number;
  failuresPerAddress?: number;
  windowSeconds?: number;
  redis?: Redis;
  keyPrefix?: string;
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const windowSeconds = options.windowSeconds ?? 60;
  const make = (points: number, prefix: string): RateLimiterAbstract => {
    const keyPrefix = `${options.keyPrefix ?? 'login'}:${prefix}`;
    return options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points, duration: windowSeconds, keyPrefix })
      : new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
  };
  const perAccount = make(options.failuresPerAccount ?? 10, 'account');
  const perAddress = make(options.failuresPerAddress ?? 200, 'address');
  const accountKey = (username: string, ip: string) => `${ip}|${username.trim().toLowerCase()}`;

  const waitFor = async (limiter: RateLimiterAbstract, key: string) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= limiter.points
      ? Math.max(1, Math.ceil(state.msBeforeNext / 1000))
      : 0;
  };
  const consume = async (limiter: RateLimiterAbstract, key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      // Rejection with a RateLimiterRes only means the limit is now reached; anything else is a store failure.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  };

  return {
    async retryAfter(username, ip) {
      return Math.max(await waitFor(perAccount, accountKey(username, ip)), await waitFor(perAddress, ip));
    },
    async recordFailure(username, ip) {
      await consume(perAccount, accountKey(username, ip));
      await consume(perAddress, ip);
    },
    async recordSuccess(username, ip) {
      await perAccount.delete(accountKey(username, ip));
    },
  };
}
