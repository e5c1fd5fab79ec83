import { describe, expect, it } from 'vitest';
import { INTERACTION_TYPES, type InteractionType } from '../model/content.ts';
import type { BaseType, Cardinality } from '../model/declarations.ts';
import { loadDemoBank } from '../demo-bank/demo-bank.ts';
import { asWritten } from '../test/as-written.ts';
import {
  AuthoringItem,
  parseAuthoringXml,
  serialiseAuthoringItem,
  toAuthoringItem,
  type AuthoringContentElement,
  type AuthoringContentNode,
  type AuthoringItemInput,
} from './authoring-item.ts';

const text = (t: string): AuthoringContentNode => ({ kind: 'text', text: t });
const qti = (
  name: string,
  attributes: Record<string, string>,
  children: AuthoringContentNode[] = [],
): AuthoringContentElement => ({
  kind: 'element',
  name,
  ns: 'qti',
  attributes,
  children,
});
const html = (
  name: string,
  attributes: Record<string, string>,
  children: AuthoringContentNode[] = [],
): AuthoringContentElement => ({
  kind: 'element',
  name,
  ns: 'html',
  attributes,
  children,
});
const prompt = qti('prompt', {}, [text('Chọn đáp án đúng: '), html('strong', {}, [text('x² = 4')])]);
const image = html('img', { src: 'media/hinh.png', alt: 'Hình vẽ', width: '200', height: '100' });
const object = html('object', { data: 'media/hinh.png', type: 'image/png', width: '200', height: '100' });
const choices = (name: string, ids: string[], extra: Record<string, string> = {}) =>
  ids.map((id) => qti(name, { identifier: id, ...extra }, [text(`Lựa chọn ${id}`)]));
const hotspots = (name: string, ids: string[]) =>
  ids.map((id, i) =>
    qti(name, { identifier: id, shape: 'circle', coords: `${20 + i * 40},50,15`, matchMax: '1' }),
  );

/** For each interaction: its markup, the response it answers and a key. */
const CASES: Record<
  InteractionType,
  { baseType: BaseType; cardinality: Cardinality; key: string[]; body: AuthoringContentElement }
