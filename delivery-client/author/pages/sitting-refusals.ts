/**
 * Words the engine's coded refusals of roster files and accommodation changes in the page's language:
 * the engine sends a stable code with parameters beside its English sentence; a code this client does
 * not know yet is worded by its error id (describeRefusal), never as that sentence.
 */
import type { Translate } from '../../shared/create-i18n.tsx';
import { ApiError } from '../api.ts';
import type { AuthorMessageKey } from '../i18n.tsx';
import { describeRefusal } from './refusals.ts';

type T = Translate<AuthorMessageKey>;
type Params = Record<string, string | number>;

/** One coded problem of a roster row (engine/roster/enrolment-issue.ts). */
export interface RowIssue {
  code: string;
  params: Params;
}
/** A bad row of a 422: the English `reason` and, from engines that send them, its coded issues. */
export interface RowProblem {
  line: number;
  reason: string;
  issues?: RowIssue[];
}

const ROW_CODES = new Set([
  'national_id_missing',
  'national_id_invalid',
  'candidate_number_too_long',
  'candidate_number_invalid_characters',
  'room_missing',
  'extra_time_invalid',
  'separate_room_invalid',
  'national_id_repeated',
  'student_not_found',
  'student_already_enrolled',
  'room_not_found',
  'candidate_number_taken',
  'candidate_number_repeated',
  'invalid_value',
]);
const FILE_CODES = new Set([
  'csv_unreadable',
  'xlsx_unreadable',
  'file_empty',
  'workbook_without_sheet',
  'header_not_found',
  'columns_missing',
]);

function describeIssue(t: T, { code, params }: RowIssue): string | undefined {
  if (code === 'room_would_mix') {
    const by =
      params.decidedBy === 'line'
        ? t('sit.issue.byLine', { line: params.line ?? '' })
        : t('sit.issue.byEnrolled');
    const key =
      params.roomKind === 'separate'
        ? 'sit.issue.room_would_mix_separate'
        : 'sit.issue.room_would_mix_ordinary';
    return t(key, { room: params.room ?? '', by });
  }
  if (!ROW_CODES.has(code)) return undefined;
  const values = params.rooms === '' ? { ...params, rooms: '–' } : params;
  return t(`sit.issue.${code}` as AuthorMessageKey, values);
}

/** A row's problems in the page's language, joined as the engine joins its English ones. */
export function describeRowProblem(t: T, problem: RowProblem): string {
  const issues = problem.issues ?? [];
  const worded = issues.map((issue) => describeIssue(t, issue));
  return issues.length > 0 && worded.every((w) => w !== undefined) ? worded.join('; ') : problem.reason;
}

/** A 422 of a roster upload: its bad rows, or the reason the file as a whole could not be read. */
export function rosterRefusal(t: T, error: unknown): { rows: RowProblem[]; message: string } | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const details = (error.details ?? {}) as { rows?: unknown; code?: unknown; params?: unknown };
  const rows = Array.isArray(details.rows) ? (details.rows as RowProblem[]) : [];
  const code = typeof details.code === 'string' ? details.code : undefined;
  const message =
    code && FILE_CODES.has(code)
      ? t(`sit.file.${code}` as AuthorMessageKey, (details.params ?? {}) as Params)
      : describeRefusal(t, error);
  return { rows, message };
}

/** A 409 of an accommodation change in the page's language, or the engine's sentence for an unknown reason. */
export function describeConflict(t: T, error: unknown): string {
  if (!(error instanceof ApiError) || error.status !== 409) return describeRefusal(t, error);
  const { reason, params = {} } = (error.details ?? {}) as { reason?: string; params?: Params };
  switch (reason) {
    case 'candidate_started':
      return t('sit.conflict.candidate_started', { number: params.candidateNumber ?? '' });
    case 'room_has_ordinary_candidates':
    case 'room_is_separate':
      return t(`sit.conflict.${reason}`, { room: params.room ?? '', count: params.count ?? '' });
    default:
      return describeRefusal(t, error);
  }
}
