/** An essay (extendedTextInteraction): marked by a teacher, so no key; expected length in lines. */
import { qti } from '../editor-item.ts';
import { num, promptNodes, readPrompt, RESPONSE, type InteractionModel } from './interaction-model.ts';

export const extendedTextModel: InteractionModel = {
  kind: 'extendedText',
  element: 'extendedTextInteraction',
  build(s) {
    return {
      nodes: [
        qti(
          'extendedTextInteraction',
          { responseIdentifier: RESPONSE, expectedLines: String(s.expectedLines), format: 'plain' },
          promptNodes(s.prompt),
        ),
      ],
      response: { cardinality: 'single', baseType: 'string' },
      scoring: 'human',
    };
  },
  read(e) {
    return { prompt: readPrompt(e), expectedLines: num(e.attributes.expectedLines, 5) };
  },
};
