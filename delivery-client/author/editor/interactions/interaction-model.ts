/**
 * What one interaction's editor model does: build its QTI content and response declaration from
 * the editor state, and read them back from an authoring item. Shared helpers live here too.
 */
import type { AuthoringContentElement, AuthoringContentNode } from '../../../../item-bank/client.ts';
import {
  choice,
  html,
  qti,
  text,
  type Area,
  type Choice,
  type InteractionKind,
  type InteractionState,
  type Picture,
} from '../editor-item.ts';

/**
 * How the item is scored: a key (match_correct), a mapping, an area mapping, a number at least the
 * key (plays of a media interaction), a teacher, the code sandbox, or not at all (a media player or
 * an end-attempt button only records what was done).
 */
export type ScoringKind = 'match' | 'map' | 'point' | 'atLeast' | 'human' | 'code' | 'none';

export interface ResponseShape {
  cardinality: 'single' | 'multiple' | 'ordered';
  baseType:
    'identifier' | 'pair' | 'directedPair' | 'string' | 'integer' | 'float' | 'point' | 'file' | 'boolean';
  correctResponse?: string[];
  mapping?: {
    defaultValue: number;
    entries: Array<{ mapKey: string; mappedValue: number; caseSensitive: boolean }>;
  };
  areaMapping?: {
    defaultValue: number;
    entries: Array<{ shape: 'rect' | 'circle' | 'poly'; coords: number[]; mappedValue: number }>;
  };
}

export interface BuiltInteraction {
  /** Body content after the stem. */
  nodes: AuthoringContentNode[];
  response: ResponseShape;
  scoring: ScoringKind;
  /** Some choice carries inline feedback shown when it is chosen (outcome CHOICE_FEEDBACK). */
  choiceFeedback?: boolean;
}

/** The outcome inline choice feedback is keyed on: the chosen identifiers. */
export const CHOICE_FEEDBACK = 'CHOICE_FEEDBACK';

export interface ResponseRead {
  cardinality: string;
  baseType?: string;
  correct: string[];
  mapping?: Array<{ mapKey: string; mappedValue: number; caseSensitive: boolean }>;
  areaMapping?: Array<{ shape: string; coords: number[]; mappedValue: number }>;
}

export interface InteractionModel {
  kind: InteractionKind;
  /** The QTI element that marks this interaction in a body (first match wins, in registry order). */
  element: string;
  /** `points`: the item's maximum score (the editor's "Điểm tối đa"), for models whose scorer needs it. */
  build(state: InteractionState, item: { points: number }): BuiltInteraction;
  /** Reads the editor state back from the interaction element (and what surrounds it) and the response. */
  read(
    interaction: AuthoringContentElement,
    response: ResponseRead,
    body: AuthoringContentElement,
  ): Partial<InteractionState>;
}

export const RESPONSE = 'RESPONSE';

export const elements = (nodes: AuthoringContentNode[]): AuthoringContentElement[] =>
  nodes.filter((n): n is AuthoringContentElement => n.kind === 'element');
export const named = (e: AuthoringContentElement, name: string) =>
  elements(e.children).filter((c) => c.name === name);
export const textIn = (nodes: AuthoringContentNode[]): string =>
  nodes.map((n) => (n.kind === 'text' ? n.text : textIn(n.children))).join('');
export const num = (value: string | undefined, fallback: number) =>
  value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback;

export const promptNodes = (prompt: string): AuthoringContentNode[] =>
  prompt.trim() ? [qti('prompt', {}, [text(prompt.trim())])] : [];
export const readPrompt = (e: AuthoringContentElement) => textIn(named(e, 'prompt')[0]?.children ?? []);

/** Attributes QTI allows on any choice: identifier, and fixed when shuffling. */
export function choiceAttributes(c: Choice, shuffle: boolean, withMatchMax = false): Record<string, string> {
  return {
    identifier: c.id,
    ...(shuffle && c.fixed ? { fixed: 'true' } : {}),
    ...(withMatchMax ? { matchMax: String(c.matchMax) } : {}),
  };
}
export function readChoice(e: AuthoringContentElement): Choice {
  const feedback = named(e, 'feedbackInline')[0];
  return {
    ...choice(e.attributes.identifier ?? ''),
    text: textIn(e.children.filter((c) => c.kind === 'text' || c.name !== 'feedbackInline')),
    fixed: e.attributes.fixed === 'true',
    matchMax: num(e.attributes.matchMax, 1),
    feedback: feedback ? textIn(feedback.children) : '',
  };
}

