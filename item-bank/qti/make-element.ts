/** A content element built by the writers (a div around inline content, an object for an image...). */
import type { ContentElement, ContentNode } from '../model/content.ts';

export const makeElement = (
  name: string,
  ns: ContentElement['ns'],
  attributes: Record<string, string>,
  children: ContentNode[] = [],
): ContentElement => ({
  kind: 'element',
  name,
  ns,
  attributes,
  children,
});
