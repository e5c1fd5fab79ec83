import { describe, expect, it } from 'vitest';
import { roomTitle } from './access-slips.ts';

describe('a room list’s title', () => {
  it('does not say "Phòng" twice (the demo room is named "Phòng 01")', () => {
    expect(roomTitle('Phòng 01').toUpperCase()).toBe('PHÒNG 01');
    expect(roomTitle('phòng A2')).toBe('phòng A2');
    expect(roomTitle('01')).toBe('Phòng 01');
    expect(roomTitle('Phòngthí nghiệm')).toBe('Phòng Phòngthí nghiệm');
  });
});
