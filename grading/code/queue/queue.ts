/**
 * The code-grading queue: one interface, an in-process implementation (memory.ts) and a BullMQ one
 * (bullmq.ts, when REDIS_URL is set). Bounded: `submit` fails fast with QueueFullError when `capacity`
 * jobs are already waiting, so callers can answer "busy, retry" (back-pressure) instead of piling up.
 */
import type { GradeResult } from '../verdict.ts';

export interface GradingJob {
  /** Caller's id (for example session id + item id + attempt); used as the job id. */
  id: string;
  /** The task (CodeTask or its JSON). */
  task: unknown;
  code: string;
  attempt?: number;
  visibleOnly?: boolean;
}

export type GradeHandler = (job: GradingJob) => Promise<GradeResult>;

export interface CodeGradingQueue {
  /** Enqueues and waits for the result. Rejects with QueueFullError when the queue is full. */
  submit(job: GradingJob): Promise<GradeResult>;
  /** Starts consuming jobs with `handler`, `concurrency` at a time (a worker; in-process or standalone). */
  work(handler: GradeHandler, concurrency: number): void;
  /** Jobs waiting (not yet started). */
  waiting(): Promise<number>;
  close(): Promise<void>;
}

export class QueueFullError extends Error {
  readonly id = 'grading_queue_full';
  readonly status = 503;
  constructor(capacity: number) {
    super(`the code-grading queue is full (${capacity} waiting); retry shortly`);
  }
}

export interface QueueOptions {
  /** Most jobs waiting before submit refuses (default 100, as Judge0). */
  capacity?: number;
}
