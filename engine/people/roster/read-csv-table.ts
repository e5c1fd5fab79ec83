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
    }) as unknown as typeof records;
  } catch (error) {
    const detail = (error as Error).message;
    throw new RosterFileError(`The CSV file cannot be read: ${detail}`, 'csv_unreadable', { detail });
  }
  const [header, ...rows] = records;
  if (!header) throw new RosterFileError('The file is empty.', 'file_empty');
  return {
    header: header.record,
    rows: rows
      .filter(({ record }) => record.some((cell) => cell !== ''))
      .map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}
