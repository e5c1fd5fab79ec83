import { describe, expect, it } from 'vitest';
import { compileItem } from '../grading/index.ts';
import {
  AuthoringItem,
  loadDemoBank,
  parseAuthoringXml,
  serialiseAuthoringItem,
  toAuthoringItem as authoringOfModel,
} from '../item-bank/index.ts';
import type { AuthoringContentNode } from '../item-bank/client.ts';
import {
  choice,
  emptyEditorItem,
  html,
  INTERACTION_KINDS,
  text,
  type Area,
  type EditorItem,
  type InteractionKind,
  type InteractionState,
} from '../delivery-client/author/editor/editor-item.ts';
import { fromAuthoringItem } from '../delivery-client/author/editor/from-authoring.ts';
import { withLocalMedia } from '../delivery-client/author/editor/media.ts';
import { toAuthoringItem } from '../delivery-client/author/editor/to-authoring.ts';

const picture = {
  href: 'media/ban-do.png',
  contentType: 'image/png',
  width: 300,
  height: 200,
  alt: 'Bản đồ',
};
const areas: Area[] = [
  { id: 'S1', label: 'Hà Nội', shape: 'rect', coords: [10, 10, 60, 60], score: 1, matchMax: 1 },
  { id: 'S2', label: 'Huế', shape: 'circle', coords: [150, 100, 30], score: 1, matchMax: 1 },
  {
    id: 'S3',
    label: 'Cần Thơ',
    shape: 'poly',
    coords: [200, 150, 260, 150, 230, 190],
    score: 1,
    matchMax: 1,
  },
];
const abc = ['A', 'B', 'C'].map((id) => choice(id, `Lựa chọn ${id}`));

/** For each kind: the interaction, a right answer and a wrong one (JSON forms the scorer reads). */
const CASES: Record<
  InteractionKind,
  { state: Partial<InteractionState>; right?: unknown; wrong?: unknown; points?: number; partial?: boolean }
