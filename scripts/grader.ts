/**
 * `npm run grader`: a standalone code-grading worker. With REDIS_URL it consumes the BullMQ queue
 * `code-grading` (run it on any machine that reaches Redis); pools are sized to the cores
 * (GRADER_CONCURRENCY overrides). Ctrl-C finishes running jobs and exits.
 */
import { availableParallelism } from 'node:os';
import { createBullQueue, createCodeGrader } from '../grading/code/index.ts';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  console.error('npm run grader needs REDIS_URL (without Redis the engine grades in-process)');
  process.exit(2);
}
const concurrency = Number(process.env.GRADER_CONCURRENCY ?? availableParallelism());
const grader = createCodeGrader({ size: concurrency, log: (m) => console.log(m) });
const queue = createBullQueue({ redisUrl });
await grader.warm();
queue.work(
  (job) => grader.grade(job.task, job.code, { attempt: job.attempt, visibleOnly: job.visibleOnly }),
  concurrency * 2,
);
console.log(`code grader working on ${redisUrl} with ${concurrency} sandboxes per language`);
const stop = async () => {
  await queue.close();
  await grader.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
