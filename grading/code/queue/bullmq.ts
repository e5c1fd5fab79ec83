/** BullMQ code-grading queue: engine processes submit, `npm run grader` workers (any machine) consume. */
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { GradeResult } from '../verdict.ts';
import { QueueFullError, type CodeGradingQueue, type GradingJob, type QueueOptions } from './queue.ts';

export interface BullQueueOptions extends QueueOptions {
  redisUrl: string;
  /** Queue name (tests use their own). */
  name?: string;
  /** Longest a submitter waits for a result, milliseconds. */
  waitMs?: number;
}

/** Creates the BullMQ-backed queue. Connections are opened lazily by BullMQ. */
export function createBullQueue(opts: BullQueueOptions): CodeGradingQueue {
  const name = opts.name ?? 'code-grading';
  const capacity = opts.capacity ?? 100;
  const connection = () => new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const conns: Redis[] = [];
  const conn = () => {
    const c = connection();
    conns.push(c);
    return c;
  };
  const queue = new Queue<GradingJob, GradeResult>(name, { connection: conn() });
  let events: QueueEvents | undefined;
  const workers: Worker[] = [];
  return {
    async submit(job) {
      const counts = await queue.getJobCounts('waiting', 'prioritized');
      if ((counts.waiting ?? 0) + (counts.prioritized ?? 0) >= capacity) throw new QueueFullError(capacity);
      events ??= new QueueEvents(name, { connection: conn() });
      await events.waitUntilReady();
      const added = await queue.add('grade', job, {
        jobId: job.id,
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
        attempts: 2,
        backoff: { type: 'exponential', delay: 1_000 },
      });
      return (await added.waitUntilFinished(events, opts.waitMs ?? 5 * 60_000)) as GradeResult;
    },
    work(handler, concurrency) {
      workers.push(
        new Worker<GradingJob, GradeResult>(name, (j) => handler(j.data), {
          connection: conn(),
          concurrency,
        }),
      );
    },
    async waiting() {
      const counts = await queue.getJobCounts('waiting', 'prioritized');
      return (counts.waiting ?? 0) + (counts.prioritized ?? 0);
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await events?.close();
      await queue.close();
      await Promise.all(conns.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
