/** In-process code-grading queue (no Redis). */
import type { GradeResult } from '../verdict.ts';
import {
  QueueFullError,
  type CodeGradingQueue,
  type GradeHandler,
  type GradingJob,
  type QueueOptions,
} from './queue.ts';

interface Entry {
  job: GradingJob;
  resolve: (r: GradeResult) => void;
  reject: (e: unknown) => void;
}

/** Creates an in-process queue with the same contract as the BullMQ one. */
export function createMemoryQueue(opts: QueueOptions = {}): CodeGradingQueue {
  const capacity = opts.capacity ?? 100;
  const pending: Entry[] = [];
  let handler: GradeHandler | undefined;
  let slots = 0;
  let closed = false;
  const pump = () => {
    while (handler && slots > 0 && pending.length > 0 && !closed) {
      const entry = pending.shift() as Entry;
      slots--;
      handler(entry.job)
        .then(entry.resolve, entry.reject)
        .finally(() => {
          slots++;
          pump();
        });
    }
  };
  return {
    submit(job) {
      if (closed) return Promise.reject(new Error('queue closed'));
      if (pending.length >= capacity) return Promise.reject(new QueueFullError(capacity));
      return new Promise<GradeResult>((resolve, reject) => {
        pending.push({ job, resolve, reject });
        pump();
      });
    },
    work(h, concurrency) {
      handler = h;
      slots = concurrency;
      pump();
    },
    async waiting() {
      return pending.length;
    },
    async close() {
      closed = true;
      for (const e of pending.splice(0)) e.reject(new Error('queue closed'));
    },
  };
}
