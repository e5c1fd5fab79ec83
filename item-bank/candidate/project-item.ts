/**
 * The one function that turns an item into what a candidate may see. It rebuilds the payload
 * from an allow-list (content and response shapes), so keys, mappings, processing, outcome
 * values, feedback, scorer rubrics and server-only parts of custom interactions cannot leak
 * by being forgotten. Choice order can be shuffled per candidate, honouring `fixed`.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { AssessmentItem } from '../model/item.ts';
import { isRelativeUrl, sanitiseElement } from '../model/sanitise-content.ts';
import { isHiddenTestsElement } from '../qti/read-code-task.ts';
import type { CandidateItem } from './candidate-item.ts';

export interface ProjectionOptions {
  /** Returns the order of an interaction's shuffleable choices; absent = authoring order. */
  orderChoices?(context: {
    responseIdentifier: string;
    group: number;
    choices: Array<{ identifier: string; fixed: boolean }>;
  }): string[];
  /** Rewrites a media reference of the item to the URL the candidate loads it from. */
  mediaUrl?(href: string): string | undefined;
}

/** Elements a candidate never sees (feedback is released by the engine, not shipped ahead). */
const HIDDEN_ELEMENTS = new Set([
  'feedbackInline',
  'feedbackBlock',
  'modalFeedback',
  'templateInline',
  'templateBlock',
  'responseDeclaration',
  'outcomeDeclaration',
  'templateDeclaration',
  'responseProcessing',
  'correctResponse',
  'mapping',
  'areaMapping',
]);

/** Groups of choices that shuffle together, by interaction. */
const SHUFFLED_CHILDREN: Record<string, string[]> = {
  choiceInteraction: ['simpleChoice'],
  orderInteraction: ['simpleChoice'],
  associateInteraction: ['simpleAssociableChoice'],
  matchInteraction: ['simpleAssociableChoice'],
  gapMatchInteraction: ['gapText', 'gapImg'],
  inlineChoiceInteraction: ['inlineChoice'],
};

const MEDIA_ATTRIBUTES: Record<string, string> = {
  img: 'src',
  object: 'data',
  source: 'src',
  audio: 'src',
  video: 'src',
  track: 'src',
};

function visible(node: ContentElement): boolean {
  if (HIDDEN_ELEMENTS.has(node.name)) return false;
  if (node.name === 'rubricBlock') return (node.attributes.view ?? '').split(/\s+/).includes('candidate');
  // Server-only parts of custom interactions (hidden tests of code tasks) are marked by the authoring tools.
  if (node.attributes['data-visibility'] === 'server' || node.name === 'hiddenTests') return false;
  if (isHiddenTestsElement(node)) return false;
  return true;
}

function reorder(children: ContentNode[], names: string[], order: string[] | undefined): ContentNode[] {
  if (!order) return children;
  const movable = children.filter((c): c is ContentElement => c.kind === 'element' && names.includes(c.name));
  const byId = new Map(movable.map((c) => [c.attributes.identifier, c]));
  const queue = order.map((id) => byId.get(id)).filter((c): c is ContentElement => Boolean(c));
  if (queue.length !== movable.length) return children;
  return children.map((c) => (c.kind === 'element' && names.includes(c.name) ? queue.shift()! : c));
}

function project(node: ContentElement, options: ProjectionOptions, group: { n: number }): ContentElement {
  const attributes = { ...node.attributes };
  const mediaAttribute = MEDIA_ATTRIBUTES[node.name];
  if (mediaAttribute && attributes[mediaAttribute] && options.mediaUrl) {
    const url = options.mediaUrl(attributes[mediaAttribute]!);
    if (url) attributes[mediaAttribute] = url;
  }
  let children: ContentNode[] = node.children
    .filter((c) => c.kind === 'text' || visible(c))
    .map((c) => (c.kind === 'text' ? { kind: 'text' as const, text: c.text } : project(c, options, group)));

  const shuffled = SHUFFLED_CHILDREN[node.name];
  if (shuffled && node.attributes.shuffle === 'true' && options.orderChoices) {
    const responseIdentifier = node.attributes.responseIdentifier ?? '';
    const orderWithin = (list: ContentNode[]) => {
      const choices = list
        .filter((c): c is ContentElement => c.kind === 'element' && shuffled.includes(c.name))
        .map((c) => ({ identifier: c.attributes.identifier ?? '', fixed: c.attributes.fixed === 'true' }));
      return choices.length > 1
        ? reorder(list, shuffled, options.orderChoices!({ responseIdentifier, group: group.n++, choices }))
        : list;
    };
    children =
      node.name === 'matchInteraction'
        ? children.map((c) =>
            c.kind === 'element' && c.name === 'simpleMatchSet'
              ? { ...c, children: orderWithin(c.children) }
              : c,
          )
        : orderWithin(children);
  }
  return { kind: 'element', name: node.name, ns: node.ns, attributes, children };
}

export function toCandidateItem(item: AssessmentItem, options: ProjectionOptions = {}): CandidateItem {
  return {
    identifier: item.identifier,
    title: item.title,
    ...(item.language ? { language: item.language } : {}),
    // Sanitised again at render: models stored before the allow-list (or by any other path) are
    // cleaned on their way to the candidate; for content already clean this changes nothing.
    body: project(
      sanitiseElement(item.body) ?? {
        kind: 'element',
        name: 'itemBody',
        ns: 'qti',
        attributes: {},
        children: [],
      },
      options,
      { n: 0 },
    ),
    responses: item.declarations
      .filter((d) => d.kind === 'response')
      .map((d) => ({
        identifier: d.identifier,
        ...(d.baseType ? { baseType: d.baseType } : {}),
        cardinality: d.cardinality,
      })),
    stylesheets: item.stylesheets.filter(isRelativeUrl),
  };
}
