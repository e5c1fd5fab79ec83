/**
 * A roster or enrolment file that cannot be read as a whole. Its message says why in English, for
 * the person who sent it; `code` and `params` say the same for a client that words it itself.
 */
export type RosterFileErrorCode =
  | 'csv_unreadable'
  | 'xlsx_unreadable'
  | 'file_empty'
  | 'workbook_without_sheet'
  | 'header_not_found'
  | 'columns_missing';

export class RosterFileError extends Error {
  constructor(
    message: string,
    readonly code: RosterFileErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'RosterFileError';
  }

  /** The 422 details: no row to blame, and the coded reason. */
  get details() {
    return { rows: [], code: this.code, params: this.params };
  }
}
