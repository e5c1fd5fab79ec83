/**
 * "Try scoring" of an unsaved code task in the item editor: the teacher's trial code is run on every
 * test of each task (hidden ones too: the author wrote them) in the engine's code sandboxes, the same
 * grader that scores sessions; nothing is stored. Each test comes back with its verdict.
 */
import type { CodeGrader, CodeVerdict } from '../../grading/index.ts';
import type { AssessmentItem } from '../../item-bank/index.ts';

export interface TriedTest {
  name: string;
  verdict: CodeVerdict;
  visible: boolean;
  score: number;
  expected?: string;
  actual?: string;
  message?: string;
}
export interface TriedCodeTask {
  responseIdentifier: string;
  score: number;
  maxScore: number;
  /** The code could not be run (a syntax error): `message` says why. */
  notGradable: boolean;
  /** The task's own test file failed: the task, not the code, needs fixing. */
  teacherError: boolean;
  message?: string;
  tests: TriedTest[];
}

/** Runs the trial code of each code task of the item; undefined when the item has none. */
export async function tryCodeTasks(
  grader: CodeGrader,
  model: AssessmentItem,
  responses: Record<string, unknown>,
): Promise<{ tasks: TriedCodeTask[]; score: number; maxScore: number } | undefined> {
  const entries = model.codeTasks ?? [];
  if (!entries.length) return undefined;
  const tasks: TriedCodeTask[] = [];
  for (const { responseIdentifier, task } of entries) {
    const code = responses[responseIdentifier];
    const graded = await grader.grade(task, typeof code === 'string' ? code : '');
    tasks.push({
      responseIdentifier,
      score: graded.score,
      maxScore: graded.maxScore,
      notGradable: graded.notGradable,
      teacherError: graded.teacherError === true,
      ...(graded.message ? { message: graded.message } : {}),
      tests: graded.tests.map((t) => ({
        name: t.name,
        verdict: t.verdict,
        visible: t.visible,
        score: t.score,
        ...(t.expected !== undefined ? { expected: t.expected } : {}),
        ...(t.actual !== undefined ? { actual: t.actual } : {}),
        ...(t.message !== undefined ? { message: t.message } : {}),
      })),
    });
  }
  return {
    tasks,
    score: tasks.reduce((s, t) => s + t.score, 0),
    maxScore: tasks.reduce((s, t) => s + t.maxScore, 0),
  };
}
