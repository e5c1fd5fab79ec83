/**
 * The item editor's state: one flat shape for every interaction (each interaction uses the
 * fields it needs), turned into the Item bank's JSON authoring model by `toAuthoringItem`
 * and read back by `fromAuthoringItem`. Pure data, no React, so it is unit-tested in Node.
 */
import type { AuthoringContentElement, AuthoringContentNode } from '../../../item-bank/client.ts';

export const INTERACTION_KINDS = [
  'choice',
  'order',
  'match',
  'associate',
  'gapMatch',
  'inlineChoice',
  'textEntry',
  'extendedText',
  'hottext',
  'slider',
  'upload',
  'drawing',
  'hotspot',
  'selectPoint',
  'graphicOrder',
  'graphicAssociate',
  'graphicGapMatch',
  'positionObject',
  'codeTask',
  'media',
  'endAttempt',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Choice {
  id: string;
  text: string;
  fixed: boolean;
  /** How often a choice may be used in associations (0 = unlimited). */
  matchMax: number;
  /** Feedback shown inline with this choice when the candidate chose it (choice interactions). */
  feedback: string;
}

export type Shape = 'rect' | 'circle' | 'poly';
/** A hotspot, or a scored area of a point answer (pixels of the picture). */
export interface Area {
  id: string;
  label: string;
  shape: Shape;
  coords: number[];
  /** Score of a point inside it (select point, position object). */
  score: number;
  matchMax: number;
}

export interface Picture {
  href: string;
  contentType: string;
  width: number;
  height: number;
  alt: string;
}

export interface CodeTaskState {
  language: 'python' | 'javascript';
  instructions: string;
  starterCode: string;
  entry: string;
  /** The tests as JSON (the code task model's `tests`), edited as text. */
  testsJson: string;
  /**
   * The teacher's reference solution: graded when the item is saved (it must score full marks and the
   * starter must not), not stored with the item.
   */
  referenceSolution?: string;
}

export interface InteractionState {
  kind: InteractionKind;
  prompt: string;
  choices: Choice[];
  /** The second set of a match interaction. */
  targets: Choice[];
  /** A sentence or passage: `___` marks the inline control, `[gap]` marks gaps, `[word]` marks hottext. */
  text: string;
  shuffle: boolean;
  /** maxChoices or maxAssociations (0 = no limit). */
  maxChoices: number;
  /** Identifiers, ordered identifiers, or pairs "A B". */
  correct: string[];
  /** Accepted answers of a text entry with their scores (a mapping). */
  answers: Array<{ value: string; score: number }>;
  caseSensitive: boolean;
  baseType: 'string' | 'integer' | 'float';
  lower: number;
  upper: number;
  step: number;
  expectedLines: number;
  fileType: string;
  picture?: Picture;
  /** The object placed by a position-object interaction. */
  object?: Picture;
  areas: Area[];
  code: CodeTaskState;
  /** The sound or video of a media interaction (a file under the item's media/). */
  clip?: Picture;
  /** Plays a media interaction requires (0 = none) and allows (0 = no limit). */
  minPlays: number;
  maxPlays: number;
  autostart: boolean;
  loop: boolean;
  /** Score a media interaction: full points once played at least minPlays times. */
  scoreByPlays: boolean;
  /** The label of an end-attempt button. */
  buttonTitle: string;
}

export interface ItemMetadataState {
  subject: string;
  grade: string;
  topic: string;
  competencies: string;
  cognitiveLevel: '' | 'nhan_biet' | 'thong_hieu' | 'van_dung' | 'van_dung_cao';
}

export interface MediaFileState {
  contentType: string;
  /** Base64 bytes. */
  data: string;
}

export interface EditorItem {
  identifier: string;
  title: string;
  /** The stem: rich content (paragraphs, lists, tables, images, MathML). */
  stem: AuthoringContentNode[];
  interaction: InteractionState;
  points: number;
  /** Score each right part (mapping) instead of all or nothing. */
  partialCredit: boolean;
  feedbackCorrect: string;
  feedbackIncorrect: string;
  metadata: ItemMetadataState;
  /** Uploaded media by the path the item uses (`media/<name>`). */
  media: Record<string, MediaFileState>;
}

export const text = (t: string): AuthoringContentNode => ({ kind: 'text', text: t });
export const qti = (
  name: string,
  attributes: Record<string, string>,
  children: AuthoringContentNode[] = [],
): AuthoringContentElement => ({ kind: 'element', name, ns: 'qti', attributes, children });
export const html = (
  name: string,
  attributes: Record<string, string>,
  children: AuthoringContentNode[] = [],
): AuthoringContentElement => ({ kind: 'element', name, ns: 'html', attributes, children });

export const letterId = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(i) : '');
export const choice = (id: string, t = ''): Choice => ({
  id,
  text: t,
  fixed: false,
  matchMax: 1,
  feedback: '',
});

export function emptyInteraction(kind: InteractionKind): InteractionState {
  return {
    kind,
    prompt: '',
    choices: (kind === 'gapMatch'
      ? ['W1', 'W2', 'W3']
      : kind === 'graphicGapMatch'
        ? ['L1', 'L2']
        : ['A', 'B', 'C', 'D']
    ).map((id) => choice(id)),
    targets: ['P', 'Q', 'R'].map((id) => choice(id)),
    text: '',
    shuffle: false,
    maxChoices: kind === 'choice' || kind === 'hotspot' || kind === 'selectPoint' ? 1 : 0,
    correct: [],
    answers: [{ value: '', score: 1 }],
    caseSensitive: false,
    baseType: 'string',
    lower: 0,
    upper: 10,
    step: 1,
    expectedLines: 5,
    fileType: '',
    areas: [],
    code: { language: 'python', instructions: '', starterCode: '', entry: '', testsJson: '[]' },
    minPlays: 0,
    maxPlays: 0,
    autostart: false,
    loop: false,
    scoreByPlays: false,
    buttonTitle: '',
  };
}

export function emptyEditorItem(kind: InteractionKind = 'choice'): EditorItem {
  return {
    identifier: `ITEM-${Date.now().toString(36).toUpperCase()}`,
    title: '',
    stem: [html('p', {}, [])],
    interaction: emptyInteraction(kind),
    points: 1,
    partialCredit: false,
    feedbackCorrect: '',
    feedbackIncorrect: '',
    metadata: { subject: '', grade: '', topic: '', competencies: '', cognitiveLevel: '' },
    media: {},
  };
}

/** The plain text of content, for titles and checks. */
export const plainTextOf = (nodes: AuthoringContentNode[]): string =>
  nodes.map((n) => (n.kind === 'text' ? n.text : plainTextOf(n.children))).join('');
