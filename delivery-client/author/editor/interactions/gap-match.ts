/**
 * Dragging words into gaps (gapMatchInteraction): the passage marks each gap with `[gap]`; the
 * gaps become G1, G2...; the key pairs a word with a gap ("W G1").
 */
import type { AuthoringContentElement, AuthoringContentNode } from '../../../../item-bank/client.ts';
import { html, qti, text } from '../editor-item.ts';
import {
  choiceElements,
  elements,
  named,
  promptNodes,
  readChoice,
  readPrompt,
  RESPONSE,
  type InteractionModel,
} from './interaction-model.ts';

export const GAP_MARK = '[gap]';

export function gapPassage(passage: string): AuthoringContentNode[] {
  let n = 0;
  return passage
    .split('\n')
    .filter((line) => line.trim())
    .map((line) =>
      html(
        'p',
        {},
        line
          .split(GAP_MARK)
          .flatMap((part, i) => [
            ...(i > 0 ? [qti('gap', { identifier: `G${++n}` })] : []),
            ...(part ? [text(part)] : []),
          ]),
      ),
    );
}

const passageOf = (nodes: AuthoringContentNode[]): string =>
  nodes
    .map((n) => (n.kind === 'text' ? n.text : n.name === 'gap' ? GAP_MARK : passageOf(n.children)))
    .join('');

export const gapMatchModel: InteractionModel = {
  kind: 'gapMatch',
  element: 'gapMatchInteraction',
  build(s) {
    return {
      nodes: [
        qti('gapMatchInteraction', { responseIdentifier: RESPONSE, shuffle: String(s.shuffle) }, [
          ...promptNodes(s.prompt),
          ...choiceElements('gapText', s.choices, s.shuffle, true),
          ...gapPassage(s.text),
        ]),
      ],
      response: { cardinality: 'multiple', baseType: 'directedPair', correctResponse: s.correct },
      scoring: 'match',
    };
  },
  read(e, r) {
    const blocks = elements(e.children).filter((c: AuthoringContentElement) => c.ns === 'html');
    return {
      prompt: readPrompt(e),
      choices: named(e, 'gapText').map(readChoice),
      text: blocks.map((b) => passageOf(b.children)).join('\n'),
      shuffle: e.attributes.shuffle === 'true',
      correct: r.correct,
    };
  },
};
