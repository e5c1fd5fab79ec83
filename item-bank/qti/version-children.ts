/**
 * The children of a content element as the target version takes them: empty elements emptied,
 * a PCI's children in QTI 3.0's order, template blocks of tests resolved, and for QTI 2.2
 * catalogs dropped, PCIs wrapped in customInteraction, pictures and graphic images rewritten,
 * figcaption blocks as spans and MathML semantics without annotation as mrow.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import { imageAsObject, GRAPHIC_CONTAINERS } from './graphic-images.ts';
import { makeElement } from './make-element.ts';
import { pciAsCustomInteraction } from './pci-as-custom-interaction.ts';
import type { ContentWriteOptions } from './write-content.ts';

/** The order QTI 3.0 wants a PCI's children in (the prompt first); what has no place there is left out. */
const PCI_ORDER_3_0 = [
  'prompt',
  'interactionModules',
  'interactionMarkup',
  'templateVariable',
  'contextVariable',
];

const isTemplateBlock = (n: ContentNode): n is ContentElement =>
  n.kind === 'element' && n.ns === 'qti' && n.name === 'templateBlock';

/**
 * A templateBlock in a test (QTI 3.0 has no place for one there). A test has no template
 * variables, so its block never matches: showHide="show" is never shown (left out), "hide" is
 * always shown (its content written in its place). Either way what the candidate sees is the same.
 */
function testTemplateBlock(block: ContentElement, options: ContentWriteOptions): ContentNode[] {
  const shown = block.attributes.showHide === 'hide';
  options.onAdjust?.(
    `A templateBlock (${block.attributes.templateIdentifier ?? ''}) in a test ${shown ? 'written as its content, which is always shown' : 'left out: it is never shown'} (a test has no template variables; QTI 3.0 has no templateBlock there).`,
  );
  return shown ? block.children : [];
}

/** XHTML blocks that QTI 2.2's figcaption (inline content only) cannot hold. */
const HTML_BLOCKS = new Set(['div', 'p', 'blockquote', 'pre', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isBlockHtml = (n: ContentNode) => n.kind === 'element' && n.ns === 'html' && HTML_BLOCKS.has(n.name);

/** Blocks in a figcaption as spans (same attributes, same text, same order): QTI 2.2 takes only inline content there. */
function inlineOnly(nodes: ContentNode[], options: ContentWriteOptions): ContentNode[] {
  return nodes.map((n) => {
    if (n.kind !== 'element') return n;
    if (!isBlockHtml(n)) return { ...n, children: inlineOnly(n.children, options) };
    options.onAdjust?.(
      `<${n.name}> in a <figcaption> written as a <span> (QTI 2.2 takes only inline content there).`,
    );
    return makeElement('span', 'html', n.attributes, inlineOnly(n.children, options));
  });
}

/** Elements of empty content in both schemas: anything inside them has no place (and no meaning). */
const EMPTY_ELEMENTS = new Set(['textEntryInteraction', 'endAttemptInteraction', 'printedVariable']);

export function versionChildren(parent: ContentElement, options: ContentWriteOptions): ContentNode[] {
  if (parent.ns === 'qti' && EMPTY_ELEMENTS.has(parent.name)) {
    if (parent.children.some((c) => c.kind === 'element' || c.text.trim()))
      options.onAdjust?.(`The content of a ${parent.name} left out (the element is empty by the schema).`);
    return [];
  }
  if (options.version === '3.0' && parent.ns === 'qti' && parent.name === 'portableCustomInteraction') {
    const rank = (c: ContentNode) =>
      c.kind === 'element' && c.ns === 'qti' ? PCI_ORDER_3_0.indexOf(c.name) : -1;
    for (const c of parent.children)
      if (c.kind === 'element' && rank(c) < 0)
        options.onAdjust?.(
          `${c.name} in a portable custom interaction left out (QTI 3.0 has no place for it there).`,
        );
    return parent.children.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  }
  if (options.version === '3.0' && options.inTest)
    return parent.children.flatMap((child) =>
      isTemplateBlock(child) ? testTemplateBlock(child, options) : [child],
    );
  if (options.version !== '2.2') return parent.children;
  if (
    !options.inForeign &&
    parent.ns === 'html' &&
    parent.name === 'figcaption' &&
    parent.children.some(isBlockHtml)
  )
    return inlineOnly(parent.children, options);
  return parent.children.flatMap((child): ContentNode[] => {
    if (child.kind !== 'element') return [child];
    if (child.ns === 'qti' && child.name === 'catalogInfo') {
      options.onAdjust?.('catalogInfo dropped (QTI 2.2 has no catalogs).');
      return [];
    }
    // QTI 2.2 has no portableCustomInteraction of its own: a customInteraction wraps the PCI v1 form.
    if (child.ns === 'qti' && child.name === 'portableCustomInteraction')
      return pciAsCustomInteraction(child, options.onAdjust);
    if (
      parent.ns === 'qti' &&
      GRAPHIC_CONTAINERS.has(parent.name) &&
      child.ns === 'html' &&
      (child.name === 'img' || child.name === 'picture')
    )
      return [imageAsObject(child, options)];
    // QTI 2.2 has no <picture>: outside graphic interactions (above) its <img> stands for it.
    if (child.ns === 'html' && child.name === 'picture') {
      const img = child.children.find((c): c is ContentElement => c.kind === 'element' && c.name === 'img');
      options.onAdjust?.(
        `<picture> written as its <img> (QTI 2.2 has no picture; its other sources are left out).`,
      );
      return img ? [img] : [];
    }
    // MathML 2 (QTI 2.2) requires an annotation in <semantics>; without one it is just its first child.
    if (
      child.ns === 'math' &&
      child.name === 'semantics' &&
      !child.children.some((c) => c.kind === 'element' && c.name.startsWith('annotation'))
    )
      return [makeElement('mrow', 'math', {}, child.children)];
    return [child];
  });
}
