/**
 * Cache invalidation across engine processes over Redis pub/sub. The channel carries the engine's
 * key prefix, so deployments (and test engines) sharing one Redis never drop each other's entries.
 * A subscribed connection can do nothing else, so the bus owns a duplicate of the engine's client.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import {
  CacheInvalidationMessage,
  createLocalListeners,
  type CacheInvalidation,
} from './cache-invalidation.ts';

const Envelope = z.object({ origin: z.string(), message: CacheInvalidationMessage });

export const cacheInvalidationChannel = (keyPrefix: string) => `${keyPrefix}:cache-invalidation`;

export async function createRedisCacheInvalidation(options: {
  /** The engine's connection: publishes. */
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
}): Promise<CacheInvalidation> {
  const { redis, logger } = options;
  const channel = cacheInvalidationChannel(options.keyPrefix);
  // This process has already dropped what it publishes; its own echo from Redis is skipped.
  const origin = randomUUID();
  const local = createLocalListeners();
  // Named, so an operator (and the test) can tell it in CLIENT LIST.
  const subscriber = redis.duplicate({ lazyConnect: true, connectionName: channel });
  subscriber.on('error', (error) => logger.warn({ err: error }, 'redis cache invalidation error'));
  subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    let parsed;
    try {
      parsed = Envelope.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return logger.warn({ channel }, 'ignored a malformed cache invalidation');
    if (parsed.data.origin !== origin) local.emit(parsed.data.message);
  });
  let connectedOnce = false;
  subscriber.on('ready', () => {
    // Messages published while the subscription was down are lost: after a reconnect, drop everything.
    if (connectedOnce) local.emit({ kind: 'all' });
    connectedOnce = true;
  });
  await subscriber.connect();
  await subscriber.subscribe(channel);

  return {
    async publish(message) {
      const checked = CacheInvalidationMessage.parse(message);
      local.emit(checked);
      // The change itself is committed: a Redis outage must not fail the staff request. A process whose
      // subscription the outage cut drops everything when it reconnects.
      await redis.publish(channel, JSON.stringify({ origin, message: checked })).catch((error: unknown) => {
        logger.error({ err: error, channel }, 'cache invalidation not published');
      });
    },
    subscribe: local.subscribe,
    async close() {
      local.clear();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
