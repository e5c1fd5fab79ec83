/** Helpers shared by the interaction components: child lookup, response value forms, the prompt. */
import type { ContentElement, ContentNode } from '../../../../item-bank/client.ts';
import type { ResponseValue } from '../../../../engine/client.ts';
import { renderNodes, useItem } from '../item-view.tsx';

export type InteractionProps = { element: ContentElement };

export const childrenNamed = (e: ContentElement, ...names: string[]) =>
  e.children.filter((c): c is ContentElement => c.kind === 'element' && names.includes(c.name));

/** Every descendant element with one of the names, in document order. */
export function descendantsNamed(e: ContentElement, ...names: string[]): ContentElement[] {
  const out: ContentElement[] = [];
  const visit = (nodes: ContentNode[]) => {
    for (const n of nodes) {
      if (n.kind !== 'element') continue;
      if (names.includes(n.name)) out.push(n);
      visit(n.children);
    }
  };
  visit(e.children);
  return out;
}

export const promptOf = (e: ContentElement) => childrenNamed(e, 'prompt')[0];

export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

export const textOf = (n: ContentNode): string =>
  n.kind === 'text' ? n.text : n.children.map(textOf).join('');

/** The text that names a choice: its content, or for images the alt text / label. */
export function labelOf(e: ContentElement): string {
  const text = textOf(e).replace(/\s+/g, ' ').trim();
  if (text) return text;
  const img = descendantsNamed(e, 'img', 'object')[0];
  return (
    e.attributes.hotspotLabel ??
    e.attributes.label ??
    img?.attributes.alt ??
    img?.attributes.title ??
    e.attributes.identifier ??
    ''
  );
}

/** The cardinality of a response, from the item's declarations (multiple when unknown). */
export function useCardinality(identifier: string) {
  const { item } = useItem();
  return item.responses.find((r) => r.identifier === identifier)?.cardinality ?? 'multiple';
}

/** A list of values in the JSON form the engine expects for the declared cardinality. */
export function listValue(cardinality: string, list: string[]): ResponseValue {
  if (cardinality === 'single') return list[0] ?? null;
  return list.length ? list : null;
}

export const maxOf = (e: ContentElement, name = 'maxChoices') => Number(e.attributes[name] ?? 0) || 0;

export function Prompt({ element, id }: { element: ContentElement; id: string }) {
  const prompt = promptOf(element);
  return prompt ? (
    <p className="prompt" id={id}>
      {renderNodes(prompt.children)}
    </p>
  ) : null;
}

/** aria-labelledby for an interaction group when it has a prompt. */
export const labelledBy = (element: ContentElement, id: string) => (promptOf(element) ? id : undefined);
