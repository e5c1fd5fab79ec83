/**
 * Reads a class roster from CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX into
 * raw rows with their line numbers in the file, keyed by roster field.
 */
import ExcelJS from 'exceljs';
import { checkXlsx } from '../../../item-bank/index.ts';
import { uploadParsers } from '../../platform/workers/upload-parsers.ts';
import { readCsvTable } from './read-csv-table.ts';
import { RosterFileError } from './roster-file-error.ts';
import { fieldForHeader, FIELD_LABELS, REQUIRED_FIELDS, type RosterField } from './roster-row.ts';

export interface RawRosterRow {
  /** 1-based line (CSV) or row number (XLSX) in the file, as a spreadsheet program shows it. */
  line: number;
  values: Partial<Record<RosterField, string | Date>>;
}

export { RosterFileError };

export type RosterFormat = 'csv' | 'xlsx';

export function detectRosterFormat(
  contentType: string | undefined,
  filename: string | undefined,
  bytes: Uint8Array,
): RosterFormat {
  // XLSX is a zip: "PK\x03\x04".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (filename?.toLowerCase().endsWith('.xlsx') || contentType?.includes('spreadsheetml')) return 'xlsx';
  return 'csv';
}

function mapHeaders(headers: string[]): Map<number, RosterField> {
  const columns = new Map<number, RosterField>();
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
  });
  const missing = REQUIRED_FIELDS.filter((field) => ![...columns.values()].includes(field));
  if (missing.length > 0) {
    const columns = missing.map((f) => `"${FIELD_LABELS[f]}"`).join(', ');
    const found = headers
      .filter(Boolean)
      .map((h) => `"${h}"`)
      .join(', ');
    throw new RosterFileError(
      `The header row lacks the column${missing.length > 1 ? 's' : ''} ${columns}; found: ${found}.`,
      'columns_missing',
      { columns, found },
    );
  }
  return columns;
}

function readCsv(bytes: Uint8Array): RawRosterRow[] {
  const { header, rows } = readCsvTable(bytes);
  const columns = mapHeaders(header);
  return rows.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries([...columns].map(([index, field]) => [field, cells[index] ?? ''])),
  }));
}

function cellValue(value: ExcelJS.CellValue): string | Date {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<RawRosterRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS loads the whole workbook: its bytes, rows, cells and shared strings are counted first.
    await checkXlsx(bytes);
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const detail = (error as Error).message;
    throw new RosterFileError(`The XLSX file cannot be read: ${detail}`, 'xlsx_unreadable', { detail });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileError('The workbook has no sheet.', 'workbook_without_sheet');
  // The header is the first row that names a known column (sheets often start with a title row).
  let headerRow = 0;
  let columns: Map<number, RosterField> | undefined;
  let lastError: unknown;
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && !columns; r++) {
    const cells: string[] = [];
    sheet
      .getRow(r)
      .eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = String(cellValue(cell.value))));
    if (!cells.some((c) => fieldForHeader(c ?? ''))) continue;
    try {
      columns = mapHeaders(Array.from(cells, (c) => c ?? ''));
      headerRow = r;
    } catch (error) {
      lastError = error;
    }
  }
  if (!columns)
    throw (
      lastError ??
      new RosterFileError(
        'No header row with "Mã định danh", "Họ và tên" and "Ngày sinh" was found.',
        'header_not_found',
      )
    );
  const rows: RawRosterRow[] = [];
  // The rows that exist, not every number up to the last: one cell at row 1,048,576 is one row.
  sheet.eachRow((row, r) => {
    if (r <= headerRow) return;
    const values: RawRosterRow['values'] = {};
    let any = false;
    for (const [index, field] of columns) {
      const value = cellValue(row.getCell(index + 1).value);
      if (value !== '') any = true;
      values[field] = value;
    }
    if (any) rows.push({ line: r, values });
  });
  return rows;
}

/** The reader itself (runs in an upload-parser worker, see readRosterFile). */
export async function readRosterFileHere(bytes: Uint8Array, format: RosterFormat): Promise<RawRosterRow[]> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/**
 * Reads a roster in an upload-parser worker (heap ceiling, time budget), so a hostile file costs
 * a worker, never the engine's event loop. Throws RosterFileError for a file it cannot read.
 */
export function readRosterFile(bytes: Uint8Array, format: RosterFormat): Promise<RawRosterRow[]> {
  return uploadParsers().run({
    reader: readRosterFileHere,
    module: new URL(import.meta.url),
    args: [bytes, format],
    file: `The roster file (${format.toUpperCase()})`,
    revive: [RosterFileError],
  });
}
