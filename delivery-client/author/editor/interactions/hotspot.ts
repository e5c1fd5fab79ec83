/** Choosing areas of a picture (hotspotInteraction): hotspots drawn on the picture, max choices, the key. */
import { num } from './interaction-model.ts';
import type { InteractionModel } from './interaction-model.ts';
import { graphicElement, readGraphic } from './graphic-model.ts';

export const hotspotModel: InteractionModel = {
  kind: 'hotspot',
  element: 'hotspotInteraction',
  build(s) {
    return {
      nodes: [graphicElement('hotspotInteraction', s, 'hotspotChoice', { maxChoices: String(s.maxChoices) })],
      response: {
        cardinality: s.maxChoices === 1 ? 'single' : 'multiple',
        baseType: 'identifier',
        correctResponse: s.correct,
      },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      ...readGraphic(e, 'hotspotChoice'),
      maxChoices: num(e.attributes.maxChoices, 1),
      correct: r.correct,
    };
  },
};
