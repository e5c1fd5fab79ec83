/**
 * Question sheets (CSV or XLSX), one question a row, with Vietnamese or English headers:
 * Câu | Loại | Câu hỏi | A | B | C | D | Đáp án | Điểm. The key is "B", "A,C" for several, "ĐSĐS"
 * for a true/false cluster (statements in columns A-D), or the answer text (alternatives split by "|").
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../search/fold-vietnamese.ts';
import { MAX_SHEET_ROWS } from './import-limits.ts';
import { checkXlsx } from './xlsx-limits.ts';
import {
  emptyDraft,
  ProblemSink,
  type ParsedQuestions,
  type QuestionDraft,
  type QuestionKind,
} from './question-draft.ts';

type Field = 'number' | 'kind' | 'stem' | 'answer' | 'points' | `option:${string}`;
const HEADERS: Record<string, Field> = {
  cau: 'number',
  stt: 'number',
  so: 'number',
  number: 'number',
  no: 'number',
  loai: 'kind',
  'loai cau': 'kind',
  type: 'kind',
  'cau hoi': 'stem',
  'noi dung': 'stem',
  'noi dung cau hoi': 'stem',
  question: 'stem',
  stem: 'stem',
  'dap an': 'answer',
  'dap an dung': 'answer',
  answer: 'answer',
  key: 'answer',
  diem: 'points',
  points: 'points',
};
const fieldOf = (header: string): Field | undefined => {
  const folded = foldVietnamese(header);
  if (/^[a-h]$/.test(folded)) return `option:${folded.toUpperCase()}`;
  const option = /^(?:phuong an|option) ([a-h])$/.exec(folded);
  if (option) return `option:${option[1]!.toUpperCase()}`;
  return HEADERS[folded];
};

const KINDS: Record<string, QuestionKind> = {
  'mot lua chon': 'single',
  'trac nghiem': 'single',
  single: 'single',
  mc: 'single',
  'nhieu lua chon': 'multiple',
  multiple: 'multiple',
  'dung sai': 'trueFalse',
  'true false': 'trueFalse',
  truefalse: 'trueFalse',
  'tra loi ngan': 'shortAnswer',
  short: 'shortAnswer',
  'short answer': 'shortAnswer',
  'tu luan': 'essay',
  essay: 'essay',
};

interface Row {
  line: number;
  cells: string[];
}

function readCsv(bytes: Uint8Array): Row[] {
  const records = parse(Buffer.from(bytes), {
    bom: true,
    delimiter: [',', ';', '\t'],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    // One record past the budget is enough to know the file is over it.
    to: MAX_SHEET_ROWS + 1,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  if (records.length > MAX_SHEET_ROWS) throw tooManyRows();
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

const tooManyRows = () =>
  new Error(`the sheet has more than ${MAX_SHEET_ROWS} rows; split it into several files`);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<Row[]> {
  // ExcelJS loads the whole workbook: its bytes, rows and cells are counted first.
  await checkXlsx(bytes, { maxRows: MAX_SHEET_ROWS });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

const TRUE = new Set(['d', 'dung', 't', 'true']);
const FALSE = new Set(['s', 'sai', 'f', 'false']);
/** "ĐSĐS", "Đ,S,Đ,S" or "Đúng;Sai;..." into truth values. */
function truthValues(key: string): Array<boolean | null> {
  const parts = /[,;\s|]/.test(key.trim()) ? key.split(/[,;\s|]+/) : [...key.trim()];
  return parts
    .filter((p) => p.trim())
    .map((p) => {
      const f = foldVietnamese(p);
      return TRUE.has(f) ? true : FALSE.has(f) ? false : null;
    });
}

