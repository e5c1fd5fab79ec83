/**
 * Reads a sitting roster CSV (comma, semicolon or tab; UTF-8 with or without BOM) into raw rows
 * keyed by enrolment field, each with its line in the file as a spreadsheet program shows it.
 * Uploads are read in an upload-parser worker (readEnrolmentFile), never on the event loop.
 */
import {
  ENROLMENT_FIELD_LABELS,
  enrolmentFieldForHeader,
  REQUIRED_ENROLMENT_FIELDS,
  type EnrolmentField,
} from './enrolment-row.ts';
import { readCsvTable } from '../../people/roster/read-csv-table.ts';
import { RosterFileError } from '../../people/roster/roster-file-error.ts';
import { uploadParsers } from '../../platform/workers/upload-parsers.ts';

export interface RawEnrolmentRow {
  line: number;
  values: Partial<Record<EnrolmentField, string>>;
}

export function readEnrolmentCsv(bytes: Uint8Array): RawEnrolmentRow[] {
  const { header, rows } = readCsvTable(bytes);
  const columns = new Map<number, EnrolmentField>();
  header.forEach((name, index) => {
    const field = enrolmentFieldForHeader(name);
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
  });
  const missing = REQUIRED_ENROLMENT_FIELDS.filter((f) => ![...columns.values()].includes(f));
  if (missing.length) {
    const columns = missing.map((f) => `"${ENROLMENT_FIELD_LABELS[f]}"`).join(', ');
    const found = header
      .filter(Boolean)
      .map((h) => `"${h}"`)
      .join(', ');
    throw new RosterFileError(`The header row lacks ${columns}; found: ${found}.`, 'columns_missing', {
      columns,
      found,
    });
  }
  return rows.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries([...columns].map(([index, field]) => [field, cells[index] ?? ''])),
  }));
}

/**
 * Reads an uploaded enrolment list in an upload-parser worker (heap ceiling, time budget), so a
 * hostile file costs a worker, never the engine's event loop. Throws RosterFileError as the reader does.
 */
export function readEnrolmentFile(bytes: Uint8Array): Promise<RawEnrolmentRow[]> {
  return uploadParsers().run({
    reader: readEnrolmentCsv,
    module: new URL(import.meta.url),
    args: [bytes],
    file: 'The enrolment file',
    revive: [RosterFileError],
  });
}
