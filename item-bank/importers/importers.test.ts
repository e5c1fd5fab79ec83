import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseItemXml } from '../qti/parse-item.ts';
import { buildVietnameseTestDocx } from './fixtures/vietnamese-test-docx.ts';
import { formatFromFilename, previewImport, type ImportedQuestion, type ImportFormat } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(here, 'fixtures', name)));
const keyOf = (q: ImportedQuestion) =>
  q.draft.kind === 'shortAnswer' || q.draft.kind === 'numeric'
    ? q.draft.answers
    : q.draft.options.filter((o) => o.correct).map((o) => o.label);
const summary = (qs: ImportedQuestion[]) =>
  qs.map((q) => ({ kind: q.draft.kind, key: keyOf(q), ok: !!q.item, codes: q.problems.map((p) => p.code) }));
/** The correct responses an item declares, by response identifier. */
const correct = (q: ImportedQuestion) =>
  Object.fromEntries(
    q.item!.declarations.flatMap((d) =>
      d.kind === 'response' ? [[d.identifier, (d.correctResponse ?? []).map((v) => v.text)]] : [],
    ),
  );

describe('Word tests in the Vietnamese layout (.docx, generated with docx)', () => {
  it('reads parts, options on one line, underline/bold/asterisk keys, answer tables, true/false clusters and short answers', async () => {
    const preview = await previewImport('docx', await buildVietnameseTestDocx());
    expect(preview.ok).toBe(true);
    expect(preview.questions.map((q) => q.label)).toEqual([
      'Phần I – Câu 1',
      'Phần I – Câu 2',
      'Phần I – Câu 3',
      'Phần I – Câu 4',
      'Phần I – Câu 5',
      'Phần II – Câu 1',
      'Phần III – Câu 1',
      'Phần III – Câu 2',
    ]);
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['B'], ok: true, codes: [] }, // underlined
      { kind: 'single', key: ['B'], ok: true, codes: [] }, // bold
      { kind: 'single', key: ['C'], ok: true, codes: [] }, // answer table
      { kind: 'single', key: ['C'], ok: true, codes: [] }, // asterisk
      { kind: 'single', key: ['C'], ok: true, codes: [] }, // answer table
      { kind: 'trueFalse', key: ['a', 'c'], ok: true, codes: [] },
      { kind: 'shortAnswer', key: ['4'], ok: true, codes: [] }, // inline "Đáp án: 4"
      { kind: 'shortAnswer', key: ['2,25'], ok: true, codes: [] },
    ]);
    const [q1, , , , , tf, , sa] = preview.questions;
    expect(q1!.draft.options.map((o) => o.text)).toEqual(['ℝ', 'ℝ \\ {0}', '(0; +∞)', '[0; +∞)']);
    expect(correct(q1!)).toEqual({ RESPONSE: ['B'] });
    expect(correct(tf!)).toEqual({
      RESPONSE_A: ['DUNG'],
      RESPONSE_B: ['SAI'],
      RESPONSE_C: ['DUNG'],
      RESPONSE_D: ['SAI'],
    });
    // 2025 scale for four statements; both decimal commas and points are accepted.
    const tfScore = tf!.item!.declarations.find((d) => d.identifier === 'SCORE');
    expect(tfScore?.kind === 'outcome' && tfScore.lookupTable?.entries.map((e) => e.targetValue)).toEqual([
      '0.1',
      '0.25',
      '0.5',
      '1',
    ]);
    const mapping = sa!.item!.declarations[0]!;
    expect(mapping.kind === 'response' && mapping.mapping?.entries.map((e) => e.mapKey)).toEqual([
      '2,25',
      '2.25',
    ]);
    // The QTI written for every question reads back without errors.
    for (const q of preview.questions)
      expect(parseItemXml(q.qtiXml!).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('flags the question whose key is missing, with its paragraph, and a correction or leaving it out makes the import confirmable', async () => {
    const bytes = await buildVietnameseTestDocx({ broken: true });
    const preview = await previewImport('docx', bytes);
    expect(preview.ok).toBe(false);
    const bad = preview.questions.filter((q) => q.problems.some((p) => p.severity === 'error'));
    expect(bad.map((q) => [q.label, q.problems.map((p) => [p.code, p.paragraph])])).toEqual([
      ['Phần I – Câu 5', [['no_key', 15]]],
    ]);
    expect(bad[0]!.problems[0]!.message).toMatch(/chưa có đáp án đúng/);
    expect(bad[0]!.problems[0]!.messageEn).toMatch(/no correct answer is marked/);
    expect((await previewImport('docx', bytes, { skip: [5] })).ok).toBe(true);
    const draft = bad[0]!.draft;
    const fixed = await previewImport('docx', bytes, {
      fixes: { 5: { ...draft, options: draft.options.map((o) => ({ ...o, correct: o.label === 'C' })) } },
    });
    expect(fixed.ok).toBe(true);
    expect(keyOf(fixed.questions[4]!)).toEqual(['C']);
  });

  it('reports a file that is not a Word document, and one without "Câu n." questions', async () => {
    const junk = await previewImport('docx', new TextEncoder().encode('not a zip'));
    expect(junk.problems.map((p) => p.code)).toEqual(['docx_unreadable']);
    const prose = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Chỉ là một đoạn văn.')] }] }),
    );
    const empty = await previewImport('docx', prose);
    expect(empty.ok).toBe(false);
    expect(empty.problems.map((p) => p.code)).toEqual(['no_questions']);
  });
});

