/** A file the candidate uploads (uploadInteraction): marked by a teacher; an optional file type. */
import { qti } from '../editor-item.ts';
import { promptNodes, readPrompt, RESPONSE, type InteractionModel } from './interaction-model.ts';

export const uploadModel: InteractionModel = {
  kind: 'upload',
  element: 'uploadInteraction',
  build(s) {
    return {
      nodes: [
        qti(
          'uploadInteraction',
          { responseIdentifier: RESPONSE, ...(s.fileType.trim() ? { type: s.fileType.trim() } : {}) },
          promptNodes(s.prompt),
        ),
      ],
      response: { cardinality: 'single', baseType: 'file' },
      scoring: 'human',
    };
  },
  read(e) {
    return { prompt: readPrompt(e), fileType: e.attributes.type ?? '' };
  },
};
