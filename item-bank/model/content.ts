/**
 * Item content as a tree: XHTML, MathML and QTI elements in document order, with QTI names
 * in the 2.x spelling. Shared by the server model and the candidate payload.
 */
export interface ContentElement {
  kind: 'element';
  name: string;
  /** `qti` for QTI elements, `html` for XHTML, `math` for MathML, `other` for anything else kept. */
  ns: 'qti' | 'html' | 'math' | 'other';
  attributes: Record<string, string>;
  children: ContentNode[];
  /** Source line, where known (server side only; stripped from candidate payloads). */
  line?: number;
  /** Source column of the start tag, where known (server side only). */
  column?: number;
  /** Namespace URI of a foreign (`ns: 'other'`) element, so it can be written back out. */
  namespace?: string;
}

export interface ContentText {
  kind: 'text';
  text: string;
}

export type ContentNode = ContentElement | ContentText;

export const INTERACTION_TYPES = [
  'choiceInteraction',
  'orderInteraction',
  'associateInteraction',
  'matchInteraction',
  'gapMatchInteraction',
  'inlineChoiceInteraction',
  'textEntryInteraction',
  'extendedTextInteraction',
  'hottextInteraction',
  'hotspotInteraction',
  'selectPointInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'positionObjectInteraction',
  'sliderInteraction',
  'mediaInteraction',
  'uploadInteraction',
  'drawingInteraction',
  'endAttemptInteraction',
  'portableCustomInteraction',
  'customInteraction',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const isInteraction = (name: string): name is InteractionType =>
  (INTERACTION_TYPES as readonly string[]).includes(name);

/** Walks a content tree depth-first. */
export function* walkContent(nodes: ContentNode[]): Generator<ContentElement> {
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    yield node;
    yield* walkContent(node.children);
  }
}

/** The visible text of content (for search indexes), whitespace collapsed. */
export function plainText(nodes: ContentNode[]): string {
  const parts: string[] = [];
  const visit = (list: ContentNode[]) => {
    for (const n of list) {
      if (n.kind === 'text') parts.push(n.text);
      else if (n.name !== 'rubricBlock' && n.name !== 'feedbackInline' && n.name !== 'feedbackBlock')
        visit(n.children);
    }
  };
  visit(nodes);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
