/**
 * What can be wrong with one row of a sitting roster, as a stable code with parameters, so that a
 * client can say it in its own language; the English sentence stays beside it for API clients.
 */
import type { z } from 'zod';
import type { EnrolmentField } from './enrolment-row.ts';

export type IssueParams = Record<string, string | number>;

/** One problem of a roster row: `code` never changes meaning, `params` fill its sentence. */
export interface EnrolmentIssue {
  code: EnrolmentIssueCode;
  params: IssueParams;
}

export type EnrolmentIssueCode =
  | 'national_id_missing'
  | 'national_id_invalid'
  | 'candidate_number_too_long'
  | 'candidate_number_invalid_characters'
  | 'room_missing'
  | 'extra_time_invalid'
  | 'separate_room_invalid'
  | 'national_id_repeated'
  | 'student_not_found'
  | 'student_already_enrolled'
  | 'room_not_found'
  | 'candidate_number_taken'
  | 'candidate_number_repeated'
  | 'room_would_mix'
  /** A zod issue this file does not know yet: its English message is all there is. */
  | 'invalid_value';

/** An issue with the English sentence `reason` has always carried. */
export interface DescribedIssue extends EnrolmentIssue {
  message: string;
}

/** The 422 entry for one bad row: the English reasons joined as before, and the same issues coded. */
export interface RowProblem {
  line: number;
  reason: string;
  issues: EnrolmentIssue[];
}

export function rowProblem(line: number, issues: DescribedIssue[]): RowProblem {
  return {
    line,
    reason: issues.map((i) => i.message).join('; '),
    issues: issues.map(({ code, params }) => ({ code, params })),
  };
}

/** Built-in zod checks of `EnrolmentRow`, by field and zod issue code (custom checks carry their own). */
const ZOD_CODES: Partial<Record<`${EnrolmentField}:${string}`, EnrolmentIssueCode>> = {
  'nationalId:invalid_type': 'national_id_missing',
  'nationalId:too_small': 'national_id_missing',
  'nationalId:invalid_format': 'national_id_invalid',
  'candidateNumber:too_big': 'candidate_number_too_long',
  'candidateNumber:invalid_format': 'candidate_number_invalid_characters',
  'room:invalid_type': 'room_missing',
  'room:too_small': 'room_missing',
};

/**
 * Codes a zod issue of `EnrolmentRow`. `values` is the raw row, so a code about a value can name it
 * (zod does not report the input).
 */
export function issueFromZod(
  issue: z.core.$ZodIssue,
  values: Partial<Record<EnrolmentField, string>>,
): DescribedIssue {
  const field = issue.path[0] as EnrolmentField;
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
    const { code, ...params } = issue.params as { code: EnrolmentIssueCode } & IssueParams;
    return { code, params, message: issue.message };
  }
  const code = ZOD_CODES[`${field}:${issue.code}`] ?? 'invalid_value';
  const params: IssueParams = {};
  if (code === 'candidate_number_too_long' && issue.code === 'too_big') params.max = Number(issue.maximum);
  if (code === 'national_id_invalid' || code.startsWith('candidate_number_') || code === 'invalid_value')
    params.value = values[field]?.trim() ?? '';
  if (code === 'invalid_value') params.field = field;
  return { code, params, message: issue.message };
}
