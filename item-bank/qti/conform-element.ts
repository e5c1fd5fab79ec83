/**
 * One content element's attributes as the target schema has them: `fixed`, inline styles and
 * other attributes a version lacks dropped, `use` added to rubric blocks, ids made unique,
 * boolean media attributes as xs:boolean.
 */
import type { ContentElement } from '../model/content.ts';
import type { ContentWriteOptions } from './write-content.ts';

/** The only QTI 3.0 elements that may carry `fixed` (2.x also allows it on hotspots, gaps and gap texts). */
const FIXED_IN_3_0 = new Set(['simpleChoice', 'simpleAssociableChoice', 'inlineChoice']);

/**
 * Attributes the QTI 3.0 schema does not have on XHTML elements: inline `style` (presentation
 * only; QTI 3.0 styles through classes and stylesheets) and `type` on `img`.
 */
const HTML_ATTRIBUTES_NOT_IN_3_0: Array<[element: string, attribute: string]> = [
  ['*', 'style'],
  ['img', 'type'],
  ['a', 'target'],
];

/** HTML boolean attributes of audio and video. */
const MEDIA_BOOLEANS = ['controls', 'autoplay', 'loop', 'muted'];

/** The element as the target schema has it: renamed, moved to another namespace, or with attributes dropped. */
export function conform(element: ContentElement, options: ContentWriteOptions): ContentElement {
  const { version } = options;
  let attributes = element.attributes;
  if (version === '3.0' && element.ns === 'qti' && 'fixed' in attributes && !FIXED_IN_3_0.has(element.name)) {
    const { fixed, ...rest } = attributes;
    attributes = rest;
    options.onAdjust?.(`fixed="${fixed}" on ${element.name} dropped (QTI 3.0 has no fixed there).`);
  }
  if (version === '3.0' && element.ns === 'html')
    for (const [name, attribute] of HTML_ATTRIBUTES_NOT_IN_3_0)
      if ((name === '*' || name === element.name) && attribute in attributes) {
        const { [attribute]: value, ...rest } = attributes;
        attributes = rest;
        options.onAdjust?.(
          `${attribute}="${value}" on <${element.name}> dropped (QTI 3.0 has no ${attribute} there).`,
        );
      }
  // QTI 2.2's HTML5 audio and video require preload="metadata" (a fixed value: a loading hint only).
  if (
    version === '2.2' &&
    (element.name === 'audio' || element.name === 'video') &&
    attributes.preload !== 'metadata'
  )
    attributes = { ...attributes, preload: 'metadata' };
  if (version === '3.0' && element.ns === 'qti' && element.name === 'rubricBlock' && !attributes.use) {
    const views = (attributes.view ?? '').split(/\s+/).filter(Boolean);
    // QTI 3.0 requires `use`; a block only scorers or tutors see is about scoring.
    const use =
      views.length && views.every((v) => v === 'scorer' || v === 'tutor') ? 'scoring' : 'instructions';
    attributes = { ...attributes, use };
  }
  // Only xs:ID ids: not a PCI module's id (a module name), nor ids in foreign markup (no schema there).
  const isId =
    element.ns !== 'other' &&
    !options.inForeign &&
    !(element.ns === 'qti' && element.name === 'interactionModule');
  if (attributes.id !== undefined && options.ids && isId) {
    let id = attributes.id;
    for (let n = 2; options.ids.has(id); n++) id = `${attributes.id}-${n}`;
    if (id !== attributes.id) {
      options.onAdjust?.(`A second id="${attributes.id}" renamed ${id} (ids must be unique).`);
      attributes = { ...attributes, id };
    }
    options.ids.add(id);
  }
  // HTML writes boolean media attributes as their own name (controls="controls"); the schemas take xs:boolean.
  if (element.ns === 'html' && (element.name === 'audio' || element.name === 'video'))
    for (const name of MEDIA_BOOLEANS)
      if (name in attributes && !/^(true|false|1|0)$/.test(attributes[name]!))
        attributes = { ...attributes, [name]: 'true' };
  // QTI 3.0 has no alt on object: its text content is the alternative (as the 2.2 writer does for images).
  if (version === '3.0' && element.ns === 'html' && element.name === 'object' && 'alt' in attributes) {
    const { alt, ...rest } = attributes;
    attributes = rest;
    const hasText = element.children.some((c) => c.kind === 'element' || c.text.trim());
    options.onAdjust?.(
      `alt="${alt}" on <object> ${hasText ? 'left out (its content is the alternative)' : 'written as its content'} (QTI 3.0 has no alt there).`,
    );
    if (!hasText && alt) return { ...element, attributes, children: [{ kind: 'text', text: alt }] };
  }
  return attributes === element.attributes ? element : { ...element, attributes };
}
