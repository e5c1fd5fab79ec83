/** The standard response processing templates, as rules over the item's declarations. */
import type { ProcessingNode, StandardTemplate } from '../../item-bank/index.ts';

const at = { line: 0, column: 0 };
const n = (
  name: string,
  attributes: Record<string, string> = {},
  children: ProcessingNode[] = [],
  text?: string,
): ProcessingNode => ({
  name,
  attributes,
  children,
  ...(text !== undefined ? { text } : {}),
  location: at,
});
const setScore = (expr: ProcessingNode) => n('setOutcomeValue', { identifier: 'SCORE' }, [expr]);
const zero = n('baseValue', { baseType: 'float' }, [], '0');

/** The standard templates, and match_nothing (full marks for no answer) that some players accept. */
export type TemplateName = StandardTemplate | 'match_nothing';

/** The rules each template stands for (QTI 2.x/3.0 template definitions). */
export function templateRules(template: TemplateName): ProcessingNode[] {
  const response = n('variable', { identifier: 'RESPONSE' });
  switch (template) {
    case 'match_correct':
      return [
        n('responseCondition', {}, [
          n('responseIf', {}, [
            n('match', {}, [response, n('correct', { identifier: 'RESPONSE' })]),
            setScore(n('baseValue', { baseType: 'float' }, [], '1')),
          ]),
          n('responseElse', {}, [setScore(zero)]),
        ]),
      ];
    case 'map_response':
      return [
        n('responseCondition', {}, [
          n('responseIf', {}, [n('isNull', {}, [response]), setScore(zero)]),
          n('responseElse', {}, [setScore(n('mapResponse', { identifier: 'RESPONSE' }))]),
        ]),
      ];
    case 'match_nothing':
      return [
        n('responseCondition', {}, [
          n('responseIf', {}, [
            n('isNull', {}, [response]),
            setScore(n('baseValue', { baseType: 'float' }, [], '1')),
          ]),
          n('responseElse', {}, [setScore(zero)]),
        ]),
      ];
    case 'map_response_point':
      return [
        n('responseCondition', {}, [
          n('responseIf', {}, [n('isNull', {}, [response]), setScore(zero)]),
          n('responseElse', {}, [setScore(n('mapResponsePoint', { identifier: 'RESPONSE' }))]),
        ]),
      ];
  }
}