/** Reads a CSV or XLSX question sheet into drafts. */
export async function parseSheet(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<ParsedQuestions> {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  let rows: Row[];
  try {
    rows = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  } catch (error) {
    sink.error(
      'sheet_unreadable',
      `Không đọc được tệp ${kind.toUpperCase()}: ${(error as Error).message}`,
      `The ${kind.toUpperCase()} file cannot be read: ${(error as Error).message}`,
    );
    return { drafts, problems: sink.items };
  }
  // The header is the first of the first ten rows naming the question column.
  const headerIndex = rows.slice(0, 10).findIndex((r) => r.cells.some((c) => fieldOf(c) === 'stem'));
  if (headerIndex < 0) {
    sink.error(
      'sheet_no_header',
      'Không tìm thấy dòng tiêu đề có cột "Câu hỏi" (hoặc "Question").',
      'No header row with a "Câu hỏi" (or "Question") column was found.',
    );
    return { drafts, problems: sink.items };
  }
  const columns = rows[headerIndex]!.cells.map(fieldOf);
  for (const row of rows.slice(headerIndex + 1)) {
    if (!row.cells.some((c) => c.trim())) continue;
    const get = (f: Field) => row.cells[columns.indexOf(f)]?.trim() ?? '';
    const number = drafts.length + 1;
    const label = get('number') ? `Câu ${get('number').replace(/^câu\s*/i, '')}` : `Câu ${number}`;
    const draft = emptyDraft(number, label, { line: row.line });
    const at = { number, line: row.line };
    draft.stem = get('stem')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    const options = columns
      .map((f, i) =>
        f?.startsWith('option:') ? { label: f.slice(7), text: row.cells[i]?.trim() ?? '' } : undefined,
      )
      .filter((o): o is { label: string; text: string } => !!o && !!o.text);
    const key = get('answer');
    const kindText = foldVietnamese(get('kind'));
    const stated = kindText ? KINDS[kindText] : undefined;
    if (kindText && !stated)
      sink.error(
        'sheet_unknown_kind',
        `${label} (dòng ${row.line}): loại câu "${get('kind')}" không rõ; dùng "một lựa chọn", "nhiều lựa chọn", "đúng sai", "trả lời ngắn" hoặc "tự luận".`,
        `${label} (line ${row.line}): unknown type "${get('kind')}"; use single, multiple, truefalse, short or essay.`,
        at,
      );
    const keyLetters = key
      .toUpperCase()
      .split(/[,;\s]+/)
      .filter(Boolean);
    draft.kind =
      stated ??
      (options.length
        ? keyLetters.length > 1 && keyLetters.every((k) => /^[A-H]$/.test(k))
          ? 'multiple'
          : 'single'
        : key
          ? 'shortAnswer'
          : 'essay');
    const points = Number(get('points').replace(',', '.'));
    if (get('points') && !(points > 0))
      sink.error(
        'sheet_bad_points',
        `${label} (dòng ${row.line}): điểm "${get('points')}" không phải số dương.`,
        `${label} (line ${row.line}): points "${get('points')}" is not a positive number.`,
        at,
      );
    else if (points > 0) draft.points = points;
    if (draft.kind === 'trueFalse') {
      const truths = truthValues(key);
      draft.options = options.map((o, i) => ({
        label: o.label.toLowerCase(),
        text: o.text,
        correct: truths[i] ?? null,
      }));
    } else if (draft.kind === 'single' || draft.kind === 'multiple') {
      const unknown = keyLetters.filter((k) => !options.some((o) => o.label === k));
      if (unknown.length)
        sink.error(
          'sheet_unknown_key',
          `${label} (dòng ${row.line}): đáp án "${key}" không khớp phương án nào (${options.map((o) => o.label).join(', ')}).`,
          `${label} (line ${row.line}): key "${key}" matches no option (${options.map((o) => o.label).join(', ')}).`,
          at,
        );
      draft.options = options.map((o) => ({ ...o, correct: keyLetters.includes(o.label) }));
    } else if (draft.kind === 'shortAnswer') {
      draft.answers = key
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean);
    }
    drafts.push(draft);
  }
  if (!drafts.length) sink.error('no_questions', 'Tệp không có câu hỏi nào.', 'The file holds no questions.');
  return { drafts, problems: sink.items };
}