> = {
  choiceInteraction: {
    baseType: 'identifier',
    cardinality: 'multiple',
    key: ['A', 'C'],
    body: qti('choiceInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true', maxChoices: '0' }, [
      prompt,
      ...choices('simpleChoice', ['A', 'B', 'C'], { fixed: 'false' }),
    ]),
  },
  orderInteraction: {
    baseType: 'identifier',
    cardinality: 'ordered',
    key: ['C', 'A', 'B'],
    body: qti('orderInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true' }, [
      prompt,
      ...choices('simpleChoice', ['A', 'B', 'C']),
    ]),
  },
  associateInteraction: {
    baseType: 'pair',
    cardinality: 'multiple',
    key: ['A B'],
    body: qti(
      'associateInteraction',
      { responseIdentifier: 'RESPONSE', maxAssociations: '2' },
      choices('simpleAssociableChoice', ['A', 'B', 'C'], { matchMax: '1' }),
    ),
  },
  matchInteraction: {
    baseType: 'directedPair',
    cardinality: 'multiple',
    key: ['A X', 'B Y'],
    body: qti('matchInteraction', { responseIdentifier: 'RESPONSE', maxAssociations: '2' }, [
      qti('simpleMatchSet', {}, choices('simpleAssociableChoice', ['A', 'B'], { matchMax: '1' })),
      qti('simpleMatchSet', {}, choices('simpleAssociableChoice', ['X', 'Y'], { matchMax: '1' })),
    ]),
  },
  gapMatchInteraction: {
    baseType: 'directedPair',
    cardinality: 'multiple',
    key: ['W1 G1'],
    body: qti('gapMatchInteraction', { responseIdentifier: 'RESPONSE' }, [
      ...choices('gapText', ['W1', 'W2'], { matchMax: '1' }),
      html('p', {}, [text('Hà Nội là '), qti('gap', { identifier: 'G1' }), text(' của Việt Nam.')]),
    ]),
  },
  inlineChoiceInteraction: {
    baseType: 'identifier',
    cardinality: 'single',
    key: ['A'],
    body: html('p', {}, [
      text('Trái Đất '),
      qti('inlineChoiceInteraction', { responseIdentifier: 'RESPONSE' }, choices('inlineChoice', ['A', 'B'])),
      text(' quanh Mặt Trời.'),
    ]),
  },
  textEntryInteraction: {
    baseType: 'float',
    cardinality: 'single',
    key: ['3.14'],
    body: html('p', {}, [
      text('π ≈ '),
      qti('textEntryInteraction', {
        responseIdentifier: 'RESPONSE',
        expectedLength: '5',
        patternMask: '[0-9.]+',
      }),
    ]),
  },
  extendedTextInteraction: {
    baseType: 'string',
    cardinality: 'single',
    key: ['Vì quán tính'],
    body: qti(
      'extendedTextInteraction',
      { responseIdentifier: 'RESPONSE', expectedLines: '5', format: 'plain' },
      [prompt],
    ),
  },
  hottextInteraction: {
    baseType: 'identifier',
    cardinality: 'multiple',
    key: ['H1'],
    body: qti('hottextInteraction', { responseIdentifier: 'RESPONSE', maxChoices: '2' }, [
      html('p', {}, [
        text('Tôi '),
        qti('hottext', { identifier: 'H1' }, [text('đã')]),
        text(' đi '),
        qti('hottext', { identifier: 'H2' }, [text('học')]),
      ]),
    ]),
  },
  hotspotInteraction: {
    baseType: 'identifier',
    cardinality: 'single',
    key: ['S1'],
    body: qti('hotspotInteraction', { responseIdentifier: 'RESPONSE', maxChoices: '1' }, [
      object,
      ...hotspots('hotspotChoice', ['S1', 'S2']),
    ]),
  },
  selectPointInteraction: {
    baseType: 'point',
    cardinality: 'single',
    key: ['20 50'],
    body: qti('selectPointInteraction', { responseIdentifier: 'RESPONSE', maxChoices: '1' }, [object]),
  },
  graphicOrderInteraction: {
    baseType: 'identifier',
    cardinality: 'ordered',
    key: ['S2', 'S1'],
    body: qti('graphicOrderInteraction', { responseIdentifier: 'RESPONSE' }, [
      object,
      ...hotspots('hotspotChoice', ['S1', 'S2']),
    ]),
  },
  graphicAssociateInteraction: {
    baseType: 'pair',
    cardinality: 'multiple',
    key: ['S1 S2'],
    body: qti('graphicAssociateInteraction', { responseIdentifier: 'RESPONSE', maxAssociations: '1' }, [
      object,
      ...hotspots('associableHotspot', ['S1', 'S2']),
    ]),
  },
  graphicGapMatchInteraction: {
    baseType: 'directedPair',
    cardinality: 'multiple',
    key: ['I1 S1'],
    body: qti('graphicGapMatchInteraction', { responseIdentifier: 'RESPONSE' }, [
      object,
      qti('gapImg', { identifier: 'I1', matchMax: '1' }, [
        html('object', { data: 'media/hinh.png', type: 'image/png' }),
      ]),
      ...hotspots('associableHotspot', ['S1', 'S2']),
    ]),
  },
  positionObjectInteraction: {
    baseType: 'point',
    cardinality: 'single',
    key: ['60 50'],
    body: qti('positionObjectStage', {}, [
      object,
      qti('positionObjectInteraction', { responseIdentifier: 'RESPONSE', maxChoices: '1' }, [
        html('object', { data: 'media/hinh.png', type: 'image/png', width: '10', height: '10' }),
      ]),
    ]),
  },
  sliderInteraction: {
    baseType: 'integer',
    cardinality: 'single',
    key: ['30'],
    body: qti(
      'sliderInteraction',
      { responseIdentifier: 'RESPONSE', lowerBound: '0', upperBound: '100', step: '10' },
      [prompt],
    ),
  },
  mediaInteraction: {
    baseType: 'integer',
    cardinality: 'single',
    key: ['1'],
    body: qti('mediaInteraction', { responseIdentifier: 'RESPONSE', autostart: 'false', maxPlays: '2' }, [
      html('audio', { src: 'media/nghe.mp3', controls: 'true' }),
    ]),
  },
  uploadInteraction: {
    baseType: 'file',
    cardinality: 'single',
    key: [],
    body: qti('uploadInteraction', { responseIdentifier: 'RESPONSE', type: 'application/pdf' }, [prompt]),
  },
  drawingInteraction: {
    baseType: 'file',
    cardinality: 'single',
    key: [],
    body: qti('drawingInteraction', { responseIdentifier: 'RESPONSE' }, [object]),
  },
  endAttemptInteraction: {
    baseType: 'boolean',
    cardinality: 'single',
    key: [],
    // An inline interaction sits in a block (a body holds only blocks; the writer wraps one that does not).
    body: html('p', {}, [
      qti('endAttemptInteraction', { responseIdentifier: 'RESPONSE', title: 'Xem gợi ý' }),
    ]),
  },
  portableCustomInteraction: {
    baseType: 'string',
    cardinality: 'single',
    key: [],
    body: qti(
      'portableCustomInteraction',
      {
        responseIdentifier: 'RESPONSE',
        customInteractionTypeIdentifier: 'urn:example:likert',
        module: 'likert',
      },
      [qti('interactionMarkup', {}, [html('div', { class: 'likert' }, [text('Mức độ đồng ý')])])],
    ),
  },
  customInteraction: {
    baseType: 'string',
    cardinality: 'single',
    key: [],
    body: qti('customInteraction', { responseIdentifier: 'RESPONSE', class: 'widget' }, [
      {
        kind: 'element',
        name: 'config',
        ns: 'other',
        namespace: 'urn:example:widget',
        attributes: { size: '3' },
        children: [text('{"a":1}')],
      },
    ]),
  },
};

