/** Putting choices in order (orderInteraction): the key is the right order of all choices. */
import { qti } from '../editor-item.ts';
import {
  choiceElements,
  named,
  promptNodes,
  readChoice,
  readPrompt,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';

export const orderModel: InteractionModel = {
  kind: 'order',
  element: 'orderInteraction',
  build(s) {
    return {
      nodes: [
        qti('orderInteraction', { responseIdentifier: RESPONSE, shuffle: String(s.shuffle) }, [
          ...promptNodes(s.prompt),
          ...choiceElements('simpleChoice', s.choices, s.shuffle),
        ]),
      ],
      response: { cardinality: 'ordered', baseType: 'identifier', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      choices: named(e, 'simpleChoice').map(readChoice),
      shuffle: e.attributes.shuffle === 'true',
      correct: r.correct,
    };
  },
};
