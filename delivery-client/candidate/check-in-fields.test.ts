import { describe, expect, it } from 'vitest';
import { missingCheckInFields } from './check-in-fields.ts';

describe('an incomplete check-in form', () => {
  it('names every empty field, in form order, and blanks count as empty', () => {
    expect(
      missingCheckInFields({ accessCode: '', candidateNumber: '  ', dateOfBirth: '05/09/2011' }),
    ).toEqual(['accessCode', 'candidateNumber']);
    expect(
      missingCheckInFields({ accessCode: 'ABC123', candidateNumber: 'P010001', dateOfBirth: '' }),
    ).toEqual(['dateOfBirth']);
    expect(missingCheckInFields({ accessCode: 'A', candidateNumber: 'B', dateOfBirth: 'C' })).toEqual([]);
  });
});
