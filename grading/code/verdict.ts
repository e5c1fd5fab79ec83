/** Verdicts per test and the task score computed from them. */
import type { CodeTask } from './task.ts';

export const VERDICTS = [
  'passed',
  'wrong_answer',
  'runtime_error',
  'time_limit',
  'memory_limit',
  'output_limit',
  'not_gradable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One test's outcome. `expected`, `actual`, `diff` and `message` are present only for visible tests. */
export interface TestResult {
  name: string;
  verdict: Verdict;
  visible: boolean;
  weight: number;
  /** Score earned by this test, in task score units. */
  score: number;
  expected?: string;
  actual?: string;
  diff?: string;
  /** Traceback trimmed to the student's code, or a short reason (tampering, limit). */
  message?: string;
  cpuMs?: number;
  /**
   * Python teacher files: a comparison of the test was decided by the submission's own code on both
   * sides (e.g. its class's `__eq__` against another of its objects), not by the grader — in a passed
   * test, or in a failed one before the assertion that failed it.
   */
  dependsOnSubmission?: boolean;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  /** true when the submission could not be graded (syntax error): no attempt is used. */
  notGradable: boolean;
  /** Penalty fraction applied for earlier attempts. */
  penalty: number;
  tests: TestResult[];
  /** Compile or syntax error message shown to the candidate. */
  message?: string;
  /**
   * Set when the teacher's own test file failed (it does not compile, or raised while loading for a
   * reason other than the submission): `message` says why. The task, not the submission, needs fixing.
   */
  teacherError?: boolean;
  /**
   * Some test's verdict depended on code the submission controls (see TestResult): such a task is fit
   * for practice, not for a graded sitting.
   */
  dependsOnSubmission?: boolean;
}

/** Applies weights, the scoring mode and the resubmission penalty (`attempt` counts from 1). */
export function scoreTests(task: CodeTask, tests: Omit<TestResult, 'score'>[], attempt = 1): GradeResult {
  const totalWeight = tests.reduce((s, t) => s + t.weight, 0);
  const maxScore = task.maxScore ?? totalWeight;
  const scale = totalWeight > 0 ? maxScore / totalWeight : 0;
  const allPassed = tests.length > 0 && tests.every((t) => t.verdict === 'passed');
  const notGradable = tests.some((t) => t.verdict === 'not_gradable');
  const penalties = task.resubmissionPenalty;
  const penalty =
    notGradable || penalties.length === 0 ? 0 : (penalties[Math.min(attempt - 1, penalties.length - 1)] ?? 0);
  const earnedOf = (t: Omit<TestResult, 'score'>) =>
    task.scoring === 'allOrNothing' ? (allPassed ? t.weight : 0) : t.verdict === 'passed' ? t.weight : 0;
  const scored = tests.map((t) => ({ ...t, score: round(earnedOf(t) * scale * (1 - penalty)) }));
  // The total comes from the weights, not from the rounded test scores, so all tests passed is exactly maxScore.
  const earned = tests.reduce((s, t) => s + earnedOf(t), 0);
  const score = round(earned * scale * (1 - penalty));
  const depends = tests.some((t) => t.dependsOnSubmission);
  return {
    score,
    maxScore: round(maxScore),
    notGradable,
    penalty,
    tests: scored,
    ...(depends ? { dependsOnSubmission: true } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
