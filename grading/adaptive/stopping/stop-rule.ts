import type { AbilityEstimate, ScoredResponse } from '../estimators/response.ts';
import { sprtDecision, type SprtRule } from './sprt.ts';

/** When a test ends. Length limits always apply; `se` and `sprt` end it early once minItems are given. */
export interface StopRule {
  minItems: number;
  maxItems: number;
  /** Stop once the SE of the estimate is at most this. */
  se?: number;
  sprt?: SprtRule;
}

export type StopReason = 'max-length' | 'se' | 'sprt-above' | 'sprt-below' | 'pool-exhausted';

/** The reason to stop now, or null to give another item (pool exhaustion is decided by the caller). */
export function stopReason(
  rule: StopRule,
  responses: readonly ScoredResponse[],
  estimate: AbilityEstimate,
): StopReason | null {
  const n = responses.length;
  if (n >= rule.maxItems) return 'max-length';
  if (n < rule.minItems) return null;
  if (rule.se !== undefined && estimate.se <= rule.se) return 'se';
  if (rule.sprt) {
    const { decision } = sprtDecision(rule.sprt, responses);
    if (decision !== 'continue') return decision === 'above' ? 'sprt-above' : 'sprt-below';
  }
  return null;
}
