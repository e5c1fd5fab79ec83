/**
 * Reads code tasks from an item: a customInteraction (or PCI) carrying `data-code-task` (the
 * candidate-visible part of the task as JSON) and, inside it, a server-only `hidden-tests`
 * element in our namespace (hidden tests and test file as JSON).
 */
import { CODE_TASK_TYPE, CodeTask, type ItemCodeTask } from '../model/code-task.ts';
import { walkContent, type ContentElement } from '../model/content.ts';
import type { Declaration } from '../model/declarations.ts';
import { declaredMaxScore } from '../model/max-score.ts';
import type { ProblemList } from './problems.ts';

export const CODE_TASK_ATTRIBUTE = 'data-code-task';
export const HIDDEN_TESTS_ELEMENT = 'hidden-tests';

const textOf = (e: ContentElement): string =>
  e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');

function json(text: string, what: string, problems: ProblemList, at: { line?: number; column?: number }) {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    problems.error(
      'bad-code-task',
      `The ${what} of the code task is not valid JSON: ${(error as Error).message}`,
      at,
    );
    return undefined;
  }
}

export const isHiddenTestsElement = (e: ContentElement) =>
  e.ns === 'other' && e.namespace === CODE_TASK_TYPE && e.name === HIDDEN_TESTS_ELEMENT;

export function readCodeTasks(
  body: ContentElement,
  declarations: Declaration[],
  problems: ProblemList,
): ItemCodeTask[] {
  const tasks: Array<ItemCodeTask & { at: { line?: number; column?: number } }> = [];
  for (const e of walkContent([body])) {
    if (e.name !== 'customInteraction' && e.name !== 'portableCustomInteraction') continue;
    const raw = e.attributes[CODE_TASK_ATTRIBUTE];
    if (raw === undefined) continue;
    const at = { line: e.line, column: e.column };
    const visible = json(raw, `${CODE_TASK_ATTRIBUTE} attribute`, problems, at);
    const hiddenElement = [...walkContent(e.children)].find(isHiddenTestsElement);
    const hidden = hiddenElement
      ? json(textOf(hiddenElement), 'hidden-tests element', problems, {
          line: hiddenElement.line,
          column: hiddenElement.column,
        })
      : {};
    if (!visible || !hidden) continue;
    const visibleTests = Array.isArray(visible.tests)
      ? (visible.tests as Array<Record<string, unknown>>)
      : [];
    const hiddenTests = Array.isArray(hidden.tests) ? (hidden.tests as Array<Record<string, unknown>>) : [];
    for (const t of visibleTests)
      if (t && t.visible !== true)
        problems.error(
          'hidden-test-in-public',
          `Test ${String(t.name)} is not marked visible but sits in the candidate-visible part of the code task.`,
          at,
        );
    const parsed = CodeTask.safeParse({
      ...visible,
      tests: [...visibleTests, ...hiddenTests.map((t) => ({ ...t, visible: false }))],
      ...(hidden.testFile ? { testFile: { ...(hidden.testFile as object), visible: false } } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.error(
          'bad-code-task',
          `The code task ${issue.path.length ? `field ${issue.path.join('.')} ` : ''}is invalid: ${issue.message}`,
          at,
        );
      continue;
    }
    const responseIdentifier = e.attributes.responseIdentifier ?? '';
    const declaration = declarations.find((d) => d.identifier === responseIdentifier);
    if (declaration && (declaration.baseType !== 'string' || declaration.cardinality !== 'single'))
      problems.error(
        'base-type-mismatch',
        `${responseIdentifier} answers a code task, so it must be a single string (it is ${declaration.cardinality} ${declaration.baseType ?? ''}).`,
        at,
      );
    tasks.push({ responseIdentifier, task: parsed.data, at });
  }
  return givePoints(tasks, declarations, problems);
}

/**
 * A task whose source gives it no points gets them here, once, so the grader (which scales the tests'
 * weights to a task's maxScore) and the item's maximum (what tests, results and reports add up) agree:
 * the item's declared maximum, shared by its tasks without points; else its listed tests' weights; else 1
 * (a teacher file's tests are only counted when it runs). Said as a warning, since the source left it open.
 */
function givePoints(
  found: Array<ItemCodeTask & { at: { line?: number; column?: number } }>,
  declarations: Declaration[],
  problems: ProblemList,
): ItemCodeTask[] {
  const unpointed = found.filter((t) => t.task.maxScore === undefined);
  const declared = declaredMaxScore({ declarations });
  const pointed = found.reduce((sum, t) => sum + (t.task.maxScore ?? 0), 0);
  const share =
    declared !== undefined && declared > pointed ? (declared - pointed) / unpointed.length : undefined;
  for (const { task, responseIdentifier, at } of unpointed) {
    const weights = task.testFile ? 0 : task.tests.reduce((sum, t) => sum + t.weight, 0);
    task.maxScore = share ?? (weights > 0 ? weights : 1);
    problems.warning(
      'code-task-points',
      `The code task answering ${responseIdentifier} gives no maxScore; it counts ${task.maxScore} point(s) (${share !== undefined ? "the item's declared maximum" : weights > 0 ? "its tests' weights" : 'one point, as its tests are in a test file'}).`,
      at,
    );
  }
  return found.map(({ responseIdentifier, task }) => ({ responseIdentifier, task }));
}
