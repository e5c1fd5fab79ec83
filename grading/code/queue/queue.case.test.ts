/** Contract suite run by memory.test.ts and bullmq.test.ts against each queue implementation. */
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../verdict.ts';
import { QueueFullError, type CodeGradingQueue, type GradingJob } from './queue.ts';

const result = (score: number): GradeResult => ({
  score,
  maxScore: 1,
  notGradable: false,
  penalty: 0,
  tests: [],
});

/** Runs the queue contract against queues made by `make` (each test gets its own queue). */
export function queueContract(name: string, make: (capacity: number) => CodeGradingQueue): void {
  describe(`code-grading queue contract: ${name}`, () => {
    it('delivers a job to the worker and its result to the submitter', async () => {
      const q = make(10);
      try {
        q.work(async (job: GradingJob) => result(job.code.length), 1);
        const r = await q.submit({ id: `a-${Date.now()}`, task: {}, code: 'abc' });
        expect(r.score).toBe(3);
      } finally {
        await q.close();
      }
    });

    it('refuses jobs beyond its capacity (back-pressure) and still serves the ones it took', async () => {
      const q = make(2);
      try {
        const stamp = Date.now();
        const taken = [
          q.submit({ id: `b1-${stamp}`, task: {}, code: 'x' }),
          q.submit({ id: `b2-${stamp}`, task: {}, code: 'xy' }),
        ];
        await expect.poll(() => q.waiting()).toBe(2);
        await expect(q.submit({ id: `b3-${stamp}`, task: {}, code: 'xyz' })).rejects.toBeInstanceOf(
          QueueFullError,
        );
        q.work(async (job) => result(job.code.length), 2);
        expect((await Promise.all(taken)).map((r) => r.score).sort()).toEqual([1, 2]);
      } finally {
        await q.close();
      }
    });

    it('reports a failing job to its submitter', async () => {
      const q = make(10);
      try {
        q.work(async () => {
          throw new Error('sandbox unavailable');
        }, 1);
        await expect(q.submit({ id: `c-${Date.now()}`, task: {}, code: '' })).rejects.toThrow(
          /sandbox unavailable/,
        );
      } finally {
        await q.close();
      }
    }, 20_000);
  });
}
