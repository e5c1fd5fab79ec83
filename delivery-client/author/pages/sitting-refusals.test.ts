/** The engine's coded roster and accommodation refusals come out in the page's language. */
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../shared/create-i18n.tsx';
import { ApiError } from '../api.ts';
import type { AuthorMessageKey } from '../i18n.tsx';
import { boardSittingEn } from '../messages/board-sitting-en.ts';
import { boardSittingVi } from '../messages/board-sitting-vi.ts';
import { refusalEn } from '../messages/refusal-en.ts';
import { refusalVi } from '../messages/refusal-vi.ts';
import { describeConflict, describeRowProblem, rosterRefusal, type RowProblem } from './sitting-refusals.ts';

const translator =
  (catalogue: Record<string, string>): Translate<AuthorMessageKey> =>
  (key, values) =>
    (catalogue[key] ?? `?${key}`).replace(/\{(\w+)\}/g, (_, name: string) =>
      String(values?.[name] ?? `{${name}}`),
    );
const vi = translator({ ...boardSittingVi, ...refusalVi });
const en = translator({ ...boardSittingEn, ...refusalEn });

const problem: RowProblem = {
  line: 4,
  reason:
    'Mã định danh must be the 12-digit national identifier; no room "P9" in this sitting (rooms: P1, P2)',
  issues: [
    { code: 'national_id_invalid', params: { value: '123' } },
    { code: 'room_not_found', params: { room: 'P9', rooms: 'P1, P2' } },
  ],
};

describe('roster refusals', () => {
  it('words every issue of a row in Vietnamese, in the engine order', () => {
    expect(describeRowProblem(vi, problem)).toBe(
      'Mã định danh "123" phải gồm đúng 12 chữ số; kỳ thi không có phòng "P9" (các phòng: P1, P2)',
    );
    expect(describeRowProblem(en, problem)).toBe(
      'Mã định danh "123" must be the 12-digit national identifier; no room "P9" in this sitting (rooms: P1, P2)',
    );
  });

  it('says which line decided a room, or that enrolled candidates did', () => {
    const mix = (params: Record<string, string | number>) =>
      describeRowProblem(vi, { line: 9, reason: 'x', issues: [{ code: 'room_would_mix', params }] });
    expect(mix({ room: 'P1', roomKind: 'separate', decidedBy: 'line', line: 3 })).toBe(
      'P1 là phòng riêng (theo dòng 3); một phòng không được xếp lẫn thí sinh có và không có Phòng riêng',
    );
    expect(mix({ room: 'P2', roomKind: 'ordinary', decidedBy: 'enrolled_candidates' })).toContain(
      'P2 không phải phòng riêng (theo các thí sinh đã ghi danh)',
    );
  });

  it("keeps the engine's sentence for a code it does not know, or a row without codes", () => {
    const unknown = { ...problem, issues: [...(problem.issues ?? []), { code: 'new_check', params: {} }] };
    expect(describeRowProblem(vi, unknown)).toBe(problem.reason);
    expect(describeRowProblem(vi, { line: 1, reason: 'old engine' })).toBe('old engine');
  });

  it('words a file that cannot be read as a whole, and passes the bad rows on', () => {
    const header = new ApiError(422, 'validation', 'The header row lacks Phòng thi; found: A, B.', {
      rows: [],
      code: 'columns_missing',
      params: { columns: 'Phòng thi', found: 'A, B' },
    });
    expect(rosterRefusal(vi, header)).toEqual({
      rows: [],
      message: 'Dòng tiêu đề thiếu cột Phòng thi; các cột tìm thấy: A, B.',
    });
    const rows = new ApiError(422, 'validation', '1 row(s) have problems', { rows: [problem] });
    expect(rosterRefusal(vi, rows)?.rows).toEqual([problem]);
    expect(rosterRefusal(vi, new ApiError(403, 'forbidden', 'no'))).toBeUndefined();
  });
});

describe('accommodation conflicts', () => {
  it('words the reasons the engine gives, and others by the error id, never as its English sentence', () => {
    const conflict = (reason: string, params: Record<string, string | number>) =>
      new ApiError(409, 'conflict', 'english sentence', { reason, params });
    expect(describeConflict(vi, conflict('room_is_separate', { room: 'P3', count: 2 }))).toBe(
      'P3 là phòng riêng (2 thí sinh có hỗ trợ này); hãy chọn phòng khác.',
    );
    expect(
      describeConflict(vi, conflict('candidate_started', { candidateNumber: 'TS-01', state: 'in_progress' })),
    ).toBe('Thí sinh TS-01 đã bắt đầu làm bài; hãy cộng thêm thời gian từ màn hình giám thị.');
    expect(
      describeConflict(en, conflict('room_has_ordinary_candidates', { room: 'P1', count: 5 })),
    ).toContain('P1 already seats 5 candidate(s)');
    expect(describeConflict(vi, conflict('something_new', {}))).toBe(refusalVi['rf.id.conflict']);
  });
});
