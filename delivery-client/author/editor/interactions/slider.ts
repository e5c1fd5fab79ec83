/** A number on a slider (sliderInteraction): bounds, step, and the right value. */
import { qti } from '../editor-item.ts';
import { num, promptNodes, readPrompt, RESPONSE, type InteractionModel } from './interaction-model.ts';

export const sliderModel: InteractionModel = {
  kind: 'slider',
  element: 'sliderInteraction',
  build(s) {
    return {
      nodes: [
        qti(
          'sliderInteraction',
          {
            responseIdentifier: RESPONSE,
            lowerBound: String(s.lower),
            upperBound: String(s.upper),
            step: String(s.step),
          },
          promptNodes(s.prompt),
        ),
      ],
      response: {
        cardinality: 'single',
        baseType: s.baseType === 'float' ? 'float' : 'integer',
        correctResponse: s.correct.slice(0, 1),
      },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      lower: num(e.attributes.lowerBound, 0),
      upper: num(e.attributes.upperBound, 10),
      step: num(e.attributes.step, 1),
      baseType: r.baseType === 'float' ? 'float' : 'integer',
      correct: r.correct,
    };
  },
};
