/**
 * @module grading/code
 * Sandboxed autograding of Python and JavaScript code tasks.
 * Exports: codeTaskSchema, parseCodeTask, loadTask, createCodeGrader, detectNativePython, gradeSubmission, probeVerdictTrust,
 * scoreTests, createMemoryQueue, createBullQueue, QueueFullError and their types.
 */
export {
  codeTaskSchema,
  parseCodeTask,
  type CodeTask,
  type CodeTaskInput,
  type CodeTest,
  type Limits,
} from './task.ts';
export { loadTask } from './load-task.ts';
export { createCodeGrader, type CodeGrader } from './code-grader.ts';
export { detectNativePython } from './native/native-pool.ts';
export { gradeSubmission, type GradeOptions } from './grade.ts';
export { probeVerdictTrust, TRUST_PROBE, type VerdictTrust } from './verdict-trust.ts';
export { scoreTests, VERDICTS, type GradeResult, type TestResult, type Verdict } from './verdict.ts';
export { createMemoryQueue } from './queue/memory.ts';
export { createBullQueue } from './queue/bullmq.ts';
export { QueueFullError, type CodeGradingQueue, type GradingJob, type GradeHandler } from './queue/queue.ts';