> = {
  choice: {
    state: {
      choices: abc.map((c) => ({
        ...c,
        fixed: c.id === 'C',
        feedback: c.id === 'A' ? 'A là năm khác.' : '',
      })),
      maxChoices: 1,
      shuffle: true,
      correct: ['B'],
    },
    right: 'B',
    wrong: 'A',
  },
  order: {
    state: { choices: abc, correct: ['C', 'A', 'B'] },
    right: ['C', 'A', 'B'],
    wrong: ['A', 'B', 'C'],
    points: 2,
  },
  match: {
    state: {
      choices: abc.slice(0, 2),
      targets: [choice('X', 'x'), choice('Y', 'y')],
      maxChoices: 2,
      correct: ['A X', 'B Y'],
    },
    right: ['A X', 'B Y'],
    wrong: ['X A', 'B X'],
    partial: true,
  },
  associate: { state: { choices: abc, maxChoices: 1, correct: ['A C'] }, right: ['C A'], wrong: ['A B'] },
  gapMatch: {
    state: {
      choices: [choice('W1', 'thủ đô'), choice('W2', 'thành phố')],
      text: 'Hà Nội là [gap] của Việt Nam.\nHuế là một [gap].',
      correct: ['W1 G1', 'W2 G2'],
    },
    right: ['W1 G1', 'W2 G2'],
    wrong: ['W2 G1'],
  },
  inlineChoice: {
    state: {
      choices: [choice('A', 'quay'), choice('B', 'đứng yên')],
      text: 'Trái Đất ___ quanh Mặt Trời.',
      correct: ['A'],
    },
    right: 'A',
    wrong: 'B',
  },
  textEntry: {
    state: {
      text: 'Thủ đô của Việt Nam là ___.',
      answers: [
        { value: 'Hà Nội', score: 1 },
        { value: 'Ha Noi', score: 0.5 },
      ],
      caseSensitive: false,
    },
    right: 'hà nội',
    wrong: 'Huế',
  },
  extendedText: { state: { prompt: 'Giải thích hiện tượng.', expectedLines: 8 } },
  hottext: {
    state: { text: 'Tôi [đã] đi [học] hôm qua.', maxChoices: 1, correct: ['H1'] },
    right: 'H1',
    wrong: 'H2',
  },
  slider: {
    state: { lower: 0, upper: 100, step: 10, baseType: 'integer', correct: ['30'] },
    right: 30,
    wrong: 40,
  },
  upload: { state: { prompt: 'Nộp bài làm dạng PDF.', fileType: 'application/pdf' } },
  drawing: { state: { prompt: 'Vẽ trục đối xứng.', picture } },
  hotspot: { state: { picture, areas, maxChoices: 1, correct: ['S2'] }, right: 'S2', wrong: 'S1' },
  selectPoint: {
    state: { picture, maxChoices: 1, areas: [{ ...areas[1]!, id: 'AREA1', label: '', score: 2 }] },
    right: '150 110',
    wrong: '20 20',
    points: 2,
  },
  graphicOrder: {
    state: { picture, areas, correct: ['S3', 'S1', 'S2'] },
    right: ['S3', 'S1', 'S2'],
    wrong: ['S1', 'S2', 'S3'],
  },
  graphicAssociate: {
    state: { picture, areas, maxChoices: 2, correct: ['S1 S2'] },
    right: ['S2 S1'],
    wrong: ['S1 S3'],
  },
  graphicGapMatch: {
    state: {
      picture,
      areas,
      choices: [choice('L1', 'Thủ đô'), choice('L2', 'Cố đô')],
      correct: ['L1 S1', 'L2 S2'],
    },
    right: ['L1 S1', 'L2 S2'],
    wrong: ['L1 S2', 'L2 S1'],
  },
  positionObject: {
    state: {
      picture,
      object: { ...picture, href: 'media/co.png', width: 20, height: 20, alt: 'Lá cờ' },
      maxChoices: 1,
      areas: [{ ...areas[0]!, id: 'AREA1', label: '' }],
    },
    right: '30 30',
    wrong: '200 190',
  },
  codeTask: {
    state: {
      code: {
        language: 'python',
        instructions: 'Viết hàm tong(a, b).',
        starterCode: 'def tong(a, b):\n    pass\n',
        entry: 'tong',
        testsJson: JSON.stringify([
          { name: 'mẫu', visible: true, kind: 'function', args: [1, 2], expected: 3 },
          { name: 'ẩn', visible: false, kind: 'function', args: [2, 2], expected: 4 },
        ]),
      },
    },
  },
  media: {
    state: {
      prompt: 'Nghe đoạn hội thoại.',
      clip: { href: 'media/hoi-thoai.mp3', contentType: 'audio/mpeg', width: 0, height: 0, alt: 'Hội thoại' },
      minPlays: 1,
      maxPlays: 2,
      autostart: false,
      loop: false,
    },
  },
  endAttempt: { state: { buttonTitle: 'Xem gợi ý' } },
};

const mathml: AuthoringContentNode = {
  kind: 'element' as const,
  name: 'math',
  ns: 'math' as const,
  attributes: { display: 'inline' },
  children: [
    {
      kind: 'element' as const,
      name: 'semantics',
      ns: 'math' as const,
      attributes: {},
      children: [
        {
          kind: 'element' as const,
          name: 'msup',
          ns: 'math' as const,
          attributes: {},
          children: [
            {
              kind: 'element' as const,
              name: 'mi',
              ns: 'math' as const,
              attributes: {},
              children: [text('x')],
            },
            {
              kind: 'element' as const,
              name: 'mn',
              ns: 'math' as const,
              attributes: {},
              children: [text('2')],
            },
          ],
        },
        {
          kind: 'element' as const,
          name: 'annotation',
          ns: 'math' as const,
          attributes: { encoding: 'application/x-tex' },
          children: [text('x^2')],
        },
      ],
    },
  ],
};

function editorItem(kind: InteractionKind): EditorItem {
  const c = CASES[kind];
  const base = emptyEditorItem(kind);
  return {
    ...base,
    identifier: `ED-${kind}`,
    title: `Câu ${kind}`,
    stem: [
      html('p', {}, [
        text('Đề bài '),
        html('strong', {}, [text('in đậm')]),
        text(' và '),
        html('u', {}, [text('gạch chân')]),
        text(': '),
        mathml,
      ]),
      html('table', {}, [
        html('tbody', {}, [html('tr', {}, [html('td', {}, [text('1')]), html('td', {}, [text('2')])])]),
      ]),
      html('ul', {}, [html('li', {}, [text('ý một')])]),
    ],
    interaction: { ...base.interaction, ...c.state, kind },
    points: c.points ?? 1,
    partialCredit: c.partial ?? false,
    feedbackCorrect: c.right !== undefined ? 'Đúng rồi!' : '',
    feedbackIncorrect: c.right !== undefined ? 'Chưa đúng.' : '',
  };
}

