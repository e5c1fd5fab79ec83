/**
 * Builds the customInteraction of a code task from the task: the candidate-visible part as JSON
 * in `data-code-task`, the starter code in a `pre.starter-code` the candidate client shows, the
 * instructions as paragraphs, and the hidden tests in a server-only element of our namespace.
 */
import { CODE_TASK_TYPE, CodeTask, splitCodeTask, type CodeTaskInput } from '../model/code-task.ts';
import type { ContentElement, ContentNode } from '../model/content.ts';
import { CODE_TASK_ATTRIBUTE, HIDDEN_TESTS_ELEMENT } from '../qti/read-code-task.ts';

const html = (name: string, attributes: Record<string, string>, children: ContentNode[]): ContentElement => ({
  kind: 'element',
  name,
  ns: 'html',
  attributes,
  children,
});

/** The customInteraction element of a code task answering `responseIdentifier`. */
export function codeTaskInteraction(responseIdentifier: string, input: CodeTaskInput): ContentElement {
  const task = CodeTask.parse(input);
  const { visible, hidden } = splitCodeTask(task);
  const children: ContentNode[] = task.instructions
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => html('p', {}, [{ kind: 'text', text: p }]));
  children.push(html('pre', { class: 'starter-code' }, [{ kind: 'text', text: task.starterCode }]));
  children.push({
    kind: 'element',
    name: HIDDEN_TESTS_ELEMENT,
    ns: 'other',
    namespace: CODE_TASK_TYPE,
    attributes: { 'data-visibility': 'server' },
    children: [{ kind: 'text', text: JSON.stringify(hidden) }],
  });
  return {
    kind: 'element',
    name: 'customInteraction',
    ns: 'qti',
    attributes: {
      responseIdentifier,
      class: 'code-task',
      'data-language': task.language,
      [CODE_TASK_ATTRIBUTE]: JSON.stringify(visible),
    },
    children,
  };
}
