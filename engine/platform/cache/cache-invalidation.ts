/**
 * Telling every engine process to drop what it cached about something staff changed. Each process
 * keeps parsed and projected data in memory (form specs of sittings); when a sitting changes, the
 * process that changed it publishes here and every process, itself included, drops its entry.
 * Without Redis there is one process, so an in-process emitter is the whole bus; with Redis the
 * message goes over pub/sub (redis-cache-invalidation.ts).
 */
import { EventEmitter } from 'node:events';
import { z } from 'zod';

/** What changed. Messages from other processes are parsed with this before any listener sees them. */
export const CacheInvalidationMessage = z.discriminatedUnion('kind', [
  z.object({
    /** A sitting: its form, test, rooms or policy. */
    kind: z.literal('sitting'),
    id: z.string().min(1).max(200),
  }),
  /** Anything may be stale: messages may have been missed while the connection to Redis was down. */
  z.object({ kind: z.literal('all') }),
]);
export type CacheInvalidationMessage = z.infer<typeof CacheInvalidationMessage>;

export type CacheInvalidationListener = (message: CacheInvalidationMessage) => void;

export interface CacheInvalidation {
  /** Drops the subject's entries in this process at once, then in every other process. */
  publish(message: CacheInvalidationMessage): Promise<void>;
  /** Calls the listener for every invalidation, local or remote; returns the unsubscribe. */
  subscribe(listener: CacheInvalidationListener): () => void;
  close(): Promise<void>;
}

/** Local listeners of one process; both implementations deliver through it. */
export function createLocalListeners() {
  const emitter = new EventEmitter();
  // Every cache of the process subscribes once; there is no leak to warn about.
  emitter.setMaxListeners(0);
  return {
    emit(message: CacheInvalidationMessage) {
      emitter.emit('invalidate', message);
    },
    subscribe(listener: CacheInvalidationListener) {
      emitter.on('invalidate', listener);
      return () => void emitter.off('invalidate', listener);
    },
    clear() {
      emitter.removeAllListeners();
    },
  };
}

/** The single-process bus (no REDIS_URL). */
export function createMemoryCacheInvalidation(): CacheInvalidation {
  const local = createLocalListeners();
  return {
    async publish(message) {
      local.emit(CacheInvalidationMessage.parse(message));
    },
    subscribe: local.subscribe,
    async close() {
      local.clear();
    },
  };
}
