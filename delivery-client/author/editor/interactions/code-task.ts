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
import { elements, RESPONSE, textIn, type InteractionModel } from './interaction-model.ts';

export const codeTaskModel: InteractionModel = {
  kind: 'codeTask',
  element: 'customInteraction',
  build(s) {
    const c = s.code;
    const element = codeTaskInteraction(RESPONSE, {
      language: c.language,
      instructions: c.instructions,
      starterCode: c.starterCode,
      ...(c.entry.trim() ? { entry: c.entry.trim() } : {}),
      tests: JSON.parse(c.testsJson || '[]') as never,
    }) as AuthoringContentElement;
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
