/**
 * The order in which a candidate saw each choice interaction's options: the candidate page letters
 * them A, B, C... by that order, so anything quoting a candidate's answer as letters (the score
 * report) must use the same order, not the item's authored one.
 */
import { walkContent, type AssessmentItem, type CandidateItem } from '../../item-bank/index.ts';
import { projectForCandidate } from './project-for-candidate.ts';

/** responseIdentifier -> the choice identifiers of that choice interaction, as shown to this candidate. */
export function displayedChoiceOrder(
  model: AssessmentItem,
  context: { seed: number; itemRef: string; shuffleChoices?: boolean },
): Map<string, string[]> {
  const shared = projectForCandidate.shared(model, new Map());
  const shown = (projectForCandidate.forCandidate?.(shared, context) ?? shared) as CandidateItem;
  const order = new Map<string, string[]>();
  for (const element of walkContent([shown.body])) {
    const responseIdentifier = element.attributes.responseIdentifier;
    if (element.name !== 'choiceInteraction' || !responseIdentifier) continue;
    order.set(
      responseIdentifier,
      element.children.flatMap((child) =>
        child.kind === 'element' && child.name === 'simpleChoice' && child.attributes.identifier
          ? [child.attributes.identifier]
          : [],
      ),
    );
  }
  return order;
}
