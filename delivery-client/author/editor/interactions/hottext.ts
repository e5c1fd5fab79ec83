/** Choosing words in a passage (hottextInteraction): `[word]` marks each choosable word, H1, H2... */
import type { AuthoringContentNode } from '../../../../item-bank/client.ts';
import { html, qti, text } from '../editor-item.ts';
import {
  elements,
  num,
  promptNodes,
  readPrompt,
  RESPONSE,
  textIn,
  type InteractionModel,
} from './interaction-model.ts';

const MARKED = /\[([^\]]+)\]/g;

/** The hottext identifiers of a passage, in order. */
export const hottextIds = (passage: string) => [...passage.matchAll(MARKED)].map((_, i) => `H${i + 1}`);

function passageNodes(passage: string): AuthoringContentNode[] {
  let n = 0;
  return passage
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const children: AuthoringContentNode[] = [];
      let last = 0;
      for (const m of line.matchAll(MARKED)) {
        if (m.index > last) children.push(text(line.slice(last, m.index)));
        children.push(qti('hottext', { identifier: `H${++n}` }, [text(m[1]!)]));
        last = m.index + m[0].length;
      }
      if (last < line.length) children.push(text(line.slice(last)));
      return html('p', {}, children);
    });
}
const passageOf = (nodes: AuthoringContentNode[]): string =>
  nodes
    .map((n) =>
      n.kind === 'text' ? n.text : n.name === 'hottext' ? `[${textIn(n.children)}]` : passageOf(n.children),
    )
    .join('');

export const hottextModel: InteractionModel = {
  kind: 'hottext',
  element: 'hottextInteraction',
  build(s) {
    return {
      nodes: [
        qti('hottextInteraction', { responseIdentifier: RESPONSE, maxChoices: String(s.maxChoices) }, [
          ...promptNodes(s.prompt),
          ...passageNodes(s.text),
        ]),
      ],
      response: {
        cardinality: s.maxChoices === 1 ? 'single' : 'multiple',
        baseType: 'identifier',
        correctResponse: s.correct,
      },
      scoring: 'match',
    };
  },
  read(e, r) {
    return {
      prompt: readPrompt(e),
      text: elements(e.children)
        .filter((c) => c.ns === 'html')
        .map((p) => passageOf(p.children))
        .join('\n'),
      maxChoices: num(e.attributes.maxChoices, 0),
      correct: r.correct,
    };
  },
};
