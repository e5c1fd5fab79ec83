/**
 * The engine's candidate projection: the item bank's candidate-safe view of a stored item
 * model, with choices shuffled by the candidate's seed (honouring `fixed`) and media pointed at
 * the engine's candidate media route.
 */
import { toCandidateItem, type AssessmentItem } from '../../item-bank/index.ts';
import type { CandidateProjection } from './candidate-items.ts';
import { shuffleChoices } from './form.ts';

export const projectForCandidate: CandidateProjection = (model, context) =>
  toCandidateItem(model as AssessmentItem, {
    orderChoices: ({ responseIdentifier, group, choices }) =>
      shuffleChoices(choices, context.seed, `${context.itemRef}/${responseIdentifier}/${group}`),
    mediaUrl: (href) => {
      const sha = context.media?.get(href);
      return sha ? `/api/candidate/media/${sha}` : undefined;
    },
  });
