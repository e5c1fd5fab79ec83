/**
 * The candidate-safe payload of each item version, in two tiers: a bounded in-memory LRU per
 * process, and Redis when configured, so a second engine process serves a version another one
 * already projected without reading the database. Only the projection is stored, never the item
 * model: what sits in Redis holds no key, mapping, processing rule or hidden test. A version never
 * changes once saved, so entries are never invalidated; they expire (Redis) or are evicted (memory).
 */
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.ts';

/** Bump when the projection's output changes shape, so processes of a new release never read old payloads. */
const PAYLOAD_FORMAT = 'v1';
/** A day outlasts any sitting's fetches; the memory tier serves the hot ones. */
const REDIS_TTL_SECONDS = 24 * 60 * 60;

export interface ItemPayloadCacheOptions {
  /** Projects the version from the database: called only on a miss in both tiers. */
  load(itemVersionId: string): Promise<unknown>;
  redis?: Redis;
  keyPrefix: string;
  logger?: Logger;
  /** Versions kept in memory (default 5,000). */
  maxEntries?: number;
  /** Bytes of serialized payload kept in memory (default 64 MiB). */
  maxBytes?: number;
}

export interface ItemPayloadCache {
  /** The version's shared candidate payload; concurrent misses of one version load it once. */
  get(itemVersionId: string): Promise<unknown>;
  /** Where the last gets were served from, for tests and metrics. */
  readonly stats: { memory: number; redis: number; loaded: number };
}

export const itemPayloadKey = (keyPrefix: string, itemVersionId: string) =>
  `${keyPrefix}:item-payload:${PAYLOAD_FORMAT}:${itemVersionId}`;

interface Entry {
  payload: unknown;
  bytes: number;
}

export function createItemPayloadCache(options: ItemPayloadCacheOptions): ItemPayloadCache {
  const { redis, logger } = options;
  const stats = { memory: 0, redis: 0, loaded: 0 };

  const fromRedis = async (key: string): Promise<Entry | undefined> => {
    if (!redis) return undefined;
    // Redis is a shortcut, never a dependency: when it fails, the database still answers.
    const text = await redis.get(key).catch((error: unknown) => {
      logger?.warn({ err: error }, 'item payload cache: redis read failed');
      return null;
    });
    return text === null ? undefined : { payload: JSON.parse(text) as unknown, bytes: text.length };
  };

  const memory = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 5_000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
    // lru-cache runs one fetch per key at a time: a storm of candidates opening the same item loads it once.
    fetchMethod: async (itemVersionId) => {
      const key = itemPayloadKey(options.keyPrefix, itemVersionId);
      const cached = await fromRedis(key);
      if (cached) {
        stats.redis++;
        return cached;
      }
      const payload = await options.load(itemVersionId);
      stats.loaded++;
      const text = JSON.stringify(payload);
      if (redis)
        await redis.set(key, text, 'EX', REDIS_TTL_SECONDS).catch((error: unknown) => {
          logger?.warn({ err: error }, 'item payload cache: redis write failed');
        });
      return { payload, bytes: text.length };
    },
  });

  return {
    stats,
    async get(itemVersionId) {
      if (memory.has(itemVersionId)) stats.memory++;
      const entry = await memory.fetch(itemVersionId);
      return entry!.payload;
    },
  };
}
