import { describe, expect, it } from 'vitest';
import { ratingOf, toTenPointScale } from './ten-point.ts';

describe('10-point scale', () => {
  it('rounds half up to one decimal for school tests and two for exam boards', () => {
    expect(toTenPointScale(5, 8)).toBe(6.3); // 6.25
    expect(toTenPointScale(5, 8, 'exam_board')).toBe(6.25);
    expect(toTenPointScale(1, 3)).toBe(3.3);
    expect(toTenPointScale(2, 3, 'exam_board')).toBe(6.67);
    expect(toTenPointScale(0.35, 1)).toBe(3.5);
    expect(toTenPointScale(40, 40)).toBe(10);
    expect(toTenPointScale(1, 0)).toBe(0);
  });

  it('rates by Thông tư 22 thresholds', () => {
    expect([9, 8, 7.9, 6.5, 6.4, 5, 4.9].map((s) => ratingOf(s))).toEqual([
      'Tốt',
      'Tốt',
      'Khá',
      'Khá',
      'Đạt',
      'Đạt',
      'Chưa đạt',
    ]);
    expect(ratingOf(7, { tot: 9, kha: 7, dat: 5 })).toBe('Khá');
  });
});
