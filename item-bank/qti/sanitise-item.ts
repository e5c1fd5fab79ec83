/**
 * Sanitising on save: whatever a caller hands the store (imported, authored, or built by a
 * script), the item's content is run through the allow-list again before it is written, so an
 * item cannot reach the bank with markup the parser would have removed.
 */
import { sanitiseItemContent } from '../model/sanitise-content.ts';
import { parseItemXml } from './parse-item.ts';
import { writeItemXml } from './write-item.ts';

/**
 * The item's QTI with unsafe content removed. XML the sanitiser has nothing to remove from comes
 * back byte for byte (so re-saving an item is still a no-op); otherwise the item is written
 * again, as canonical QTI 3.0, from its sanitised model. XML that cannot be read as an item
 * comes back as is: it is not content anyone renders.
 */
export function sanitiseItemXml(xml: string): string {
  const { item, problems } = parseItemXml(xml);
  if (!item || !problems.some((p) => p.code === 'unsafe-content-removed')) return xml;
  return writeItemXml(item);
}

/** An item version about to be stored, with its QTI and its model's content sanitised. */
export function sanitiseItemForStorage<T extends { qtiXml: string; model: unknown }>(input: T): T {
  return { ...input, qtiXml: sanitiseItemXml(input.qtiXml), model: sanitiseItemContent(input.model) };
}
