/**
 * Reads a CSV file a school exported (comma, semicolon or tab; UTF-8 with or without BOM) into its
 * header and non-empty rows, each with its line in the file as a spreadsheet program shows it.
 */
import { parse } from 'csv-parse/sync';
import { RosterFileError } from './roster-file-error.ts';

export interface CsvTable {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/** Rows of a roster: a whole district's school year fits; a million-row bomb does not. */
export const MAX_CSV_ROWS = 20_000;

export function readCsvTable(bytes: Uint8Array): CsvTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(Buffer.from(bytes), {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // The header, the budget and one record past it: enough to know the file is over it.
      to: MAX_CSV_ROWS + 2,
    }) as unknown as typeof records;
  } catch (error) {
    const detail = (error as Error).message;
    throw new RosterFileError(`The CSV file cannot be read: ${detail}`, 'csv_unreadable', { detail });
  }
  if (records.length > MAX_CSV_ROWS + 1)
    throw new RosterFileError(
      `The CSV file has more than ${MAX_CSV_ROWS} rows; split it into several files.`,
      'csv_unreadable',
      { detail: `more than ${MAX_CSV_ROWS} rows` },
    );
  const [header, ...rows] = records;
  if (!header) throw new RosterFileError('The file is empty.', 'file_empty');
  return {
    header: header.record,
    rows: rows
      .filter(({ record }) => record.some((cell) => cell !== ''))
      .map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}
