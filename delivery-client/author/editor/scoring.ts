/**
 * Response processing for the editor's items: the standard templates when they say it all
 * (match_correct for one point, map_response, map_response_point), otherwise the same logic as
 * rules with the item's points, plus a rule setting FEEDBACK when feedback was written.
 */
import type { AuthoringProcessingNode } from '../../../item-bank/client.ts';
import type { ScoringKind } from './interactions/interaction-model.ts';

const node = (
  name: string,
  attributes: Record<string, string> = {},
  children: AuthoringProcessingNode[] = [],
  text?: string,
): AuthoringProcessingNode => ({
  name,
  attributes,
  children,
  // The parser reads a leaf's text ('' when empty), so a rebuilt item equals the parsed one.
  ...(children.length === 0 ? { text: text ?? '' } : text !== undefined ? { text } : {}),
});
const set = (identifier: string, value: AuthoringProcessingNode) =>
  node('setOutcomeValue', { identifier }, [value]);
const float = (n: number) => node('baseValue', { baseType: 'float' }, [], String(n));
const variable = (identifier: string) => node('variable', { identifier });

export type ResponseProcessing =
  | { template: 'match_correct' | 'map_response' | 'map_response_point' }
  | { rules: AuthoringProcessingNode[] };

const TEMPLATE = { match: 'match_correct', map: 'map_response', point: 'map_response_point' } as const;

export function responseProcessing(
  scoring: ScoringKind,
  points: number,
  feedback: boolean,
  choiceFeedback = false,
): ResponseProcessing | undefined {
  if (scoring === 'human' || scoring === 'code' || scoring === 'none') return undefined;
  if (scoring !== 'atLeast' && !feedback && !choiceFeedback && (scoring !== 'match' || points === 1))
    return { template: TEMPLATE[scoring] };
  // Inline choice feedback is keyed on the chosen identifiers themselves.
  const choiceRule = choiceFeedback ? [set('CHOICE_FEEDBACK', variable('RESPONSE'))] : [];
  const score =
    scoring === 'match' || scoring === 'atLeast'
      ? node('responseCondition', {}, [
          node('responseIf', {}, [
            node(scoring === 'match' ? 'match' : 'gte', {}, [
              variable('RESPONSE'),
              node('correct', { identifier: 'RESPONSE' }),
            ]),
            set('SCORE', float(points)),
          ]),
          node('responseElse', {}, [set('SCORE', float(0))]),
        ])
      : node('responseCondition', {}, [
          node('responseIf', {}, [node('isNull', {}, [variable('RESPONSE')]), set('SCORE', float(0))]),
          node('responseElse', {}, [
            set(
              'SCORE',
              node(scoring === 'map' ? 'mapResponse' : 'mapResponsePoint', { identifier: 'RESPONSE' }),
            ),
          ]),
        ]);
  if (!feedback) return { rules: [score, ...choiceRule] };
  const identifier = (v: string) => node('baseValue', { baseType: 'identifier' }, [], v);
  return {
    rules: [
      score,
      node('responseCondition', {}, [
        node('responseIf', {}, [
          node('gte', {}, [variable('SCORE'), float(points)]),
          set('FEEDBACK', identifier('CORRECT')),
        ]),
        node('responseElse', {}, [set('FEEDBACK', identifier('INCORRECT'))]),
      ]),
      ...choiceRule,
    ],
  };
}
