/**
 * The marking guidance an item carries for its scorers: the text of every `rubricBlock` whose
 * `view` includes `scorer` (QTI 2.x `view="scorer"`, 3.0 `qti-rubric-block view="scorer"`), with a
 * line break after each block and paragraph. Server side only: the candidate projection drops
 * these blocks.
 */
import type { ContentNode } from './content.ts';
import type { AssessmentItem } from './item.ts';

const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function textOf(nodes: ContentNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text.replace(/\s+/g, ' ');
    else if (n.name === 'br') out += '\n';
    else {
      out += textOf(n.children);
      if (BLOCKS.has(n.name)) out += '\n';
    }
  }
  return out;
}

function scorerBlocks(nodes: ContentNode[], out: ContentNode[][] = []): ContentNode[][] {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    if (n.name === 'rubricBlock') {
      if ((n.attributes.view ?? '').split(/\s+/).includes('scorer')) out.push(n.children);
    } else scorerBlocks(n.children, out);
  }
  return out;
}

/** The scorer rubric of an item as plain text (lines trimmed, empty ones dropped), or null when it has none. */
export function scorerRubricText(item: Pick<AssessmentItem, 'body'>): string | null {
  const text = scorerBlocks(item.body?.children ?? [])
    .map((block) => textOf(block))
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  return text || null;
}
