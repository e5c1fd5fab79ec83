/**
 * The reference-solution check when a teacher saves a code task: the teacher's reference solution is
 * graded on every test (hidden ones too) in the engine's sandboxes and must score full marks, and the
 * starter code must not (a task the starter already passes grades nothing). A task whose verdicts
 * depend on the submission's own code (both sides of a comparison are its objects) is marked fit for
 * practice only.
 */
import type { CodeGrader } from '../../grading/index.ts';
import type { AssessmentItem } from '../../item-bank/index.ts';

export interface FailingTest {
  name: string;
  verdict: string;
  message?: string;
}

export interface CodeReferenceCheck {
  responseIdentifier: string;
  /** The reference solution's result: full marks is required. */
  reference: { score: number; maxScore: number; failing: FailingTest[] };
  /** The starter code's result: full marks is refused. */
  starter: { score: number; maxScore: number };
  /** The task's own test file failed (it does not compile, a fixture raised...). */
  teacherError?: string;
  /** Some verdict depended on the submission's own code: for practice, not for graded sittings. */
  practiceOnly: boolean;
  /** Reference full, starter not, test file sound. */
  ok: boolean;
}

/**
 * Grades the reference solution (`references[responseIdentifier]`) and the starter code of each code
 * task of the item. A task without a reference solution in `references` is not checked (undefined
 * when the item has no code task).
 */
export async function checkCodeReferences(
  grader: CodeGrader,
  model: AssessmentItem,
  references: Record<string, string>,
): Promise<CodeReferenceCheck[] | undefined> {
  const entries = (model.codeTasks ?? []).filter((e) => typeof references[e.responseIdentifier] === 'string');
  if (!entries.length) return undefined;
  const checks: CodeReferenceCheck[] = [];
  for (const { responseIdentifier, task } of entries) {
    const reference = await grader.grade(task, references[responseIdentifier] as string);
    const starter = await grader.grade(task, task.starterCode);
    const failing = reference.tests
      .filter((t) => t.verdict !== 'passed')
      .map((t) => ({
        name: t.name,
        verdict: t.verdict,
        ...(t.message !== undefined
          ? { message: t.message }
          : reference.message
            ? { message: reference.message }
            : {}),
      }));
    const teacherError = reference.teacherError ? (reference.message ?? 'the test file failed') : undefined;
    const referenceFull =
      !reference.notGradable && reference.maxScore > 0 && reference.score === reference.maxScore;
    const starterFull = !starter.notGradable && starter.maxScore > 0 && starter.score === starter.maxScore;
    checks.push({
      responseIdentifier,
      reference: { score: reference.score, maxScore: reference.maxScore, failing },
      starter: { score: starter.score, maxScore: starter.maxScore },
      ...(teacherError ? { teacherError } : {}),
      practiceOnly: reference.dependsOnSubmission === true,
      ok: referenceFull && !starterFull && !teacherError,
    });
  }
  return checks;
}
