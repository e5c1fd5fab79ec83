/**
 * An item body as the schemas take it: only blocks directly inside (inline runs wrapped in a
 * div), rubric blocks raised out of the divs they sit in.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import { makeElement } from './make-element.ts';
import type { ContentWriteOptions } from './write-content.ts';

/** What an item body may hold directly (both versions): blocks; anything else is inline content. */
const BODY_BLOCKS = new Set([
  ...['rubricBlock', 'positionObjectStage', 'customInteraction', 'portableCustomInteraction'],
  ...['drawingInteraction', 'gapMatchInteraction', 'matchInteraction', 'graphicGapMatchInteraction'],
  ...[
    'hotspotInteraction',
    'graphicOrderInteraction',
    'selectPointInteraction',
    'graphicAssociateInteraction',
  ],
  ...['sliderInteraction', 'choiceInteraction', 'mediaInteraction', 'hottextInteraction', 'orderInteraction'],
  ...[
    'extendedTextInteraction',
    'uploadInteraction',
    'associateInteraction',
    'feedbackBlock',
    'templateBlock',
  ],
  ...[
    'infoControl',
    'math',
    'include',
    'pre',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'address',
    'dl',
    'ol',
  ],
  ...['ul', 'hr', 'blockquote', 'table', 'div', 'article', 'aside', 'audio', 'figure', 'footer', 'header'],
  ...['nav', 'section', 'video', 'catalogInfo', 'stylesheet'],
]);

export const isInline = (n: ContentNode) =>
  n.kind === 'text' ? n.text.trim() !== '' : n.ns !== 'other' && !BODY_BLOCKS.has(n.name);

/**
 * An item body's inline content (text, an inline interaction, an image) in a `div`: the schemas
 * take only blocks there. A run of inline nodes (with the white space inside it) becomes one div,
 * which shows the same.
 */
export function blocksOnly(children: ContentNode[], options: ContentWriteOptions): ContentNode[] {
  const out: ContentNode[] = [];
  let run: ContentNode[] = [];
  let pending: ContentNode[] = [];
  const flush = () => {
    if (run.length) {
      const first = run.find((n) => n.kind === 'element');
      options.onAdjust?.(
        `Inline content directly in the item body${first?.kind === 'element' ? ` (${first.name})` : ''} wrapped in a <div> (the schema takes only blocks there).`,
      );
      out.push(makeElement('div', 'html', {}, run));
    }
    out.push(...pending);
    run = [];
    pending = [];
  };
  for (const child of children) {
    if (isInline(child)) {
      run.push(...pending, child);
      pending = [];
    } else if (child.kind === 'text' && run.length) pending.push(child);
    else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

const isRubric = (n: ContentNode): n is ContentElement =>
  n.kind === 'element' && n.ns === 'qti' && n.name === 'rubricBlock';

/**
 * A rubricBlock inside a div of the item body raised to the body (the only place the schemas
 * take it in an item): the div is split around it, each part keeping the div's attributes (the
 * id on the first only), so the content shows in the same order.
 */
export function rubricsRaised(
  child: ContentNode,
  options: ContentWriteOptions,
  told = { note: false },
): ContentNode[] {
  if (child.kind !== 'element' || child.ns !== 'html' || child.name !== 'div') return [child];
  // A div nested in this one gives up its rubric blocks first, so they reach this level.
  const children = child.children.flatMap((n) => rubricsRaised(n, options, told));
  if (!children.some(isRubric)) return [child];
  if (!told.note)
    options.onAdjust?.(
      'A rubricBlock inside a <div> of the item body raised to the body, the div split around it (the schemas take rubric blocks only directly in the body).',
    );
  told.note = true;
  const out: ContentNode[] = [];
  let part: ContentNode[] = [];
  const { id: _id, ...rest } = child.attributes;
  const flush = () => {
    if (part.some((n) => n.kind === 'element' || n.text.trim()))
      out.push(makeElement('div', 'html', out.length ? rest : child.attributes, part));
    part = [];
  };
  for (const n of children)
    if (isRubric(n)) {
      flush();
      out.push(n);
    } else part.push(n);
  flush();
  return out;
}
