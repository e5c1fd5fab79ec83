/**
 * Proctoring thresholds of a sitting. Stored in the sitting's security policy under `proctoringRules` (any key
 * may be left out); the defaults below apply otherwise.
 */

export interface ProctoringPolicy {
  /** Seconds a condition must last before it becomes an incident. */
  noFaceSeconds: number;
  multipleFacesSeconds: number;
  headTurnedSeconds: number;
  lookingDownSeconds: number;
  objectSeconds: number;
  speechSeconds: number;
  focusLostSeconds: number;
  hiddenSeconds: number;
  fullscreenExitSeconds: number;
  /**
   * Whether candidates' faces are compared on the device with their roster photo at check-in. Off by default, so
   * a sitting without roster photos does not raise "no photo" for everyone.
   */
  identityCheck: boolean;
  /** Identity check: similarity (0..1) below which the faces are taken as different people. */
  identityMinSimilarity: number;
  /** Whether an incident may carry one small JPEG snapshot (off unless the sitting allows it). */
  snapshots: boolean;
  /** Days incidents' snapshots are kept. */
  snapshotRetentionDays: number;
}

export const DEFAULT_POLICY: ProctoringPolicy = {
  noFaceSeconds: 5,
  multipleFacesSeconds: 2,
  headTurnedSeconds: 5,
  lookingDownSeconds: 8,
  objectSeconds: 1,
  speechSeconds: 5,
  focusLostSeconds: 2,
  hiddenSeconds: 2,
  fullscreenExitSeconds: 2,
  identityCheck: false,
  identityMinSimilarity: 0.5,
  snapshots: false,
  snapshotRetentionDays: 30,
};

const finite = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;

/** The policy of a sitting from its stored security policy; unknown or out-of-range values fall back to defaults. */
export function proctoringPolicyOf(securityPolicy: unknown): ProctoringPolicy {
  const stored = (securityPolicy as { proctoringRules?: unknown } | null)?.proctoringRules;
  const rules = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const policy = { ...DEFAULT_POLICY };
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof ProctoringPolicy)[]) {
    const value = rules[key];
    if (key === 'snapshots' || key === 'identityCheck') policy[key] = value === true;
    else if (key === 'identityMinSimilarity') policy[key] = finite(value, 0, 1) ?? DEFAULT_POLICY[key];
    else if (key === 'snapshotRetentionDays') policy[key] = finite(value, 1, 3650) ?? DEFAULT_POLICY[key];
    else policy[key] = finite(value, 0, 3600) ?? DEFAULT_POLICY[key];
  }
  return policy;
}

/** Whether a sitting watches candidates at all (`securityPolicy.proctoring`). */
export function proctoringEnabled(securityPolicy: unknown): boolean {
  return (securityPolicy as { proctoring?: unknown } | null)?.proctoring === true;
}
