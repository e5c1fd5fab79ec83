/**
 * Tells the people watching a session what changed: pushes to the candidate's socket, and
 * batched status patches to the proctors of the sitting and room. Emits through the
 * Socket.IO server once it is attached (through the Redis adapter when configured, so they
 * reach sockets on any engine process); before that, and in HTTP-only tests, a no-op.
 */
import type { Server } from 'socket.io';
import type { Database } from '../platform/db/database.ts';
import type { CandidateServerToClientEvents } from '../protocol/candidate.ts';
import type { CandidateStatusPatch } from '../protocol/proctor.ts';
import type { CacheInvalidationMessage } from '../platform/cache/cache-invalidation.ts';
import { sessionPlace } from './session-place.ts';

type Pushes = CandidateServerToClientEvents;

/**
 * Where status patches go: proctoring's batched feed to the proctor rooms. Delivery only knows
 * this interface; the engine wires the feed in (proctoring sits above delivery).
 */
export interface StatusFeed {
  publish(place: { sittingId: string; roomId: string }, patch: CandidateStatusPatch): void;
  flush(): void;
  stop(): void;
}

export interface SessionNotifier {
  attach(io: Server, feed: StatusFeed): void;
  detach(): void;
  push<E extends keyof Pushes>(sessionId: string, event: E, payload: Parameters<Pushes[E]>[0]): void;
  /** Publishes a status change to proctors; `place` saves a lookup when the caller knows it. */
  status(patch: CandidateStatusPatch, place?: { sittingId: string; roomId: string }): void;
  /** Forgets the remembered rooms of a sitting's sessions (candidates moved): a cache invalidation listener. */
  forgetPlaces(message: CacheInvalidationMessage): void;
}

export function createSessionNotifier(db: Database): SessionNotifier {
  let server: Server | undefined;
  let feed: StatusFeed | undefined;
  const places = new Map<string, { sittingId: string; roomId: string }>();
  return {
    attach(io, statusFeed) {
      server = io;
      feed = statusFeed;
    },
    detach() {
      feed?.flush();
      feed?.stop();
      feed = undefined;
      server = undefined;
    },
    push(sessionId, event, payload) {
      server
        ?.of('/candidate')
        .to(`session:${sessionId}`)
        .emit(event, payload as never);
    },
    status(patch, place) {
      if (!feed) return;
      const known = place ?? places.get(patch.sessionId);
      if (known) {
        places.set(patch.sessionId, known);
        feed.publish(known, patch);
        return;
      }
      void sessionPlace(db, patch.sessionId).then((found) => {
        if (!found || !feed) return;
        if (places.size > 50_000) places.clear();
        places.set(patch.sessionId, found);
        feed.publish(found, patch);
      });
    },
    forgetPlaces(message) {
      if (message.kind === 'all') return places.clear();
      for (const [sessionId, place] of places) if (place.sittingId === message.id) places.delete(sessionId);
    },
  };
}
