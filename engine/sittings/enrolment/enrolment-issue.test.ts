/** Every check of a roster row comes out as a code with its parameters, in the order of the English reasons. */
import { describe, expect, it } from 'vitest';
import { issueFromZod, rowProblem } from './enrolment-issue.ts';
import { EnrolmentRow } from './enrolment-row.ts';
import type { RawEnrolmentRow } from './read-enrolment-file.ts';
import { readEnrolmentCsv } from './read-enrolment-file.ts';
import { RosterFileError } from '../../people/roster/roster-file-error.ts';

function problemOf(values: RawEnrolmentRow['values']) {
  const result = EnrolmentRow.safeParse(values);
  if (result.success) throw new Error('the row was accepted');
  return rowProblem(
    7,
    result.error.issues.map((issue) => issueFromZod(issue, values)),
  );
}

describe('roster row issues', () => {
  it('code each field check with the value it refused', () => {
    const problem = problemOf({
      nationalId: '123',
      candidateNumber: 'TS 01',
      room: ' ',
      extraTimePercent: 'nhiều',
      separateRoom: 'Hay',
    });
    expect(problem.issues).toEqual([
      { code: 'national_id_invalid', params: { value: '123' } },
      { code: 'candidate_number_invalid_characters', params: { value: 'TS 01' } },
      { code: 'room_missing', params: {} },
      { code: 'extra_time_invalid', params: { value: 'nhiều' } },
      { code: 'separate_room_invalid', params: { value: 'Hay' } },
    ]);
    // The English reason is unchanged for API clients, one sentence per issue in the same order.
    expect(problem.line).toBe(7);
    expect(problem.reason.split('; ')).toEqual([
      'Mã định danh must be the 12-digit national identifier',
      'Số báo danh may hold only letters, digits and hyphens',
      'Phòng thi is missing',
      'Thời gian cộng thêm "nhiều" is not a whole 0-200 percent',
      'Phòng riêng "Hay" is not Có or Không',
    ]);
  });

  it('an empty or absent identifier is missing, a long candidate number names its limit', () => {
    expect(problemOf({ nationalId: ' ', room: 'Phòng 01' }).issues).toEqual([
      { code: 'national_id_missing', params: {} },
    ]);
    expect(problemOf({ room: 'Phòng 01' }).issues).toEqual([{ code: 'national_id_missing', params: {} }]);
    expect(
      problemOf({ nationalId: '001122334455', candidateNumber: 'A'.repeat(33), room: 'P1' }).issues,
    ).toEqual([{ code: 'candidate_number_too_long', params: { max: 32, value: 'A'.repeat(33) } }]);
    expect(problemOf({ nationalId: '001122334455', room: 'P1', extraTimePercent: '250%' }).issues).toEqual([
      { code: 'extra_time_invalid', params: { value: '250%' } },
    ]);
  });
});

describe('roster file errors', () => {
  const read = (text: string) => {
    try {
      readEnrolmentCsv(new TextEncoder().encode(text));
    } catch (error) {
      if (error instanceof RosterFileError) return { message: error.message, details: error.details };
      throw error;
    }
    throw new Error('the file was read');
  };

  it('name the missing columns, an empty file and an unreadable one by code', () => {
    expect(read('Mã định danh;SBD\n001122334455;A1\n')).toEqual({
      message: 'The header row lacks "Phòng thi"; found: "Mã định danh", "SBD".',
      details: {
        rows: [],
        code: 'columns_missing',
        params: { columns: '"Phòng thi"', found: '"Mã định danh", "SBD"' },
      },
    });
    expect(read('\n\n').details).toEqual({ rows: [], code: 'file_empty', params: {} });
    const unreadable = read('Mã định danh,Phòng thi\n"001122334455,Phòng 01\n').details;
    expect(unreadable).toMatchObject({ rows: [], code: 'csv_unreadable' });
    expect(unreadable.params.detail).toEqual(expect.any(String));
  });
});
