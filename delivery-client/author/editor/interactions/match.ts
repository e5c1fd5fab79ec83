/** Matching two sets (matchInteraction): directed pairs "source target", how often each may be used. */
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

export const matchModel: InteractionModel = {
  kind: 'match',
  element: 'matchInteraction',
  build(s) {
    return {
      nodes: [
        qti(
          'matchInteraction',
          { responseIdentifier: RESPONSE, shuffle: String(s.shuffle), maxAssociations: String(s.maxChoices) },
          [
            ...promptNodes(s.prompt),
            qti('simpleMatchSet', {}, choiceElements('simpleAssociableChoice', s.choices, s.shuffle, true)),
            qti('simpleMatchSet', {}, choiceElements('simpleAssociableChoice', s.targets, s.shuffle, true)),
          ],
        ),
      ],
      response: { cardinality: 'multiple', baseType: 'directedPair', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    const [first, second] = named(e, 'simpleMatchSet');
    return {
      prompt: readPrompt(e),
      choices: first ? named(first, 'simpleAssociableChoice').map(readChoice) : [],
      targets: second ? named(second, 'simpleAssociableChoice').map(readChoice) : [],
      shuffle: e.attributes.shuffle === 'true',
      maxChoices: num(e.attributes.maxAssociations, 0),
      correct: r.correct,
    };
  },
};
