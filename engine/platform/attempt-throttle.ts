/**
 * Failed-attempt limits keyed by what is attacked. Each throttle counts failures twice:
 *
 * - per target (a staff account, an access code + candidate number), from any address, so
 *   guessing one password or one date of birth stays slow however many addresses are used;
 * - per client address, with a much higher limit, so one address spraying many targets is
 *   stopped while a school of hundreds behind one NAT address is not.
 *
 * Logins and check-ins each have their own throttle (own counters, own numbers): a burst of
 * wrong check-ins never blocks a teacher's login from the same school. IPv6 addresses are
 * counted per /64, the block one subscriber usually holds. Redis-backed when configured, so
 * every engine process counts the same attempts; in memory otherwise.
 */
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface AttemptThrottle {
  /** Seconds to wait before another attempt on this target from this address is allowed, or 0. */
  retryAfter(target: string, ip: string): Promise<number>;
  recordFailure(target: string, ip: string): Promise<void>;
  /** A success clears the target's count (not the address's). */
  recordSuccess(target: string, ip: string): Promise<void>;
}

export interface AttemptLimits {
  /** Failures allowed per target within `targetWindowSeconds`, from all addresses together. */
  failuresPerTarget: number;
  targetWindowSeconds: number;
  /** Failures allowed per client address within `addressWindowSeconds`, on all targets together. */
  failuresPerAddress: number;
  addressWindowSeconds: number;
}

export interface AttemptThrottleOptions extends AttemptLimits {
  redis?: Redis;
  /** Distinguishes this throttle's counters from every other's (e.g. "exam:login"). */
  keyPrefix: string;
}

/** 2001:db8:1:2:3:4:5:6 -> 2001:db8:1:2::/64; IPv4 and anything else unchanged. */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 style) takes two groups; the /64 is in the first four anyway.
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function createAttemptThrottle(options: AttemptThrottleOptions): AttemptThrottle {
  const make = (points: number, duration: number, part: string): RateLimiterAbstract => {
    const keyPrefix = `${options.keyPrefix}:${part}`;
    return options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, points, duration, keyPrefix })
      : new RateLimiterMemory({ points, duration, keyPrefix });
  };
  const perTarget = make(options.failuresPerTarget, options.targetWindowSeconds, 'target');
  const perAddress = make(options.failuresPerAddress, options.addressWindowSeconds, 'address');
  const targetKey = (target: string) => target.trim().toLowerCase();

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
    async retryAfter(target, ip) {
      const [byTarget, byAddress] = await Promise.all([
        waitFor(perTarget, targetKey(target)),
        waitFor(perAddress, addressKey(ip)),
      ]);
      return Math.max(byTarget, byAddress);
    },
    async recordFailure(target, ip) {
      await Promise.all([consume(perTarget, targetKey(target)), consume(perAddress, addressKey(ip))]);
    },
    async recordSuccess(target) {
      await perTarget.delete(targetKey(target));
    },
  };
}
