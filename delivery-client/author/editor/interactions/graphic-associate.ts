/** Linking areas of a picture in pairs (graphicAssociateInteraction): unordered pairs "S1 S2". */
import { num, type InteractionModel } from './interaction-model.ts';
import { graphicElement, readGraphic } from './graphic-model.ts';

export const graphicAssociateModel: InteractionModel = {
  kind: 'graphicAssociate',
  element: 'graphicAssociateInteraction',
  build(s) {
    return {
      nodes: [
        graphicElement('graphicAssociateInteraction', s, 'associableHotspot', {
          maxAssociations: String(s.maxChoices),
        }),
      ],
      response: { cardinality: 'multiple', baseType: 'pair', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      ...readGraphic(e, 'associableHotspot'),
      maxChoices: num(e.attributes.maxAssociations, 0),
      correct: r.correct,
    };
  },
};
