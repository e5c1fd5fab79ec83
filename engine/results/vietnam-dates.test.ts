import { describe, expect, it } from 'vitest';
import { calendarDate, vietnamDate } from './vietnam-dates.ts';

describe('dates on reports', () => {
  it('dates an instant in Vietnam time, not UTC (after 17:00 UTC it is already tomorrow there)', () => {
    expect(vietnamDate(new Date('2026-12-06T23:30:00Z'))).toBe('07/12/2026');
    expect(vietnamDate('2026-12-06T10:00:00Z')).toBe('06/12/2026');
  });

  it('prints a date of birth as the calendar date it is', () => {
    expect(calendarDate('2011-05-17')).toBe('17/05/2011');
  });
});