describe('Moodle XML', () => {
  it('imports choice, multiple response with partial credit, true/false, short answer, numerical and essay; an empty matching and an unkeyed question are flagged', async () => {
    const preview = await previewImport('moodle', fixture('moodle-quiz.xml'));
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['A'], ok: true, codes: [] },
      { kind: 'multiple', key: ['A', 'B'], ok: true, codes: [] },
      { kind: 'single', key: ['A'], ok: true, codes: [] },
      { kind: 'shortAnswer', key: ['print', 'echo'], ok: true, codes: [] },
      { kind: 'numeric', key: ['4'], ok: true, codes: [] },
      { kind: 'essay', key: [], ok: true, codes: [] },
      { kind: 'matching', key: [], ok: false, codes: ['too_few_pairs'] },
      { kind: 'single', key: [], ok: false, codes: ['no_key'] },
    ]);
    expect(preview.questions[1]!.draft.options.map((o) => o.fraction)).toEqual([0.5, 0.5, -1]);
    expect(preview.questions[3]!.draft.answerFractions).toEqual([1, 0.5]);
    expect(preview.questions[0]!.draft.category).toBe('Toán 9/Hình học');
    expect(preview.questions[0]!.draft.stem).toEqual([
      'Hình tròn bán kính 3 cm có diện tích xấp xỉ bao nhiêu?',
    ]);
    expect(preview.questions[6]!.problems[0]!.line).toBe(47);
    expect(preview.ok).toBe(false);
    expect((await previewImport('moodle', fixture('moodle-quiz.xml'), { skip: [7, 8] })).ok).toBe(true);
  });

  it('reports broken XML with its line, and refuses entity declarations', async () => {
    const broken = await previewImport(
      'moodle',
      new TextEncoder().encode('<quiz>\n<question type="essay">\n</quiz>'),
    );
    expect(broken.problems).toEqual([expect.objectContaining({ code: 'xml_syntax', line: 3 })]);
    const bomb = await previewImport(
      'moodle',
      new TextEncoder().encode('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>'),
    );
    expect(bomb.ok).toBe(false);
    expect(bomb.problems[0]!.code).toBe('xml_syntax');
  });
});

describe('GIFT (gift-pegjs) and Aiken', () => {
  it('reads GIFT questions one by one; the broken one is reported with its line', async () => {
    const preview = await previewImport('gift', fixture('questions.gift'));
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['A'], ok: true, codes: [] },
      { kind: 'multiple', key: ['A', 'B'], ok: true, codes: [] },
      { kind: 'single', key: ['A'], ok: true, codes: [] },
      { kind: 'shortAnswer', key: ['print', 'print()'], ok: true, codes: [] },
      { kind: 'numeric', key: ['4'], ok: true, codes: [] },
      { kind: 'essay', key: [], ok: true, codes: [] },
      { kind: 'single', key: [], ok: false, codes: ['gift_syntax', 'too_few_options', 'no_key'] },
    ]);
    expect(preview.questions[6]!.problems[0]).toMatchObject({ line: 16, number: 7 });
    expect(preview.questions[0]!.draft.stem).toEqual(['Căn bậc hai số học của 16 là']);
  });

  it('reads Aiken; a question without ANSWER is flagged', async () => {
    const preview = await previewImport('aiken', fixture('questions-aiken.txt'));
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['B'], ok: true, codes: [] },
      { kind: 'single', key: ['C'], ok: true, codes: [] },
      { kind: 'single', key: [], ok: false, codes: ['no_key'] },
    ]);
    expect(preview.questions[2]!.problems[0]!.line).toBe(15);
  });
});

describe('question sheets', () => {
  it('reads a CSV sheet with Vietnamese headers, including true/false and short answer rows', async () => {
    const preview = await previewImport('csv', fixture('questions.csv'));
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['C'], ok: true, codes: [] },
      { kind: 'multiple', key: ['A', 'C'], ok: true, codes: [] },
      { kind: 'trueFalse', key: ['a', 'b'], ok: true, codes: [] },
      { kind: 'shortAnswer', key: ['0,5'], ok: true, codes: [] },
      { kind: 'single', key: [], ok: false, codes: ['sheet_unknown_key', 'no_key'] },
    ]);
    expect(preview.questions[4]!.problems[0]).toMatchObject({ line: 6 });
    expect(correct(preview.questions[3]!)).toEqual({ RESPONSE: ['0,5'] });
  });

  it('reads an XLSX sheet with a title row above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đề');
    sheet.addRow(['Ngân hàng câu hỏi Lịch sử 9']);
    sheet.addRow(['STT', 'Question', 'A', 'B', 'C', 'D', 'Answer']);
    sheet.addRow([
      1,
      'Năm 1945 Việt Nam giành độc lập vào tháng mấy?',
      'Tháng 8',
      'Tháng 9',
      'Tháng 10',
      'Tháng 12',
      'B',
    ]);
    sheet.addRow([2, 'Câu không có phương án và đáp án', '', '', '', '', '']);
    const preview = await previewImport('xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(summary(preview.questions)).toEqual([
      { kind: 'single', key: ['B'], ok: true, codes: [] },
      { kind: 'essay', key: [], ok: true, codes: [] },
    ]);
  });

  it('guesses the format from the file name', () => {
    expect(formatFromFilename('de-thi.docx')).toBe('docx');
    expect(formatFromFilename('quiz.xml')).toBe('moodle');
    expect(formatFromFilename('a.txt', new TextEncoder().encode('Q\nA. x\nANSWER: A'))).toBe('aiken');
    expect(formatFromFilename('a.txt', new TextEncoder().encode('Q {=a ~b}'))).toBe('gift');
    expect(formatFromFilename('a.pdf')).toBe<ImportFormat | undefined>(undefined);
  });
});
