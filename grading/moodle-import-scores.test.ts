/**
 * Items imported from Moodle's formats score as Moodle scores the question: Moodle's own fixtures
 * (../shared/corpus/moodle, read in place) and small GIFT/XML snippets through the importers, then
 * through the QTI scorer. (Here rather than in item-bank, which may not import grading.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseItemXml, previewImport, type ImportedQuestion, type ImportFormat } from '../item-bank/index.ts';
import { compileItem } from './score-item.ts';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/moodle');
const read = async (format: ImportFormat, file: string) =>
  previewImport(format, new Uint8Array(readFileSync(path.join(corpus, file))));
const text = async (format: ImportFormat, source: string) =>
  previewImport(format, new TextEncoder().encode(source));
const byName = (qs: ImportedQuestion[], name: string) => {
  const q = qs.find((x) => x.label.includes(`(${name})`));
  if (!q) throw new Error(`no question ${name}`);
  return q;
};
/** SCORE of each response, from the item's QTI as stored. */
function scores(q: ImportedQuestion, responses: Array<Record<string, unknown>>): number[] {
  expect(q.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const item = parseItemXml(q.qtiXml!).item!;
  const compiled = compileItem(item);
  return responses.map((r) => Math.round(Number(compiled.scoreJson(r).SCORE) * 1e4) / 1e4);
}
const R = (v: unknown) => ({ RESPONSE: v });
/** The text of the modal feedback a response shows (outcome FEEDBACK holds the identifiers), as the engine picks it. */
function feedbackShown(q: ImportedQuestion, responses: Record<string, unknown>): string[] {
  const item = parseItemXml(q.qtiXml!).item!;
  const outcome = compileItem(item).scoreJson(responses).FEEDBACK;
  const ids = Array.isArray(outcome) ? outcome.map(String) : outcome ? [String(outcome)] : [];
  const textOf = (nodes: unknown[]): string =>
    nodes
      .map((n) => {
        const x = n as { kind: string; text?: string; children?: unknown[] };
        return x.kind === 'text' ? x.text! : textOf(x.children ?? []);
      })
      .join('');
  return item.modalFeedback
    .filter((f) => ids.includes(f.identifier))
    .map((f) => f.content.map((n) => textOf([n])).join(' / '));
}

describe('GIFT with Moodle meaning', () => {
  it('short answer: =%50%Cat gives half, =%0%* is a wildcard worth nothing, case and spaces ignored', async () => {
    const q = byName((await read('gift', 'gift/01-questions.gift.txt')).questions, 'Shortanswer');
    expect(scores(q, [R('Frog'), R(' frog '), R('Cat'), R('cat'), R('anything'), R('*')])).toEqual([
      1, 1, 0.5, 0.5, 0, 0,
    ]);
  });

  it('a wildcard with credit matches any text; a star written \\* is a star', async () => {
    const { questions } = await text('gift', 'Name a colour {=red =%50%bl*e =%20%*}\n\nStar {=a\\*b}');
    expect(scores(questions[0]!, [R('RED'), R('blue'), R('black and blue'), R('green')])).toEqual([
      1, 0.5, 0.5, 0.2,
    ]);
    expect(scores(questions[1]!, [R('a*b'), R('axb')])).toEqual([1, 0]);
  });

  it('{=right ~%50%half ~wrong} stays single-choice with partial credit', async () => {
    const { questions } = await text('gift', 'Pick {=right ~%50%half ~wrong}');
    expect(questions[0]!.draft.kind).toBe('single');
    expect(scores(questions[0]!, [R('A'), R('B'), R('C'), {}])).toEqual([1, 0.5, 0, 0]);
  });

  it('multiple answers with weights: sum of the chosen, clamped to 0..1 as Moodle does', async () => {
    const q = byName((await read('gift', 'gift/g04-multichoice-multi.gift')).questions, 'colours');
    expect(q.draft.kind).toBe('multiple');
    expect(scores(q, [R(['A', 'C']), R(['A']), R(['A', 'B']), R(['A', 'B', 'C', 'D'])])).toEqual([
      1, 0.5, 0, 0,
    ]);
  });

  it('numeric {#3:2~#Completely wrong} is accepted and compared as a number within the tolerance', async () => {
    const q = byName((await read('gift', 'gift/01-questions.gift.txt')).questions, 'Q5');
    expect(q.draft.kind).toBe('numeric');
    expect(scores(q, [R('3'), R('1'), R('4.99'), R('5.0'), R('5.01'), R('0'), R('ba')])).toEqual([
      1, 1, 1, 1, 0, 0, 0,
    ]);
    const { questions } = await text('gift', 'Range {#1..5}\n\nParts {#=3:0 =%50%3:1}');
    expect(scores(questions[0]!, [R('1'), R('5'), R('5.5')])).toEqual([1, 1, 0]);
    expect(scores(questions[1]!, [R('3.0'), R('2.5'), R('4'), R('4.5')])).toEqual([1, 0.5, 0.5, 0]);
  });

  it('matching scores the share of right pairs; the extra answer is a distractor', async () => {
    const q = byName((await read('gift', 'gift/g02-match.gift')).questions, 'Moodle activities');
    const right = ['P1 M1', 'P2 M2', 'P3 M3', 'P4 M4'];
    expect(scores(q, [R(right), R(right.slice(0, 2)), R(['P1 M5', 'P2 M1']), {}])).toEqual([1, 0.5, 0, 0]);
    expect(q.draft.pairs?.at(-1)).toEqual({ prompt: '', answer: 'Chat' });
  });

  it('true/false fixtures (T and TRUE); per-answer and general feedback shown as Moodle shows them', async () => {
    for (const file of ['gift/g08-truefalse-T.gift', 'gift/g11-tags.gift']) {
      const { questions } = await read('gift', file);
      expect(questions.every((q) => q.item)).toBe(true);
    }
    const tf = (await read('gift', 'gift/g08-truefalse-T.gift')).questions[0]!;
    expect(scores(tf, [R('A'), R('B')])).toEqual([1, 0]);
    const q1 = (await read('gift', 'gift/g07-truefalse.gift')).questions[0]!;
    expect(scores(q1, [R('A'), R('B')])).toEqual([0, 1]);
    expect(q1.problems).toEqual([]);
    // {FALSE#for the wrong answer#for the right answer}: choosing TRUE shows the first, FALSE the second.
    expect(feedbackShown(q1, R('A'))).toEqual(['42 is the Ultimate Answer.']);
    expect(feedbackShown(q1, R('B'))).toEqual(['You gave the right answer.']);
    const colours = byName((await read('gift', 'gift/g04-multichoice-multi.gift')).questions, 'colours');
    expect(feedbackShown(colours, R(['A', 'B']))).toEqual(['right; good!', 'wrong']);
    const general = byName((await read('gift', 'gift/01-questions.gift.txt')).questions, 'Q1');
    expect(feedbackShown(general, R('B'))).toEqual([
      'You gave the right answer.',
      "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
    ]);
  });

  it("a typed answer's own feedback: the first matching answer's, as Moodle picks it", async () => {
    const q = byName((await read('gift', 'gift/01-questions.gift.txt')).questions, 'Shortanswer');
    expect(feedbackShown(q, R('frog'))).toEqual(['Good!']);
    expect(feedbackShown(q, R('Cat'))).toEqual(['What is it with Moodlers and cats?']);
    expect(feedbackShown(q, R('dog'))).toEqual(['Completely wrong']);
    const n = byName((await read('gift', 'gift/01-questions.gift.txt')).questions, 'Q5');
    expect(feedbackShown(n, R('3'))).toEqual([]);
    expect(feedbackShown(n, R('9'))).toEqual(['Completely wrong']);
  });

  it('<pre> code keeps its lines and indentation; tags become metadata', async () => {
    const { questions } = await text(
      'gift',
      '// [tag:python]\n::Loop:: What does it print?<pre>for i in range(3):\n    print(i)\n\n# done</pre>{=0 1 2}',
    );
    const q = questions[0]!;
    expect(q.draft.tags).toEqual(['python']);
    expect(q.qtiXml).toContain('<pre>for i in range(3):\n    print(i)\n\n# done</pre>');
    expect(scores(q, [R('0 1 2')])).toEqual([1]);
  });

  it('a picture in [html] text with = in its attributes is read, and its outside address reported', async () => {
    const { questions } = await text(
      'gift',
      '::P:: [html]<p>Flag <img src="https://example.org/f.png" alt="f"></p>{T}',
    );
    expect(questions[0]!.qtiXml).toContain('src="https://example.org/f.png"');
    expect(questions[0]!.problems.map((p) => p.code)).toEqual(['external_media']);
  });
});

describe('Moodle XML fixtures', () => {
  it('numerical: 42.0 and 42.0005 score full (tolerance 0.001), 13 and text score 0', async () => {
    const q = byName((await read('moodle', 'xml/09-test-snippets.xml')).questions, 'Numerical question');
    expect(scores(q, [R('42'), R('42.0'), R('42.0005'), R('42.002'), R('13'), R('forty-two')])).toEqual([
      1, 1, 1, 0, 0, 0,
    ]);
    expect(scores(q, [R('42,0005'), R('42,002')])).toEqual([1, 0]);
  });

  it('short answer with a "*" answer worth 0, case ignored', async () => {
    const q = byName((await read('moodle', 'xml/09-test-snippets.xml')).questions, 'Short answer question');
    expect(scores(q, [R('beta'), R('Beta '), R('Gamma')])).toEqual([1, 1, 0]);
  });

  it('multiple answers with 100% each: either scores full (Moodle clamps the sum), out of defaultgrade 2', async () => {
    const q = byName(
      (await read('moodle', 'xml/09-test-snippets.xml')).questions,
      'Multiple choice question',
    );
    expect(scores(q, [R(['B']), R(['B', 'D']), R(['A']), R(['A', 'C'])])).toEqual([2, 2, 0, 0]);
  });

  it("combined feedback (correct, partially correct, incorrect) and numerical answers' feedback are shown", async () => {
    const { questions } = await read('moodle', 'xml/09-test-snippets.xml');
    const match = byName(questions, 'Matching question');
    expect(feedbackShown(match, R(['P1 M1', 'P2 M2', 'P3 M3']))).toEqual([
      'Well done.',
      'The answer is A -> a, B -> b and C -> c.',
    ]);
    expect(feedbackShown(match, R(['P1 M1']))[0]).toBe('Not entirely.');
    expect(feedbackShown(match, R(['P1 M2']))[0]).toBe('Completely wrong!');
    const numerical = byName(questions, 'Numerical question');
    expect(feedbackShown(numerical, R('42'))[0]).toBe('Well done!');
    expect(feedbackShown(numerical, R('13.5'))[0]).toBe('What were you thinking?!');
    expect(feedbackShown(numerical, R('7'))[0]).toBe('Completely wrong.');
  });

  it('matching: a third of the points per right pair, the empty subquestion a distractor', async () => {
    const q = byName((await read('moodle', 'xml/09-test-snippets.xml')).questions, 'Matching question');
    expect(scores(q, [R(['P1 M1', 'P2 M2', 'P3 M3']), R(['P1 M1', 'P2 M4']), R(['P1 M2'])])).toEqual([
      1, 0.3333, 0,
    ]);
  });

  it('the listening question keeps its mp3 and the flags in the options, as item media', async () => {
    const q = (await read('moodle', 'xml/01-multichoice.xml')).questions[0]!;
    expect(scores(q, [R('B'), R('A')])).toEqual([1, 0]);
    const hrefs = q.media!.map((m) => m.href);
    expect(hrefs).toContain('media/bonjour.mp3');
    expect(q.media!.find((m) => m.href === 'media/bonjour.mp3')!.contentType).toBe('audio/mpeg');
    expect(q.qtiXml).toContain('<audio src="media/bonjour.mp3" controls="true"');
    // Each option shows its flag; identical files are stored once.
    const model = parseItemXml(q.qtiXml!).item!;
    for (const href of model.media) expect(hrefs).toContain(href);
    expect(q.qtiXml!.match(/<img /g)).toHaveLength(4);
  });

  it('cloze: inline choices and a short answer, each gap its share; the pictures kept', async () => {
    const q = (await read('moodle', 'xml/03-multianswer.xml')).questions[0]!;
    expect(q.draft.kind).toBe('cloze');
    expect(q.draft.gaps!.map((g) => g.kind)).toEqual(['choice', 'choice', 'choice', 'choice', 'short']);
    const right = {
      RESPONSE_1: 'G1_A',
      RESPONSE_2: 'G2_B',
      RESPONSE_3: 'G3_A',
      RESPONSE_4: 'G4_B',
      RESPONSE_5: 'Paris',
    };
    expect(
      scores(q, [
        right,
        { ...right, RESPONSE_5: 'marseille' },
        { ...right, RESPONSE_1: 'G1_B', RESPONSE_5: 'Lyon' },
        {},
      ]),
    ).toEqual([5, 4.5, 3, 0]);
    expect(q.qtiXml).toContain('qti-inline-choice-interaction');
    // Each gap's answer feedback, and the general feedback.
    expect(feedbackShown(q, { ...right, RESPONSE_5: 'Marseille' })).toEqual([
      'OK',
      'OK',
      'OK',
      'OK',
      'No, that is the second largest city in France (after / Paris).',
      'This is a Moodle question [Moodle logo]',
    ]);
    expect(feedbackShown(q, { RESPONSE_5: 'Lyon' })).toEqual([
      'Wrong answer. The capital of France is Paris, of course.',
      'This is a Moodle question [Moodle logo]',
    ]);
    expect(q.problems.map((p) => p.code)).toEqual(['feedback_media_dropped']);
    expect(q.media!.length).toBeGreaterThan(0);
    expect(q.qtiXml!.match(/<img /g)).toHaveLength(2);
  });

  it("grades Moodle refuses (33%) and broken cloze questions are refused with Moodle's reasons", async () => {
    const invalid = (await read('moodle', 'xml/04-error_invalid_grades.xml')).questions[0]!;
    expect(invalid.item).toBeUndefined();
    expect(invalid.problems.map((p) => p.code)).toContain('moodle_invalid_grade');
    const broken = (await read('moodle', 'xml/05-broken_cloze_questions.xml')).questions;
    expect(broken.map((q) => [!!q.item, q.problems.find((p) => p.severity === 'error')?.code])).toEqual([
      [false, 'cloze_no_gaps'],
      [false, 'cloze_bad_gap'],
      [false, 'cloze_too_few_options'],
      [false, 'cloze_no_key'],
      [false, 'not_a_number'],
    ]);
  });

  it('cloze variants: NUMERICAL with tolerance, SHORTANSWER_C, MULTICHOICE_V, MULTIRESPONSE, weights', async () => {
    const xml = `<quiz><question type="cloze"><name><text>Mix</text></name><questiontext format="html"><text><![CDATA[
      <p>Pi is {2:NUMERICAL:=3.14:0.01#ok~%50%3:0.2}. Write HTML: {1:SAC:=HTML~%50%html}.</p>
      <p>{1:MCV:=yes~no~%-50%maybe}</p><p>{1:MR:%50%a~%50%b~%-100%c}</p>]]></text></questiontext></question></quiz>`;
    const q = (await text('moodle', xml)).questions[0]!;
    const all = { RESPONSE_1: '3.141', RESPONSE_2: 'HTML', RESPONSE_3: 'G3_A', RESPONSE_4: ['G4_A', 'G4_B'] };
    expect(
      scores(q, [
        all,
        { ...all, RESPONSE_1: '3.1' },
        { ...all, RESPONSE_2: 'html' },
        { ...all, RESPONSE_4: ['G4_A'] },
        { ...all, RESPONSE_4: ['G4_A', 'G4_C'] },
      ]),
    ).toEqual([5, 4, 4.5, 4.5, 4]);
    expect(
      scores(q, [
        { ...all, RESPONSE_1: '3,141' },
        { ...all, RESPONSE_1: '3,1' },
      ]),
    ).toEqual([5, 4]);
    expect(q.qtiXml).toContain('qti-choice-interaction');
  });

  it('Moodle 1.9 <image_base64> becomes item media after the question text', async () => {
    const png = readFileSync(path.join(corpus, 'xml/03-multianswer.xml'), 'utf8').match(
      /encoding="base64">([^<]+)</,
    )![1]!;
    const xml = `<quiz><question type="truefalse"><name><text>Old</text></name>
      <questiontext format="html"><text>Is this a flag?</text></questiontext>
      <image>pics/flag.png</image><image_base64>${png}</image_base64>
      <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`;
    const q = (await text('moodle', xml)).questions[0]!;
    expect(q.media!.map((m) => [m.href, m.contentType])).toEqual([['media/flag.png', 'image/png']]);
    expect(q.qtiXml).toContain('<img src="media/flag.png"');
    expect(scores(q, [R('A')])).toEqual([1]);
  });
});

describe('Aiken as Moodle reads it', () => {
  it('A)Text without a space is an option', async () => {
    const { questions } = await read('aiken', 'aiken/03-aiken-good-only.txt');
    expect(questions.map((q) => !!q.item)).toEqual([true, true, true]);
    expect(questions[1]!.draft.options.map((o) => o.text)).toEqual([
      'Incorrect (No space)',
      'Correct (No space)',
    ]);
    expect(scores(questions[1]!, [R('B'), R('A')])).toEqual([1, 0]);
  });
});

describe("A Vietnamese teacher's Moodle course export", () => {
  const png = () =>
    readFileSync(path.join(corpus, 'xml/03-multianswer.xml'), 'utf8').match(
      /encoding="base64">([^<]+)</,
    )![1]!;
  const mp3 = Buffer.from('ID3 nghe thử').toString('base64');
  const xml = () => `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Tiếng Việt 9/Nghe và đọc</text></category></question>
  <question type="multichoice">
    <name><text>Nghe đoạn hội thoại</text></name>
    <questiontext format="html"><text><![CDATA[<p>Nghe đoạn ghi âm: <audio controls src="@@PLUGINFILE@@/h%E1%BB%99i%20tho%E1%BA%A1i.mp3"></audio></p><p>Hai bạn hẹn gặp nhau ở đâu?</p>]]></text>
      <file name="hội thoại.mp3" encoding="base64">${mp3}</file></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Hai bạn hẹn ở <b>thư viện</b>.</p>]]></text></generalfeedback>
    <single>true</single><shuffleanswers>0</shuffleanswers>
    <answer fraction="0"><text>Ở sân trường</text></answer>
    <answer fraction="100" format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/th%C6%B0%20vi%E1%BB%87n.png" alt="Thư viện"/> Ở thư viện</p>]]></text>
      <file name="thư viện.png" encoding="base64">${png()}</file></answer>
    <answer fraction="50"><text>Ở nhà sách</text></answer>
  </question>
  <question type="cloze">
    <name><text>Điền từ</text></name>
    <questiontext format="html"><text><![CDATA[<p>Thủ đô của Việt Nam là {2:SA:=Hà Nội~%50%Ha Noi}. Sông dài nhất chảy qua Việt Nam là sông {1:MC:=Mê Kông~Hồng~Đà}. Năm {1:NM:=1945:0} nước Việt Nam Dân chủ Cộng hòa ra đời.</p>]]></text></questiontext>
  </question>
  <question type="numerical">
    <name><text>Tính nhanh</text></name>
    <questiontext format="html"><text>Tính 2.5 × 1.2</text></questiontext>
    <answer fraction="100"><text>3</text><tolerance>0.01</tolerance></answer>
  </question>
  <question type="shortanswer">
    <name><text>Từ láy</text></name>
    <questiontext format="html"><text>Viết một từ láy tả tiếng mưa.</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>lộp độp</text></answer>
    <answer fraction="50"><text>rì rào*</text></answer>
  </question>
</quiz>`;

  it('imports in one go: Vietnamese text, sound and picture as media, cloze and numerical scored as Moodle would', async () => {
    const preview = await text('moodle', xml());
    expect(preview.ok).toBe(true);
    const [listening, cloze, numeric, word] = preview.questions;
    expect(listening!.media!.map((m) => [m.href, m.contentType])).toEqual([
      ['media/hoi_thoai.mp3', 'audio/mpeg'],
      ['media/thu_vien.png', 'image/png'],
    ]);
    expect(listening!.qtiXml).toContain('<audio src="media/hoi_thoai.mp3"');
    expect(listening!.draft.category).toBe('Tiếng Việt 9/Nghe và đọc');
    expect(listening!.qtiXml).toContain('Hai bạn hẹn ở thư viện.');
    expect(scores(listening!, [R('B'), R('C'), R('A')])).toEqual([1, 0.5, 0]);
    expect(cloze!.draft.stem[0]).toBe(
      'Thủ đô của Việt Nam là {#1}. Sông dài nhất chảy qua Việt Nam là sông {#2}. Năm {#3} nước Việt Nam Dân chủ Cộng hòa ra đời.',
    );
    const right = { RESPONSE_1: 'hà nội', RESPONSE_2: 'G2_A', RESPONSE_3: '1945' };
    expect(
      scores(cloze!, [
        right,
        { ...right, RESPONSE_1: 'HÀ NỘI'.normalize('NFD') },
        { ...right, RESPONSE_1: 'Ha Noi' },
        { ...right, RESPONSE_3: '1954' },
      ]),
    ).toEqual([4, 4, 3, 3]);
    expect(scores(numeric!, [R('3'), R('3.005'), R('3.02')])).toEqual([1, 1, 0]);
    // A Vietnamese candidate writes a decimal comma: "3,005" is 3.005.
    expect(scores(numeric!, [R('3,005'), R('3,0'), R('3,02'), R('3,0,0')])).toEqual([1, 1, 0, 0]);
    expect(scores(word!, [R(' Lộp độp '), R('rì rào rì rào'), R('ào ào')])).toEqual([1, 0.5, 0]);
  });
});

describe('The Vietnamese course export fixture (item-bank/importers/fixtures/moodle-on-thi-lop-10.xml)', () => {
  const fixture = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../item-bank/importers/fixtures/moodle-on-thi-lop-10.xml',
  );
  it('every question scores right, partial and wrong answers as Moodle would; sound and pictures kept', async () => {
    const preview = await previewImport('moodle', new Uint8Array(readFileSync(fixture)));
    expect(preview.ok).toBe(true);
    const [listening, cloze, flag, matching, numeric, chart, word] = preview.questions;
    // The player's fallback text names the sound; it is not a paragraph of the question.
    expect(listening!.draft.stem).toEqual([
      'Nghe đoạn hội thoại giữa Lan và Minh:',
      'Hai bạn hẹn gặp nhau ở đâu?',
    ]);
    expect(listening!.draft.media).toEqual([
      { href: 'media/hoi-thoai.wav', contentType: 'audio/wav', alt: 'hội thoại', after: 0 },
    ]);
    expect(listening!.qtiXml).toContain('<audio src="media/hoi-thoai.wav"');
    expect(scores(listening!, [R('B'), R('C'), R('A')])).toEqual([1, 0.5, 0]);
    expect(feedbackShown(listening!, R('C'))[0]).toBe('Gần đúng.');
    const right = { RESPONSE_1: 'Hà Nội', RESPONSE_2: 'G2_A', RESPONSE_3: '1945' };
    expect(
      scores(cloze!, [right, { ...right, RESPONSE_1: 'ha noi' }, { ...right, RESPONSE_2: 'G2_B' }, {}]),
    ).toEqual([4, 3, 3, 0]);
    expect(cloze!.media!.map((m) => m.href)).toEqual(['media/co.png']);
    expect(scores(flag!, [R('A'), R('B')])).toEqual([1, 0]);
    expect(flag!.media!.map((m) => m.href)).toEqual(['media/co.png']);
    const pairs = ['P1 M1', 'P2 M2', 'P3 M3'];
    expect(scores(matching!, [R(pairs), R(pairs.slice(0, 1)), R(['P1 M4'])])).toEqual([3, 1, 0]);
    expect(scores(numeric!, [R('3'), R('3,005'), R('30'), R('3,5')])).toEqual([1, 1, 0.5, 0]);
    expect(scores(chart!, [R('C'), R('A')])).toEqual([1, 0]);
    expect(chart!.draft.media!.map((m) => [m.href, m.alt])).toEqual([
      ['media/bieu-do.png', 'Biểu đồ cột: xã A thấp nhất, xã C cao nhất'],
    ]);
    expect(scores(word!, [R('Lộp độp'), R('rào rào rào'), R('ào ào')])).toEqual([1, 0.5, 0]);
  });
});
