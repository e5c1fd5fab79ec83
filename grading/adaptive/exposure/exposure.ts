/**
 * Exposure control applied to the ranked candidates:
 * - 'none': the best candidate;
 * - 'randomesque' (Kingsbury & Zara 1989): one of the k best, uniformly;
 * - 'sympson-hetter' (Sympson & Hetter 1985): walk the ranking, administer candidate i with
 *   probability K_i; a candidate that loses its draw is set aside for the rest of the test.
 *   K comes from calibrateSympsonHetter; items missing from `k` have K = 1.
 */
export type ExposureControl =
  | { kind: 'none' }
  | { kind: 'randomesque'; k: number }
  | { kind: 'sympson-hetter'; k: Readonly<Record<string, number>> };
