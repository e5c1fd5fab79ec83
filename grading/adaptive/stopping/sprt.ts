import { logLikelihood } from '../estimators/likelihood.ts';
import type { ScoredResponse } from '../estimators/response.ts';

/**
 * Classification around a cut score by Wald's sequential probability ratio test (Reckase 1983;
 * Eggen 1999): compare θ₁ = cut + δ with θ₀ = cut - δ (δ = half the indifference region).
 * log LR = log L(θ₁) - log L(θ₀); above log((1-β)/α) the candidate is classified above the cut,
 * below log(β/(1-α)) below it; between the two the test goes on.
 */
export interface SprtRule {
  cut: number;
  delta: number;
  alpha: number;
  beta: number;
}

export type SprtDecision = 'above' | 'below' | 'continue';

export function sprtDecision(
  rule: SprtRule,
  responses: readonly ScoredResponse[],
): {
  decision: SprtDecision;
  logRatio: number;
} {
  const logRatio =
    logLikelihood(responses, rule.cut + rule.delta) - logLikelihood(responses, rule.cut - rule.delta);
  const upper = Math.log((1 - rule.beta) / rule.alpha);
  const lower = Math.log(rule.beta / (1 - rule.alpha));
  const decision = logRatio >= upper ? 'above' : logRatio <= lower ? 'below' : 'continue';
  return { decision, logRatio };
}
