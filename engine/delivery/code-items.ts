/**
 * Code-task items in delivery: graded by the code sandboxes (child processes, never this event
 * loop) when a session is scored, and on the candidate's "run visible tests". What reaches the
 * candidate is built here from visible tests only; hidden tests' names, values and output never do.
 */
import type { CodeGrader, CodeGradeResult } from '../../grading/index.ts';
import type { AssessmentItem, ItemCodeTask } from '../../item-bank/index.ts';
import type { ItemResponses, RunCodeAck } from '../protocol/candidate.ts';
import type { ItemScore } from './item-scorer.ts';

export function codeTasksOf(model: unknown): ItemCodeTask[] {
  return (model as AssessmentItem | undefined)?.codeTasks ?? [];
}

const codeOf = (responses: ItemResponses | undefined, id: string) => {
  const value = responses?.[id];
  return typeof value === 'string' ? value : '';
};

/** Scores an item's code tasks (all tests, hidden ones included); undefined when it has none. */
export async function gradeCodeItem(
  grader: CodeGrader,
  model: unknown,
  responses: ItemResponses | undefined,
): Promise<ItemScore | undefined> {
  const tasks = codeTasksOf(model);
  if (!tasks.length) return undefined;
  let score = 0;
  let maxScore = 0;
  const outcomes: Record<string, unknown> = {};
  for (const { responseIdentifier, task } of tasks) {
    // An unanswered task is still run (on empty code) so its maximum comes from the same weights.
    const graded: CodeGradeResult = await grader.grade(task, codeOf(responses, responseIdentifier));
    score += graded.score;
    maxScore += graded.maxScore;
    outcomes[`CODE_${responseIdentifier}`] = {
      score: graded.score,
      maxScore: graded.maxScore,
      notGradable: graded.notGradable,
      tests: graded.tests.map((t) => ({
        name: t.name,
        verdict: t.verdict,
        visible: t.visible,
        score: t.score,
      })),
    };
  }
  return { outcomes: { ...outcomes, SCORE: score, MAXSCORE: maxScore }, score, maxScore, pending: false };
}

/** Runs the visible tests of one code task for the candidate; the result holds visible tests only. */
export async function runVisibleTests(
  grader: CodeGrader,
  model: unknown,
  responseIdentifier: string,
  code: string,
): Promise<Extract<RunCodeAck, { ok: true }>> {
  const entry = codeTasksOf(model).find((t) => t.responseIdentifier === responseIdentifier);
  if (!entry) throw new Error(`no code task answers ${responseIdentifier}`);
  const graded = await grader.grade(entry.task, code, { visibleOnly: true });
  return {
    ok: true,
    notGradable: graded.notGradable,
    ...(graded.message ? { message: graded.message } : {}),
    tests: graded.tests
      .filter((t) => t.visible)
      .map((t) => ({
        name: t.name,
        verdict: t.verdict,
        ...(t.expected !== undefined ? { expected: t.expected } : {}),
        ...(t.actual !== undefined ? { actual: t.actual } : {}),
        ...(t.diff !== undefined ? { diff: t.diff } : {}),
        ...(t.message !== undefined ? { message: t.message } : {}),
      })),
  };
}
