/**
 * Sanitising on save: whatever a caller hands the store (imported, authored, or built by a
 * script), the item's content is run through the allow-list again before it is written, so an
 * item cannot reach the bank with markup the parser would have removed.
 */
import {
  sanitiseContent,
  sanitiseElement,
  sanitiseItemContent,
  type RemovedContent,
} from '../model/sanitise-content.ts';
import { normaliseElement } from './normalise-content.ts';
import { parseItemXml } from './parse-item.ts';
import { writeItemXml } from './write-item.ts';
import { parseXmlTree } from './xml-tree.ts';

/**
 * The item's QTI with unsafe content removed. XML the sanitiser has nothing to remove from comes
 * back byte for byte (so re-saving an item is still a no-op); otherwise the item is written
 * again, as canonical QTI 3.0, from its sanitised model. XML that cannot be read as an item
 * comes back as is: it is not content anyone renders.
 */
export function sanitiseItemXml(xml: string): string {
  if (!hasUnsafeContent(xml)) return xml;
  const { item } = parseItemXml(xml);
  return item ? writeItemXml(item) : xml;
}

/** Parts of an item shown in a browser, as the parser reads them. */
const CONTENT_PARTS = new Set(['itemBody', 'modalFeedback', 'stylesheet']);

/** Whether the sanitiser would remove anything from the item (the parser's check, without validation). */
function hasUnsafeContent(xml: string): boolean {
  let raw;
  try {
    raw = parseXmlTree(xml);
  } catch {
    return false;
  }
  const removed: RemovedContent[] = [];
  for (const part of normaliseElement(raw).children)
    if (part.kind === 'element' && CONTENT_PARTS.has(part.name)) {
      if (part.name === 'modalFeedback') sanitiseContent(part.children, { removed });
      else sanitiseElement(part, { removed });
      if (removed.length) return true;
    }
  return false;
}

/** An item version about to be stored, with its QTI and its model's content sanitised. */
export function sanitiseItemForStorage<T extends { qtiXml: string; model: unknown }>(input: T): T {
  return { ...input, qtiXml: sanitiseItemXml(input.qtiXml), model: sanitiseItemContent(input.model) };
}
