import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { createBullQueue } from './bullmq.ts';
import { queueContract } from './queue.case.test.ts';

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  queueContract('BullMQ', (capacity) =>
    createBullQueue({ redisUrl, capacity, name: `code-grading-test-${randomUUID()}` }),
  );
} else {
  describe.skip('code-grading queue contract: BullMQ (REDIS_URL unset)', () =>
    it('skipped', () => undefined));
}
