/**
 * A programming task (the code task's customInteraction, built by the Item bank's
 * codeTaskInteraction): instructions, starter code, tests as JSON; scored in the code sandbox.
 */
import {
  CODE_TASK_ATTRIBUTE,
  HIDDEN_TESTS_ELEMENT,
  codeTaskInteraction,
  type AuthoringContentElement,
} from '../../../../item-bank/client.ts';
import { BuildProblem } from '../build-problem.ts';
import { elements, RESPONSE, textIn, type InteractionModel } from './interaction-model.ts';

/** "tests.1.expected" as "bài 2 (expected)": the place in the tests list a teacher can find. */
function describePath(path: PropertyKey[]): string {
  if (path[0] !== 'tests' || typeof path[1] !== 'number') return path.map(String).join('.');
  const rest = path.slice(2).map(String).join('.');
  return `#${path[1] + 1}${rest ? ` (${rest})` : ''}`;
}

/**
 * The tests typed as JSON, checked for what teachers commonly miss, each refused with a key the
 * preview shows in the page's language: not JSON, no test at all, a function test without a function.
 */
function testsOf(json: string, entry: string): unknown[] {
  let tests: unknown;
  try {
    tests = JSON.parse(json.trim() || '[]');
  } catch (error) {
    throw new BuildProblem('ie.code.badTests', { message: (error as Error).message });
  }
  if (!Array.isArray(tests)) throw new BuildProblem('ie.code.testsNotList');
  if (tests.length === 0) throw new BuildProblem('ie.code.noTests');
  const names = new Set<string>();
  tests.forEach((test, i) => {
    const t = (test ?? {}) as { name?: unknown; kind?: unknown; function?: unknown };
    const name = typeof t.name === 'string' && t.name.trim() ? t.name : `#${i + 1}`;
    if (names.has(name)) throw new BuildProblem('ie.code.duplicateTest', { name });
    names.add(name);
    if (t.kind === 'function' && !t.function && !entry) throw new BuildProblem('ie.code.noEntry', { name });
  });
  return tests;
}

export const codeTaskModel: InteractionModel = {
  kind: 'codeTask',
  element: 'customInteraction',
  build(s, { points }) {
    const c = s.code;
    const entry = c.entry.trim();
    const tests = testsOf(c.testsJson, entry);
    let element: AuthoringContentElement;
    try {
      element = codeTaskInteraction(RESPONSE, {
        language: c.language,
        instructions: c.instructions,
        starterCode: c.starterCode,
        ...(entry ? { entry } : {}),
        tests: tests as never,
        // One maximum for the item: the grader scales the tests' weights to the editor's points,
        // which are also what a stored test and the results count for the item.
        maxScore: points,
      }) as AuthoringContentElement;
    } catch (error) {
      const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
      if (!issues) throw error;
      throw new BuildProblem('ie.code.invalidTests', {
        details: issues.map((i) => [describePath(i.path), i.message].filter(Boolean).join(': ')).join('; '),
      });
    }
    return { nodes: [element], response: { cardinality: 'single', baseType: 'string' }, scoring: 'code' };
  },
  read(e) {
    const visible = JSON.parse(e.attributes[CODE_TASK_ATTRIBUTE] ?? '{}') as {
      language?: 'python' | 'javascript';
      instructions?: string;
      starterCode?: string;
      entry?: string;
      tests?: unknown[];
    };
    const hiddenElement = elements(e.children).find((c) => c.name === HIDDEN_TESTS_ELEMENT);
    const hidden = hiddenElement
      ? (JSON.parse(textIn(hiddenElement.children) || '{}') as { tests?: unknown[] })
      : {};
    return {
      code: {
        language: visible.language ?? 'python',
        instructions: visible.instructions ?? '',
        starterCode: visible.starterCode ?? '',
        entry: visible.entry ?? '',
        testsJson: JSON.stringify([...(visible.tests ?? []), ...(hidden.tests ?? [])], null, 2),
      },
    };
  },
};
