/**
 * validateResponses (itemSessionControl): the constraints an interaction states on its
 * response (minChoices / maxChoices, minStrings / maxStrings, patternMask) checked before an
 * attempt is accepted. Returns the first broken constraint, in words for the candidate.
 */
import { isInteraction, walkContent, type AssessmentItem } from '../../item-bank/index.ts';
import type { ItemResponses, ResponseValue } from '../protocol/candidate.ts';

const countOf = (v: ResponseValue | undefined): number => {
  if (v === null || v === undefined || v === '') return 0;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object') return Object.keys(v).length;
  return 1;
};

const numberAttr = (attributes: Record<string, string>, name: string) => {
  const raw = attributes[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
};

export interface ResponseProblem {
  responseIdentifier: string;
  message: string;
}

export function responseProblem(
  item: AssessmentItem,
  responses: ItemResponses | undefined,
): ResponseProblem | undefined {
  for (const el of walkContent([item.body])) {
    if (!isInteraction(el.name)) continue;
    const id = el.attributes.responseIdentifier;
    if (!id) continue;
    const value = responses?.[id];
    const count = countOf(value);
    const minChoices =
      numberAttr(el.attributes, 'minChoices') ?? numberAttr(el.attributes, 'minAssociations');
    const maxChoices =
      numberAttr(el.attributes, 'maxChoices') ?? numberAttr(el.attributes, 'maxAssociations');
    const minStrings = numberAttr(el.attributes, 'minStrings');
    if (minChoices !== undefined && minChoices > 0 && count < minChoices)
      return { responseIdentifier: id, message: `Choose at least ${minChoices}.` };
    if (maxChoices !== undefined && maxChoices > 0 && count > maxChoices)
      return { responseIdentifier: id, message: `Choose at most ${maxChoices}.` };
    if (minStrings !== undefined && minStrings > 0 && count < minStrings)
      return { responseIdentifier: id, message: `Give at least ${minStrings} answer(s).` };
    const mask = el.attributes.patternMask;
    if (mask && typeof value === 'string' && value !== '') {
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(`^(?:${mask})$`, 'u');
      } catch {
        pattern = undefined; // an author's broken pattern cannot hold the candidate back
      }
      if (pattern && !pattern.test(value))
        return { responseIdentifier: id, message: 'The answer is not in the expected form.' };
    }
  }
  return undefined;
}
