/**
 * Placing an object on a picture (positionObjectStage with a positionObjectInteraction), scored
 * by an area mapping (map_response_point) over areas drawn on the stage picture.
 */
import { qti } from '../editor-item.ts';
import type { Area } from '../editor-item.ts';
import {
  firstObject,
  num,
  parentOf,
  pictureObject,
  readPicture,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';
import { centreOf } from './graphic-model.ts';

export const positionObjectModel: InteractionModel = {
  kind: 'positionObject',
  element: 'positionObjectInteraction',
  build(s) {
    const thing = s.object ?? { href: '', contentType: 'image/png', width: 40, height: 40, alt: '' };
    return {
      nodes: [
        qti('positionObjectStage', {}, [
          pictureObject(s.picture),
          qti(
            'positionObjectInteraction',
            { responseIdentifier: RESPONSE, maxChoices: String(s.maxChoices) },
            [pictureObject(thing)],
          ),
        ]),
      ],
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
  read(e, r, body) {
    const stage = parentOf(body, e);
    return {
      picture: stage ? readPicture(firstObject(stage)) : undefined,
      object: readPicture(firstObject(e)),
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
