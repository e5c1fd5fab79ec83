/**
 * Scores submitted sessions in the background, a few at a time, with retries. Sessions left
 * submitted but unscored (a process died between submit and scoring) are picked up by
 * `recoverUnscored`, which the deadline sweeper calls; so every submitted session is scored.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { scoreSession, type SessionResult } from './score-session.ts';
import { type ItemScorer } from '../delivery/item-scorer.ts';

export interface ScoringQueue {
  enqueue(sessionId: string): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /**
   * Shutdown: drops what is queued (those sessions stay submitted and unscored, and
   * `recoverUnscored` on any engine picks them up) and resolves when the running ones finish.
   */
  stop(): Promise<void>;
  recoverUnscored(olderThanSeconds?: number): Promise<number>;
  onScored(listener: (result: SessionResult) => void): void;
}

export function createScoringQueue(
  db: Database,
  scorer: ItemScorer,
  logger: Logger,
  concurrency = 2,
): ScoringQueue {
  const queue: string[] = [];
  const queued = new Set<string>();
  let running = 0;
  let stopped = false;
  const idleWaiters: Array<() => void> = [];
  const listeners: Array<(result: SessionResult) => void> = [];

  const pump = () => {
    while (running < concurrency && queue.length) {
      const sessionId = queue.shift()!;
      running++;
      void attempt(sessionId, 1).finally(() => {
        running--;
        queued.delete(sessionId);
        pump();
        if (!running && !queue.length) idleWaiters.splice(0).forEach((w) => w());
      });
    }
  };

  const attempt = async (sessionId: string, tries: number): Promise<void> => {
    try {
      const result = await scoreSession(db, scorer, sessionId);
      listeners.forEach((l) => l(result));
    } catch (error) {
      if (tries >= 3 || stopped) {
        logger.error({ err: error, sessionId }, 'scoring failed; the recovery sweep will try again');
        return;
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** tries));
      return attempt(sessionId, tries + 1);
    }
  };

  return {
    enqueue(sessionId) {
      if (stopped || queued.has(sessionId)) return;
      queued.add(sessionId);
      queue.push(sessionId);
      pump();
    },
    idle: () =>
      running || queue.length ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve(),
    stop() {
      stopped = true;
      for (const sessionId of queue.splice(0)) queued.delete(sessionId);
      return running ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve();
    },
    async recoverUnscored(olderThanSeconds = 30) {
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
          select s.id from candidate_sessions s
          where s.state = 'submitted' and s.submitted_at < clock_timestamp() - make_interval(secs => ${olderThanSeconds})
            and not exists (select 1 from session_results r where r.session_id = s.id)
          limit 500`),
      );
      rows.forEach((r) => this.enqueue(r.id));
      return rows.length;
    },
    onScored(listener) {
      listeners.push(listener);
    },
  };
}