describe('item editor models', () => {
  it.each([...INTERACTION_KINDS])(
    '%s: editor -> authoring JSON -> QTI -> parse -> score, and back',
    (kind) => {
      const c = CASES[kind];
      const item = editorItem(kind);
      const authoring = AuthoringItem.parse(toAuthoringItem(item));
      const xml = serialiseAuthoringItem(authoring);
      const parsed = parseAuthoringXml(xml);
      expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(parsed.item).toEqual(authoring);

      if (c.right !== undefined) {
        const scorer = compileItem(parsed.model!);
        const right = scorer.scoreJson({ RESPONSE: c.right });
        expect(right.SCORE, 'right answer').toBe(item.points);
        expect(right.FEEDBACK).toBe('CORRECT');
        const wrong = scorer.scoreJson({ RESPONSE: c.wrong });
        expect(wrong.SCORE, 'wrong answer').toBeLessThan(item.points);
        expect(wrong.FEEDBACK).toBe('INCORRECT');
      }

      // Reopening the stored item gives the same editor state, so saving it again changes nothing.
      const reopened = fromAuthoringItem(parsed.item!);
      expect(AuthoringItem.parse(toAuthoringItem(reopened))).toEqual(authoring);
      expect(reopened.interaction.kind).toBe(kind);
    },
  );

  it('inline choice feedback is keyed on the chosen choice', () => {
    const authoring = AuthoringItem.parse(toAuthoringItem(editorItem('choice')));
    const scorer = compileItem(parseAuthoringXml(serialiseAuthoringItem(authoring)).model!);
    expect(scorer.scoreJson({ RESPONSE: 'A' }).CHOICE_FEEDBACK).toBe('A');
    expect(fromAuthoringItem(authoring).interaction.choices.map((c) => c.feedback)).toEqual([
      'A là năm khác.',
      '',
      '',
    ]);
  });

  it('partial credit scores each right pair of a match', () => {
    const authoring = AuthoringItem.parse(toAuthoringItem(editorItem('match')));
    const scorer = compileItem(parseAuthoringXml(serialiseAuthoringItem(authoring)).model!);
    expect(scorer.scoreJson({ RESPONSE: ['A X'] }).SCORE).toBe(0.5);
  });

  it('text entry alternatives carry their own scores and case sensitivity', () => {
    const item = editorItem('textEntry');
    const scorer = (caseSensitive: boolean) =>
      compileItem(
        parseAuthoringXml(
          serialiseAuthoringItem(
            toAuthoringItem({ ...item, interaction: { ...item.interaction, caseSensitive } }),
          ),
        ).model!,
      );
    expect(scorer(false).scoreJson({ RESPONSE: 'ha noi' }).SCORE).toBe(0.5);
    expect(scorer(true).scoreJson({ RESPONSE: 'hà nội' }).SCORE).toBe(0);
    expect(scorer(true).scoreJson({ RESPONSE: 'Hà Nội' }).SCORE).toBe(1);
  });

  it('a media interaction refers to its file in the item media and keeps its play limits', () => {
    const item = editorItem('media');
    const authoring = AuthoringItem.parse(toAuthoringItem(item));
    // The editor saves only the media files the item's JSON names (as pictures are).
    expect(JSON.stringify(authoring)).toContain('"media/hoi-thoai.mp3"');
    const local = withLocalMedia(authoring, {
      'media/hoi-thoai.mp3': { contentType: 'audio/mpeg', data: 'AAAA' },
    });
    expect(JSON.stringify(local)).toContain('data:audio/mpeg;base64,AAAA');
    expect(authoring.responseProcessing).toBeUndefined();
    const reopened = fromAuthoringItem(parseAuthoringXml(serialiseAuthoringItem(authoring)).item!);
    expect(reopened.interaction).toMatchObject({
      kind: 'media',
      prompt: 'Nghe đoạn hội thoại.',
      clip: { href: 'media/hoi-thoai.mp3', contentType: 'audio/mpeg', alt: 'Hội thoại' },
      minPlays: 1,
      maxPlays: 2,
      autostart: false,
      loop: false,
    });
    const looped = {
      ...item,
      interaction: { ...item.interaction, autostart: true, loop: true, maxPlays: 0 },
    };
    const again = fromAuthoringItem(
      parseAuthoringXml(serialiseAuthoringItem(AuthoringItem.parse(toAuthoringItem(looped)))).item!,
    );
    expect(again.interaction).toMatchObject({ autostart: true, loop: true, maxPlays: 0 });
  });

  it('a media interaction scored by its plays gives full points from minPlays on', () => {
    const base = editorItem('media');
    const item = {
      ...base,
      points: 2,
      feedbackCorrect: 'Đã nghe đủ.',
      interaction: { ...base.interaction, scoreByPlays: true, minPlays: 2, maxPlays: 3 },
    };
    const authoring = AuthoringItem.parse(toAuthoringItem(item));
    const parsed = parseAuthoringXml(serialiseAuthoringItem(authoring));
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.item).toEqual(authoring);
    const scorer = compileItem(parsed.model!);
    expect(scorer.scoreJson({ RESPONSE: 1 }).SCORE).toBe(0);
    expect(scorer.scoreJson({ RESPONSE: 2 }).SCORE).toBe(2);
    expect(scorer.scoreJson({ RESPONSE: 3 }).FEEDBACK).toBe('CORRECT');
    const reopened = fromAuthoringItem(parsed.item!);
    expect(reopened.interaction).toMatchObject({ scoreByPlays: true, minPlays: 2 });
    expect(AuthoringItem.parse(toAuthoringItem(reopened))).toEqual(authoring);
  });

  it('an end-attempt button keeps its title, a boolean response and no score', () => {
    const authoring = AuthoringItem.parse(toAuthoringItem(editorItem('endAttempt')));
    const response = authoring.declarations.find((d) => d.kind === 'response');
    expect(response).toMatchObject({ cardinality: 'single', baseType: 'boolean' });
    expect(authoring.responseProcessing).toBeUndefined();
    const reopened = fromAuthoringItem(parseAuthoringXml(serialiseAuthoringItem(authoring)).item!);
    expect(reopened.interaction.buttonTitle).toBe('Xem gợi ý');
  });

  it('uses the standard templates when one point and no feedback say it all', () => {
    const plain = (kind: InteractionKind) =>
      AuthoringItem.parse(
        toAuthoringItem({ ...editorItem(kind), feedbackCorrect: '', feedbackIncorrect: '' }),
      ).responseProcessing;
    expect(plain('hotspot')).toEqual({ template: 'match_correct' });
    expect(plain('textEntry')).toEqual({ template: 'map_response' });
    expect(plain('positionObject')).toEqual({ template: 'map_response_point' });
    expect(plain('extendedText')).toBeUndefined();
  });
});

describe('reopening items the editor did not write', () => {
  it('reopens single-interaction demo items, keeps their key, and refuses what saving would lose', () => {
    let reopened = 0;
    let refused = 0;
    for (const demo of loadDemoBank()) {
      const authoring = authoringOfModel(demo.item);
      let editor: EditorItem;
      try {
        editor = fromAuthoringItem(authoring);
      } catch {
        refused++;
        continue;
      }
      reopened++;
      const again = parseAuthoringXml(serialiseAuthoringItem(toAuthoringItem(editor)));
      expect(
        again.problems.filter((p) => p.severity === 'error'),
        demo.file,
      ).toEqual([]);
      const key = authoring.declarations.find((d) => d.kind === 'response');
      if (key?.kind !== 'response' || !key.correctResponse?.length || editor.interaction.kind === 'textEntry')
        continue;
      const answer =
        key.cardinality === 'single' ? key.correctResponse[0]!.text : key.correctResponse.map((v) => v.text);
      const scored = compileItem(again.model!).scoreJson({ RESPONSE: answer });
      expect(scored.SCORE, demo.file).toBe(editor.points);
    }
    expect(reopened).toBeGreaterThan(3);
    expect(refused).toBeGreaterThan(0); // the true/false cluster has four interactions
  });
});
