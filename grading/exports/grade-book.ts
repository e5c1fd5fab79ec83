/**
 * The class grade book (sổ điểm) of a sitting as XLSX: one worksheet per class, with the school,
 * class, subject and test above a table of STT, Mã định danh, Họ và tên, Ngày sinh, Mã đề (only
 * when the sitting has parallel forms), the points
 * of each section, Tổng điểm, Điểm (hệ 10) and Xếp loại, candidates in Vietnamese name order
 * (by given name, then the whole name), and the count of each rating below.
 */
import ExcelJS from 'exceljs';
import { formulaSafe } from './formula-safe.ts';
import type { GradebookCandidate, GradebookData } from './gradebook-data.ts';

export const GRADE_BOOK_HEADER_ROW = 5;
const RATINGS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const givenName = (fullName: string) => fullName.trim().split(/\s+/).at(-1) ?? '';
const byVietnameseName = (a: GradebookCandidate, b: GradebookCandidate) =>
  givenName(a.fullName).localeCompare(givenName(b.fullName), 'vi') ||
  a.fullName.localeCompare(b.fullName, 'vi');

function sheetName(name: string, taken: Set<string>): string {
  // Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters.
  const base = name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Lớp';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)} (${i})`;
  taken.add(candidate);
  return candidate;
}

/** The grade book workbook of a sitting, as XLSX bytes. */
export async function gradeBookXlsx(data: GradebookData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'exam-engine';
  const byClass = new Map<string, GradebookCandidate[]>();
  for (const c of data.candidates) {
    const key = c.className ?? '(không lớp)';
    byClass.set(key, [...(byClass.get(key) ?? []), c]);
  }
  const taken = new Set<string>();
  const withForms = data.forms.length > 1;
  const header = [
    'STT',
    'Mã định danh',
    'Họ và tên',
    'Ngày sinh',
    ...(withForms ? ['Mã đề'] : []),
    ...data.sections.map((s) => formulaSafe(`${s.title || s.id} (${Math.round(s.max * 100) / 100} đ)`)),
    'Tổng điểm',
    'Điểm (hệ 10)',
    'Xếp loại',
  ];
  const d = data.sitting.opensAt;
  const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  for (const [className, candidates] of [...byClass].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
    const sheet = workbook.addWorksheet(sheetName(className, taken));
    const last = header.length;
    sheet.mergeCells(1, 1, 1, last);
    sheet.getCell(1, 1).value = 'SỔ ĐIỂM';
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    sheet.getCell(2, 1).value = `Trường: ${data.school.name}`;
    sheet.getCell(3, 1).value = `Lớp: ${className}    Môn: ${data.sitting.subject ?? ''}`;
    sheet.getCell(4, 1).value = `Bài kiểm tra: ${data.sitting.name}    Ngày: ${date}`;
    const head = sheet.getRow(GRADE_BOOK_HEADER_ROW);
    head.values = header;
    head.font = { bold: true };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const sorted = [...candidates].sort(byVietnameseName);
    sorted.forEach((c, i) => {
      const row = sheet.getRow(GRADE_BOOK_HEADER_ROW + 1 + i);
      row.values = [
        i + 1,
        formulaSafe(c.nationalId),
        formulaSafe(c.fullName),
        vnDate(c.dateOfBirth),
        ...(withForms ? [formulaSafe(c.form ?? '-')] : []),
        ...data.sections.map((s) => Math.round((c.sections[s.id] ?? 0) * 100) / 100),
        Math.round(c.raw * 100) / 100,
        c.tenPoint,
        c.rating ?? 'Đang chấm',
      ];
      // The identifier is text: as a number Excel would drop its leading zero.
      row.getCell(2).numFmt = '@';
    });
    for (let col = 1; col <= last; col++) {
      for (let r = GRADE_BOOK_HEADER_ROW; r <= GRADE_BOOK_HEADER_ROW + sorted.length; r++) {
        sheet.getCell(r, col).border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        };
      }
    }
    const summaryRow = GRADE_BOOK_HEADER_ROW + sorted.length + 2;
    RATINGS.forEach((rating, i) => {
      sheet.getCell(summaryRow + i, 3).value = rating;
      sheet.getCell(summaryRow + i, 4).value = sorted.filter((c) => c.rating === rating).length;
    });
    sheet.getColumn(1).width = 5;
    sheet.getColumn(2).width = 15;
    sheet.getColumn(3).width = 28;
    sheet.getColumn(4).width = 12;
    for (let col = 5; col <= last; col++) sheet.getColumn(col).width = 12;
    if (withForms) sheet.getColumn(5).width = 7;
    sheet.views = [{ state: 'frozen', ySplit: GRADE_BOOK_HEADER_ROW, xSplit: 3 }];
  }
  if (!byClass.size) workbook.addWorksheet('Sổ điểm');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
