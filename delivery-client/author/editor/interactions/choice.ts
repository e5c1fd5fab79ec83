/** Single or multiple choice (choiceInteraction): choices, shuffle with fixed ones, max choices, the key. */
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

export const choiceModel: InteractionModel = {
  kind: 'choice',
  element: 'choiceInteraction',
  build(s) {
    const single = s.maxChoices === 1;
    return {
      nodes: [
        qti(
          'choiceInteraction',
          { responseIdentifier: RESPONSE, shuffle: String(s.shuffle), maxChoices: String(s.maxChoices) },
          [...promptNodes(s.prompt), ...choiceElements('simpleChoice', s.choices, s.shuffle, false, true)],
        ),
      ],
      response: {
        cardinality: single ? 'single' : 'multiple',
        baseType: 'identifier',
        correctResponse: s.correct,
      },
      scoring: 'match',
      choiceFeedback: s.choices.some((c) => c.feedback.trim()),
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      choices: named(e, 'simpleChoice').map(readChoice),
      shuffle: e.attributes.shuffle === 'true',
      maxChoices: num(e.attributes.maxChoices, 1),
      correct: r.correct,
    };
  },
};
