/** Putting areas of a picture in order (graphicOrderInteraction). */
import type { InteractionModel } from './interaction-model.ts';
import { graphicElement, readGraphic } from './graphic-model.ts';

export const graphicOrderModel: InteractionModel = {
  kind: 'graphicOrder',
  element: 'graphicOrderInteraction',
  build(s) {
    return {
      nodes: [graphicElement('graphicOrderInteraction', s, 'hotspotChoice', {})],
      response: { cardinality: 'ordered', baseType: 'identifier', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    return { ...readGraphic(e, 'hotspotChoice'), correct: r.correct };
  },
};
