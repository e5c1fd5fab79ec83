/** A drop-down inside a sentence (inlineChoiceInteraction): "Trái Đất ___ quanh Mặt Trời." */
import { qti } from '../editor-item.ts';
import {
  choiceElements,
  named,
  readChoice,
  readSentence,
  RESPONSE,
  sentenceAround,
  type InteractionModel,
} from './interaction-model.ts';

export const inlineChoiceModel: InteractionModel = {
  kind: 'inlineChoice',
  element: 'inlineChoiceInteraction',
  build(s) {
    const control = qti(
      'inlineChoiceInteraction',
      { responseIdentifier: RESPONSE, shuffle: String(s.shuffle) },
      choiceElements('inlineChoice', s.choices, s.shuffle),
    );
    return {
      nodes: sentenceAround(s.text, control),
      response: { cardinality: 'single', baseType: 'identifier', correctResponse: s.correct.slice(0, 1) },
      scoring: 'match',
    };
  },
  read(e, r, body) {
    return {
      text: readSentence(body, e),
      choices: named(e, 'inlineChoice').map(readChoice),
      shuffle: e.attributes.shuffle === 'true',
      correct: r.correct,
    };
  },
};
