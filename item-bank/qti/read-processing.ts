/** Processing trees (response, outcome, template processing) as generic nodes, and the standard templates. */
import type { ContentElement } from '../model/content.ts';
import type { ProcessingNode, ResponseProcessing, StandardTemplate } from '../model/declarations.ts';

/** Our writers' spelling of an expression no schema has (see VENDOR_EXPRESSIONS in write-processing.ts). */
const VENDOR_EXPRESSION_URN = 'urn:x-exam-engine:expression:';
const VENDOR_ATTRIBUTE = /^xee:/;

/** The name and attributes of a node, a vendor expression's customOperator read back as that expression. */
function nameAndAttributes(e: ContentElement): { name: string; attributes: Record<string, string> } {
  const definition = e.attributes.definition ?? '';
  if (e.name !== 'customOperator' || !definition.startsWith(VENDOR_EXPRESSION_URN))
    return { name: e.name, attributes: { ...e.attributes } };
  return {
    name: definition.slice(VENDOR_EXPRESSION_URN.length),
    attributes: Object.fromEntries(
      Object.entries(e.attributes)
        .filter(([k]) => VENDOR_ATTRIBUTE.test(k))
        .map(([k, v]) => [k.replace(VENDOR_ATTRIBUTE, ''), v]),
    ),
  };
}

export function toProcessingNode(e: ContentElement, file?: string): ProcessingNode {
  const children = e.children.filter((c): c is ContentElement => c.kind === 'element');
  const text =
    children.length === 0 ? e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('') : undefined;
  return {
    ...nameAndAttributes(e),
    children: children.map((c) => toProcessingNode(c, file)),
    ...(text !== undefined ? { text: text.trim() } : {}),
    location: { file, line: e.line ?? 1, column: e.column ?? 1 },
  };
}

/** Recognises a standard template from any URI or name it is published under (2.x, 3.0, Common Cartridge). */
export function standardTemplate(uri: string | undefined): StandardTemplate | undefined {
  if (!uri) return undefined;
  const last = uri
    .trim()
    .split(/[/\\]/)
    .pop()!
    .replace(/\.xml$/i, '')
    .toLowerCase();
  if (last === 'match_correct' || last === 'cc2_match' || last === 'cc2_match_basic') return 'match_correct';
  if (last === 'map_response' || last === 'cc2_map_response') return 'map_response';
  if (last === 'map_response_point') return 'map_response_point';
  return undefined;
}

export function readResponseProcessing(e: ContentElement, file?: string): ResponseProcessing {
  const uri = e.attributes.template ?? e.attributes.templateLocation;
  const rules = e.children
    .filter((c): c is ContentElement => c.kind === 'element')
    .map((c) => toProcessingNode(c, file));
  const template = rules.length ? undefined : standardTemplate(uri);
  return {
    ...(template ? { template } : {}),
    ...(uri ? { templateUri: uri } : {}),
    rules,
    location: { file, line: e.line ?? 1, column: e.column ?? 1 },
  };
}
