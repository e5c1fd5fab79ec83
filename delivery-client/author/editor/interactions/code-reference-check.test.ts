import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../shared/create-i18n.tsx';
import type { AuthorMessageKey } from '../../i18n.tsx';
import { itemEditorVi } from '../../messages/item-editor-vi.ts';
import {
  codeCheckNotice,
  codeCheckProblems,
  codeReferencesOf,
  type CodeReferenceCheck,
} from './code-reference-check.ts';

/** The page's Vietnamese messages, with {name} parameters filled in as the i18n does. */
const t: Translate<AuthorMessageKey> = (key, values) =>
  ((itemEditorVi as Record<string, string>)[key] ?? `?${key}`).replace(/\{(\w+)\}/g, (_m, k: string) =>
    String(values?.[k] ?? `{${k}}`),
  );

const check = (patch: Partial<CodeReferenceCheck>): CodeReferenceCheck => ({
  responseIdentifier: 'RESPONSE',
  reference: { score: 2, maxScore: 2, failing: [] },
  starter: { score: 0, maxScore: 2 },
  practiceOnly: false,
  ok: true,
  ...patch,
});

describe("the code task's reference check in the item editor", () => {
  it('sends the reference solution only when one is typed', () => {
    expect(codeReferencesOf(undefined)).toBeUndefined();
    expect(
      codeReferencesOf({
        language: 'python',
        instructions: '',
        starterCode: '',
        entry: '',
        testsJson: '[]',
        referenceSolution: '  ',
      }),
    ).toBeUndefined();
    expect(
      codeReferencesOf({
        language: 'python',
        instructions: '',
        starterCode: '',
        entry: '',
        testsJson: '[]',
        referenceSolution: 'def f():\n    return 1\n',
      }),
    ).toEqual({ RESPONSE: 'def f():\n    return 1\n' });
  });

  it('lists the failing tests in Vietnamese when the save is refused', () => {
    const problems = codeCheckProblems(
      [
        check({
          ok: false,
          reference: { score: 1, maxScore: 2, failing: [{ name: 'Số âm', verdict: 'wrong_answer' }] },
          starter: { score: 2, maxScore: 2 },
        }),
      ],
      t,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Lời giải mẫu chỉ đạt 1/2 điểm nên câu hỏi chưa được lưu. Các bài kiểm tra chưa qua: "Số âm" (wrong_answer).',
      'Mã khởi đầu đã đạt đủ 2/2 điểm nên bài này không đánh giá được gì. Hãy để mã khởi đầu chưa hoàn chỉnh.',
    ]);
    expect(codeCheckProblems([check({})], t)).toEqual([]);
  });

  it('adds the result to the saved notice, with a practice-only note', () => {
    expect(codeCheckNotice([check({})], t)).toBe('Lời giải mẫu đạt 2/2 điểm; mã khởi đầu đạt 0/2.');
    expect(codeCheckNotice([check({ practiceOnly: true })], t)).toMatch(/luyện tập/);
  });
});
