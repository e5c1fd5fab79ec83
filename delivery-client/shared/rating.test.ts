import { describe, expect, it } from 'vitest';
import { ratingLabel } from './rating.ts';

describe('ratings in the reader language', () => {
  it('translates the Thông tư 22 words on English pages, keeping the official word', () => {
    expect(ratingLabel('Tốt', 'en')).toBe('Very good (Tốt)');
    expect(ratingLabel('Chưa đạt', 'en')).toBe('Not yet passed (Chưa đạt)');
    expect(ratingLabel('Khá', 'vi')).toBe('Khá');
  });
});