function itemFor(type: InteractionType): AuthoringItemInput {
  const c = CASES[type];
  return {
    identifier: `AUTH-${type}`,
    title: `Câu hỏi ${type} "thử" <&>`,
    language: 'vi',
    declarations: [
      {
        kind: 'response',
        identifier: 'RESPONSE',
        cardinality: c.cardinality,
        baseType: c.baseType,
        ...(c.key.length ? { correctResponse: c.key.map((k) => ({ text: k })) } : {}),
      },
      {
        kind: 'outcome',
        identifier: 'SCORE',
        cardinality: 'single',
        baseType: 'float',
        defaultValue: [{ text: '0' }],
        normalMaximum: 1,
      },
    ],
    responseProcessing: c.key.length ? { template: 'match_correct' } : undefined,
    body: qti('itemBody', {}, [
      html('div', { class: 'stem' }, [
        text('Đề bài '),
        image,
        {
          kind: 'element',
          name: 'math',
          ns: 'math',
          attributes: {},
          children: [{ kind: 'element', name: 'mi', ns: 'math', attributes: {}, children: [text('x')] }],
        },
      ]),
      c.body,
    ]),
    modalFeedback: [
      {
        outcomeIdentifier: 'SCORE',
        identifier: 'FB',
        showHide: 'show',
        title: 'Nhận xét',
        content: [html('p', {}, [text('Tốt!')])],
      },
    ],
  };
}

describe('the JSON authoring model', () => {
  it('covers every interaction type', () => {
    expect(Object.keys(CASES).sort()).toEqual([...INTERACTION_TYPES].sort());
  });

  it.each([...INTERACTION_TYPES])('parse(serialise(x)) equals x for a %s item', (type) => {
    const x = AuthoringItem.parse(itemFor(type));
    const xml = serialiseAuthoringItem(x);
    const { item, model, problems } = parseAuthoringXml(xml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(item).toEqual(x);
    expect(model!.qtiVersion).toBe('3.0');
    expect(model!.interactions.map((i) => i.type)).toEqual([type]);
  });

  it('round-trips every demo item, the code task included', () => {
    for (const demo of loadDemoBank()) {
      const x = toAuthoringItem(demo.item);
      // A matchTable comes back as the interpolationTable that looks up the same (as the 2025 true/false item's).
      const written = asWritten(x);
      const once = parseAuthoringXml(serialiseAuthoringItem(x)).item;
      expect(once, demo.file).toEqual(written);
      expect(parseAuthoringXml(serialiseAuthoringItem(once!)).item, demo.file).toEqual(once);
    }
  });

  it('refuses bad input with zod errors instead of writing broken XML', () => {
    const bad = itemFor('choiceInteraction');
    expect(() => serialiseAuthoringItem({ ...bad, identifier: '1 bad id' })).toThrow(/QTI identifier/);
    expect(() =>
      serialiseAuthoringItem({ ...bad, body: qti('itemBody', {}, [html('p onclick', {})]) }),
    ).toThrow(/XML name/);
    expect(() =>
      serialiseAuthoringItem({
        ...bad,
        body: qti('itemBody', {}, [
          { kind: 'element', name: 'x', ns: 'other', attributes: {}, children: [] },
        ]),
      }),
    ).toThrow(/namespace/);
  });
});
