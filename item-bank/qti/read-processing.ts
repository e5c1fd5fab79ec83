/** Processing trees (response, outcome, template processing) as generic nodes, and the standard templates. */
import type { ContentElement } from '../model/content.ts';
import type { ProcessingNode, ResponseProcessing, StandardTemplate } from '../model/declarations.ts';

export function toProcessingNode(e: ContentElement, file?: string): ProcessingNode {
  const children = e.children.filter((c): c is ContentElement => c.kind === 'element');
  const text =
    children.length === 0 ? e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('') : undefined;
  return {
    name: e.name,
    attributes: { ...e.attributes },
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