export const choiceElements = (
  name: string,
  list: Choice[],
  shuffle: boolean,
  withMatchMax = false,
  withFeedback = false,
) =>
  list.map((c) =>
    qti(name, choiceAttributes(c, shuffle, withMatchMax), [
      text(c.text),
      ...(withFeedback && c.feedback.trim()
        ? [
            qti(
              'feedbackInline',
              { outcomeIdentifier: CHOICE_FEEDBACK, identifier: c.id, showHide: 'show' },
              [text(c.feedback.trim())],
            ),
          ]
        : []),
    ]),
  );

/** Key values to score part by part: each right value earns its share (used with partial credit). */
export const shareMapping = (keys: string[]) => ({
  defaultValue: 0,
  entries: keys.map((k) => ({ mapKey: k, mappedValue: 1 / Math.max(1, keys.length), caseSensitive: true })),
});

export function pictureObject(p: Picture | undefined): AuthoringContentElement {
  const pic = p ?? { href: '', contentType: 'image/png', width: 400, height: 300, alt: '' };
  return html(
    'object',
    { data: pic.href, type: pic.contentType, width: String(pic.width), height: String(pic.height) },
    pic.alt ? [text(pic.alt)] : [],
  );
}
export function readPicture(e: AuthoringContentElement | undefined): Picture | undefined {
  if (!e) return undefined;
  const href = e.attributes.data ?? e.attributes.src ?? '';
  if (!href) return undefined;
  return {
    href,
    contentType: e.attributes.type ?? 'image/png',
    width: num(e.attributes.width, 400),
    height: num(e.attributes.height, 300),
    alt: e.attributes.alt ?? textIn(e.children),
  };
}
export const firstObject = (e: AuthoringContentElement) =>
  elements(e.children).find((c) => c.name === 'object' || c.name === 'img');

export const areaElements = (name: string, areas: Area[], withMatchMax: boolean) =>
  areas.map((a) =>
    qti(
      name,
      {
        identifier: a.id,
        shape: a.shape,
        coords: a.coords.map((n) => Math.round(n)).join(','),
        ...(withMatchMax ? { matchMax: String(a.matchMax) } : {}),
        ...(a.label ? { hotspotLabel: a.label } : {}),
      },
      [],
    ),
  );
export function readArea(e: AuthoringContentElement): Area {
  return {
    id: e.attributes.identifier ?? '',
    label: e.attributes.hotspotLabel ?? '',
    shape: (e.attributes.shape as Area['shape']) ?? 'rect',
    coords: (e.attributes.coords ?? '').split(',').map(Number).filter(Number.isFinite),
    score: 1,
    matchMax: num(e.attributes.matchMax, 1),
  };
}

/** The element holding `target` directly. */
export function parentOf(
  root: AuthoringContentElement,
  target: AuthoringContentElement,
): AuthoringContentElement | undefined {
  for (const c of elements(root.children)) {
    if (c === target) return root;
    const found = parentOf(c, target);
    if (found) return found;
  }
  return undefined;
}

export const INLINE_MARK = '___';

/** A sentence around an inline interaction: "before ___ after" (no mark: the control ends the sentence). */
export function sentenceAround(sentence: string, control: AuthoringContentElement): AuthoringContentNode[] {
  const at = sentence.indexOf(INLINE_MARK);
  const before = at < 0 ? sentence : sentence.slice(0, at);
  const after = at < 0 ? '' : sentence.slice(at + INLINE_MARK.length);
  return [html('p', {}, [...(before ? [text(before)] : []), control, ...(after ? [text(after)] : [])])];
}
export function readSentence(body: AuthoringContentElement, control: AuthoringContentElement): string {
  const p = parentOf(body, control);
  if (!p) return INLINE_MARK;
  return p.children
    .map((n) => (n === control ? INLINE_MARK : n.kind === 'text' ? n.text : textIn(n.children)))
    .join('');
}
