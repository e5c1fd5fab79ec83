/**
 * Clicking points on a picture (selectPointInteraction), scored by an area mapping
 * (map_response_point): each scored area drawn on the picture gives its score once.
 */
import { num, type InteractionModel } from './interaction-model.ts';
import { centreOf, graphicElement } from './graphic-model.ts';
import { firstObject, readPicture, readPrompt } from './interaction-model.ts';
import type { Area } from '../editor-item.ts';

export const selectPointModel: InteractionModel = {
  kind: 'selectPoint',
  element: 'selectPointInteraction',
  build(s) {
    // The areas are the key, not hotspots a candidate sees: only the picture goes into the body.
    const element = graphicElement('selectPointInteraction', { ...s, areas: [] }, 'none', {
      maxChoices: String(s.maxChoices),
      ...(s.maxChoices !== 1 ? { minChoices: '0' } : {}),
    });
    return {
      nodes: [element],
      response: {
        cardinality: s.maxChoices === 1 ? 'single' : 'multiple',
        baseType: 'point',
        ...(s.areas[0] ? { correctResponse: [centreOf(s.areas[0].shape, s.areas[0].coords)] } : {}),
        areaMapping: {
          defaultValue: 0,
          entries: s.areas.map((a) => ({ shape: a.shape, coords: a.coords, mappedValue: a.score })),
        },
      },
      scoring: 'point',
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      picture: readPicture(firstObject(e)),
      maxChoices: num(e.attributes.maxChoices, 1),
      areas: (r.areaMapping ?? []).map((m, i): Area => ({
        id: `AREA${i + 1}`,
        label: '',
        shape: m.shape as Area['shape'],
        coords: m.coords,
        score: m.mappedValue,
        matchMax: 1,
      })),
    };
  },
};
