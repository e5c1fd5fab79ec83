/**
 * The engine's candidate projection: the item bank's candidate-safe view of a stored item model
 * with media pointed at the engine's candidate media route (shared by every candidate, so cached),
 * then choices shuffled by the candidate's seed (honouring `fixed`) on each fetch.
 */
import {
  toCandidateItem,
  walkContent,
  type AssessmentItem,
  type CandidateItem,
} from '../../item-bank/index.ts';
import type { CandidateItemContext, CandidateProjection } from './candidate-items.ts';
import { shuffleChoices } from '../sittings/form.ts';

/**
 * A fetch's context with the sitting's choice-shuffle switch (FormSpec `shuffleChoices`): when it
 * is false, choices keep their authored order even where an interaction says shuffle="true".
 */
export interface ProjectionContext extends CandidateItemContext {
  shuffleChoices?: boolean;
}

function hasShuffledInteraction(item: CandidateItem): boolean {
  for (const element of walkContent([item.body])) if (element.attributes.shuffle === 'true') return true;
  return false;
}

export const projectForCandidate: CandidateProjection = {
  shared: (model, media) =>
    toCandidateItem(model as AssessmentItem, {
      mediaUrl: (href) => {
        const sha = media.get(href);
        return sha ? `/api/candidate/media/${sha}` : undefined;
      },
    }),

  forCandidate(shared, context) {
    const item = shared as CandidateItem;
    if ((context as ProjectionContext).shuffleChoices === false || !hasShuffledInteraction(item)) return item;
    // The item bank's projection run again over the already safe payload changes nothing but the
    // choice order: hidden parts are gone, media are already rewritten, and the shuffled
    // interactions, their groups and their choices' `fixed` are where they were in the model.
    const reordered = toCandidateItem({ ...item, declarations: [] } as unknown as AssessmentItem, {
      orderChoices: ({ responseIdentifier, group, choices }) =>
        shuffleChoices(choices, context.seed, `${context.itemRef}/${responseIdentifier}/${group}`),
    });
    return { ...reordered, responses: item.responses };
  },
};
