/** Drawing on a picture (drawingInteraction): marked by a teacher. */
import { qti } from '../editor-item.ts';
import {
  firstObject,
  pictureObject,
  promptNodes,
  readPicture,
  readPrompt,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';

export const drawingModel: InteractionModel = {
  kind: 'drawing',
  element: 'drawingInteraction',
  build(s) {
    return {
      nodes: [
        qti('drawingInteraction', { responseIdentifier: RESPONSE }, [
          ...promptNodes(s.prompt),
          pictureObject(s.picture),
        ]),
      ],
      response: { cardinality: 'single', baseType: 'file' },
      scoring: 'human',
    };
  },
  read(e) {
    return { prompt: readPrompt(e), picture: readPicture(firstObject(e)) };
  },
};
