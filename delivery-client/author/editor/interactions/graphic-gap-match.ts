/** Placing labels on areas of a picture (graphicGapMatchInteraction): gapText labels, pairs "label area". */
import { qti, text } from '../editor-item.ts';
import { choiceAttributes, named, readChoice, type InteractionModel } from './interaction-model.ts';
import { graphicElement, readGraphic } from './graphic-model.ts';

export const graphicGapMatchModel: InteractionModel = {
  kind: 'graphicGapMatch',
  element: 'graphicGapMatchInteraction',
  build(s) {
    const labels = s.choices.map((c) => qti('gapText', choiceAttributes(c, false, true), [text(c.text)]));
    return {
      nodes: [graphicElement('graphicGapMatchInteraction', s, 'associableHotspot', {}, labels)],
      response: { cardinality: 'multiple', baseType: 'directedPair', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      ...readGraphic(e, 'associableHotspot'),
      choices: named(e, 'gapText').map(readChoice),
      correct: r.correct,
    };
  },
};
