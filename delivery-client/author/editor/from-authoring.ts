/** Reads a stored item's authoring JSON back into the editor (the inverse of toAuthoringItem). */
import type {
  AuthoringContentElement,
  AuthoringContentNode,
  AuthoringItem,
} from '../../../item-bank/client.ts';
import { CODE_TASK_ATTRIBUTE } from '../../../item-bank/client.ts';
import {
  emptyEditorItem,
  emptyInteraction,
  plainTextOf,
  type EditorItem,
  type InteractionKind,
} from './editor-item.ts';
import { INTERACTION_MODELS } from './interactions/index.ts';
import { elements } from './interactions/interaction-model.ts';

function contains(node: AuthoringContentNode, target: AuthoringContentElement): boolean {
  return node === target || (node.kind === 'element' && node.children.some((c) => contains(c, target)));
}

function findInteraction(
  body: AuthoringContentElement,
): { kind: InteractionKind; element: AuthoringContentElement } | undefined {
  const byElement = new Map(Object.values(INTERACTION_MODELS).map((m) => [m.element, m.kind]));
  const stack = [...elements(body.children)];
  while (stack.length) {
    const e = stack.shift()!;
    const kind = byElement.get(e.name);
    if (kind && (kind !== 'codeTask' || e.attributes[CODE_TASK_ATTRIBUTE])) return { kind, element: e };
    stack.unshift(...elements(e.children));
  }
  return undefined;
}

export class UnsupportedItemError extends Error {}

const hasQtiElement = (n: AuthoringContentNode): boolean =>
  n.kind === 'element' && (n.ns === 'qti' || n.children.some(hasQtiElement));

function countInteractions(e: AuthoringContentElement): number {
  const own = e.ns === 'qti' && /Interaction$/.test(e.name) ? 1 : 0;
  return own + elements(e.children).reduce((sum, c) => sum + countInteractions(c), 0);
}

export function fromAuthoringItem(
  item: AuthoringItem,
  metadata?: Partial<EditorItem['metadata']>,
): EditorItem {
  const found = findInteraction(item.body);
  if (!found) throw new UnsupportedItemError('The item has no interaction the editor knows.');
  // The editor writes one interaction, its score and feedback: refuse what saving would lose.
  const interactions = countInteractions(item.body);
  if (interactions > 1)
    throw new UnsupportedItemError(`The item has ${interactions} interactions; the editor writes one.`);
  if (item.declarations.some((d) => d.kind === 'template') || item.templateProcessing)
    throw new UnsupportedItemError('The item has template variables.');
  if (item.declarations.filter((d) => d.kind === 'response').length > 1)
    throw new UnsupportedItemError('The item has several responses.');
  const stemQti = item.body.children.some((n) => !contains(n, found.element) && hasQtiElement(n));
  if (stemQti)
    throw new UnsupportedItemError('The stem holds QTI blocks (rubric, feedback or template blocks).');
  const responseId = found.element.attributes.responseIdentifier ?? 'RESPONSE';
  const response = item.declarations.find((d) => d.kind === 'response' && d.identifier === responseId);
  const score = item.declarations.find((d) => d.kind === 'outcome' && d.identifier === 'SCORE');
  const read = INTERACTION_MODELS[found.kind].read(
    found.element,
    {
      cardinality: response?.cardinality ?? 'single',
      baseType: response?.baseType,
      correct: response?.kind === 'response' ? (response.correctResponse ?? []).map((v) => v.text) : [],
      mapping: response?.kind === 'response' ? response.mapping?.entries : undefined,
      areaMapping: response?.kind === 'response' ? response.areaMapping?.entries : undefined,
    },
    item.body,
  );
  const feedback = (id: string) =>
    item.modalFeedback
      .filter((f) => f.outcomeIdentifier === 'FEEDBACK' && f.identifier === id)
      .map((f) => f.content.map((n) => plainTextOf([n])).join('\n'))
      .join('\n');
  const partialCredit =
    response?.kind === 'response' &&
    !!response.mapping &&
    !['textEntry'].includes(found.kind) &&
    (response.correctResponse?.length ?? 0) > 0;
  const base = emptyEditorItem(found.kind);
  return {
    ...base,
    identifier: item.identifier,
    title: item.title,
    stem: item.body.children.filter((n) => !contains(n, found.element)),
    interaction: { ...emptyInteraction(found.kind), ...read, kind: found.kind },
    points: score?.kind === 'outcome' && score.normalMaximum ? score.normalMaximum : 1,
    partialCredit,
    feedbackCorrect: feedback('CORRECT'),
    feedbackIncorrect: feedback('INCORRECT'),
    metadata: { ...base.metadata, ...metadata },
  };
}
