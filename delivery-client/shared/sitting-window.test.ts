import { describe, expect, it } from 'vitest';
import { sittingWindow } from './sitting-window.ts';

describe('a sitting window as staff read it', () => {
  it('keeps the closing date when the sitting closes on another day (issue 18 #13)', () => {
    expect(sittingWindow('2026-12-06T07:09:18Z', '2027-01-05T10:00:00Z', 'vi')).toBe(
      '06/12/2026 14:09 – 05/01/2027 17:00',
    );
  });

  it('gives the closing time alone on the same day, in Vietnam time whatever the browser says', () => {
    expect(sittingWindow('2026-12-06T07:09:18Z', '2026-12-06T07:19:00Z', 'en')).toBe(
      '06/12/2026 14:09 – 14:19',
    );
    // 23:30 UTC is already the next morning in Hồ Chí Minh City.
    expect(sittingWindow('2026-12-06T23:30:00Z', '2026-12-07T01:00:00Z', 'vi')).toBe(
      '07/12/2026 06:30 – 08:00',
    );
  });
});
