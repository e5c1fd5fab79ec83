/** The check-in fields a candidate left empty, in form order, so the page can name them. */
export const CHECK_IN_FIELDS = ['accessCode', 'candidateNumber', 'dateOfBirth'] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];

export function missingCheckInFields(values: Record<CheckInField, string>): CheckInField[] {
  return CHECK_IN_FIELDS.filter((f) => !values[f].trim());
}
