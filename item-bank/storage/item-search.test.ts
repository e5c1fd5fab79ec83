import { describe, expect, it } from 'vitest';
import { searchQuery } from './item-search.ts';

describe('item search query', () => {
  it('matches only the word still being typed as a prefix', () => {
    expect(searchQuery('dien tic')).toBe('dien & tic:*');
    expect(searchQuery('DIỆN TÍCH tam')).toBe('dien & tich & tam:*');
    expect(searchQuery('dien tich ')).toBe('dien & tich');
  });

  it('treats a word with a Vietnamese mark as finished: "hình tròn" is not a prefix of "trong"', () => {
    expect(searchQuery('hình tròn')).toBe('hinh & tron');
    expect(searchQuery('đường')).toBe('duong');
    expect(searchQuery('hinh tron')).toBe('hinh & tron:*');
  });

  it('ignores punctuation and empty text', () => {
    expect(searchQuery('  ;; ')).toBeUndefined();
    expect(searchQuery('tam giác, vuông?')).toBe('tam & giac & vuong');
  });
});
