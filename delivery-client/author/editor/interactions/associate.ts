/** Associating choices of one set in pairs (associateInteraction): unordered pairs "A B". */
import { qti } from '../editor-item.ts';
import {
  choiceElements,
  named,
  num,
  promptNodes,
  readChoice,
  readPrompt,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';

export const associateModel: InteractionModel = {
  kind: 'associate',
  element: 'associateInteraction',
  build(s) {
    return {
      nodes: [
        qti(
          'associateInteraction',
          { responseIdentifier: RESPONSE, shuffle: String(s.shuffle), maxAssociations: String(s.maxChoices) },
          [...promptNodes(s.prompt), ...choiceElements('simpleAssociableChoice', s.choices, s.shuffle, true)],
        ),
      ],
      response: { cardinality: 'multiple', baseType: 'pair', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      choices: named(e, 'simpleAssociableChoice').map(readChoice),
      shuffle: e.attributes.shuffle === 'true',
      maxChoices: num(e.attributes.maxAssociations, 0),
      correct: r.correct,
    };
  },
};
