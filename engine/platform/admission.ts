/**
 * Bounded admission for storms (every candidate of a city checking in at 08:00): at most
 * `concurrency` tasks run at once and at most `maxQueued` wait. Beyond that the caller is told at
 * once when to come back (503 with Retry-After, which the candidate page and the load generator
 * honour) instead of piling work onto a saturated database until clients time out, and answer saves
 * of candidates already in the exam keep their share of the database.
 */
import pLimit from 'p-limit';
import { AppError } from './errors.ts';

export interface AdmissionOptions {
  concurrency: number;
  maxQueued: number;
}

export interface Admission {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
  /** Requests turned away with a retry time since the start. */
  readonly refused: number;
}

export const serverBusy = (retryAfterSeconds: number) =>
  new AppError(
    503,
    'server_busy',
    `Many candidates are checking in right now. Trying again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );

export function createAdmission({ concurrency, maxQueued }: AdmissionOptions): Admission {
  const limit = pLimit(concurrency);
  /** Moving average of one task's time (ms), to tell a refused caller how long the queue takes to drain. */
  let serviceMs = 20;
  let refused = 0;
  const retryAfter = () => {
    const drainS = ((limit.activeCount + limit.pendingCount) * serviceMs) / concurrency / 1000;
    // Spread the returns over a few seconds so refused callers do not come back as one wave.
    return Math.max(1, Math.ceil(drainS)) + Math.floor(Math.random() * 3);
  };
  return {
    run(task) {
      if (limit.activeCount >= concurrency && limit.pendingCount >= maxQueued) {
        refused++;
        return Promise.reject(serverBusy(retryAfter()));
      }
      return limit(async () => {
        const started = performance.now();
        try {
          return await task();
        } finally {
          serviceMs = serviceMs * 0.9 + (performance.now() - started) * 0.1;
        }
      });
    },
    get active() {
      return limit.activeCount;
    },
    get queued() {
      return limit.pendingCount;
    },
    get refused() {
      return refused;
    },
  };
}
