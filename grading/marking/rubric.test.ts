import { describe, expect, it } from 'vitest';
import { nextRole, resolveMarks, rubricMaximum, scoreRubric, type RubricCriteria } from './rubric.ts';

const criteria: RubricCriteria = [
  {
    id: 'content',
    name: 'Nội dung',
    levels: [
      { label: 'Chưa đạt', points: 0 },
      { label: 'Đạt', points: 1 },
      { label: 'Tốt', points: 2 },
    ],
  },
  {
    id: 'form',
    name: 'Trình bày',
    levels: [
      { label: 'Chưa đạt', points: 0 },
      { label: 'Đạt', points: 0.5 },
    ],
  },
];

describe('rubrics', () => {
  it('adds the points of the chosen levels and refuses a missing or unknown level', () => {
    expect(scoreRubric(criteria, { content: 2, form: 1 })).toBe(2.5);
    expect(rubricMaximum(criteria)).toBe(2.5);
    expect(() => scoreRubric(criteria, { content: 2 })).toThrow(RangeError);
    expect(() => scoreRubric(criteria, { content: 3, form: 0 })).toThrow(RangeError);
  });
});

describe('resolving marks', () => {
  const single = { doubleMarking: false, discrepancyThreshold: 1 };
  const double = { doubleMarking: true, discrepancyThreshold: 1 };

  it('takes a single mark as it is', () => {
    expect(resolveMarks(single, [])).toEqual({ state: 'unmarked' });
    expect(resolveMarks(single, [{ role: 'first', score: 3 }])).toEqual({
      state: 'resolved',
      score: 3,
      by: 'single',
    });
  });

  it('averages two marks within the threshold and sends a wider gap to a moderator, who decides', () => {
    expect(resolveMarks(double, [{ role: 'first', score: 3 }])).toEqual({ state: 'awaiting_second' });
    expect(
      resolveMarks(double, [
        { role: 'first', score: 3 },
        { role: 'second', score: 4 },
      ]),
    ).toEqual({ state: 'resolved', score: 3.5, by: 'agreed' });
    expect(
      resolveMarks(double, [
        { role: 'first', score: 1 },
        { role: 'second', score: 4 },
      ]),
    ).toEqual({ state: 'awaiting_moderator' });
    expect(
      resolveMarks(double, [
        { role: 'first', score: 1 },
        { role: 'second', score: 4 },
        { role: 'moderator', score: 2 },
      ]),
    ).toEqual({ state: 'resolved', score: 2, by: 'moderator' });
  });

  it('assigns roles: a second marker must be someone else, and only moderators settle discrepancies', () => {
    expect(nextRole(double, [], 'a', false)).toBe('first');
    expect(nextRole(double, [{ role: 'first', markerId: 'a', score: 1 }], 'a', false)).toEqual({
      refused: 'same_marker',
    });
    expect(nextRole(double, [{ role: 'first', markerId: 'a', score: 1 }], 'b', false)).toBe('second');
    const disputed = [
      { role: 'first' as const, markerId: 'a', score: 1 },
      { role: 'second' as const, markerId: 'b', score: 4 },
    ];
    expect(nextRole(double, disputed, 'c', false)).toEqual({ refused: 'not_moderator' });
    expect(nextRole(double, disputed, 'c', true)).toBe('moderator');
    expect(nextRole(double, [disputed[0]!, { ...disputed[1]!, score: 1.5 }], 'c', true)).toEqual({
      refused: 'resolved',
    });
    expect(nextRole(single, [{ role: 'first', markerId: 'a', score: 1 }], 'b', true)).toEqual({
      refused: 'already_marked',
    });
  });
});
