/**
 * RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted with inner quotes doubled;
 * records end in CRLF. Text that a spreadsheet would run as a formula is neutralised
 * (formula-safe.ts). Small enough to keep here rather than add a dependency.
 */
import { formulaSafe } from './formula-safe.ts';

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? formulaSafe(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a header row and data rows (each row in header order). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',') + '\r\n').join('');
}
