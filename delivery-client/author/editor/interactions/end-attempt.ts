/**
 * A button that ends the attempt (endAttemptInteraction), for example to ask for a hint: its title,
 * a boolean response, and no score.
 */
import { html, qti } from '../editor-item.ts';
import { RESPONSE, type InteractionModel } from './interaction-model.ts';

export const endAttemptModel: InteractionModel = {
  kind: 'endAttempt',
  element: 'endAttemptInteraction',
  build(s) {
    return {
      // An inline interaction: QTI wants it inside a block.
      nodes: [
        html('p', {}, [
          qti('endAttemptInteraction', { responseIdentifier: RESPONSE, title: s.buttonTitle.trim() }, []),
        ]),
      ],
      response: { cardinality: 'single', baseType: 'boolean' },
      scoring: 'none',
    };
  },
  read(e) {
    return { buttonTitle: e.attributes.title ?? '' };
  },
};
