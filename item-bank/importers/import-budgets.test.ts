/**
 * What one imported file may hold (issue 26, finding 2): questions per file, paragraphs of a Word
 * document, rows, cells and shared strings of a workbook, rows of a CSV sheet. Each budget refuses
 * the file whole with the count, the budget and the part named; files within them still import.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PackageError } from '../packages/read-zip.ts';
import { checkDocx } from './docx-limits.ts';
import { buildVietnameseTestDocx } from './fixtures/vietnamese-test-docx.ts';
import { MAX_QUESTIONS_PER_FILE, MAX_SHEET_ROWS } from './import-limits.ts';
import { previewImport } from './index.ts';
import { checkXlsx } from './xlsx-limits.ts';

const aikenQuestions = (n: number) =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, i) => `Câu hỏi ${i + 1}?\nA. có\nB. không\nANSWER: A\n`).join('\n'),
  );

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Câu hỏi');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('import budgets (issue 26, finding 2)', () => {
  it(`refuses a file of more than ${MAX_QUESTIONS_PER_FILE} questions whole, and reads one within it`, async () => {
    const over = await previewImport('aiken', aikenQuestions(MAX_QUESTIONS_PER_FILE + 1));
    expect(over.ok).toBe(false);
    expect(over.questions).toEqual([]);
    expect(over.problems).toEqual([
      expect.objectContaining({
        code: 'too_many_questions',
        severity: 'error',
        messageEn: `The file holds 3,001 questions; at most 3,000 can be imported from one file. Split it into several files.`,
      }),
    ]);
    const within = await previewImport('aiken', aikenQuestions(20));
    expect(within.questions).toHaveLength(20);
    expect(within.ok).toBe(true);
  });

  it('counts a Word document’s paragraphs before mammoth reads it', async () => {
    const docx = await buildVietnameseTestDocx();
    await expect(checkDocx(docx)).resolves.toBeUndefined();
    const refused = await checkDocx(docx, {}, 5).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PackageError);
    expect((refused as Error).message).toBe(
      'word/document.xml holds more than 5 paragraphs; the file is refused. Split it into several files.',
    );
  });

  it('counts a workbook’s rows, cells and shared strings before ExcelJS loads it', async () => {
    const book = await workbook([
      ['Câu', 'Câu hỏi', 'A', 'B', 'Đáp án'],
      ['1', 'Một cộng một?', '2', '3', 'A'],
      ['2', 'Hai cộng hai?', '4', '5', 'A'],
    ]);
    await expect(checkXlsx(book)).resolves.toBeUndefined();
    await expect(checkXlsx(book, { maxRows: 2 })).rejects.toThrow(
      'xl/worksheets/sheet1.xml holds more than 2 rows; the file is refused. Split it into several files.',
    );
    await expect(checkXlsx(book, { maxCells: 14 })).rejects.toThrow(/sheet1\.xml holds more than 14 cells/);
    await expect(checkXlsx(book, { maxSharedStrings: 3 })).rejects.toThrow(
      'xl/sharedStrings.xml holds more than 3 shared strings; the file is refused. Split it into several files.',
    );
  });

  it('turns an over-budget sheet into the file problem teachers see', async () => {
    const header = ['Câu', 'Câu hỏi', 'A', 'B', 'Đáp án'];
    const rows = Array.from({ length: MAX_SHEET_ROWS }, (_, i) => [
      String(i + 1),
      `Câu ${i + 1}?`,
      'x',
      'y',
      'A',
    ]);
    const xlsx = await previewImport('xlsx', await workbook([header, ...rows]));
    expect(xlsx.problems).toEqual([
      expect.objectContaining({
        code: 'sheet_unreadable',
        messageEn: `The XLSX file cannot be read: xl/worksheets/sheet1.xml holds more than 3,100 rows; the file is refused. Split it into several files.`,
      }),
    ]);
    const csv = await previewImport(
      'csv',
      new TextEncoder().encode([header, ...rows].map((r) => r.join(',')).join('\n')),
    );
    expect(csv.problems).toEqual([
      expect.objectContaining({
        code: 'sheet_unreadable',
        messageEn:
          'The CSV file cannot be read: the sheet has more than 3100 rows; split it into several files',
      }),
    ]);
  });
});
