/**
 * How many events a key (a candidate session) may send in a window, counted across reconnects and,
 * with Redis, across engine processes: a client that reconnects starts where it left off, not with a
 * fresh allowance. `admit` takes a batch and answers how many of its events fit; the rest are over
 * budget and are not stored.
 */
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface EventBudget {
  /** How many of `count` events the key may still send in this window (0 when the budget is spent). */
  admit(key: string, count: number): Promise<number>;
}

export interface EventBudgetOptions {
  perWindow: number;
  windowSeconds: number;
  /** Distinguishes this budget's counters from every other's (e.g. "exam:device-events"). */
  keyPrefix: string;
  redis?: Redis;
}

export function createEventBudget(options: EventBudgetOptions): EventBudget {
  const settings = {
    points: options.perWindow,
    duration: options.windowSeconds,
    keyPrefix: options.keyPrefix,
  };
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({ storeClient: options.redis, ...settings })
    : new RateLimiterMemory(settings);
  return {
    async admit(key, count) {
      if (count <= 0) return 0;
      try {
        await limiter.consume(key, count);
        return count;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // consumedPoints counts this batch too: the part above the budget is what is refused.
        const over = error.consumedPoints - options.perWindow;
        return Math.max(0, Math.min(count, count - over));
      }
    },
  };
}
