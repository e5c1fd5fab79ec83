/**
 * The code task's reference-solution check on save, as the teacher reads it: the engine grades the
 * reference solution (full marks required) and the starter code (full marks refused) before saving
 * (engine/bank/check-code-references.ts); this turns its answer into the page's problems and notice.
 */
import type { Translate as TranslateTo } from '../../../shared/create-i18n.tsx';
import type { components, Problem } from '../../api.ts';
import type { AuthorMessageKey } from '../../i18n.tsx';
import type { CodeTaskState } from '../editor-item.ts';
import { RESPONSE } from './interaction-model.ts';

export type CodeReferenceCheck = components['schemas']['CodeReferenceCheck'];
type Translate = TranslateTo<AuthorMessageKey>;

/** The save request's `codeReferences`: the reference solution typed in the editor, if any. */
export function codeReferencesOf(code: CodeTaskState | undefined): Record<string, string> | undefined {
  const reference = code?.referenceSolution;
  return reference?.trim() ? { [RESPONSE]: reference } : undefined;
}

/** Why the save was refused, one problem per task that failed the check. */
export function codeCheckProblems(checks: readonly CodeReferenceCheck[], t: Translate): Problem[] {
  const problem = (message: string): Problem => ({
    severity: 'error',
    code: 'code_reference_failed',
    message,
    messageEn: message,
  });
  const problems: Problem[] = [];
  for (const check of checks.filter((c) => !c.ok)) {
    const { reference, starter } = check;
    if (check.teacherError)
      problems.push(problem(t('ie.code.testFileFailed', { message: check.teacherError })));
    if (reference.score < reference.maxScore || reference.maxScore === 0) {
      const tests = reference.failing
        .map((f) => t('ie.code.failingTest', { name: f.name, verdict: f.verdict }))
        .join(', ');
      problems.push(
        problem(t('ie.code.referenceFailed', { score: reference.score, max: reference.maxScore, tests })),
      );
    }
    if (starter.maxScore > 0 && starter.score === starter.maxScore)
      problems.push(problem(t('ie.code.starterFull', { max: starter.maxScore })));
  }
  return problems;
}

/** What a passed check adds to the "saved" notice. */
export function codeCheckNotice(checks: readonly CodeReferenceCheck[], t: Translate): string {
  return checks
    .map((c) =>
      [
        t('ie.code.referencePassed', {
          score: c.reference.score,
          max: c.reference.maxScore,
          starter: c.starter.score,
        }),
        c.practiceOnly ? t('ie.code.practiceOnly') : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
    .join(' ');
}
